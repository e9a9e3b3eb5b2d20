/**
 * Runs rules once over a document: shares the per-document work (sentences,
 * tokens, compromise analyses) across rules, applies severities and inline
 * directives, and isolates a rule that throws.
 */
import {spanToRange, type Block, type EmailDocument, type Language, type Range} from './document.js'
import {PhraseMatcher, splitSentences, type PhraseEntry, type PhraseHit, type Sentence, type Token} from './language.js'
import {analyse} from './nlp.js'
import type {AnyRule, Diagnostic, NlpView, ReportInput, RuleContext, Settings, Severity, Suggestion} from './rule.js'
import type {IncidentKind, ResolvedConfig} from './config.js'

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
  /** Phrase hits by matcher and token list, for this document (see {@link memoized}). */
  private readonly found = new Map<PhraseMatcher<PhraseEntry>, Map<readonly Token[], FoundHits>>()
  private readonly views = new Map<PhraseMatcher<PhraseEntry>, PhraseMatcher<PhraseEntry>>()
  /** Block → its first index in the document's blocks (indexOf per block would be quadratic). */
  private blockIndexes: Map<Block, number> | undefined

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
      s = splitSentences(block, i, this.document.language)
      this.byBlock.set(block, s)
    }
    return s
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

  nlp(sentence: Sentence): NlpView {
    let view = this.nlpCache.get(sentence)
    if (!view) {
      view = analyse(sentence.text)
      this.nlpCache.set(sentence, view)
    }
    return view
  }
}

/** The hits of one `find`: the text alone when there were none. */
type FoundHits = string | {text: string; hits: PhraseHit<PhraseEntry>[]}

/** Phrase matchers are built once per rule, key and language, and reused for every document. */
const matcherCache = new WeakMap<object, Map<string, PhraseMatcher<PhraseEntry>>>()
/** Matchers by the entry list they were built from, so that rules sharing a lexicon share one matcher. */
const matchersByEntries = new WeakMap<readonly PhraseEntry[], PhraseMatcher<PhraseEntry>>()
/** The rules that use each matcher: only a matcher that several rules share is worth memoizing per document. */
const matcherRules = new WeakMap<PhraseMatcher<PhraseEntry>, Set<AnyRule>>()

/** Options for {@link runRules}. */
export interface RunOptions {
  /** Let a throwing rule's error propagate (tests). */
  throwOnRuleError?: boolean
}

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
  for (const {rule, severity, options: ruleOptions} of rules) {
    const lexicon = rule.languages[document.language]
    const report = (input: ReportInput): void => {
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
      if (input.suggestions?.length) {
        diagnostic.suggestions = input.suggestions.map((s): Suggestion => {
          const suggestion: Suggestion = {
            text: s.text,
            replacement: s.replacement,
            range: s.span ? spanToRange(document, s.span) : (s.range ?? range),
          }
          if (s.safe) suggestion.safe = true
          return suggestion
        })
      }
      diagnostics.push(diagnostic)
    }
    let cache = matcherCache.get(rule)
    if (!cache) {
      cache = new Map()
      matcherCache.set(rule, cache)
    }
    const matchers = cache
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
        const k = `${document.language}:${key}`
        let m = matchers.get(k)
        if (!m) {
          // The same entry list always builds the same matcher: share it across rules.
          m = matchersByEntries.get(entries)
          if (!m) {
            m = new PhraseMatcher(entries)
            matchersByEntries.set(entries, m)
          }
          matchers.set(k, m)
          let users = matcherRules.get(m)
          if (!users) {
            users = new Set()
            matcherRules.set(m, users)
          }
          users.add(rule)
        }
        return matcherRules.get(m)!.size > 1 ? analysis.memoized(m as unknown as PhraseMatcher<E>) : (m as unknown as PhraseMatcher<E>)
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
  const kept = applyDirectives(document, diagnostics)
  return sortDiagnostics(resolveOverlaps(kept, rules))
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
  const index = (id: string, kinds: ReadonlySet<string> | undefined): {starts: number[]; reach: number[]} => {
    const ranges = diagnostics
      .filter((d) => d.ruleId === id && d.range.end.offset > d.range.start.offset && (!kinds || (d.messageId !== undefined && kinds.has(d.messageId))))
      .map((d) => [d.range.start.offset, d.range.end.offset] as const)
      .sort((x, y) => x[0] - y[0])
    const starts: number[] = []
    const reach: number[] = []
    let furthest = -1
    for (const [start, end] of ranges) {
      furthest = Math.max(furthest, end)
      starts.push(start)
      reach.push(furthest)
    }
    return {starts, reach}
  }
  const indexes = new Map<string, {own: ReadonlySet<string> | undefined; list: {starts: number[]; reach: number[]}}[]>()
  for (const [id, targets] of yields) indexes.set(id, targets.map((t) => ({own: t.own, list: index(t.rule, t.theirs)})))
  const overlapsAny = (d: Diagnostic, list: {starts: number[]; reach: number[]}): boolean => {
    const start = d.range.start.offset
    const end = d.range.end.offset
    if (end <= start) return false
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
  const used = new Set<number>()
  const suppressed: Suppressed[] = []
  const kept = diagnostics.filter((d) => {
    const offset = d.range.start.offset
    const index = suppressingDirective(document, d.ruleId, offset)
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

function suppressingDirective(document: EmailDocument, ruleId: string, offset: number): number | undefined {
  let found: number | undefined
  const applies = (rules: string[]): boolean => rules.length === 0 || rules.includes(ruleId)
  document.directives.forEach((d, i) => {
    if (d.kind === 'disable-next-block') {
      const block = document.blocks[d.nextBlock]
      if (block && applies(d.rules) && offset >= d.sourceEnd && offset < block.sourceEnd) found = i
      return
    }
    if (d.sourceEnd > offset || !applies(d.rules)) return
    if (d.kind === 'disable') {
      // Still disabled unless an enable for this rule comes between the disable and the finding.
      const reenabled = document.directives.some(
        (e) => e.kind === 'enable' && e.sourceStart >= d.sourceEnd && e.sourceEnd <= offset && applies(e.rules),
      )
      if (!reenabled) found = i
    }
  })
  return found
}
