/**
 * The Model Context Protocol server (`apology-lint --mcp`): lets an AI
 * assistant lint an apology email it is drafting and read why a rule fired,
 * over stdio. Config (brand, incident, rule severities, plugins) is found from
 * the server's working folder upward, as for `apology-lint --stdin`.
 *
 * Tool arguments are untrusted: emails are linted on worker threads with a
 * time budget and stopped when the client cancels the call, so that
 * `explain_rule` and other calls are answered meanwhile; a request line too
 * long for the SDK's transport is answered with a JSON-RPC error by a guard in
 * front of it (src/node/line-guard.ts) instead of ending the process.
 */
import {readFile} from 'node:fs/promises'
import {resolve} from 'node:path'
import {Worker} from 'node:worker_threads'
import {createRequire} from 'node:module'
import {McpServer} from '@modelcontextprotocol/sdk/server/mcp.js'
import {StdioServerTransport} from '@modelcontextprotocol/sdk/server/stdio.js'
import {z} from 'zod'
import {allRules, type LintResult} from './lint.js'
import {ConfigError, didYouMean, incidentSchema} from './config.js'
import {DEFAULT_MAX_LINE_BYTES, guardLines} from './node/line-guard.js'
import type {McpLintOutcome, McpLintRequest} from './node/mcp-worker.js'
import {JobStopped, ThreadPool} from './node/thread-pool.js'
import {diagnosticSchema, type AnyRule} from './rule.js'
import {ruleUrl} from './engine.js'
import {configFor} from './node/lint-file.js'
import {rulesById} from '../rules/index.js'

declare const __VERSION__: string | undefined
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev'

/** Options for {@link createMcpServer}. */
export interface McpServerOptions {
  /** Folder to look for config from (default: the process's working folder). */
  cwd?: string
  /** A config file to use instead of searching from `cwd` (like `--config`). */
  configFile?: string
  /** Stop a lint that takes longer than this (default 30 s). */
  lintTimeoutMs?: number
  /** Lint threads (default 2): calls beyond them wait in line. */
  threads?: number
  /** Longest request line accepted on stdin (default 64 MiB); longer ones get a JSON-RPC error. */
  maxLineBytes?: number
}

const DEFAULT_LINT_TIMEOUT_MS = 30_000
/** Each lint thread's heap limit: a hostile email costs at most this much memory. */
const WORKER_HEAP_MB = 1536

const pools = new WeakMap<McpServer, ThreadPool<McpLintRequest, McpLintOutcome>>()

/**
 * Starts a lint thread: the bundled `mcp-worker.js` beside this chunk in
 * `dist/`, or, from the TypeScript source (tsx, vitest), the `.ts` worker
 * behind tsx's loader, which a worker does not inherit.
 */
function startWorker(): Worker {
  const here = import.meta.url
  const resourceLimits = {maxOldGenerationSizeMb: WORKER_HEAP_MB}
  if (!here.endsWith('.ts')) return new Worker(new URL('./mcp-worker.js', here), {resourceLimits})
  const source = new URL('./node/mcp-worker.ts', here).href
  // tsx resolved from here: an eval'd worker resolves bare names from the working folder.
  const api = import.meta.resolve('tsx/esm/api')
  const boot = `import(${JSON.stringify(api)}).then(({register}) => { register(); return import(${JSON.stringify(source)}) })`
  return new Worker(boot, {eval: true, resourceLimits})
}

const checklistSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      item: z.string().describe('The guidance point, as a reader would say it.'),
      status: z.enum(['pass', 'fail', 'not-applicable']),
      ruleIds: z.array(z.string()),
      findings: z.number().int(),
      weight: z.number(),
    }),
  ),
  score: z.number().describe('0–100 readiness score; 0 when the email must not be sent at all.'),
  doNotSend: z.boolean().describe('True when a finding says not to send this email at all.'),
})

const lintInput = {
  email: z.string().describe('The whole email: HTML, plain text, Markdown, or a raw .eml message with its headers.'),
  format: z.enum(['html', 'text', 'markdown', 'eml']).optional().describe('Input format; guessed from the content when left out.'),
  from: z.string().optional().describe('Sender for HTML, text or Markdown input, e.g. "Acme Support <support@acme.example>".'),
  subject: z.string().optional().describe('Subject line for HTML, text or Markdown input.'),
  language: z.enum(['auto', 'en', 'pl']).optional().describe('Language of the email; "auto" (default) detects English or Polish.'),
  incident: incidentSchema.optional().describe('What went wrong in the original email, and who gets the apology.'),
}

