/**
 * Runs rules once over a document: shares the per-document work (sentences,
 * tokens, compromise analyses) across rules, applies severities and inline
 * directives, and isolates a rule that throws.
 */
import {spanToRange, type Block, type EmailDocument, type Language, type Range} from './document.js'
import {PhraseMatcher, segmentStarts, splitSentences, type PhraseEntry, type PhraseHit, type Sentence, type Token} from './language.js'
import {analyse} from './nlp.js'
import {decodeHTML} from 'entities'
import type {AnyRule, Diagnostic, NlpView, ReportInput, RuleContext, Settings, Severity, Suggestion} from './rule.js'
import type {IncidentKind, ResolvedConfig} from './config.js'
import {documentZones} from './zones.js'

/** Where rule documentation lives. */
export const DOCS_BASE = 'https://github.com/apology-lint/apology-lint/blob/main/rules'

/** The docs URL of a rule. */
export function ruleUrl(rule: AnyRule): string {
  return rule.docs.url ?? `${DOCS_BASE}/${rule.id}/README.md`
}

/** Per-document analysis, computed lazily and shared by every rule. */
export class Analysis {
  private readonly byBlock = new Map<Block, Sentence[]>()
  private allSentences: Sentence[] | undefined
  private readonly nlpCache = new Map<Sentence, NlpView>()
  private readonly nlpByText = new Map<string, NlpView>()
  /** Phrase hits by matcher and token list, for this document (see {@link memoized}). */
  private readonly found = new Map<PhraseMatcher<PhraseEntry>, Map<readonly Token[], FoundHits>>()
  private readonly views = new Map<PhraseMatcher<PhraseEntry>, PhraseMatcher<PhraseEntry>>()
  /** Block → its first index in the document's blocks (indexOf per block would be quadratic). */
  private blockIndexes: Map<Block, number> | undefined
  private starts: (number[] | undefined)[] | undefined

  constructor(readonly document: EmailDocument) {}

  /**
   * `matcher` with `find` computed once per token list in this document:
   * several rules look for the same phrases (apologies, error statements) in
   * every sentence. Each call still returns a new array of new hit objects, so
   * a rule that sorts or changes what it got cannot affect another.
   */
  memoized<E extends PhraseEntry>(matcher: PhraseMatcher<E>): PhraseMatcher<E> {
    const key = matcher as unknown as PhraseMatcher<PhraseEntry>
    let view = this.views.get(key)
    if (!view) {
      const byTokens = new Map<readonly Token[], FoundHits>()
      this.found.set(key, byTokens)
      const find = key.find.bind(key)
      view = Object.create(key) as PhraseMatcher<PhraseEntry>
      const shared = (tokens: readonly Token[], text: string): PhraseHit<PhraseEntry>[] => {
        const cached = byTokens.get(tokens)
        if (cached === text) return []
        if (cached !== undefined && typeof cached !== 'string' && cached.text === text) return cached.hits.map((hit) => ({...hit}))
        const hits = find(tokens, text)
        // Most token lists hold no phrase: remember those by their text alone (a 10 MB email has 30,000 sentences).
        byTokens.set(tokens, hits.length === 0 ? text : {text, hits: hits.map((hit) => ({...hit}))})
        return hits
      }
      view.find = (tokens, text, accept) => {
        const hits = shared(tokens, text)
        // A rule's acceptance test is its own. When it keeps every longest hit, the answer is the
        // shared one (each kept hit is what the test would pick at its token); else ask the matcher.
        if (!accept || hits.every(accept)) return hits
        return find(tokens, text, accept)
      }
      this.views.set(key, view)
    }
    return view as unknown as PhraseMatcher<E>
  }

  /** Prose sentences of the body in reading order. */
  get sentences(): Sentence[] {
    if (!this.allSentences) {
      const out: Sentence[] = []
      this.document.blocks.forEach((block, i) => {
        if (block.prose) for (const s of this.sentencesOf(block, i)) out.push(s)
      })
      this.allSentences = out
    }
    return this.allSentences
  }

