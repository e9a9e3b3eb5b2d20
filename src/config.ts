/**
 * The user configuration: its zod schema (the JSON Schema shipped for editors
 * is generated from it), presets, and resolution for one file. Pure: finding
 * config files on disk lives in `node/config-files.ts`.
 */
import {z} from 'zod'
import picomatch from 'picomatch/posix.js'
import type {Language, LanguageSetting} from './document.js'
import type {AnyRule, Severity} from './rule.js'

/** Severity as written in config. */
export const severitySettingSchema = z.enum(['off', 'info', 'warn', 'warning', 'error'])
export type SeveritySetting = z.infer<typeof severitySettingSchema>

/** A rule entry: a severity, or `[severity, options]`. */
export const ruleSettingSchema = z.union(
  [severitySettingSchema, z.tuple([severitySettingSchema]), z.tuple([severitySettingSchema, z.record(z.string(), z.unknown())])],
  {error: 'expected "off", "info", "warn", "error" or [severity, {options}]'},
)
export type RuleSetting = z.infer<typeof ruleSettingSchema>

export const incidentKinds = [
  'wrong-content',
  'wrong-link',
  'wrong-price',
  'duplicate-send',
  'wrong-recipients',
  'suppression-list',
  'data-breach',
  'outage',
  'other',
] as const
export type IncidentKind = (typeof incidentKinds)[number]

export const brandSchema = z
  .object({
    name: z.string().min(1).optional().describe('The brand name readers know, e.g. "Acme".'),
    domains: z.array(z.string().min(1)).optional().describe('Domains that belong to the brand; links and the From address should use them.'),
    logo: z.string().min(1).optional().describe('A substring of the logo image URL or file name.'),
    supportAddress: z.string().min(3).optional().describe('A monitored address to suggest instead of a no-reply one, e.g. "support@acme.example".'),
  })
  .strict()
export type Brand = z.infer<typeof brandSchema>

export const incidentSchema = z
  .object({
    kind: z.enum(incidentKinds).optional().describe('What went wrong in the original email.'),
    jurisdiction: z.enum(['us-ca', 'eu-gdpr', 'pl']).optional().describe('Legal notice pack for data-breach-notice.'),
    audience: z
      .object({
        recipients: z.number().int().min(0).optional().describe('How many people will receive the apology.'),
        affected: z.number().int().min(0).optional().describe('How many people the original error affected.'),
      })
      .strict()
      .optional(),
  })
  .strict()
export type Incident = z.infer<typeof incidentSchema>

const baseConfigShape = {
  rules: z.record(z.string(), ruleSettingSchema).optional().describe('Rule id → severity or [severity, options].'),
  language: z
    .union([z.enum(['auto', 'en', 'pl']), z.string().regex(/^[a-z]{2,3}$/, 'expected "auto", "en", "pl" or another ISO 639 code such as "de"')])
    .optional()
    .describe(
      'Language of the emails; "auto" detects it (default). Another ISO 639 code (for example "de") says the emails are in a language apology-lint has no word lists for: only structural and header checks run.',
    ),
  defaultLanguage: z.enum(['en', 'pl']).optional().describe('Language used when detection is not sure (default "en").'),
  brand: brandSchema.optional(),
  incident: incidentSchema.optional(),
}

/** The configuration file's schema. */
export const configSchema = z
  .object({
    $schema: z.string().optional(),
    extends: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .describe('Presets: "recommended" or "strict".'),
    plugins: z.array(z.string()).optional().describe('npm packages whose default export is {rules: Rule[]}.'),
    ignores: z.array(z.string()).optional().describe('Globs of files not to lint when a folder is given (relative to the config file).'),
    ...baseConfigShape,
    maxBytes: z.number().int().positive().optional().describe('Largest input read, in bytes (default 10 MB).'),
    maxParts: z.number().int().positive().optional().describe('Most MIME parts read from one message (default 1000).'),
    maxDepth: z.number().int().positive().optional().describe('Deepest HTML or MIME nesting read (default 2000).'),
    maxFindingsPerRule: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Most findings listed per rule in one email (default 100); one closing info finding says how many more there were.'),
    maxFindings: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Most findings listed for one email (default 500), the most severe first; one closing info finding says how many more there were.'),
    overrides: z
      .array(
        z
          .object({
            files: z.union([z.string(), z.array(z.string())]).describe('Globs, matched against the path relative to the config file.'),
            ...baseConfigShape,
          })
          .strict(),
      )
      .optional(),
  })
  .strict()
export type Config = z.infer<typeof configSchema>

