/**
 * The library entry points: `lint` (any format) and `lintSync` (HTML, text,
 * Markdown). Pure: no file system, process or network.
 */
import {LineIndex, type EmailDocument, type Format, type Language, type LanguageSetting, type LanguageSource} from './document.js'
import {z} from 'zod'
import {
  brandSchema,
  ConfigError,
  configSchema,
  incidentSchema,
  parseConfig,
  resolveConfig,
  type Brand,
  type Config,
  type Incident,
  type ResolvedConfig,
  type RuleSetting,
} from './config.js'
import {activeRules, isUnsupportedLanguage, runRules, suppressedIn, type ActiveRule, type RunOptions, type Suppressed} from './engine.js'
import {buildDocument, buildDocumentSync, formatFromFilename, InputError, sniffFormat, type DocumentOptions} from './parse/index.js'
import type {AnyRule, Diagnostic, Settings} from './rule.js'
import {builtinRules} from '../rules/index.js'
import {buildChecklist, type Checklist} from './checklist.js'
import {nlpLoaded, ready} from './nlp-ready.js'
import {documentZones, type Zone} from './zones.js'

/** What to lint: a source string (format from `filename` or sniffed), or one field per format. */
export type LintInput =
  | string
  | {
      html?: string
      text?: string
      markdown?: string
      eml?: string
      from?: string
      subject?: string
    }

/** Options for {@link lint}. */
export interface LintOptions {
  /** A config object as in `apology-lint.config.json` (validated). */
  config?: Config | unknown
  /** File name, for the format and for `overrides` globs (relative to the config). */
  filename?: string
  format?: Format
  language?: LanguageSetting
  /** Sender for HTML, text and Markdown input, e.g. `Acme <support@acme.example>`. */
  from?: string
  replyTo?: string
  subject?: string
  /** Rule severities on top of the config (like `--rule`). */
  rules?: Record<string, RuleSetting>
  brand?: Brand
  incident?: Incident
  /** Extra rules (from plugins) that run like built-in ones. */
  plugins?: readonly AnyRule[]
  maxBytes?: number
  maxParts?: number
  maxDepth?: number
  /** Most findings listed per rule (default 100) and per email (default 500); a closing info finding counts the rest. */
  maxFindingsPerRule?: number
  maxFindings?: number
  /** Let a crashing rule's or parser's error propagate instead of reporting `internal-error` (for tests). */
  throwOnRuleError?: boolean
}

/** The outcome of linting one email. */
export interface LintResult {
  filePath?: string
  format: Format
  language: Language
  languageSource: LanguageSource
  diagnostics: Diagnostic[]
  errorCount: number
  warningCount: number
  infoCount: number
  /** The source the ranges point into. */
  source: string
  /** Findings hidden by inline directives, with their reasons. */
  suppressed: Suppressed[]
  /** What the parser noted (coarse positions, skipped content). */
  notes: string[]
  /** The parsed document (absent after a parse error). */
  document?: EmailDocument
  /** Each guidance point as pass / fail / not-applicable, and a readiness score (absent after a parse error). */
  checklist?: Checklist
  /** The document's zones (header, greeting, lede, body, promo, signature, footer, quote), absent after a parse error. */
  zones?: Zone[]
}

/** Every rule this run knows: built-in first, then plugins. */
export function allRules(plugins: readonly AnyRule[] = []): AnyRule[] {
  const seen = new Set<string>()
  const out: AnyRule[] = []
  for (const rule of [...builtinRules, ...plugins]) {
    if (seen.has(rule.id)) throw new ConfigError([`plugins: rule id "${rule.id}" is defined twice`])
    seen.add(rule.id)
    out.push(rule)
  }
  return out
}

interface Prepared {
  source: string
  documentOptions: DocumentOptions
  resolved: ResolvedConfig
  rules: AnyRule[]
  config: ConfigPart
}

/** What a lint needs from its configuration, independent of the email: built once per distinct configuration. */
interface ConfigPart {
  resolved: ResolvedConfig
  rules: AnyRule[]
  active: ActiveRule[]
  /** Rule option problems, thrown after the parse (a parse error is reported first). */
  problems: string[]
  settings: Settings
}