  sentencesOf(block: Block, index?: number): Sentence[] {
    let s = this.byBlock.get(block)
    if (!s) {
      const i = index ?? this.indexOf(block)
      s = splitSentences(block, i, this.document.language, i >= 0 && block.prose ? this.proseStarts()[i] : undefined)
      this.byBlock.set(block, s)
    }
    return s
  }

  /** Segment starts of every prose block, found with one segmenter call per batch of blocks (see segmentStarts). */
  private proseStarts(): (number[] | undefined)[] {
    if (!this.starts) {
      const blocks = this.document.blocks
      this.starts = segmentStarts(
        blocks.map((b) => (b.prose ? b.text : '')),
        this.document.language,
      )
    }
    return this.starts
  }

  /** `document.blocks.indexOf(block)`, in constant time. */
  private indexOf(block: Block): number {
    if (!this.blockIndexes) {
      const indexes = new Map<Block, number>()
      this.document.blocks.forEach((b, i) => {
        if (!indexes.has(b)) indexes.set(b, i)
      })
      this.blockIndexes = indexes
    }
    return this.blockIndexes.get(block) ?? -1
  }

  /**
   * compromise's view of a sentence: analysed at most once per lint, whichever
   * rules ask, and once per distinct text (an .eml's plain-text and HTML parts
   * repeat the same sentences).
   */
  nlp(sentence: Sentence): NlpView {
    let view = this.nlpCache.get(sentence)
    if (!view) {
      const text = sentence.text.slice(0, readingEnd(sentence.text))
      view = this.nlpByText.get(text)
      if (!view) {
        view = analyse(text)
        this.nlpByText.set(text, view)
      }
      this.nlpCache.set(sentence, view)
    }
    return view
  }
}

/**
 * Where the words of a sentence end, before what only pads it: white space
 * and invisible characters (the `&zwnj;&nbsp;` run that keeps an inbox from
 * showing the body after a preheader), and a plain-text heading's underline
 * (`-----`, `=====`). compromise reads the padding as terms (a padded
 * preheader cost 70% more), and the heading without its underline is the same
 * text as the HTML part's, so it is analysed once. Only the end is cut:
 * offsets in the view stay offsets from the sentence's start.
 */
export function readingEnd(text: string): number {
  let end = text.length
  for (;;) {
    while (end > 0 && isPadding(text.charCodeAt(end - 1))) end--
    // A rule of at least three of the same character, as text parts underline their headings.
    const c = end > 0 ? text.charCodeAt(end - 1) : 0
    if (c !== 45 && c !== 61 && c !== 95 && c !== 42 && c !== 126) return end
    let start = end - 1
    while (start > 0 && text.charCodeAt(start - 1) === c) start--
    // Only a rule set apart from the words: "to do -----", not "e-mail--" or a word of its own.
    if (end - start < 3 || (start > 0 && !isPadding(text.charCodeAt(start - 1)))) return end
    end = start
  }
}

/** White space and characters that render as nothing. */
function isPadding(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0xad ||
    c === 0x34f ||
    (c >= 0x200b && c <= 0x200d) ||
    c === 0x2060 ||
    c === 0xfeff ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f
  )
}

/** The hits of one `find`: the text alone when there were none. */
type FoundHits = string | {text: string; hits: PhraseHit<PhraseEntry>[]}

/** Phrase matchers are built once per rule, key and language, and reused for every document. */
const matcherCache = new WeakMap<object, Map<string, Map<string, PhraseMatcher<PhraseEntry>>>>()
/** Matchers by the entry list they were built from, so that rules sharing a lexicon share one matcher. */
const matchersByEntries = new WeakMap<readonly PhraseEntry[], PhraseMatcher<PhraseEntry>>()
/** The rules that use each matcher: only a matcher that several rules share is worth memoizing per document. */
const matcherRules = new WeakMap<PhraseMatcher<PhraseEntry>, Set<AnyRule>>()

/** Options for {@link runRules}. */
export interface RunOptions {
  /** Let a throwing rule's error propagate (tests). */
  throwOnRuleError?: boolean
  /** Most findings listed per rule (default {@link DEFAULT_MAX_FINDINGS_PER_RULE}); the rest are counted in one closing info finding. */
  maxFindingsPerRule?: number
  /** Most findings listed for the email (default {@link DEFAULT_MAX_FINDINGS}), the most severe first. */
  maxFindings?: number
}

