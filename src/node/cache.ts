/**
 * `--cache`: skips files whose content, config and apology-lint version are
 * unchanged since the last run (Node only). The cache is one JSON file.
 */
import {createHash} from 'node:crypto'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import type {LintResult} from '../lint.js'

interface Entry {
  key: string
  result: Omit<LintResult, 'document'>
}

/** A cache of results keyed by file path. */
export class ResultCache {
  private entries: Record<string, Entry> = {}
  private dirty = false

  constructor(
    readonly path: string,
    private readonly salt: string,
  ) {
    if (!existsSync(path)) return
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as {salt?: string; entries?: Record<string, Entry>}
      // A cache from another version or configuration is dropped whole.
      if (data.salt === salt && data.entries) this.entries = data.entries
    } catch {
      this.entries = {}
    }
  }

  /** The key of a file's content under this configuration. */
  static key(content: string | Buffer, options: unknown): string {
    return createHash('sha256').update(content).update('\u0000').update(JSON.stringify(options) ?? '').digest('hex')
  }

  get(file: string, key: string): LintResult | undefined {
    const entry = this.entries[file]
    return entry && entry.key === key ? ({...entry.result} as LintResult) : undefined
  }

  set(file: string, key: string, result: LintResult): void {
    const {document: _document, ...rest} = result
    this.entries[file] = {key, result: rest}
    this.dirty = true
  }

  save(): void {
    if (this.dirty) writeFileSync(this.path, JSON.stringify({salt: this.salt, entries: this.entries}))
  }
}
