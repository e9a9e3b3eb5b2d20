/**
 * `--cache`: skips files whose content, configuration, rule set and
 * apology-lint version are unchanged since the last run (Node only).
 *
 * The cache is a hint, never a source of truth. It is one JSON file that
 * anyone could have written (committed to a repository, restored from a
 * shared CI cache), so an entry is used only when
 * - the file validates against {@link cachedResultSchema} (zod),
 * - it is stored under the exact path being linted (the result carries no path of its own),
 * - its key matches: a hash of the file's bytes, the resolved configuration,
 *   the rule set and the package version,
 * - its MAC matches: an HMAC-SHA256 with a secret that never leaves this machine
 *   (`APOLOGY_LINT_CACHE_SECRET`, or a per-user secret file in the cache folder),
 * - its positions fit the file's text, which is re-read (sources are not stored).
 * Anything else is ignored with a one-line notice and the file is linted
 * afresh. Reading or saving never fails the run.
 */
import {createHash, createHmac, randomBytes, timingSafeEqual} from 'node:crypto'
import {chmodSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs'
import {homedir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {z} from 'zod'
import {count, type LintResult} from '../lint.js'
import type {AnyRule} from '../rule.js'
import {cachedResultSchema, checkPositions, firstIssue, type CachedResult} from '../result-schema.js'

/** The cache file's name when `--cache-location` is a folder. */
export const CACHE_FILE_NAME = '.apology-lint-cache'

const FORMAT_VERSION = 2

const fileSchema = z.object({
  version: z.literal(FORMAT_VERSION),
  entries: z.record(z.string(), z.unknown()),
})

const entrySchema = z.object({
  key: z.string().regex(/^[0-9a-f]{64}$/),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
  result: z.unknown(),
})

/** Options for {@link ResultCache}. */
export interface CacheOptions {
  /** Where one-line notices go (an ignored entry, a cache that could not be saved). */
  notice?: (line: string) => void
  env?: Record<string, string | undefined>
}

/**
 * Where the cache file goes for `--cache-location`: a path ending in a slash,
 * or an existing folder, gets {@link CACHE_FILE_NAME} inside it.
 */
export function cacheFilePath(location: string, cwd: string = process.cwd()): string {
  if (/[\\/]$/.test(location)) return join(resolve(cwd, location), CACHE_FILE_NAME)
  location = resolve(cwd, location)
  try {
    if (statSync(location).isDirectory()) return join(location, CACHE_FILE_NAME)
  } catch {
    // Not there yet: a file path.
  }
  return location
}

/**
 * The secret that signs cache entries: `APOLOGY_LINT_CACHE_SECRET`, else a
 * random per-user secret kept (mode 0600) in `$XDG_CACHE_HOME/apology-lint/`
 * (or `~/.cache/apology-lint/`), created on first use. When neither is
 * available a secret for this run only is used, so no old entry is trusted.
 */
export function cacheSecret(env: Record<string, string | undefined> = process.env): Buffer {
  const fromEnv = env.APOLOGY_LINT_CACHE_SECRET
  if (fromEnv) return Buffer.from(fromEnv, 'utf8')
  try {
    const base = env.XDG_CACHE_HOME || join(homedir(), '.cache')
    const dir = join(base, 'apology-lint')
    const file = join(dir, 'cache-secret')
    try {
      const existing = readFileSync(file)
      if (existing.length >= 32) return existing
    } catch {
      // Created below.
    }
    mkdirSync(dir, {recursive: true, mode: 0o700})
    const secret = randomBytes(32)
    writeFileSync(file, secret, {mode: 0o600})
    chmodSync(file, 0o600)
    return readFileSync(file)
  } catch {
    return randomBytes(32)
  }
}

/** A fingerprint of a rule set: each rule's id, default severity and code (plugins change without a version bump). */
export function ruleSetSignature(rules: readonly AnyRule[]): string {
  const hash = createHash('sha256')
  for (const rule of rules) hash.update(`${rule.id}\u0000${rule.severity}\u0000${String(rule.create)}\u0000`)
  return hash.digest('hex')
}

/** A cache of results keyed by file path. */
export class ResultCache {
  private entries: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  private dirty = false
  private readonly secret: Buffer
  private readonly notice: (line: string) => void
  private ignored = 0
  private firstReason = ''

  /**
   * @param path the cache file.
   * @param salt what else the key covers: the package version, the CLI options and the rule set.
   */
  constructor(
    readonly path: string,
    private readonly salt: string,
    options: CacheOptions = {},
  ) {
    this.notice = options.notice ?? (() => {})
    this.secret = cacheSecret(options.env)
    let text: string
    try {
      text = readFileSync(path, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.notice(`apology-lint: cannot read the cache ${path} (${code ?? 'error'}); linting every file afresh.`)
      return
    }
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch {
      this.notice(`apology-lint: ignoring the cache ${path}: it is not JSON; linting every file afresh.`)
      return
    }
    const parsed = fileSchema.safeParse(data)
    if (!parsed.success) {
      // An older cache format is replaced silently; anything else is worth a word.
      const version = (data as {version?: unknown} | null)?.version
      const old =
        typeof data === 'object' &&
        data !== null &&
        !Array.isArray(data) &&
        (version === undefined || (typeof version === 'number' && version < FORMAT_VERSION)) &&
        'salt' in data
      if (!old) this.notice(`apology-lint: ignoring the cache ${path}: not an apology-lint cache (${firstIssue(parsed.error)}); linting every file afresh.`)
      return
    }
    this.entries = Object.assign(Object.create(null) as Record<string, unknown>, parsed.data.entries)
  }

  /** The key of a file's bytes under a resolved configuration (also covers the version, options and rule set via the salt). */
  key(content: string | Uint8Array, resolvedConfig: unknown): string {
    return createHash('sha256')
      .update(this.salt)
      .update('\u0000')
      .update(JSON.stringify(resolvedConfig) ?? '')
      .update('\u0000')
      .update(content)
      .digest('hex')
  }

  private mac(file: string, key: string, result: unknown): string {
    return createHmac('sha256', this.secret).update(`${FORMAT_VERSION}\u0000${file}\u0000${key}\u0000`).update(JSON.stringify(result)).digest('hex')
  }

  private reject(reason: string): undefined {
    this.ignored++
    if (!this.firstReason) this.firstReason = reason
    return undefined
  }

  /**
   * The cached result for `file` (the path being linted) when its entry is
   * valid for `key`, with `source` as the file's text; undefined otherwise.
   */
  get(file: string, key: string, source: string): LintResult | undefined {
    if (!Object.hasOwn(this.entries, file)) return undefined
    const entry = entrySchema.safeParse(this.entries[file])
    if (!entry.success) return this.reject(`entry for ${file}: ${firstIssue(entry.error)}`)
    // A different key is a changed file or configuration: not an attack, just stale.
    if (entry.data.key !== key) return undefined
    const expected = Buffer.from(this.mac(file, key, entry.data.result), 'hex')
    if (!timingSafeEqual(expected, Buffer.from(entry.data.mac, 'hex'))) return this.reject(`entry for ${file}: its signature does not match`)
    const parsed = cachedResultSchema.safeParse(entry.data.result)
    if (!parsed.success) return this.reject(`entry for ${file}: ${firstIssue(parsed.error)}`)
    const cached: CachedResult = parsed.data
    const diagnostics = cached.diagnostics as LintResult['diagnostics']
    const misfit = checkPositions(source, [...diagnostics, ...(cached.suppressed as LintResult['suppressed']).map((s) => s.diagnostic)])
    if (misfit) return this.reject(`entry for ${file}: ${misfit}`)
    const result: LintResult = {
      filePath: file,
      format: cached.format,
      language: cached.language,
      languageSource: cached.languageSource as LintResult['languageSource'],
      diagnostics,
      ...count(diagnostics),
      source,
      suppressed: cached.suppressed as LintResult['suppressed'],
      notes: cached.notes,
    }
    if (cached.checklist) result.checklist = cached.checklist
    return result
  }

  /** Stores `result` for `file` under `key`. Results that would not validate on reading are not stored. */
  set(file: string, key: string, result: LintResult): void {
    // A parse error (unreadable, binary, too large) is cheap to find again and its source is not the file's text.
    if (result.diagnostics.some((d) => d.fatal)) return
    const stored: Record<string, unknown> = {
      format: result.format,
      language: result.language,
      languageSource: result.languageSource,
      diagnostics: result.diagnostics,
      suppressed: result.suppressed,
      notes: result.notes,
    }
    if (result.checklist) stored.checklist = result.checklist
    // Round-trip through JSON, so that the MAC is over exactly what will be read back.
    const plain = JSON.parse(JSON.stringify(stored)) as unknown
    if (!cachedResultSchema.safeParse(plain).success) return
    this.entries[file] = {key, mac: this.mac(file, key, plain), result: plain}
    this.dirty = true
  }

  /** Prints one line about entries that were ignored, if any. */
  reportIgnored(): void {
    if (this.ignored === 0) return
    this.notice(
      `apology-lint: ignored ${this.ignored} invalid cache entr${this.ignored === 1 ? 'y' : 'ies'} in ${this.path} (${this.firstReason}); linted afresh.`,
    )
  }

  /**
   * Writes the cache (creating its folder), atomically through a temporary
   * file. A failure is a notice, never an error: the results are already out.
   */
  save(): void {
    if (!this.dirty) return
    const temporary = `${this.path}.${process.pid}.tmp`
    try {
      mkdirSync(dirname(this.path), {recursive: true})
      writeFileSync(temporary, JSON.stringify({version: FORMAT_VERSION, entries: this.entries}))
      renameSync(temporary, this.path)
      this.dirty = false
    } catch (error) {
      try {
        unlinkSync(temporary)
      } catch {
        // Never written.
      }
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message
      this.notice(`apology-lint: could not save the cache ${this.path} (${code}); results were not cached.`)
    }
  }
}