/** Config parts by plugin list (identity) and by the JSON of every other option that shapes them. */
const configCache = new WeakMap<object, Map<string, ConfigPart>>()
const NO_PLUGINS = {}
/** Distinct configurations kept per plugin list; past this the cache starts again (a long-lived server sees few). */
const CONFIG_CACHE_SIZE = 64

/**
 * Config resolution, preset expansion and rule option parsing for `options`,
 * from the cache when the same configuration was seen before: none of it
 * depends on the email, and zod parsing costs more than linting a short one.
 */
function configFor(options: LintOptions): ConfigPart {
  let key: string | undefined
  try {
    const config = options.config as {overrides?: unknown} | undefined
    // The file name matters only to `overrides` globs.
    const filename = config && typeof config === 'object' && config.overrides !== undefined ? options.filename : undefined
    key = JSON.stringify(
      [
        options.config ?? null,
        options.rules ?? null,
        filename ?? null,
        options.language ?? null,
        options.brand ?? null,
        options.incident ?? null,
        options.maxBytes ?? null,
        options.maxParts ?? null,
        options.maxDepth ?? null,
        options.maxFindings ?? null,
        options.maxFindingsPerRule ?? null,
      ],
      exactJson,
    )
  } catch {
    key = undefined // cyclic or otherwise unserialisable: not cached (and parseConfig will say what is wrong)
  }
  const owner = options.plugins ?? NO_PLUGINS
  let byKey = configCache.get(owner)
  const hit = key === undefined ? undefined : byKey?.get(key)
  if (hit) return hit
  const part = buildConfig(options)
  if (key !== undefined) {
    if (!byKey) configCache.set(owner, (byKey = new Map()))
    if (byKey.size >= CONFIG_CACHE_SIZE) byKey.clear()
    byKey.set(key, part)
  }
  return part
}

/** A JSON replacer that keeps `undefined` apart from a missing key, and refuses values JSON cannot tell apart. */
function exactJson(_key: string, value: unknown): unknown {
  if (value === undefined) return '\u0000undefined'
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') throw new TypeError('not cacheable')
  if (typeof value === 'number' && !Number.isFinite(value)) return `\u0000${String(value)}`
  return value
}

const lintOptionsSchema = z.object({
  format: z.enum(['html', 'text', 'markdown', 'eml']).optional(),
  language: configSchema.shape.language,
  filename: z.string().optional(),
  from: z.string().optional(),
  replyTo: z.string().optional(),
  subject: z.string().optional(),
  brand: brandSchema.optional(),
  incident: incidentSchema.optional(),
  maxBytes: z.number().int().positive().optional(),
  maxParts: z.number().int().positive().optional(),
  maxDepth: z.number().int().positive().optional(),
  maxFindings: z.number().int().positive().optional(),
  maxFindingsPerRule: z.number().int().positive().optional(),
})

/** What is wrong with {@link LintOptions}, as `options.key: problem` lines (rule ids and options included). */
function optionProblems(options: LintOptions, rules: readonly AnyRule[]): string[] {
  const problems: string[] = []
  const parsed = lintOptionsSchema.safeParse(options)
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(`options.${issue.path.map(String).join('.')}: ${issue.message}`)
  if (options.rules !== undefined) {
    // The same checks as a config file's rules: severities, unknown ids (did you mean…?) and each rule's options.
    try {
      parseConfig({rules: options.rules}, undefined, rules)
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      problems.push(...error.problems.map((p) => `options.${p}`))
    }
  }
  return problems
}

