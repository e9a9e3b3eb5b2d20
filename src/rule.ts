/**
 * The rule API: what a rule declares, and the context it receives.
 */
import {z} from 'zod'
import type {Block, EmailDocument, HeaderLocation, Language, PartKind, Range, TextSpan} from './document.js'
import type {PhraseEntry, PhraseMatcher, Sentence} from './language.js'
import type {Incident, IncidentKind, Brand} from './config.js'

/** Severity of a diagnostic. */
export type Severity = 'error' | 'warning' | 'info'

/** An editor quick fix: replace `range` with `replacement`. */
export interface Suggestion {
  /** What the fix does, e.g. "Replace with support@acme.example". */
  text: string
  range: Range
  replacement: string
  /** True when `--fix` may apply it without review. */
  safe?: boolean
}

/** One finding, as plain data: the CLI, the API and the language server render the same object. */
export interface Diagnostic {
  ruleId: string
  severity: Severity
  /** What is wrong, short and about this email. */
  message: string
  /** Why it hurts the reader, how to fix it, and an example fitting the incident. */
  note?: string
  /** The rule's documentation. */
  url: string
  /** Exact range in the ORIGINAL source. */
  range: Range
  /** The flagged text as the reader sees it (decoded). */
  actual?: string
  suggestions?: Suggestion[]
  /** For `.eml`: which body alternative the finding is about. */
  part?: PartKind
  /** The message id within the rule. */
  messageId?: string
  /** True for a parse error: nothing else was checked. */
  fatal?: boolean
  /**
   * Set when the finding is in a header given by option or flag, not in the
   * source (`--subject` for an HTML file): then `range` is empty at offset 0
   * and means nothing; `actual` is the flagged text.
   */
  location?: HeaderLocation
}

/** Zod schema of a {@link Diagnostic}, for consumers that validate what they receive. */
export const pointSchema = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  offset: z.number().int().min(0),
})
export const rangeSchema = z.object({start: pointSchema, end: pointSchema})
export const diagnosticSchema = z.object({
  ruleId: z.string().min(1),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string().min(1),
  note: z.string().optional(),
  url: z.string(),
  range: rangeSchema,
  actual: z.string().optional(),
  suggestions: z.array(z.object({text: z.string(), range: rangeSchema, replacement: z.string(), safe: z.boolean().optional()})).optional(),
  part: z.enum(['html', 'text']).optional(),
  messageId: z.string().optional(),
  fatal: z.boolean().optional(),
  location: z.enum(['subject', 'from', 'reply-to', 'sender']).optional(),
})

/** A suggestion as a rule reports it: in block text or source coordinates. */
export interface SuggestionInput {
  text: string
  replacement: string
  span?: TextSpan
  range?: Range
  safe?: boolean
}

/** What a rule passes to `report`. */
export interface ReportInput {
  messageId: string
  data?: Record<string, string | number>
  /** Where, in a block's text (mapped to the source by the engine). */
  span?: TextSpan
  /** Where, already in source coordinates. */
  range?: Range
  /** A source offset for an empty range (a missing element anchored at a point). */
  at?: number
  /** A header given by option (not in the source) that the finding is about; a span in the option subject sets it itself. */
  location?: HeaderLocation
  /** Overrides the configured severity (for example, an error in data-breach incidents). */
  severity?: Severity
  suggestions?: SuggestionInput[]
  part?: PartKind
}

/** Incident context and brand, as configured. */
export interface Settings {
  brand?: Brand
  incident?: Incident
}

/** What a rule's `create` receives. */
export interface RuleContext<Options, Lexicon> {
  readonly id: string
  readonly document: EmailDocument
  readonly language: Language
  /** This rule's data for the document's language. */
  readonly lexicon: Lexicon
  /** Parsed options with defaults applied. */
  readonly options: Options
  readonly settings: Settings
  /** Prose sentences of the body, in reading order (shared across rules). */
  readonly sentences: readonly Sentence[]
  /** Sentences of one block (shared across rules). */
  sentencesOf(block: Block): readonly Sentence[]
  /** A phrase matcher for `entries`, built once per rule and language and reused across documents. */
  matcher<E extends PhraseEntry>(key: string, entries: readonly E[]): PhraseMatcher<E>
  /** compromise's analysis of one sentence (English), computed once per sentence and shared across rules. */
  nlp(sentence: Sentence): NlpView
  report(input: ReportInput): void
}

/** The subset of compromise's View that rules use. */
export interface NlpView {
  has(match: string): boolean
  match(match: string): NlpView
  found: boolean
  text(): string
  out(format: 'offset'): {text: string; offset: {start: number; length: number}}[]
  terms(): NlpView
  json(): unknown[]
}

/** Documentation every rule carries; the README and the CLI's `explain` render it. */
export interface RuleDocs {
  summary: string
  why: string
  fix: string
  /** Overrides the built-in docs URL (for plugins). */
  url?: string
}

