/**
 * The language server: the same diagnostics as the CLI, in any editor that
 * speaks LSP (VS Code, Neovim, Helix…), with hovers that explain the rule and
 * quick fixes for suggestions and inline directives. Runs over stdio
 * (`apology-lint --lsp` or `apology-lint-lsp`).
 */
import {basename, relative, sep} from 'node:path'
import {fileURLToPath} from 'node:url'
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DiagnosticTag,
  DidChangeWatchedFilesNotification,
  MarkupKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type Hover,
  type Position,
  type Range as LspRange,
  type TextEdit,
} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {allRules, lint, type LintOptions, type LintResult} from './lint.js'
import {ConfigError} from './config.js'
import {clearConfigCache, configFor} from './node/lint-file.js'
import {CONFIG_FILES} from './node/config-files.js'
import {formatFromFilename, sniffFormat} from './parse/index.js'
import type {Block, Format, Point, Range} from './document.js'
import type {AnyRule, Diagnostic, Severity} from './rule.js'

declare const __VERSION__: string | undefined
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev'

/** Options for {@link startServer}; the client's `initializationOptions` may override them. */
export interface ServerOptions {
  /** Wait this long after the last keystroke before linting (default 150 ms; `initializationOptions.debounceMs`). */
  debounceMs?: number
}

const DEFAULT_DEBOUNCE_MS = 150
const SOURCE = 'apology-lint'

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
}

/** Formats whose comments can carry `apology-lint-disable-next-block`. */
const COMMENT_FORMATS: ReadonlySet<Format> = new Set(['html', 'markdown'])

/** One document's latest published lint, kept for hovers and code actions. */
interface Linted {
  version: number
  /** Absent when the config could not be loaded (the one diagnostic says why). */
  result?: LintResult
  rules: ReadonlyMap<string, AnyRule>
  /** Parallel to `result.diagnostics`. */
  diagnostics: LspDiagnostic[]
}

/** Converts our 1-based line/column (UTF-16 columns) to LSP's 0-based line/character. */
export function toPosition(point: Point): Position {
  return {line: point.line - 1, character: point.column - 1}
}

/** Converts a source range to an LSP range. */
export function toLspRange(range: Range): LspRange {
  return {start: toPosition(range.start), end: toPosition(range.end)}
}

/** Renders one of our diagnostics as an LSP diagnostic. */
export function toLspDiagnostic(diagnostic: Diagnostic): LspDiagnostic {
  const out: LspDiagnostic = {
    range: toLspRange(diagnostic.range),
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.ruleId,
    codeDescription: {href: diagnostic.url},
    source: SOURCE,
    message: diagnostic.message,
  }
  // Editors grey out an unused directive, the way they show unused code.
  if (diagnostic.ruleId === 'unused-directive') out.tags = [DiagnosticTag.Unnecessary]
  return out
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character
}

/** True when `position` lies in `range`, ends included (an empty range is hit at its point). */
function rangeContains(range: LspRange, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0
}

/** True when two ranges share at least one point. */
function rangesTouch(a: LspRange, b: LspRange): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0
}

/** The path of a `file:` URI, or undefined for other schemes (untitled buffers). */
function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}

/**
 * The format to lint a document as: by the URI's extension, else by language
 * id; undefined for documents that are not emails (they are left alone).
 */