function buildConfig(options: LintOptions): ConfigPart {
  const rules = allRules(options.plugins)
  // Options and config are checked together (rule options included), so that every problem is reported at once.
  const optionIssues = optionProblems(options, rules)
  let config: Config | undefined
  try {
    config = options.config === undefined ? undefined : parseConfig(options.config, undefined, rules)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    optionIssues.push(...error.problems.map((p) => `config.${p}`))
  }
  if (optionIssues.length > 0) throw new ConfigError(optionIssues)
  const resolved = resolveConfig(
    config && options.rules ? {...config, rules: {...config.rules, ...options.rules}} : options.rules ? {...config, rules: options.rules} : config,
    rules,
    options.filename,
  )
  if (options.language) resolved.language = options.language
  if (options.brand) resolved.brand = {...resolved.brand, ...options.brand}
  if (options.incident) resolved.incident = {...resolved.incident, ...options.incident}
  if (options.maxBytes) resolved.maxBytes = options.maxBytes
  if (options.maxParts) resolved.maxParts = options.maxParts
  if (options.maxDepth) resolved.maxDepth = options.maxDepth
  if (options.maxFindings) resolved.maxFindings = options.maxFindings
  if (options.maxFindingsPerRule) resolved.maxFindingsPerRule = options.maxFindingsPerRule
  const {active, problems} = activeRules(rules, resolved)
  const settings: Settings = {}
  if (resolved.brand) settings.brand = resolved.brand
  if (resolved.incident) settings.incident = resolved.incident
  return {resolved, rules, active, problems, settings}
}

function prepare(input: LintInput, options: LintOptions): Prepared {
  if (typeof input !== 'string' && (typeof input !== 'object' || input === null || Array.isArray(input))) {
    throw new TypeError(
      `lint() expects the email as a string, or an object with one of html, text, markdown or eml; got ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}.`,
    )
  }
  if (typeof options !== 'object' || options === null)
    throw new TypeError(`lint() options must be an object; got ${options === null ? 'null' : typeof options}.`)
  let source: string
  let format = options.format
  let from = options.from
  let subject = options.subject
  if (typeof input === 'string') source = input
  else {
    const fields = (['eml', 'html', 'markdown', 'text'] as const).filter((k) => typeof input[k] === 'string')
    if (fields.length !== 1) throw new TypeError('Expected exactly one of {html, text, markdown, eml} in the lint input.')
    const field = fields[0]!
    source = input[field]!
    format = field === 'markdown' ? 'markdown' : field
    from = input.from ?? from
    subject = input.subject ?? subject
  }
  const config = configFor(options)
  const {resolved, rules} = config
  const documentOptions: DocumentOptions = {
    language: resolved.language,
    defaultLanguage: resolved.defaultLanguage,
    maxBytes: resolved.maxBytes,
    maxParts: resolved.maxParts,
    maxDepth: resolved.maxDepth,
  }
  if (format) documentOptions.format = format
  if (options.filename) documentOptions.filename = options.filename
  if (from) documentOptions.from = from
  if (options.replyTo) documentOptions.replyTo = options.replyTo
  if (subject !== undefined) documentOptions.subject = subject
  return {source, documentOptions, resolved, rules, config}
}

function finish(prepared: Prepared, document: EmailDocument, options: LintOptions): LintResult {
  const {active, problems, settings} = prepared.config
  if (problems.length > 0) throw new ConfigError(problems)
  const runOptions: RunOptions = {maxFindings: prepared.resolved.maxFindings, maxFindingsPerRule: prepared.resolved.maxFindingsPerRule}
  if (options.throwOnRuleError) runOptions.throwOnRuleError = true
  const diagnostics = runRules(document, active, settings, runOptions)
  const result: LintResult = {
    format: document.format,
    language: document.language,
    languageSource: document.languageSource,
    diagnostics,
    ...count(diagnostics),
    source: document.source,
    suppressed: suppressedIn(document),
    notes: document.notes,
    document,
    // In a language without word lists only structural rules ran: the others' points are not applicable, not passed.
    checklist: buildChecklist(
      document,
      diagnostics,
      settings,
      new Set(active.filter((a) => !isUnsupportedLanguage(document) || a.rule.structural).map((a) => a.rule.id)),
    ),
    zones: documentZones(document).zones,
  }
  if (options.filename) result.filePath = options.filename
  return result
}