const lintOutput = {
  diagnostics: z.array(diagnosticSchema).describe('Findings with exact 1-based line/column ranges in the email as given.'),
  checklist: checklistSchema.optional().describe('Each guidance point as pass / fail / not-applicable (absent when the email could not be parsed).'),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  infoCount: z.number().int(),
  language: z.enum(['en', 'pl']),
  format: z.enum(['html', 'text', 'markdown', 'eml']),
}

const explainInput = {
  rule: z.string().describe('A rule id, e.g. "no-reply-sender" (the `ruleId` of a diagnostic).'),
}

const explainOutput = {
  id: z.string(),
  severity: z.enum(['error', 'warning', 'info']).describe('Default severity.'),
  recommended: z.boolean().describe('True when the rule is in the recommended preset.'),
  summary: z.string(),
  why: z.string(),
  fix: z.string(),
  url: z.string(),
  readme: z.string().optional().describe("The rule's full README (Markdown), for built-in rules."),
}

/** A one-paragraph verdict and one line per finding, for clients that show only text. */
function summarize(result: LintResult): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
  let text = `${plural(result.errorCount, 'error')}, ${plural(result.warningCount, 'warning')}, ${result.infoCount} info (language ${result.language}, format ${result.format}).`
  if (result.checklist) text += result.checklist.doNotSend ? ' Do not send this email.' : ` Readiness score: ${result.checklist.score}/100.`
  for (const d of result.diagnostics) text += `\n${d.range.start.line}:${d.range.start.column} ${d.severity} ${d.ruleId}: ${d.message}`
  return text
}

/** The README of a built-in rule, shipped beside the bundle (`rules/<id>/README.md`). */
async function readme(id: string): Promise<string | undefined> {
  // Only built-in ids reach here, so the id cannot climb out of rules/.
  if (!rulesById.has(id)) return undefined
  try {
    return await readFile(new URL(`../rules/${id}/README.md`, import.meta.url), 'utf8')
  } catch {
    return undefined
  }
}

function errorResult(text: string): {isError: true; content: [{type: 'text'; text: string}]} {
  return {isError: true, content: [{type: 'text', text}]}
}

/**
 * Creates the MCP server with its two tools, `lint_apology_email` and `explain_rule`.
 *
 * @example
 * await createMcpServer().connect(new StdioServerTransport())
 */
