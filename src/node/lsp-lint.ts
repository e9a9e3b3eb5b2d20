/**
 * What the language server's worker does for one document: find the config
 * (only inside a workspace folder the client opened), lint, and turn the
 * result into plain data the server can post back and answer hovers and code
 * actions from (Node only).
 */
import {existsSync} from 'node:fs'
import {dirname, join, relative, sep} from 'node:path'
import {ConfigError} from '../config.js'
import type {Block, Format, Point, Range} from '../document.js'
import {allRules, lint, type LintOptions, type LintResult} from '../lint.js'
import type {AnyRule, Diagnostic, RuleDocs} from '../rule.js'
import {CONFIG_FILES, loadConfigFor, type LoadedConfig} from './config-files.js'

/** A 0-based LSP position. */
export interface LspPosition {
  line: number
  character: number
}

/** An LSP range. */
export interface LspRange {
  start: LspPosition
  end: LspPosition
}

/** An LSP text edit. */
export interface LspTextEdit {
  range: LspRange
  newText: string
}

/** What the server asks the worker to lint. */
export interface EditorLintRequest {
  uri: string
  version: number
  text: string
  format: Format
  /** The file's path, for `file:` URIs. */
  path?: string
  /** Folders the client opened: configs are looked for only inside them, up to their root. */
  roots: readonly string[]
}

/** What comes back: findings in our shape, plus what hovers and code actions need. */
export interface EditorLintOutcome {
  uri: string
  version: number
  diagnostics: Diagnostic[]
  /** Parallel to `diagnostics`: the edit that disables the finding's rule for its block, when there is one. */
  disableEdits: (LspTextEdit | null)[]
  /** Docs of the rules that reported, by id (plugins' included). */
  docs: Record<string, RuleDocs>
  /** A lint that could not run: a config problem, or our bug. */
  failure?: {kind: 'config-error' | 'internal-error'; message: string}
}

/** Converts our 1-based line/column (UTF-16 columns) to LSP's 0-based line/character. */
export function toPosition(point: Point): LspPosition {
  return {line: point.line - 1, character: point.column - 1}
}

/** Converts a source range to an LSP range. */
export function toLspRange(range: Range): LspRange {
  return {start: toPosition(range.start), end: toPosition(range.end)}
}

/** Formats whose comments can carry `apology-lint-disable-next-block`. */
const COMMENT_FORMATS: ReadonlySet<Format> = new Set(['html', 'markdown'])

/** The visible block a finding sits in, when it sits in one. */
function blockAt(blocks: readonly Block[], offset: number): Block | undefined {
  let found: Block | undefined
  for (const block of blocks) {
    const inside = offset >= block.sourceStart && (offset < block.sourceEnd || (offset === block.sourceStart && block.sourceEnd === block.sourceStart))
    // Prefer the innermost block when one element's span holds another's.
    if (inside && (!found || block.sourceEnd - block.sourceStart < found.sourceEnd - found.sourceStart)) found = block
  }
  return found
}

/**
 * The edit that puts `<!-- apology-lint-disable-next-block RULE -->` before
 * the finding's block: on its own line above the block's first line, indented
 * like it; or right before the block's element when an earlier block shares
 * that line (the directive applies to the next block after the comment).
 */
export function disableEdit(result: LintResult, diagnostic: Diagnostic): LspTextEdit | undefined {
  if (!COMMENT_FORMATS.has(result.format) || !result.document) return undefined
  const blocks = result.document.blocks
  const block = blockAt(blocks, diagnostic.range.start.offset)
  if (!block) return undefined
  const source = result.source
  const lines = result.document.lines
  const comment = `<!-- apology-lint-disable-next-block ${diagnostic.ruleId} -->`
  // The start of the block's line: after the last LF or lone CR before it.
  let lineStart = block.sourceStart
  while (lineStart > 0 && source[lineStart - 1] !== '\n' && source[lineStart - 1] !== '\r') lineStart--
  const before = source.slice(lineStart, block.sourceStart)
  const shared = blocks.some((b) => b !== block && b.sourceStart < block.sourceStart && b.sourceEnd > lineStart)
  if (shared || !/^[ \t]*$/.test(before)) {
    const at = toPosition(lines.point(block.sourceStart))
    return {range: {start: at, end: at}, newText: comment}
  }
  const eol = source.includes('\r\n') ? '\r\n' : source.includes('\n') || !source.includes('\r') ? '\n' : '\r'
  const at = toPosition(lines.point(lineStart))
  return {range: {start: at, end: at}, newText: `${before}${comment}${eol}`}
}

