/**
 * The Model Context Protocol server (`apology-lint --mcp`): lets an AI
 * assistant lint an apology email it is drafting and read why a rule fired,
 * over stdio. Config (brand, incident, rule severities, plugins) is found from
 * the server's working folder upward, as for `apology-lint --stdin`.
 */
import {readFile} from 'node:fs/promises'
import {resolve} from 'node:path'
import {McpServer} from '@modelcontextprotocol/sdk/server/mcp.js'
import {StdioServerTransport} from '@modelcontextprotocol/sdk/server/stdio.js'
import {z} from 'zod'
import {allRules, lint, type LintOptions, type LintResult} from './lint.js'
import {ConfigError, didYouMean, incidentSchema} from './config.js'
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
    async (args) => {
      let result: LintResult
      try {
        const loaded = await loadConfig()
        const lintOptions: LintOptions = {plugins: loaded.plugins}
        if (loaded.config) lintOptions.config = loaded.config
        if (args.format) lintOptions.format = args.format
        if (args.from !== undefined) lintOptions.from = args.from
        if (args.subject !== undefined) lintOptions.subject = args.subject
        if (args.language) lintOptions.language = args.language
        if (args.incident) lintOptions.incident = args.incident
        result = await lint(args.email, lintOptions)
      } catch (error) {
        if (error instanceof ConfigError) return errorResult(`apology-lint config: ${error.message}`)
        throw error
      }
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
      if (!rule) return errorResult(`Unknown rule "${id}"${didYouMean(id, rules.map((r) => r.id))}. Rules: ${rules.map((r) => r.id).join(', ')}.`)
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
  const server = createMcpServer(options)
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = resolve
  })
  await server.connect(new StdioServerTransport())
  // The stdio transport does not notice the client going away; close when its input ends.
  process.stdin.once('end', () => void server.close())
  await closed
}