/** Counts diagnostics by severity. */
export function count(diagnostics: readonly Diagnostic[]): {errorCount: number; warningCount: number; infoCount: number} {
  let errorCount = 0
  let warningCount = 0
  let infoCount = 0
  for (const d of diagnostics) {
    if (d.severity === 'error') errorCount++
    else if (d.severity === 'warning') warningCount++
    else infoCount++
  }
  return {errorCount, warningCount, infoCount}
}

/** A result holding one fatal `parse-error` diagnostic. */
export function parseErrorResult(source: string, format: Format, message: string, filePath?: string): LintResult {
  const lines = new LineIndex(source)
  const diagnostic: Diagnostic = {
    ruleId: 'parse-error',
    severity: 'error',
    message,
    url: 'https://github.com/apology-lint/apology-lint/blob/main/README.md#bad-input',
    range: lines.range(0, 0),
    fatal: true,
  }
  const result: LintResult = {
    format,
    language: 'en',
    languageSource: 'default-short',
    diagnostics: [diagnostic],
    errorCount: 1,
    warningCount: 0,
    infoCount: 0,
    source,
    suppressed: [],
    notes: [],
  }
  if (filePath) result.filePath = filePath
  return result
}

/**
 * A result holding one fatal `internal-error` diagnostic: reading the input
 * failed because of a bug in apology-lint, not because the input is not an
 * email (that is a `parse-error`).
 */
export function internalErrorResult(source: string, format: Format, error: unknown, filePath?: string): LintResult {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  const result = parseErrorResult(source, format, '', filePath)
  result.diagnostics[0] = {
    ...result.diagnostics[0]!,
    ruleId: 'internal-error',
    message: `apology-lint crashed while reading this ${FORMAT_WORD[format]} (${reason}), so nothing in it was checked. This is a bug in apology-lint, not a problem with the email: please report it with the email that triggers it.`,
    url: 'https://github.com/apology-lint/apology-lint/blob/main/README.md#bad-input',
  }
  return result
}

const FORMAT_WORD: Record<Format, string> = {html: 'HTML email', text: 'text email', markdown: 'Markdown email', eml: 'message'}

function guessFormat(prepared: Prepared): Format {
  return prepared.documentOptions.format ?? formatFromFilename(prepared.documentOptions.filename) ?? sniffFormat(prepared.source.slice(0, 4096))
}

/**
 * Lints one email of any format.
 *
 * @example
 * const result = await lint({html, from: 'Acme <noreply@acme.example>'})
 * if (result.errorCount > 0) abortSend(result.diagnostics)
 */
export async function lint(input: LintInput, options: LintOptions = {}): Promise<LintResult> {
  const prepared = prepare(input, options)
  await ready()
  let document: EmailDocument
  try {
    document = await buildDocument(prepared.source, prepared.documentOptions)
  } catch (error) {
    if (error instanceof InputError) return parseErrorResult(prepared.source, guessFormat(prepared), error.message, options.filename)
    if (options.throwOnRuleError) throw error
    return internalErrorResult(prepared.source, guessFormat(prepared), error, options.filename)
  }
  return finish(prepared, document, options)
}

/**
 * Lints HTML, plain text or Markdown synchronously (for editors). `.eml` needs {@link lint}.
 *
 * @example
 * lintSync('<p>Oops! We sent the wrong link.</p>', {format: 'html'}).diagnostics
 */
export function lintSync(input: LintInput, options: LintOptions = {}): LintResult {
  if (!nlpLoaded()) throw new Error('lintSync() needs the NLP model, which the browser bundle loads on demand: await ready() once first.')
  const prepared = prepare(input, options)
  let document: EmailDocument
  try {
    document = buildDocumentSync(prepared.source, prepared.documentOptions)
  } catch (error) {
    if (error instanceof InputError) return parseErrorResult(prepared.source, guessFormat(prepared), error.message, options.filename)
    if (options.throwOnRuleError) throw error
    return internalErrorResult(prepared.source, guessFormat(prepared), error, options.filename)
  }
  return finish(prepared, document, options)
}