/** Defaults of the finding caps (also in the config's DEFAULT_LIMITS). */
export const DEFAULT_MAX_FINDINGS = 500
export const DEFAULT_MAX_FINDINGS_PER_RULE = 100
/** The rule id of the closing finding that counts what the caps left out. */
export const MORE_FINDINGS_RULE = 'more-findings'

/** A rule with its resolved severity and parsed options. */
export interface ActiveRule {
  rule: AnyRule
  severity: Severity
  options: unknown
}

/** Picks the enabled rules from a resolved config and parses their options. */
export function activeRules(rules: readonly AnyRule[], config: ResolvedConfig): {active: ActiveRule[]; problems: string[]} {
  const active: ActiveRule[] = []
  const problems: string[] = []
  for (const rule of rules) {
    const setting = config.rules[rule.id]
    if (!setting) continue
    const parsed = rule.options.safeParse(setting.options)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`rules.${rule.id}${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${issue.message}`)
      }
      continue
    }
    active.push({rule, severity: setting.severity, options: parsed.data})
  }
  return {active, problems}
}

function format(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template
  return template.replace(/\{(\w{1,40})\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole))
}

/** Language names for the `unsupported-language` message, by ISO 639-3 (franc) and 639-1 code. */
const LANGUAGE_NAMES: Record<string, string> = {
  deu: 'German',
  de: 'German',
  fra: 'French',
  fr: 'French',
  spa: 'Spanish',
  es: 'Spanish',
  ita: 'Italian',
  it: 'Italian',
  por: 'Portuguese',
  pt: 'Portuguese',
  nld: 'Dutch',
  nl: 'Dutch',
  ces: 'Czech',
  cs: 'Czech',
  slk: 'Slovak',
  sk: 'Slovak',
  ukr: 'Ukrainian',
  uk: 'Ukrainian',
  rus: 'Russian',
  ru: 'Russian',
}

/** True when the document's language has no word lists: only structural rules run. */
export function isUnsupportedLanguage(document: EmailDocument): boolean {
  return document.languageSource === 'default-unsupported' || document.languageSource === 'config-unsupported'
}

/** Replaces a generic `{example}` with the rule's example for the configured incident kind, when it has one. */
function withIncidentExample(
  rule: AnyRule,
  language: Language,
  kind: IncidentKind | undefined,
  messageId: string,
  data: Record<string, string | number> | undefined,
): Record<string, string | number> | undefined {
  if (!kind || !data || !('example' in data)) return data
  const examples = rule.incidentExamples?.[language]?.[kind]
  const example = typeof examples === 'string' ? examples : examples?.[messageId]
  return example === undefined ? data : {...data, example}
}