export function documentFormat(uri: string, languageId: string, text: string): Format | undefined {
  const cut = uri.search(/[?#]/)
  const name = decodeURIComponent(cut >= 0 ? uri.slice(0, cut) : uri)
  const byName = formatFromFilename(name.slice(name.lastIndexOf('/') + 1))
  if (byName) return byName
  if (languageId === 'html') return 'html'
  if (languageId === 'markdown') return 'markdown'
  if (languageId === 'eml') return 'eml'
  // An untitled plain-text buffer may hold a pasted raw message, headers and all.
  if (languageId === 'plaintext') return sniffFormat(text) === 'eml' ? 'eml' : 'text'
  return undefined
}

/** Lints one open document with the config that applies to its file (as the CLI finds it). */
async function lintDocument(document: TextDocument, format: Format): Promise<Linted> {
  const path = pathOf(document.uri)
  const loaded = path ? await configFor(path) : undefined
  const options: LintOptions = {format}
  if (loaded?.config) options.config = loaded.config
  if (loaded && loaded.plugins.length > 0) options.plugins = loaded.plugins
  // Relative to the config's folder, so that `overrides` globs match as in the CLI.
  if (path) options.filename = loaded ? relative(loaded.base, path).split(sep).join('/') : basename(path)
  const result = await lint(document.getText(), options)
  const rules = new Map(allRules(loaded?.plugins).map((rule) => [rule.id, rule]))
  return {version: document.version, result, rules, diagnostics: result.diagnostics.map(toLspDiagnostic)}
}

/** A lint that could not run (a bad config, or our bug) as one diagnostic at the top of the document. */
function failure(document: TextDocument, error: unknown): Linted {
  const isConfig = error instanceof ConfigError
  const message = error instanceof Error ? error.message : String(error)
  const diagnostic: LspDiagnostic = {
    range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
    severity: DiagnosticSeverity.Error,
    code: isConfig ? 'config-error' : 'internal-error',
    source: SOURCE,
    message: isConfig ? `apology-lint config: ${message}` : `apology-lint crashed — please report it: ${message}`,
  }
  return {version: document.version, rules: new Map(), diagnostics: [diagnostic]}
}

/** Hover text for the findings under the cursor: message, then the rule's summary, why, how to fix and docs link. */
function hoverText(diagnostics: readonly Diagnostic[], rules: ReadonlyMap<string, AnyRule>): string {
  return diagnostics
    .map((d) => {
      const rule = rules.get(d.ruleId)
      const lines = [`**${d.ruleId}** (${d.severity}): ${d.message}`]
      if (d.note) lines.push(`_${d.note}_`)
      if (rule) lines.push(`**${rule.docs.summary}**`, `**Why:** ${rule.docs.why}`, `**How to fix:** ${rule.docs.fix}`)
      lines.push(`[${d.ruleId} documentation](${d.url})`)
      return lines.join('\n\n')
    })
    .join('\n\n---\n\n')
}

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
function disableEdit(result: LintResult, diagnostic: Diagnostic): TextEdit | undefined {
  if (!COMMENT_FORMATS.has(result.format) || !result.document) return undefined
  const blocks = result.document.blocks
  const block = blockAt(blocks, diagnostic.range.start.offset)
  if (!block) return undefined
  const source = result.source
  const lines = result.document.lines
  const comment = `<!-- apology-lint-disable-next-block ${diagnostic.ruleId} -->`
  const lineStart = source.lastIndexOf('\n', block.sourceStart - 1) + 1
  const before = source.slice(lineStart, block.sourceStart)
  const shared = blocks.some((b) => b !== block && b.sourceStart < block.sourceStart && b.sourceEnd > lineStart)
  if (shared || !/^[ \t]*$/.test(before)) {
    const at = toPosition(lines.point(block.sourceStart))
    return {range: {start: at, end: at}, newText: comment}
  }
  const eol = source.includes('\r\n') ? '\r\n' : '\n'
  const at = toPosition(lines.point(lineStart))
  return {range: {start: at, end: at}, newText: `${before}${comment}${eol}`}
}

/**
 * Starts the language server on `connection` (by default stdio) and returns
 * the connection. Diagnostics are published on open and, debounced, after
 * every change; the newest text always wins.
 *
 * @example
 * startServer(createConnection(ProposedFeatures.all, input, output), {debounceMs: 0})
 */
export function startServer(
  connection: Connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout),
  options: ServerOptions = {},
): Connection {
  const documents = new TextDocuments(TextDocument)
  const linted = new Map<string, Linted>()
  const pending = new Map<string, {timer: NodeJS.Timeout; version: number}>()
  // Bumped on every edit, open and close: a lint publishes only while its token is the latest.
  const tokens = new Map<string, number>()
  let debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS
  let canWatchFiles = false

  /** Queues a lint of `document` after `delay` ms, replacing any queued lint of an older version. */
  function schedule(document: TextDocument, delay: number, force = false): void {
    const uri = document.uri
    const queued = pending.get(uri)
    if (queued) {
      // didOpen also fires a content change for the same version: keep the first (undelayed) timer.
      if (queued.version === document.version && !force) return
      clearTimeout(queued.timer)
    }
    const token = (tokens.get(uri) ?? 0) + 1
    tokens.set(uri, token)
    const timer = setTimeout(() => {
      pending.delete(uri)
      void validate(uri, token)
    }, delay)
    pending.set(uri, {timer, version: document.version})
  }

  async function validate(uri: string, token: number): Promise<void> {
    const document = documents.get(uri)
    if (!document) return
    const format = documentFormat(uri, document.languageId, document.getText())
    if (!format) {
      // Not an email (any more, if its language changed): clear what was shown, and say nothing otherwise.
      if (linted.delete(uri)) await connection.sendDiagnostics({uri, diagnostics: []})
      return
    }
    let outcome: Linted
    try {
      outcome = await lintDocument(document, format)
    } catch (error) {
      if (!(error instanceof ConfigError)) connection.console.error(`apology-lint: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      outcome = failure(document, error)
    }
    // No stale results: publish only if no edit, close or newer lint came in meanwhile.
    const current = documents.get(uri)
    if (tokens.get(uri) !== token || !current || current.version !== outcome.version) return
    linted.set(uri, outcome)
    await connection.sendDiagnostics({uri, version: outcome.version, diagnostics: outcome.diagnostics})
  }

  /** The published lint of a document, if it is for the text the editor has now. */
  function fresh(uri: string): Linted | undefined {
    const entry = linted.get(uri)
    const document = documents.get(uri)
    return entry && document && entry.version === document.version ? entry : undefined
  }

  connection.onInitialize((params) => {
    const init = params.initializationOptions as {debounceMs?: unknown} | null | undefined
    if (typeof init?.debounceMs === 'number' && Number.isFinite(init.debounceMs) && init.debounceMs >= 0) debounceMs = init.debounceMs
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental},
        hoverProvider: true,
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix]},
      },
      serverInfo: {name: 'apology-lint', version: VERSION},
    }
  })

  connection.onInitialized(() => {
    if (!canWatchFiles) return
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: CONFIG_FILES.map((name) => ({globPattern: `**/${name}`})),
    })
  })

  connection.onDidChangeWatchedFiles(({changes}) => {
    const touched = changes.some((change) => {
      const path = pathOf(change.uri)
      return path !== undefined && CONFIG_FILES.includes(basename(path))
    })
    if (!touched) return
    // Configs are cached per folder; forget them all and lint every open document again.
    clearConfigCache()
    for (const document of documents.all()) schedule(document, 0, true)
  })

  documents.onDidOpen(({document}) => schedule(document, 0))
  documents.onDidChangeContent(({document}) => schedule(document, debounceMs))
  documents.onDidClose(({document}) => {
    const uri = document.uri
    const queued = pending.get(uri)
    if (queued) clearTimeout(queued.timer)
    pending.delete(uri)
    tokens.set(uri, (tokens.get(uri) ?? 0) + 1)
    linted.delete(uri)
    void connection.sendDiagnostics({uri, diagnostics: []})
  })

  connection.onHover(({textDocument, position}): Hover | null => {
    const entry = fresh(textDocument.uri)
    if (!entry?.result) return null
    const hits = entry.result.diagnostics.filter((_, i) => rangeContains(entry.diagnostics[i]!.range, position))
    if (hits.length === 0) return null
    return {
      contents: {kind: MarkupKind.Markdown, value: hoverText(hits, entry.rules)},
      range: toLspRange(hits[0]!.range),
    }
  })

  connection.onCodeAction(({textDocument, range, context}): CodeAction[] => {
    // A requested kind covers its sub-kinds ('' covers every kind).
    const wanted = (kind: string): boolean => kind === '' || kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`)
    if (context.only && !context.only.some(wanted)) return []
    const entry = fresh(textDocument.uri)
    const result = entry?.result
    if (!entry || !result) return []
    const uri = textDocument.uri
    const actions: CodeAction[] = []
    const disables = new Set<string>()
    result.diagnostics.forEach((diagnostic, i) => {
      const lspDiagnostic = entry.diagnostics[i]!
      if (!rangesTouch(lspDiagnostic.range, range)) return
      for (const suggestion of diagnostic.suggestions ?? []) {
        actions.push({
          title: suggestion.text,
          kind: CodeActionKind.QuickFix,
          diagnostics: [lspDiagnostic],
          isPreferred: suggestion.safe === true,
          edit: {changes: {[uri]: [{range: toLspRange(suggestion.range), newText: suggestion.replacement}]}},
        })
      }
      // Only real rules can be disabled (not parse errors or unused directives).
      if (!entry.rules.has(diagnostic.ruleId)) return
      const edit = disableEdit(result, diagnostic)
      if (!edit) return
      // Several findings of one rule in one block need one directive.
      const key = `${diagnostic.ruleId}\u0000${edit.range.start.line}:${edit.range.start.character}`
      if (disables.has(key)) return
      disables.add(key)
      actions.push({
        title: `Disable ${diagnostic.ruleId} for this block`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [lspDiagnostic],
        edit: {changes: {[uri]: [edit]}},
      })
    })
    return actions
  })

  documents.listen(connection)
  connection.listen()
  return connection
}

/** Runs the language server on stdio until the client says exit (`apology-lint --lsp`, `apology-lint-lsp`). */
export async function main(): Promise<void> {
  const connection = startServer()
  await new Promise<void>((resolve) => connection.onExit(resolve))
}