export function createMcpServer(options: McpServerOptions = {}): McpServer {
  const cwd = options.cwd ?? process.cwd()
  const server = new McpServer({name: 'apology-lint', version: VERSION})
  const pool = new ThreadPool<McpLintRequest, McpLintOutcome>(startWorker, options.threads ?? 2, options.lintTimeoutMs ?? DEFAULT_LINT_TIMEOUT_MS)
  pools.set(server, pool)
  const loadConfig = () => configFor(resolve(cwd, 'stdin'), options.configFile)

  server.registerTool(
    'lint_apology_email',
    {
      title: 'Lint an apology email',
      description:
        'Checks an apology email (HTML, plain text, Markdown or .eml, English or Polish) before it is sent: vague or evasive wording, humour, a buried apology, no-reply senders, missing explanation or action steps, data-breach notice contents. Returns findings with exact ranges and a readiness checklist.',
      inputSchema: lintInput,
      outputSchema: lintOutput,
      annotations: {readOnlyHint: true, idempotentHint: true, openWorldHint: false},
    },
    async (args, extra) => {
      const request: McpLintRequest = {email: args.email, cwd}
      if (options.configFile) request.configFile = options.configFile
      if (args.format) request.format = args.format
      if (args.from !== undefined) request.from = args.from
      if (args.subject !== undefined) request.subject = args.subject
      if (args.language) request.language = args.language
      if (args.incident) request.incident = args.incident as McpLintRequest['incident'] & object
      let outcome: McpLintOutcome
      try {
        outcome = await pool.run(request, extra.signal)
      } catch (error) {
        if (error instanceof JobStopped) {
          if (error.reason === 'timeout')
            return errorResult(
              `apology-lint stopped checking this email: ${error.message} It is too large or too complex; check it with the command line instead.`,
            )
          if (error.reason === 'cancelled') return errorResult(`apology-lint: ${error.message}`)
          return errorResult(`apology-lint could not check this email: ${error.message}`)
        }
        return errorResult(`apology-lint crashed — please report it: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
      }
      if (outcome.kind === 'config-error') return errorResult(`apology-lint config: ${outcome.message}`)
      const result = outcome.result as LintResult
      const structured: z.infer<z.ZodObject<typeof lintOutput>> = {
        // Through the schema, so that a field added to diagnostics later cannot break clients that validate the output.
        diagnostics: result.diagnostics.map((d) => diagnosticSchema.parse(d)),
        errorCount: result.errorCount,
        warningCount: result.warningCount,
        infoCount: result.infoCount,
        language: result.language,
        format: result.format,
      }
      if (result.checklist) structured.checklist = checklistSchema.parse(result.checklist)
      return {structuredContent: structured, content: [{type: 'text', text: summarize(result)}]}
    },
  )

  server.registerTool(
    'explain_rule',
    {
      title: 'Explain an apology-lint rule',
      description: "Explains one rule: what it checks, why it matters to the reader, how to fix a finding, and the rule's full documentation.",
      inputSchema: explainInput,
      outputSchema: explainOutput,
      annotations: {readOnlyHint: true, idempotentHint: true, openWorldHint: false},
    },
    async ({rule: id}) => {
      let plugins: AnyRule[] = []
      try {
        plugins = (await loadConfig()).plugins
      } catch (error) {
        // A broken config should not hide the built-in rules' docs.
        if (!(error instanceof ConfigError)) throw error
      }
      const rules = allRules(plugins)
      const rule = rules.find((r) => r.id === id)
      if (!rule)
        return errorResult(
          `Unknown rule "${id}"${didYouMean(
            id,
            rules.map((r) => r.id),
          )}. Rules: ${rules.map((r) => r.id).join(', ')}.`,
        )
      const structured: z.infer<z.ZodObject<typeof explainOutput>> = {
        id: rule.id,
        severity: rule.severity,
        recommended: rule.recommended,
        summary: rule.docs.summary,
        why: rule.docs.why,
        fix: rule.docs.fix,
        url: ruleUrl(rule),
      }
      const text = await readme(rule.id)
      if (text !== undefined) structured.readme = text
      const fallback = `# ${rule.id}\n\n${rule.docs.summary}\n\nDefault severity: ${rule.severity}.\n\n## Why\n\n${rule.docs.why}\n\n## How to fix\n\n${rule.docs.fix}\n\nDocs: ${structured.url}\n`
      return {structuredContent: structured, content: [{type: 'text', text: text ?? fallback}]}
    },
  )

  return server
}

/** Runs the MCP server on stdio until the client closes it (`apology-lint --mcp`). */
export async function main(options: McpServerOptions = {}): Promise<void> {
  // Last resort: a bug in a handler must not end the server for its client.
  process.on('uncaughtException', (error) => process.stderr.write(`apology-lint: ${error.stack ?? error.message}\n`))
  process.on('unhandledRejection', (error) =>
    process.stderr.write(`apology-lint: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
  )
  const server = createMcpServer(options)
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = resolve
  })
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES
  // Lines over the limit are answered here; the transport only ever sees lines it can hold.
  const input = guardLines(process.stdin, {
    maxLineBytes,
    onOversized: ({bytes, id}) => {
      const message = `Request too large: ${bytes} bytes on one line, over this server's limit of ${maxLineBytes} bytes. apology-lint checks emails up to maxBytes (10 MB by default); send a smaller email.`
      process.stdout.write(`${JSON.stringify({jsonrpc: '2.0', id, error: {code: -32600, message}})}\n`)
    },
    // The SDK drops a line that is not JSON without a word; JSON-RPC answers it with a parse error.
    onUnparsable: ({id, message}) =>
      process.stdout.write(`${JSON.stringify({jsonrpc: '2.0', id, error: {code: -32700, message: `Parse error: ${message}`}})}\n`),
  })
  await server.connect(new StdioServerTransport(input, process.stdout, {maxBufferSize: maxLineBytes + 1024 * 1024}))
  // The stdio transport does not notice the client going away; close when its input ends.
  input.once('end', () => void server.close())
  await closed
  pools.get(server)?.close()
}