/** Runs every active rule over the document and returns sorted diagnostics. */
export function runRules(document: EmailDocument, rules: readonly ActiveRule[], settings: Settings, options: RunOptions = {}): Diagnostic[] {
  const analysis = new Analysis(document)
  const diagnostics: Diagnostic[] = []
  const perRule = options.maxFindingsPerRule ?? DEFAULT_MAX_FINDINGS_PER_RULE
  // Findings past the cap are only counted, not built (900 KB of emoji is 450,000 findings). With directives in
  // the email some may be hidden, so a few more are kept for the cap to apply after them.
  const keepAtReport = document.directives.length > 0 ? perRule * 5 : perRule
  const dropped = new Map<string, number>()
  // Zones are computed once here, for every format; rules read them through documentZones().
  documentZones(document)
  const unsupported = isUnsupportedLanguage(document)
  if (unsupported) {
    // Rules that read words would judge a German apology by English word lists: only structure and headers are checked.
    const code = document.unsupportedLanguage
    const name = code ? (Object.hasOwn(LANGUAGE_NAMES, code) ? `${LANGUAGE_NAMES[code]} (${code})` : code) : 'a language other than English or Polish'
    const seen = document.languageSource === 'config-unsupported' ? `configured as ${name}` : `detected as ${name}`
    diagnostics.push({
      ruleId: 'unsupported-language',
      severity: 'info',
      message: `The email is ${seen}, which apology-lint has no word lists for: only structural and header checks ran (${
        rules
          .filter((r) => r.rule.structural)
          .map((r) => r.rule.id)
          .join(', ') || 'none enabled'
      }). Review the wording yourself, or set "language" to "en" or "pl" if detection is wrong.`,
      url: `${DOCS_BASE}/../README.md#languages`,
      range: document.lines.range(document.bodyStart, document.bodyStart),
      messageId: 'unsupportedLanguage',
    })
  }
  for (const {rule, severity, options: ruleOptions} of rules) {
    if (unsupported && !rule.structural) continue
    const lexicon = rule.languages[document.language]
    let reported = 0
    const report = (input: ReportInput): void => {
      if (++reported > keepAtReport) {
        if (rule.messages[input.messageId] === undefined) throw new Error(`Rule ${rule.id} reported unknown messageId "${input.messageId}"`)
        dropped.set(rule.id, (dropped.get(rule.id) ?? 0) + 1)
        return
      }
      const template = rule.messages[input.messageId]
      if (template === undefined) throw new Error(`Rule ${rule.id} reported unknown messageId "${input.messageId}"`)
      let range: Range
      let actual: string | undefined
      if (input.span) {
        range = spanToRange(document, input.span)
        actual = input.span.block.text.slice(input.span.start, input.span.end)
      } else if (input.range) range = input.range
      else range = document.lines.range(input.at ?? document.bodyStart, input.at ?? document.bodyStart)
      const data = withIncidentExample(rule, document.language, settings.incident?.kind, input.messageId, input.data)
      const diagnostic: Diagnostic = {
        ruleId: rule.id,
        severity: input.severity ?? severity,
        message: format(template, data),
        note: format(rule.notes?.[input.messageId] ?? rule.docs.why, data),
        url: ruleUrl(rule),
        range,
        messageId: input.messageId,
      }
      if (actual) diagnostic.actual = actual
      const part = input.part ?? input.span?.block.part
      if (part && document.parts.length > 1) diagnostic.part = part
      // A header given by option is not in the source: the finding says where it is, and its range is empty at 0.
      const location = input.location ?? input.span?.block.location
      if (location) {
        diagnostic.location = location
        diagnostic.range = document.lines.range(0, 0)
        // Where in the header text, for the overlap policy (the range cannot say).
        if (input.span) headerSpans.set(diagnostic, [input.span.start, input.span.end])
      }
      // Suggestions cannot edit text that is not in the source.
      if (input.suggestions?.length && !location) {
        const suggestions: Suggestion[] = []
        for (const s of input.suggestions) {
          const suggestion: Suggestion = {
            text: s.text,
            replacement: s.replacement,
            range: s.span ? spanToRange(document, s.span) : (s.range ?? range),
          }
          if (s.safe) suggestion.safe = true
          // A suggestion is offered only where its range maps exactly to the decoded text it replaces.
          if (mapsExactly(document, s.span ?? (s.range ? undefined : input.span), suggestion.range)) suggestions.push(suggestion)
        }
        if (suggestions.length > 0) diagnostic.suggestions = suggestions
      }
      diagnostics.push(diagnostic)
    }
    let byLanguage = matcherCache.get(rule)
    if (!byLanguage) {
      byLanguage = new Map()
      matcherCache.set(rule, byLanguage)
    }
    let matchers = byLanguage.get(document.language)
    if (!matchers) {
      matchers = new Map()
      byLanguage.set(document.language, matchers)
    }
    const built = matchers
    // What `matcher(key)` resolved to in this run: rules ask per block or sentence, so later calls are one look-up.
    const resolved = new Map<string, PhraseMatcher<PhraseEntry>>()
    const context: RuleContext<unknown, unknown> = {
      id: rule.id,
      document,
      language: document.language,
      lexicon,
      options: ruleOptions,
      settings,
      get sentences() {
        return analysis.sentences
      },
      sentencesOf: (block) => analysis.sentencesOf(block),
      matcher: <E extends PhraseEntry>(key: string, entries: readonly E[]) => {
        const known = resolved.get(key)
        if (known) return known as unknown as PhraseMatcher<E>
        let m = built.get(key)
        if (!m) {
          // The same entry list always builds the same matcher: share it across rules.
          m = matchersByEntries.get(entries)
          if (!m) {
            m = new PhraseMatcher(entries)
            matchersByEntries.set(entries, m)
          }
          built.set(key, m)
          let users = matcherRules.get(m)
          if (!users) {
            users = new Set()
            matcherRules.set(m, users)
          }
          users.add(rule)
        }
        const view = matcherRules.get(m)!.size > 1 ? analysis.memoized(m) : m
        resolved.set(key, view)
        return view as unknown as PhraseMatcher<E>
      },
      nlp: (sentence) => analysis.nlp(sentence),
      report,
    }
    try {
      rule.create(context)
    } catch (error) {
      if (options.throwOnRuleError) throw error
      const reason = error instanceof Error ? error.message : String(error)
      diagnostics.push({
        ruleId: 'internal-error',
        severity: 'error',
        message: `Rule "${rule.id}" crashed and its findings are missing: ${reason}. The other rules ran. Please report this with the email that triggers it.`,
        url: ruleUrl(rule),
        range: document.lines.range(document.bodyStart, document.bodyStart),
      })
    }
  }
  const kept = sortDiagnostics(resolveOverlaps(applyDirectives(document, diagnostics), rules))
  return capFindings(document, kept, dropped, perRule, options.maxFindings ?? DEFAULT_MAX_FINDINGS)
}