/** A rule definition. */
export interface Rule<Options = unknown, Lexicon = unknown> {
  id: string
  /** Data per supported language (lexicons), checked on load. */
  languages: Record<Language, Lexicon>
  docs: RuleDocs
  /** Severity when enabled by a preset without one. */
  severity: Severity
  /** In the `recommended` preset (every rule is in `strict`). */
  recommended: boolean
  options: z.ZodType<Options>
  /** Short message templates by message id: what is wrong, about this email (`{name}` placeholders). */
  messages: Record<string, string>
  /** Per-message notes: why it matters, how to fix it, and an example (same placeholders as the message). */
  notes?: Record<string, string>
  /** Examples that fit an incident kind, replacing the `{example}` the rule passes (see {@link IncidentExamples}). */
  incidentExamples?: Partial<Record<Language, IncidentExamples>>
  /** True when the rule reads compromise's analysis (English sentences only). */
  usesNlp?: boolean
  /**
   * True when the rule checks structure or headers only (sender address,
   * layout, MIME parts) and needs no words of the email's language: it still
   * runs when the language is not supported.
   */
  structural?: boolean
  /**
   * Rules whose findings take precedence over this rule's: where a finding of
   * this rule overlaps one of theirs that is reported, the engine drops this
   * rule's (see `resolveOverlaps` in the engine). A rule id: every finding
   * gives way to every finding of that rule; `{rule, messageIds, ownMessageIds}`
   * narrows it to those kinds of theirs and of this rule's (message ids).
   * Rules never ask each other.
   */
  yieldsTo?: readonly YieldTo[]
  create(context: RuleContext<Options, Lexicon>): void
}

/** A rule to give way to: all its findings or only some kinds, with all of this rule's findings or only some kinds. */
export type YieldTo = string | {rule: string; messageIds?: readonly string[]; ownMessageIds?: readonly string[]}

/**
 * Examples per incident kind: one string for every message, or one per message id.
 * A breach notice must not be shown a price example: when the incident kind is
 * configured, the engine replaces the rule's generic `{example}` with the one given here.
 */
export type IncidentExamples = Partial<Record<IncidentKind, string | Record<string, string>>>

/** What {@link defineRule} accepts: `options`, `severity` and `recommended` may be left out. */
export interface RuleInput<Options, Lexicon> {
  id: string
  languages: Record<Language, Lexicon>
  docs: RuleDocs
  severity?: Severity
  recommended?: boolean
  options?: z.ZodType<Options>
  messages: Record<string, string>
  notes?: Record<string, string>
  incidentExamples?: Partial<Record<Language, IncidentExamples>>
  usesNlp?: boolean
  structural?: boolean
  yieldsTo?: readonly YieldTo[]
  create(context: RuleContext<Options, Lexicon>): void
}

const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\/[a-z][a-z0-9]*(?:-[a-z0-9]+)*)?$/

/**
 * Declares a rule. Checks its id, messages and per-language data when the module loads.
 *
 * @example
 * export default defineRule({
 *   id: 'no-exclamation',
 *   languages: {en: {}, pl: {}},
 *   docs: {summary: 'No shouting.', why: 'It reads as panic.', fix: 'Use a full stop.'},
 *   messages: {bang: 'Replace `!` with a full stop.'},
 *   create(context) { … },
 * })
 */
export function defineRule<Options = Record<string, never>, Lexicon = unknown>(input: RuleInput<Options, Lexicon>): Rule<Options, Lexicon> {
  if (!RULE_ID.test(input.id)) throw new Error(`Expected a kebab-case rule id, got ${JSON.stringify(input.id)}`)
  for (const language of ['en', 'pl'] as const) {
    if (!(language in input.languages)) throw new Error(`Rule ${input.id}: missing data for language "${language}"`)
  }
  if (Object.keys(input.messages).length === 0) throw new Error(`Rule ${input.id}: no messages`)
  for (const id of Object.keys(input.notes ?? {})) {
    if (!(id in input.messages)) throw new Error(`Rule ${input.id}: note for unknown message "${id}"`)
  }
  for (const [language, byKind] of Object.entries(input.incidentExamples ?? {})) {
    for (const [kind, examples] of Object.entries(byKind ?? {})) {
      if (typeof examples === 'string') continue
      for (const id of Object.keys(examples)) {
        if (!(id in input.messages)) throw new Error(`Rule ${input.id}: ${language} ${kind} example for unknown message "${id}"`)
      }
    }
  }
  const rule: Rule<Options, Lexicon> = {
    id: input.id,
    languages: input.languages,
    docs: input.docs,
    severity: input.severity ?? 'warning',
    recommended: input.recommended ?? true,
    options: input.options ?? (z.object({}).strict() as unknown as z.ZodType<Options>),
    messages: input.messages,
    create: input.create,
  }
  if (input.notes) rule.notes = input.notes
  if (input.incidentExamples) rule.incidentExamples = input.incidentExamples
  if (input.usesNlp) rule.usesNlp = true
  if (input.structural) rule.structural = true
  if (input.yieldsTo?.length) rule.yieldsTo = [...input.yieldsTo]
  return rule
}

/** Any rule, whatever its options and data. */
// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous rule list needs an open type.
export type AnyRule = Rule<any, any>

/**
 * What a plugin package exports as its default: its rules, as a list or keyed
 * by id. Name the package in the config's `plugins`.
 *
 * @example
 * const plugin: Plugin = {rules: [noCheers]}
 * export default plugin
 */
export interface Plugin {
  rules: readonly AnyRule[] | Readonly<Record<string, AnyRule>>
}