/** The workspace folder holding `path` (the innermost), if any. */
export function workspaceRootOf(path: string, roots: readonly string[]): string | undefined {
  let best: string | undefined
  for (const root of roots) {
    const r = root.endsWith(sep) ? root.slice(0, -1) : root
    if ((path === r || path.startsWith(r + sep)) && (!best || r.length > best.length)) best = r
  }
  return best
}

/** The nearest config file from the file's folder up to `root`, never above it. */
export function findWorkspaceConfig(path: string, root: string): string | undefined {
  let dir = dirname(path)
  for (;;) {
    for (const name of CONFIG_FILES) {
      const candidate = join(dir, name)
      if (existsSync(candidate)) return candidate
    }
    if (dir === root) return undefined
    const parent = dirname(dir)
    if (parent === dir || !parent.startsWith(root)) return undefined
    dir = parent
  }
}

const configs = new Map<string, Promise<LoadedConfig>>()

/** Forgets loaded configs (a config file changed). */
export function clearEditorConfigs(): void {
  configs.clear()
}

function loadConfig(file: string): Promise<LoadedConfig> {
  let loaded = configs.get(file)
  if (!loaded) {
    loaded = loadConfigFor(dirname(file), file)
    configs.set(file, loaded)
    loaded.catch(() => configs.delete(file))
  }
  return loaded
}

/**
 * Lints one open document. A document inside a workspace folder uses the
 * nearest config file up to that folder's root (its plugins included: the
 * user opened that folder); any other document (outside every folder, or
 * untitled) is linted with the defaults, and no code is loaded for it.
 */
export async function lintForEditor(request: EditorLintRequest): Promise<EditorLintOutcome> {
  const {uri, version} = request
  try {
    const root = request.path ? workspaceRootOf(request.path, request.roots) : undefined
    const configFile = request.path && root ? findWorkspaceConfig(request.path, root) : undefined
    const loaded: LoadedConfig | undefined = configFile ? await loadConfig(configFile) : undefined
    const options: LintOptions = {format: request.format}
    if (loaded?.config) options.config = loaded.config
    if (loaded && loaded.plugins.length > 0) options.plugins = loaded.plugins
    // Relative to the config's folder (else the workspace root), so that `overrides` globs match as in the CLI.
    if (request.path) {
      const base = loaded?.base ?? root
      options.filename = base ? relative(base, request.path).split(sep).join('/') : request.path.slice(request.path.lastIndexOf(sep) + 1)
    }
    const result = await lint(request.text, options)
    const rules = new Map<string, AnyRule>(allRules(loaded?.plugins).map((rule) => [rule.id, rule]))
    const docs: Record<string, RuleDocs> = {}
    for (const d of result.diagnostics) {
      const rule = rules.get(d.ruleId)
      if (rule) docs[d.ruleId] = {summary: rule.docs.summary, why: rule.docs.why, fix: rule.docs.fix}
    }
    return {
      uri,
      version,
      diagnostics: result.diagnostics,
      // Only real rules can be disabled (not parse errors or unused directives).
      disableEdits: result.diagnostics.map((d) => (rules.has(d.ruleId) ? (disableEdit(result, d) ?? null) : null)),
      docs,
    }
  } catch (error) {
    const isConfig = error instanceof ConfigError
    return {
      uri,
      version,
      diagnostics: [],
      disableEdits: [],
      docs: {},
      failure: {
        kind: isConfig ? 'config-error' : 'internal-error',
        message: error instanceof Error ? (isConfig ? error.message : (error.stack ?? error.message)) : String(error),
      },
    }
  }
}