/** An invalid configuration: every problem, by key path. */
export class ConfigError extends Error {
  constructor(
    readonly problems: string[],
    readonly source?: string,
  ) {
    super(`Invalid configuration${source ? ` in ${source}` : ''}:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

function pathOf(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out ? `.${String(key)}` : String(key)
  }
  return out || '(root)'
}

/**
 * Parses a config object, throwing one {@link ConfigError} that lists every
 * problem at once: schema errors, unknown rule ids (with a did-you-mean) and,
 * when `knownRules` are rule objects, each rule's options checked against its schema.
 */
export function parseConfig(value: unknown, source?: string, knownRules?: readonly string[] | readonly AnyRule[]): Config {
  const rulesById = new Map<string, AnyRule>()
  const known = knownRules as readonly (string | AnyRule)[] | undefined
  for (const r of known ?? []) if (typeof r !== 'string') rulesById.set(r.id, r)
  const knownIds = known?.map((r) => (typeof r === 'string' ? r : r.id))
  const result = configSchema.safeParse(value)
  const problems: string[] = []
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(`${pathOf(issue.path)}: ${issue.message}`)
  }
  const config = result.success ? result.data : undefined
  // Unknown ids are checked on the raw value too, so they are listed with the other problems.
  const raw = (typeof value === 'object' && value !== null ? value : {}) as {rules?: unknown; overrides?: unknown; extends?: unknown}
  if (knownIds) {
    const check = (rules: unknown, prefix: string): void => {
      if (typeof rules !== 'object' || rules === null) return
      for (const [id, setting] of Object.entries(rules)) {
        if (!knownIds.includes(id)) {
          problems.push(`${prefix}.${id}: unknown rule${didYouMean(id, knownIds)}`)
          continue
        }
        // A rule's options are checked here too, so that they are reported with every other problem.
        const rule = rulesById.get(id)
        const options = Array.isArray(setting) ? (setting[1] as unknown) : undefined
        if (!rule || options === undefined || typeof options !== 'object' || options === null) continue
        const parsed = rule.options.safeParse(options)
        if (!parsed.success)
          for (const issue of parsed.error.issues)
            problems.push(`${prefix}.${id}${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${issue.message}`)
      }
    }
    check(raw.rules, 'rules')
    if (Array.isArray(raw.overrides)) raw.overrides.forEach((o: unknown, i) => check((o as {rules?: unknown} | null)?.rules, `overrides[${i}].rules`))
    for (const preset of typeof raw.extends === 'string' || Array.isArray(raw.extends) ? toArray(raw.extends as string | string[]) : []) {
      if (typeof preset === 'string' && !(preset in PRESET_NAMES))
        problems.push(`extends: unknown preset "${preset}"${didYouMean(preset, Object.keys(PRESET_NAMES))}`)
    }
  }
  if (problems.length > 0 || !config) throw new ConfigError(problems, source)
  return config
}

/** Suggests the closest ids by edit distance. */
export function didYouMean(id: string, known: readonly string[]): string {
  const scored = known
    .map((k) => ({k, d: distance(id, k)}))
    // Close by edit distance, or a part of the id (`no-reply` → `no-reply-sender`).
    .filter((s) => s.d <= Math.max(2, Math.floor(s.k.length / 3)) || (id.length >= 4 && s.k.includes(id)))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
  return scored.length > 0 ? ` (did you mean ${scored.map((s) => `"${s.k}"`).join(' or ')}?)` : ''
}

function distance(a: string, b: string): number {
  // Classic two-row Levenshtein; ids are short.
  let prev = Array.from({length: b.length + 1}, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    prev = cur
  }
  return prev[b.length]!
}

function toArray<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v]
}

const PRESET_NAMES = {recommended: true, strict: true, 'apology-lint:recommended': true, 'apology-lint:strict': true}

/** A rule as it will run: severity and raw options. */
export interface RuleConfig {
  severity: Severity
  options: Record<string, unknown>
}

/** The configuration for one file after presets, overrides and CLI flags. */
export interface ResolvedConfig {
  rules: Record<string, RuleConfig>
  language: LanguageSetting
  defaultLanguage: Language
  brand?: Brand
  incident?: Incident
  maxBytes: number
  maxParts: number
  maxDepth: number
  maxFindings: number
  maxFindingsPerRule: number
}

/** Converts a config severity to a diagnostic severity (undefined for off). */
export function toSeverity(setting: SeveritySetting): Severity | undefined {
  if (setting === 'off') return undefined
  if (setting === 'warn' || setting === 'warning') return 'warning'
  return setting
}

/** The rules of a preset with their severities. */
export function presetRules(name: string, rules: readonly AnyRule[]): Record<string, RuleSetting> {
  const strict = name === 'strict' || name === 'apology-lint:strict'
  const out: Record<string, RuleSetting> = {}
  for (const rule of rules) {
    if (strict) out[rule.id] = rule.severity === 'info' ? 'warn' : rule.severity === 'warning' ? 'error' : 'error'
    else if (rule.recommended) out[rule.id] = rule.severity === 'warning' ? 'warn' : rule.severity
  }
  return out
}

/** Defaults for the input limits. */
export const DEFAULT_LIMITS = {maxBytes: 10 * 1024 * 1024, maxParts: 1000, maxDepth: 2000, maxFindings: 500, maxFindingsPerRule: 100} as const

/**
 * Resolves the config for one file: presets (default `recommended`), then the
 * config's own rules, then every override whose globs match `relativePath`.
 */
export function resolveConfig(config: Config | undefined, rules: readonly AnyRule[], relativePath?: string): ResolvedConfig {
  const settings: Record<string, RuleSetting> = {}
  const presets = toArray(config?.extends)
  for (const preset of presets.length > 0 ? presets : ['recommended']) Object.assign(settings, presetRules(preset, rules))
  let language: LanguageSetting = config?.language ?? 'auto'
  let defaultLanguage: Language = config?.defaultLanguage ?? 'en'
  let brand = config?.brand
  let incident = config?.incident
  mergeRules(settings, config?.rules)
  for (const override of config?.overrides ?? []) {
    if (relativePath === undefined) continue
    const globs = toArray(override.files)
    const isMatch = picomatch(globs, {dot: true, matchBase: !globs.some((g) => g.includes('/'))})
    if (!isMatch(relativePath)) continue
    mergeRules(settings, override.rules)
    if (override.language) language = override.language
    if (override.defaultLanguage) defaultLanguage = override.defaultLanguage
    if (override.brand) brand = {...brand, ...override.brand}
    if (override.incident) incident = {...incident, ...override.incident}
  }
  const resolved: ResolvedConfig = {
    rules: {},
    language,
    defaultLanguage,
    maxBytes: config?.maxBytes ?? DEFAULT_LIMITS.maxBytes,
    maxParts: config?.maxParts ?? DEFAULT_LIMITS.maxParts,
    maxDepth: config?.maxDepth ?? DEFAULT_LIMITS.maxDepth,
    maxFindings: config?.maxFindings ?? DEFAULT_LIMITS.maxFindings,
    maxFindingsPerRule: config?.maxFindingsPerRule ?? DEFAULT_LIMITS.maxFindingsPerRule,
  }
  if (brand) resolved.brand = brand
  if (incident) resolved.incident = incident
  for (const [id, setting] of Object.entries(settings)) {
    const [sev, options] = Array.isArray(setting) ? [setting[0], setting[1] ?? {}] : [setting, {}]
    const severity = toSeverity(sev)
    if (severity) resolved.rules[id] = {severity, options}
  }
  return resolved
}

function mergeRules(into: Record<string, RuleSetting>, from: Record<string, RuleSetting> | undefined): void {
  for (const [id, setting] of Object.entries(from ?? {})) {
    const previous = into[id]
    // `"warn"` after `["error", {…}]` keeps the options, as in ESLint.
    if (!Array.isArray(setting) && Array.isArray(previous) && previous.length > 1) into[id] = [setting, previous[1]!]
    else into[id] = setting
  }
}

/**
 * The JSON Schema of the config file, generated from {@link configSchema},
 * with each known rule's id and options spelled out so editors complete them.
 */
export function configJsonSchema(rules: readonly AnyRule[] = []): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, {target: 'draft-7', unrepresentable: 'any'}) as Record<string, unknown>
  const severity = z.toJSONSchema(severitySettingSchema, {target: 'draft-7'}) as Record<string, unknown>
  delete severity.$schema
  const ruleProperties: Record<string, unknown> = {}
  for (const rule of rules) {
    const options = z.toJSONSchema(rule.options, {target: 'draft-7', io: 'input', unrepresentable: 'any'}) as Record<string, unknown>
    delete options.$schema
    ruleProperties[rule.id] = {
      description: rule.docs.summary,
      anyOf: [severity, {type: 'array', items: [severity, options], minItems: 1, maxItems: 2}],
    }
  }
  const properties = schema.properties as Record<string, Record<string, unknown>>
  if (rules.length > 0 && properties.rules) properties.rules = {...properties.rules, properties: ruleProperties}
  return {
    $id: 'https://unpkg.com/apology-lint/schema/config.schema.json',
    title: 'apology-lint configuration',
    ...schema,
  }
}