const SEVERITY_RANK: Record<Severity, number> = {error: 0, warning: 1, info: 2}

/**
 * Keeps the first `perRule` findings of each rule (in reading order) and then
 * the `total` most severe, and adds one closing info finding per capped rule,
 * and one for the email, that says how many more there were. `sorted` is in
 * position order; so is the result.
 */
function capFindings(document: EmailDocument, sorted: Diagnostic[], dropped: Map<string, number>, perRule: number, total: number): Diagnostic[] {
  const shown = new Map<string, number>()
  const more = new Map<string, number>(dropped)
  let kept: Diagnostic[] = []
  for (const d of sorted) {
    const n = shown.get(d.ruleId) ?? 0
    if (n >= perRule && d.ruleId !== 'internal-error') {
      more.set(d.ruleId, (more.get(d.ruleId) ?? 0) + 1)
      continue
    }
    shown.set(d.ruleId, n + 1)
    kept.push(d)
  }
  let overall = 0
  if (kept.length > total) {
    const order = kept.map((_d, i) => i).sort((a, b) => SEVERITY_RANK[kept[a]!.severity] - SEVERITY_RANK[kept[b]!.severity] || a - b)
    const keep = new Set(order.slice(0, total))
    overall = kept.length - total
    kept = kept.filter((_, i) => keep.has(i))
  }
  if (more.size === 0 && overall === 0) return kept
  const end = document.lines.range(document.source.length, document.source.length)
  for (const [ruleId, count] of more) {
    kept.push({
      ruleId: MORE_FINDINGS_RULE,
      severity: 'info',
      message: `${count} more ${count === 1 ? 'finding' : 'findings'} from ${ruleId} not listed (maxFindingsPerRule is ${perRule}): fix the ones listed and lint again, or raise maxFindingsPerRule in the config to see them all.`,
      url: `${DOCS_BASE}/../README.md#finding-caps`,
      range: end,
    })
  }
  if (overall > 0) {
    kept.push({
      ruleId: MORE_FINDINGS_RULE,
      severity: 'info',
      message: `${overall} more ${overall === 1 ? 'finding' : 'findings'} not listed (maxFindings is ${total}; the most severe are listed first): fix the ones listed and lint again, or raise maxFindings in the config to see them all.`,
      url: `${DOCS_BASE}/../README.md#finding-caps`,
      range: end,
    })
  }
  return sortDiagnostics(kept)
}

/**
 * The overlap policy. Rules report independently and never ask one another
 * what they found; where two rules describe the same words, the engine decides:
 *
 * - A rule may declare `yieldsTo`: rule ids, or `{rule, messageIds, ownMessageIds}`
 *   for only some kinds of that rule's findings and of its own. A finding of it whose source range
 *   overlaps a reported finding it yields to is dropped (the other finding says
 *   more: "only a small number of customers" is evasive-wording's minimiser,
 *   not also vague-wording's unspecific "who").
 * - Only findings that are reported count: when the preferred rule is off, or
 *   an inline directive suppressed its finding, the yielding rule's finding stays.
 * - Empty ranges (a missing element anchored at a point) overlap nothing, and
 *   findings in different parts or header fields overlap only when their ranges do.
 *   Findings in a header given by option (empty range, `location`) are compared
 *   by their span in that header.
 * - Everything else is kept, both findings, in position order.
 */
