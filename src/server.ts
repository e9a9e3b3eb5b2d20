/**
 * The language server: the same diagnostics as the CLI, in any editor that
 * speaks LSP (VS Code, Neovim, Helix…), with hovers that explain the rule and
 * quick fixes for suggestions and inline directives. Runs over stdio
 * (`apology-lint --lsp` or `apology-lint-lsp`).
 *
 * Documents and requests are untrusted input: parameters are validated
 * (invalid ones get -32602), no handler or timer can end the process,
 * requests after `shutdown` get -32600, documents over `maxBytes` are not
 * linted, and linting runs on worker threads (one for large documents) with a time budget, cancelled
 * as soon as a newer version of the document arrives, so that hovers and
 * other documents never wait for it. Configs are read only inside the
 * workspace folders the client opened. Open documents are kept in chunks,
 * so an incremental edit costs one chunk, not the whole text.
 */
import {basename, sep} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import {z} from 'zod'
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DiagnosticTag,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  MarkupKind,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type Range as LspRange,
} from 'vscode-languageserver/node'
import {DEFAULT_LIMITS} from './config.js'
import {CONFIG_FILES} from './node/config-files.js'
import {ChunkedDocument, type DocChange} from './node/chunked-document.js'
import {toLspRange, toPosition, type EditorLintOutcome, type EditorLintRequest} from './node/lsp-lint.js'
import type {LspWorkerMessage} from './node/lsp-worker.js'
import {formatFromFilename, sniffFormat} from './parse/index.js'
import {firstIssue} from './result-schema.js'
import type {Format} from './document.js'
import type {Diagnostic, RuleDocs, Severity} from './rule.js'

export {toLspRange, toPosition}

declare const __VERSION__: string | undefined
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev'

/** Options for {@link startServer}; the client's `initializationOptions` may override them. */
export interface ServerOptions {
  /** Wait this long after the last keystroke before linting (default 150 ms; `initializationOptions.debounceMs`). */
  debounceMs?: number
  /** Stop a lint that takes longer than this (default 20 s; `initializationOptions.lintTimeoutMs`). */
  lintTimeoutMs?: number
  /** Documents larger than this many UTF-8 bytes are not linted (default 10 MB; `initializationOptions.maxBytes`). */
  maxBytes?: number
}

const DEFAULT_DEBOUNCE_MS = 150
const DEFAULT_LINT_TIMEOUT_MS = 20_000
/** The lint thread's heap limit: a hostile document costs at most this much memory. */
const WORKER_HEAP_MB = 1536
/** Documents over this many characters are linted on their own thread. */
const LARGE_DOCUMENT = 256 * 1024
const SOURCE = 'apology-lint'

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
}

/** One document's latest published lint, kept for hovers and code actions. */
interface Linted {
  version: number
  outcome?: EditorLintOutcome
  /** Parallel to `outcome.diagnostics`, or the one diagnostic saying why there is no outcome. */
  diagnostics: LspDiagnostic[]
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
  let name = cut >= 0 ? uri.slice(0, cut) : uri
  try {
    name = decodeURIComponent(name)
  } catch {
    // A malformed percent-escape: the name as it is.
  }
  const byName = formatFromFilename(name.slice(name.lastIndexOf('/') + 1))
  if (byName) return byName
  if (languageId === 'html') return 'html'
  if (languageId === 'markdown') return 'markdown'
  if (languageId === 'eml') return 'eml'
  // An untitled plain-text buffer may hold a pasted raw message, headers and all.
  if (languageId === 'plaintext') return sniffFormat(text) === 'eml' ? 'eml' : 'text'
  return undefined
}