export function resolveOverlaps(diagnostics: Diagnostic[], rules: readonly ActiveRule[]): Diagnostic[] {
  // Per yielding rule: what it gives way to (a rule, optionally only some of its kinds) and which of its own kinds do.
  interface Target {
    rule: string
    theirs: ReadonlySet<string> | undefined
    own: ReadonlySet<string> | undefined
  }
  const yields = new Map<string, Target[]>()
  for (const {rule} of rules) {
    const targets: Target[] = []
    for (const y of rule.yieldsTo ?? []) {
      const target: Target =
        typeof y === 'string'
          ? {rule: y, theirs: undefined, own: undefined}
          : {rule: y.rule, theirs: y.messageIds ? new Set(y.messageIds) : undefined, own: y.ownMessageIds ? new Set(y.ownMessageIds) : undefined}
      if (target.rule !== rule.id) targets.push(target)
    }
    if (targets.length > 0) yields.set(rule.id, targets)
  }
  if (yields.size === 0) return diagnostics
  // The preferred findings of each (rule, kinds), sorted by start, with the furthest end so far:
  // a finding overlaps one of them when, among those starting before its end, the furthest end is past its start.
  // Findings in the source are compared by source range; findings in a header given by option by their span in that header.
  const extent = (d: Diagnostic): {key: string; start: number; end: number} => {
    if (!d.location) return {key: '', start: d.range.start.offset, end: d.range.end.offset}
    const span = headerSpans.get(d)
    return {key: d.location, start: span?.[0] ?? 0, end: span?.[1] ?? 0}
  }
  type Index = Map<string, {starts: number[]; reach: number[]}>
  const index = (id: string, kinds: ReadonlySet<string> | undefined): Index => {
    const byKey = new Map<string, [number, number][]>()
    for (const d of diagnostics) {
      if (d.ruleId !== id || (kinds && (d.messageId === undefined || !kinds.has(d.messageId)))) continue
      const {key, start, end} = extent(d)
      if (end <= start) continue
      let list = byKey.get(key)
      if (!list) byKey.set(key, (list = []))
      list.push([start, end])
    }
    const out: Index = new Map()
    for (const [key, ranges] of byKey) {
      ranges.sort((x, y) => x[0] - y[0])
      const starts: number[] = []
      const reach: number[] = []
      let furthest = -1
      for (const [start, end] of ranges) {
        furthest = Math.max(furthest, end)
        starts.push(start)
        reach.push(furthest)
      }
      out.set(key, {starts, reach})
    }
    return out
  }
  const indexes = new Map<string, {own: ReadonlySet<string> | undefined; list: Index}[]>()
  for (const [id, targets] of yields)
    indexes.set(
      id,
      targets.map((t) => ({own: t.own, list: index(t.rule, t.theirs)})),
    )
  const overlapsAny = (d: Diagnostic, index: Index): boolean => {
    const {key, start, end} = extent(d)
    const list = index.get(key)
    if (!list || end <= start) return false
    let lo = 0
    let hi = list.starts.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (list.starts[mid]! < end) lo = mid + 1
      else hi = mid
    }
    return lo > 0 && list.reach[lo - 1]! > start
  }
  return diagnostics.filter((d) => {
    const targets = indexes.get(d.ruleId)
    if (!targets) return true
    for (const {own, list} of targets) {
      if (own && (d.messageId === undefined || !own.has(d.messageId))) continue
      if (overlapsAny(d, list)) return false
    }
    return true
  })
}

/** The span in the header text of each finding in a header given by option (its range is empty at 0). */
const headerSpans = new WeakMap<Diagnostic, readonly [number, number]>()

/** Sorts by position, then rule id. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      a.range.start.offset - b.range.start.offset ||
      a.range.end.offset - b.range.end.offset ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.message.localeCompare(b.message),
  )
}

/** Diagnostics hidden by an inline directive, for formats that report suppressions (SARIF). */
export interface Suppressed {
  diagnostic: Diagnostic
  reason?: string
}

const suppressedByDocument = new WeakMap<EmailDocument, Suppressed[]>()

/** The diagnostics that inline directives suppressed in the last run over `document`. */
export function suppressedIn(document: EmailDocument): Suppressed[] {
  return suppressedByDocument.get(document) ?? []
}

/**
 * Applies `apology-lint-disable` / `-enable` / `-disable-next-block` comments,
 * and reports directives that suppressed nothing.
 */
function applyDirectives(document: EmailDocument, diagnostics: Diagnostic[]): Diagnostic[] {
  const directives = document.directives
  if (directives.length === 0) return diagnostics
  const suppressors = suppressingDirectives(document, diagnostics)
  const used = new Set<number>()
  const suppressed: Suppressed[] = []
  const kept = diagnostics.filter((d, k) => {
    const index = suppressors[k]
    if (index === undefined) return true
    used.add(index)
    const entry: Suppressed = {diagnostic: d}
    const reason = directives[index]!.reason
    if (reason) entry.reason = reason
    suppressed.push(entry)
    return false
  })
  suppressedByDocument.set(document, suppressed)
  directives.forEach((directive, i) => {
    if (directive.kind === 'enable' || used.has(i)) return
    const what = directive.rules.length > 0 ? directive.rules.join(', ') : 'all rules'
    kept.push({
      ruleId: 'unused-directive',
      severity: 'warning',
      message: `Unused apology-lint-${directive.kind} directive (no findings from ${what} were reported here): remove it, so that it cannot hide a real problem later.`,
      url: `${DOCS_BASE}/../README.md#inline-directives`,
      range: document.lines.range(directive.sourceStart, directive.sourceEnd),
    })
  })
  return kept
}

/**
 * For each diagnostic, the index of the directive that hides it (the last one
 * in document order that applies), or undefined. One sweep per rule id over
 * that rule's directives and findings sorted by offset, so that the time is
 * O((directives + findings) log) whatever their mix:
 * - a `disable` is active from its end until an `enable` for the rule that
 *   starts after it ends; activation is in order of end, so an enable removes
 *   a prefix of the active list, and a max-queue gives the latest index;
 * - a `disable-next-block` covers [its end, the next block's end); a max-heap
 *   by index with lazy removal gives the latest one covering an offset.
 */
export function suppressingDirectives(document: EmailDocument, diagnostics: readonly Diagnostic[]): (number | undefined)[] {
  const out: (number | undefined)[] = new Array(diagnostics.length).fill(undefined)
  const directives = document.directives
  if (directives.length === 0) return out
  // Findings by rule id.
  const byRule = new Map<string, number[]>()
  diagnostics.forEach((d, k) => {
    const list = byRule.get(d.ruleId)
    if (list) list.push(k)
    else byRule.set(d.ruleId, [k])
  })
  // Directives by the rule ids they name (only ids with findings), and those for every rule.
  const everyRule: number[] = []
  const named = new Map<string, number[]>()
  directives.forEach((d, i) => {
    if (d.rules.length === 0) {
      everyRule.push(i)
      return
    }
    const seen = new Set<string>()
    for (const id of d.rules) {
      if (seen.has(id) || !byRule.has(id)) continue
      seen.add(id)
      const list = named.get(id)
      if (list) list.push(i)
      else named.set(id, [i])
    }
  })
  for (const [ruleId, findings] of byRule) {
    const own = named.get(ruleId)
    const applicable = own ? mergeSorted(everyRule, own) : everyRule
    if (applicable.length === 0) continue
    sweep(document, diagnostics, findings, applicable, out)
  }
  return out
}

/** Two ascending index lists merged (no duplicates: a directive is in one of them only). */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out.push(a[i++]!)
    else out.push(b[j++]!)
  }
  return out
}