/** Hover text for the findings under the cursor: message, then the rule's summary, why, how to fix and docs link. */
function hoverText(diagnostics: readonly Diagnostic[], docs: Readonly<Record<string, RuleDocs>>): string {
  return diagnostics
    .map((d) => {
      const rule = Object.hasOwn(docs, d.ruleId) ? docs[d.ruleId] : undefined
      const lines = [`**${d.ruleId}** (${d.severity}): ${d.message}`]
      if (d.note) lines.push(`_${d.note}_`)
      if (rule) lines.push(`**${rule.summary}**`, `**Why:** ${rule.why}`, `**How to fix:** ${rule.fix}`)
      lines.push(`[${d.ruleId} documentation](${d.url})`)
      return lines.join('\n\n')
    })
    .join('\n\n---\n\n')
}

/** A lint that could not run, or did not finish, as one diagnostic at the top of the document. */
function notice(code: string, message: string, severity: DiagnosticSeverity = DiagnosticSeverity.Error): LspDiagnostic {
  return {range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, severity, code, source: SOURCE, message}
}

const positionSchema = z.object({line: z.number().int().min(0), character: z.number().int().min(0)})
const rangeSchema = z.object({start: positionSchema, end: positionSchema})
const uriSchema = z.string().min(1).max(65_536)
const hoverSchema = z.object({textDocument: z.object({uri: uriSchema}), position: positionSchema})
const codeActionSchema = z.object({
  textDocument: z.object({uri: uriSchema}),
  range: rangeSchema,
  context: z.object({only: z.array(z.string()).optional()}).optional(),
})
const didOpenSchema = z.object({textDocument: z.object({uri: uriSchema, languageId: z.string(), version: z.number().int(), text: z.string()})})
const didChangeSchema = z.object({
  textDocument: z.object({uri: uriSchema, version: z.number().int()}),
  contentChanges: z.array(z.union([z.object({range: rangeSchema, text: z.string()}), z.object({text: z.string()})])),
})
const didCloseSchema = z.object({textDocument: z.object({uri: uriSchema})})
const watchedSchema = z.object({changes: z.array(z.object({uri: z.string()}))})

const isPosition = (p: unknown): boolean => {
  const q = p as {line?: unknown; character?: unknown} | null
  return (
    typeof q === 'object' && q !== null && Number.isInteger(q.line) && (q.line as number) >= 0 && Number.isInteger(q.character) && (q.character as number) >= 0
  )
}

/** The same check as {@link didChangeSchema}, without allocating. */
function isDidChange(params: unknown): params is z.infer<typeof didChangeSchema> {
  const p = params as {textDocument?: {uri?: unknown; version?: unknown}; contentChanges?: unknown} | null
  if (typeof p !== 'object' || p === null || typeof p.textDocument !== 'object' || p.textDocument === null) return false
  const {uri, version} = p.textDocument
  if (typeof uri !== 'string' || uri.length === 0 || uri.length > 65_536 || !Number.isInteger(version) || !Array.isArray(p.contentChanges)) return false
  for (const c of p.contentChanges as unknown[]) {
    const change = c as {text?: unknown; range?: {start?: unknown; end?: unknown}} | null
    if (typeof change !== 'object' || change === null || typeof change.text !== 'string') return false
    if (
      change.range !== undefined &&
      (typeof change.range !== 'object' || change.range === null || !isPosition(change.range.start) || !isPosition(change.range.end))
    )
      return false
  }
  return true
}

/** Parses request params or throws -32602 (invalid params). */
function paramsOf<T>(schema: z.ZodType<T>, params: unknown, method: string): T {
  const parsed = schema.safeParse(params)
  if (!parsed.success) throw new ResponseError(ErrorCodes.InvalidParams, `Invalid params for ${method}: ${firstIssue(parsed.error)}`)
  return parsed.data
}

/**
 * Starts the lint thread: the bundled `lsp-worker.js` beside this chunk in
 * `dist/`, or, when this module runs from its TypeScript source (tsx,
 * vitest), the `.ts` worker behind tsx's loader, which a worker does not inherit.
 */
function startWorker(): Worker {
  const here = import.meta.url
  const resourceLimits = {maxOldGenerationSizeMb: WORKER_HEAP_MB}
  if (!here.endsWith('.ts')) return new Worker(new URL('./lsp-worker.js', here), {resourceLimits})
  const source = new URL('./node/lsp-worker.ts', here).href
  // tsx resolved from here: an eval'd worker resolves bare names from the working folder.
  const api = import.meta.resolve('tsx/esm/api')
  const boot = `import(${JSON.stringify(api)}).then(({register}) => { register(); return import(${JSON.stringify(source)}) })`
  return new Worker(boot, {eval: true, resourceLimits})
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
  const documents = new Map<string, ChunkedDocument>()
  const linted = new Map<string, Linted>()
  const pending = new Map<string, {timer: NodeJS.Timeout; version: number; delay: number}>()
  let debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS
  let lintTimeoutMs = options.lintTimeoutMs ?? DEFAULT_LINT_TIMEOUT_MS
  let maxBytes = options.maxBytes ?? DEFAULT_LIMITS.maxBytes
  let canWatchFiles = false
  let shutDown = false
  let roots: string[] = []

  const log = (message: string): void => {
    try {
      connection.console.error(`apology-lint: ${message}`)
    } catch {
      // The connection is gone: nothing to tell.
    }
  }

  /** Runs a handler so that nothing it throws ends the process. */
  const guarded =
    <A extends unknown[]>(name: string, handler: (...args: A) => void | Promise<void>) =>
    (...args: A): void => {
      try {
        const out = handler(...args)
        if (out instanceof Promise)
          out.catch((error: unknown) => log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`))
      } catch (error) {
        log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      }
    }

  /** Refuses requests after shutdown (-32600), as the specification says. */
  const open = (method: string): void => {
    if (shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, `${method}: the server is shut down`)
  }

  // -------------------------------------------------------------------------
  // Lint threads: one document at a time each, newest versions only. Large
  // documents have a thread of their own, so that they never hold up others.

  interface Lane {
    worker?: Worker | undefined
    running?: {uri: string; version: number; timer: NodeJS.Timeout} | undefined
    /** The next lint per document (only its newest version). */
    queue: Map<string, EditorLintRequest>
  }
  const lanes: Record<'small' | 'large', Lane> = {small: {queue: new Map()}, large: {queue: new Map()}}
  const laneOf = (request: EditorLintRequest): Lane => (request.text.length > LARGE_DOCUMENT ? lanes.large : lanes.small)

  const stopWorker = (lane: Lane): void => {
    const w = lane.worker
    lane.worker = undefined
    if (lane.running) clearTimeout(lane.running.timer)
    lane.running = undefined
    if (w) {
      w.removeAllListeners()
      w.on('error', () => {})
      void w.terminate()
    }
  }

  const ensureWorker = (lane: Lane): Worker => {
    if (lane.worker) return lane.worker
    const w = startWorker()
    w.on('message', (outcome: EditorLintOutcome) => {
      const job = lane.running
      if (w !== lane.worker || !job || job.uri !== outcome.uri || job.version !== outcome.version) return
      clearTimeout(job.timer)
      lane.running = undefined
      guarded('publishing diagnostics', () => accept(outcome))()
      dispatch(lane)
    })
    const died = (why: string): void => {
      if (w !== lane.worker) return
      const job = lane.running
      lane.worker = undefined
      if (job) clearTimeout(job.timer)
      lane.running = undefined
      if (job) publishNotice(job.uri, job.version, notice('internal-error', `apology-lint could not check this document: ${why}`))
      dispatch(lane)
    }
    w.on('error', (error) => died(error.message))
    w.on('exit', (code) => died(`the lint thread stopped (exit code ${code})`))
    lane.worker = w
    return w
  }

  function dispatch(lane: Lane): void {
    if (lane.running || shutDown) return
    const next = lane.queue.entries().next()
    if (next.done) return
    const [uri, request] = next.value
    lane.queue.delete(uri)
    const current = documents.get(uri)
    if (!current || current.version !== request.version) {
      dispatch(lane)
      return
    }
    const timer = setTimeout(
      guarded('lint timeout', () => {
        if (!lane.running || lane.running.uri !== uri || lane.running.version !== request.version) return
        stopWorker(lane)
        publishNotice(
          uri,
          request.version,
          notice(
            'lint-timeout',
            `apology-lint stopped checking this document after ${Math.round(lintTimeoutMs / 100) / 10} s: it is too large or too complex to check as you type. Run apology-lint on the file from the command line.`,
            DiagnosticSeverity.Warning,
          ),
        )
        dispatch(lane)
      }),
      lintTimeoutMs,
    )
    lane.running = {uri, version: request.version, timer}
    const message: LspWorkerMessage = {type: 'lint', request}
    try {
      ensureWorker(lane).postMessage(message)
    } catch (error) {
      stopWorker(lane)
      publishNotice(
        uri,
        request.version,
        notice('internal-error', `apology-lint could not check this document: ${error instanceof Error ? error.message : String(error)}`),
      )
      dispatch(lane)
    }
  }

  /** Drops queued and running lints of `uri` (a newer version arrived, or it closed). */
  function cancel(uri: string): void {
    for (const lane of Object.values(lanes)) {
      lane.queue.delete(uri)
      if (lane.running?.uri === uri) {
        stopWorker(lane)
        dispatch(lane)
      }
    }
  }

  // -------------------------------------------------------------------------
  // Publishing

  function publish(uri: string, entry: Linted): void {
    linted.set(uri, entry)
    void connection.sendDiagnostics({uri, version: entry.version, diagnostics: entry.diagnostics}).catch(() => {})
  }

  function publishNotice(uri: string, version: number, diagnostic: LspDiagnostic): void {
    const current = documents.get(uri)
    if (!current || current.version !== version) return
    publish(uri, {version, diagnostics: [diagnostic]})
  }

  function accept(outcome: EditorLintOutcome): void {
    const current = documents.get(outcome.uri)
    // No stale results: publish only for the text the editor has now.
    if (!current || current.version !== outcome.version) return
    if (outcome.failure) {
      if (outcome.failure.kind === 'internal-error') log(outcome.failure.message)
      const message =
        outcome.failure.kind === 'config-error'
          ? `apology-lint config: ${outcome.failure.message}`
          : `apology-lint crashed — please report it: ${outcome.failure.message.split('\n')[0]}`
      publish(outcome.uri, {version: outcome.version, diagnostics: [notice(outcome.failure.kind, message)]})
      return
    }
    publish(outcome.uri, {version: outcome.version, outcome, diagnostics: outcome.diagnostics.map(toLspDiagnostic)})
  }

  /** Queues a lint of `uri` after `delay` ms, replacing any queued lint of an older version. */
  function schedule(uri: string, delay: number, force = false): void {
    const document = documents.get(uri)
    if (!document) return
    const queued = pending.get(uri)
    if (queued) {
      if (queued.version === document.version && !force) return
      // Keystrokes re-arm the same timer (one per keystroke would be a thousand for a thousand edits).
      if (queued.delay === delay) {
        queued.version = document.version
        queued.timer.refresh()
        return
      }
      clearTimeout(queued.timer)
    }
    const timer = setTimeout(
      guarded('lint', () => {
        pending.delete(uri)
        enqueue(uri)
      }),
      delay,
    )
    pending.set(uri, {timer, version: document.version, delay})
  }

  function enqueue(uri: string): void {
    const document = documents.get(uri)
    if (!document) return
    const text = document.getText()
    const format = documentFormat(uri, document.languageId, text.slice(0, 4096))
    if (!format) {
      // Not an email (any more, if its language changed): clear what was shown, and say nothing otherwise.
      if (linted.delete(uri)) void connection.sendDiagnostics({uri, diagnostics: []}).catch(() => {})
      return
    }
    // Checked here, before the text is copied to the lint thread.
    const bytes = Buffer.byteLength(text, 'utf8')
    if (bytes > maxBytes) {
      publishNotice(
        uri,
        document.version,
        notice(
          'parse-error',
          `This document is ${bytes} bytes, over maxBytes (${maxBytes}): apology-lint does not check it. Raise maxBytes in initializationOptions to check it.`,
        ),
      )
      return
    }
    const request: EditorLintRequest = {uri, version: document.version, text, format, roots}
    const path = pathOf(uri)
    if (path) request.path = path
    const lane = laneOf(request)
    lane.queue.set(uri, request)
    dispatch(lane)
  }

  /** The published lint of a document, if it is for the text the editor has now. */
  function fresh(uri: string): Linted | undefined {
    const entry = linted.get(uri)
    const document = documents.get(uri)
    return entry && document && entry.version === document.version ? entry : undefined
  }

  // -------------------------------------------------------------------------
  // Lifecycle

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    open('initialize')
    const init = (params?.initializationOptions ?? undefined) as {debounceMs?: unknown; lintTimeoutMs?: unknown; maxBytes?: unknown} | null | undefined
    const nonNegative = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0
    if (nonNegative(init?.debounceMs)) debounceMs = init.debounceMs
    if (nonNegative(init?.lintTimeoutMs) && init.lintTimeoutMs > 0) lintTimeoutMs = init.lintTimeoutMs
    if (nonNegative(init?.maxBytes) && init.maxBytes > 0) maxBytes = init.maxBytes
    canWatchFiles = params?.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration === true
    // The folders the client opened: configs (and the plugins they name) are read only inside them.
    const folders = Array.isArray(params?.workspaceFolders) ? params.workspaceFolders.map((f) => (typeof f?.uri === 'string' ? pathOf(f.uri) : undefined)) : []
    const rootUri = typeof params?.rootUri === 'string' ? pathOf(params.rootUri) : undefined
    roots = [...folders, rootUri].filter((p): p is string => typeof p === 'string' && p.length > 1).map((p) => (p.endsWith(sep) ? p.slice(0, -1) : p))
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental},
        hoverProvider: true,
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix]},
      },
      serverInfo: {name: 'apology-lint', version: VERSION},
    }
  })

  connection.onInitialized(
    guarded('initialized', () => {
      if (!canWatchFiles) return
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {watchers: CONFIG_FILES.map((name) => ({globPattern: `**/${name}`}))})
        .catch(() => {})
    }),
  )

  connection.onShutdown(() => {
    open('shutdown')
    shutDown = true
    for (const {timer} of pending.values()) clearTimeout(timer)
    pending.clear()
    for (const lane of Object.values(lanes)) {
      lane.queue.clear()
      stopWorker(lane)
    }
  })

  connection.onDidChangeWatchedFiles(
    guarded('didChangeWatchedFiles', (params: unknown) => {
      const parsed = watchedSchema.safeParse(params)
      if (!parsed.success) return log(`ignored workspace/didChangeWatchedFiles: ${firstIssue(parsed.error)}`)
      const touched = parsed.data.changes.some((change) => {
        const path = pathOf(change.uri)
        return path !== undefined && CONFIG_FILES.includes(basename(path))
      })
      if (!touched) return
      // Configs are cached per file; forget them all and lint every open document again.
      for (const lane of Object.values(lanes)) lane.worker?.postMessage({type: 'clear'} satisfies LspWorkerMessage)
      for (const uri of documents.keys()) schedule(uri, 0, true)
    }),
  )

  // -------------------------------------------------------------------------
  // Documents

  connection.onDidOpenTextDocument(
    guarded('didOpen', (params: unknown) => {
      if (shutDown) return
      const parsed = didOpenSchema.safeParse(params)
      if (!parsed.success) return log(`ignored textDocument/didOpen: ${firstIssue(parsed.error)}`)
      const {uri, languageId, version, text} = parsed.data.textDocument
      cancel(uri)
      documents.set(uri, new ChunkedDocument(uri, languageId, version, text))
      schedule(uri, 0, true)
    }),
  )

  connection.onDidChangeTextDocument(
    guarded('didChange', (params: unknown) => {
      if (shutDown) return
      // Editors send one per keystroke: a hand-written check first, zod only to say what is wrong.
      if (!isDidChange(params)) {
        const parsed = didChangeSchema.safeParse(params)
        return log(`ignored textDocument/didChange: ${parsed.success ? 'invalid' : firstIssue(parsed.error)}`)
      }
      const {textDocument, contentChanges} = params
      const document = documents.get(textDocument.uri)
      if (!document) return log(`ignored textDocument/didChange for a document that is not open: ${textDocument.uri.slice(0, 200)}`)
      document.update(contentChanges as DocChange[], textDocument.version)
      // A newer version makes any running lint of this document useless: stop it now.
      cancel(textDocument.uri)
      schedule(textDocument.uri, debounceMs)
    }),
  )

  connection.onDidCloseTextDocument(
    guarded('didClose', (params: unknown) => {
      const parsed = didCloseSchema.safeParse(params)
      if (!parsed.success) return log(`ignored textDocument/didClose: ${firstIssue(parsed.error)}`)
      const {uri} = parsed.data.textDocument
      const queued = pending.get(uri)
      if (queued) clearTimeout(queued.timer)
      pending.delete(uri)
      cancel(uri)
      documents.delete(uri)
      linted.delete(uri)
      void connection.sendDiagnostics({uri, diagnostics: []}).catch(() => {})
    }),
  )

  // -------------------------------------------------------------------------
  // Requests (raw handlers: the typed ones read params before we can check them)

  connection.onRequest('textDocument/hover', (raw: unknown): Hover | null => {
    open('textDocument/hover')
    const {textDocument, position} = paramsOf(hoverSchema, raw, 'textDocument/hover')
    const entry = fresh(textDocument.uri)
    const outcome = entry?.outcome
    if (!entry || !outcome) return null
    const hits = outcome.diagnostics.filter((_, i) => rangeContains(entry.diagnostics[i]!.range, position))
    if (hits.length === 0) return null
    return {
      contents: {kind: MarkupKind.Markdown, value: hoverText(hits, outcome.docs)},
      range: toLspRange(hits[0]!.range),
    }
  })

  connection.onRequest('textDocument/codeAction', (raw: unknown): CodeAction[] => {
    open('textDocument/codeAction')
    const {textDocument, range, context} = paramsOf(codeActionSchema, raw, 'textDocument/codeAction')
    // A requested kind covers its sub-kinds ('' covers every kind).
    const wanted = (kind: string): boolean => kind === '' || kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`)
    if (context?.only && !context.only.some(wanted)) return []
    const entry = fresh(textDocument.uri)
    const outcome = entry?.outcome
    if (!entry || !outcome) return []
    const uri = textDocument.uri
    const actions: CodeAction[] = []
    const disables = new Set<string>()
    outcome.diagnostics.forEach((diagnostic, i) => {
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
      const edit = outcome.disableEdits[i]
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

  // Any other request: unknown (-32601), or refused after shutdown (-32600).
  connection.onRequest((method: string) => {
    open(method)
    throw new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`)
  })

  connection.listen()
  return connection
}

/** Runs the language server on stdio until the client says exit (`apology-lint --lsp`, `apology-lint-lsp`). */
export async function main(): Promise<void> {
  // Last resort: a bug in a handler must not take every open document's diagnostics with it.
  process.on('uncaughtException', (error) => process.stderr.write(`apology-lint: ${error.stack ?? error.message}\n`))
  process.on('unhandledRejection', (error) =>
    process.stderr.write(`apology-lint: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
  )
  const connection = startServer()
  await new Promise<void>((resolve) => connection.onExit(resolve))
}