function sweep(
  document: EmailDocument,
  diagnostics: readonly Diagnostic[],
  findings: number[],
  applicable: readonly number[],
  out: (number | undefined)[],
): void {
  const directives = document.directives
  const offsetOf = (k: number): number => diagnostics[k]!.range.start.offset
  findings.sort((a, b) => offsetOf(a) - offsetOf(b))
  const disables: number[] = []
  const enables: number[] = []
  const nextBlocks: number[] = []
  for (const i of applicable) {
    const kind = directives[i]!.kind
    if (kind === 'disable') disables.push(i)
    else if (kind === 'enable') enables.push(i)
    else if (document.blocks[directives[i]!.nextBlock]) nextBlocks.push(i)
  }
  const byEnd = (a: number, b: number): number => directives[a]!.sourceEnd - directives[b]!.sourceEnd || a - b
  disables.sort(byEnd)
  enables.sort(byEnd)
  nextBlocks.sort((a, b) => directives[a]!.sourceEnd - directives[b]!.sourceEnd)
  // Active disables: disables[head, activated) minus none; `queue` holds positions in `disables` with decreasing index.
  let activated = 0
  let head = 0
  const queue: number[] = []
  let queueHead = 0
  let enableAt = 0
  // disable-next-block: a max-heap of directive indexes, expired lazily.
  let blockAt = 0
  const heap: number[] = []
  const blockEnd = (i: number): number => document.blocks[directives[i]!.nextBlock]!.sourceEnd
  for (const k of findings) {
    const offset = offsetOf(k)
    while (activated < disables.length && directives[disables[activated]!]!.sourceEnd <= offset) {
      const index = disables[activated]!
      while (queue.length > queueHead && disables[queue[queue.length - 1]!]! < index) queue.pop()
      queue.push(activated)
      activated++
    }
    while (enableAt < enables.length && directives[enables[enableAt]!]!.sourceEnd <= offset) {
      const start = directives[enables[enableAt]!]!.sourceStart
      while (head < activated && directives[disables[head]!]!.sourceEnd <= start) head++
      enableAt++
    }
    while (queueHead < queue.length && queue[queueHead]! < head) queueHead++
    let found = queueHead < queue.length ? disables[queue[queueHead]!]! : undefined
    while (blockAt < nextBlocks.length && directives[nextBlocks[blockAt]!]!.sourceEnd <= offset) heapPush(heap, nextBlocks[blockAt++]!)
    while (heap.length > 0 && blockEnd(heap[0]!) <= offset) heapPop(heap)
    if (heap.length > 0 && (found === undefined || heap[0]! > found)) found = heap[0]!
    out[k] = found
  }
}

function heapPush(heap: number[], value: number): void {
  heap.push(value)
  let i = heap.length - 1
  while (i > 0) {
    const parent = (i - 1) >> 1
    if (heap[parent]! >= value) break
    heap[i] = heap[parent]!
    i = parent
  }
  heap[i] = value
}

function heapPop(heap: number[]): void {
  const last = heap.pop()!
  if (heap.length === 0) return
  let i = 0
  for (;;) {
    const l = 2 * i + 1
    if (l >= heap.length) break
    const r = l + 1
    const child = r < heap.length && heap[r]! > heap[l]! ? r : l
    if (heap[child]! <= last) break
    heap[i] = heap[child]!
    i = child
  }
  heap[i] = last
}

/**
 * True when replacing `range` of the source edits exactly the text `span`
 * covers: never inside a part whose positions are coarse (base64, multi-byte
 * charsets: inserting plain text there corrupts the part), never for a
 * non-empty span that maps to an empty range, and in a MIME body only where
 * the raw source reads as the decoded text (no quoted-printable escapes or
 * soft line breaks in between).
 */
export function mapsExactly(document: EmailDocument, span: {block: Block; start: number; end: number} | undefined, range: Range): boolean {
  if (!span) return true
  const block = span.block
  if (block.part && document.parts.some((p) => p.kind === block.part && p.coarse)) return false
  const empty = range.start.offset === range.end.offset
  if (span.end > span.start && empty) return false
  if (document.format === 'eml' && range.start.offset >= document.bodyStart) {
    const raw = document.source.slice(range.start.offset, range.end.offset)
    const decoded = block.text.slice(span.start, span.end)
    return raw === decoded || (block.part === 'html' && decodeHTML(raw).replace(/\s+/g, ' ') === decoded)
  }
  return true
}
