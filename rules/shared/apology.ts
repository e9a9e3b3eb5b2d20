/**
 * Where an email apologises, shared by the rules that need to know
 * (missing-apology, buried-lede, part-mismatch, the checklist). The lexicon is
 * deliberately about the act of apologising, not its quality: "sorry for any
 * inconvenience" is an apology here, and evasive-wording judges it.
 *
 * Negated and sarcastic uses ("we're not sorry", "sorry not sorry", "we won't
 * apologise") and set phrases that only look like apologies ("we regret to
 * inform you", "sorry to hear") are not apologies and are never returned.
 */
import type {Block, EmailDocument, Language, TextSpan} from '../../src/document.js'
import {PhraseMatcher, type PhraseEntry, type PhraseHit, type Token} from '../../src/language.js'
import type {RuleContext} from '../../src/rule.js'

/** One apology phrase; stems (`*`) cover inflection. */
export interface ApologyPhrase extends PhraseEntry {
  /**
   * False for phrases that own the mistake without apologising ("our
   * mistake", "nasz błąd"): they show where the apology part starts, but are
   * not an explicit apology on their own. Default true.
   */
  explicit?: boolean
  /** Word sequences that, right after the phrase, make it something else (`regret` + `to inform`). */
  unlessFollowedBy?: string[]
}

/** Apology phrases per language. */
export const apologyPhrases: Record<Language, ApologyPhrase[]> = {
  en: [
    {phrase: 'sorry', unlessFollowedBy: ['to hear', 'to see you go', 'state']},
    {phrase: 'sorrier'},
    {phrase: 'sorriest'},
    {phrase: 'apolog*'},
    {phrase: 'we regret', explicit: false, unlessFollowedBy: ['to inform', 'to announce', 'to tell', 'to let you know', 'to advise']},
    {phrase: 'i regret', explicit: false, unlessFollowedBy: ['to inform', 'to announce', 'to tell', 'to let you know', 'to advise']},
    {phrase: 'forgive us'},
    {phrase: 'please forgive'},
    {phrase: 'our mistake', explicit: false},
    {phrase: 'my mistake', explicit: false},
  ],
  pl: [
    {phrase: 'przepraszam*'},
    {phrase: 'przeprosin*'},
    {phrase: 'przepros*'},
    {phrase: 'przykro nam'},
    {phrase: 'nam przykro'},
    {phrase: 'jest nam przykro'},
    {phrase: 'wybacz*'},
    {phrase: 'prosimy o wybaczenie'},
    {phrase: 'nasz błąd', explicit: false},
    {phrase: 'to nasz błąd', explicit: false},
    {phrase: 'nasza wina', explicit: false},
    {phrase: 'to nasza wina', explicit: false},
  ],
}

/**
 * Words that negate an apology when they come shortly before it in the same
 * clause ("we are not sorry", "nie przepraszamy"), with how many words back
 * they are looked for. Polish negation sits right before the verb.
 */
const NEGATION: Record<Language, {words: ReadonlySet<string>; window: number}> = {
  en: {
    words: new Set([
      'not',
      'never',
      'no',
      "don't",
      "won't",
      "aren't",
      "isn't",
      "wasn't",
      "weren't",
      "didn't",
      "doesn't",
      "shouldn't",
      "wouldn't",
      "ain't",
      'without',
    ]),
    window: 3,
  },
  pl: {words: new Set(['nie', 'nigdy', 'bez']), window: 2},
}

/** Words after a negated apology that turn it back into an intensified one ("can't apologise enough"). */
const INTENSIFIED_AFTER: Record<Language, ReadonlySet<string>> = {
  en: new Set(['enough']),
  pl: new Set(['wystarczająco', 'dość', 'dosyć']),
}

/** Punctuation that ends a clause: a negation before it does not reach the apology. */
const CLAUSE_BREAK = /[,;:.!?()\u2013\u2014]/

/** One apology found in a block, with the phrase that matched. */
export interface ApologyHit extends TextSpan {
  entry: ApologyPhrase
}

/** Options for {@link findApologyHits}. */
export interface FindApologyOptions {
  /** Only explicit apologies: leave out ownership phrases such as "our mistake". */
  explicitOnly?: boolean
  /** More phrases that count as apologies (same syntax as the lexicon). */
  extra?: readonly ApologyPhrase[]
}

/**
 * Every apology in `blocks` with the phrase that matched, in order, skipping
 * negated and sarcastic ones. Blocks that are not prose (quoted replies, code)
 * are skipped.
 *
 * @example
 * const first = findApologyHits(context, context.document.blocks, {explicitOnly: true})[0]
 */
export function findApologyHits(context: RuleContext<unknown, unknown>, blocks: readonly Block[], options: FindApologyOptions = {}): ApologyHit[] {
  const extra = options.extra && options.extra.length > 0 ? options.extra : undefined
  if (extra) return findWithExtra(context, blocks, options.explicitOnly === true, extra)
  const explicitOnly = options.explicitOnly === true
  const hits: ApologyHit[] = []
  let known: Map<Block, BlockHits> | undefined
  for (const block of blocks) {
    if (!block.prose) continue
    known ??= documentCache(context)
    const found = blockHits(context, known, block, explicitOnly)
    // New hit objects on every call: a caller that changes one cannot affect another.
    for (let i = 0; i < found.length; i++) {
      const hit = found[i]!
      hits.push({block, start: hit.start, end: hit.end, entry: hit.entry})
    }
  }
  return hits
}

/** The apologies of one block, both variants. */
interface BlockHits {
  all: readonly FoundHit[]
  explicit?: readonly FoundHit[]
}
interface FoundHit {
  start: number
  end: number
  entry: ApologyPhrase
}

/**
 * Several rules ask about the same blocks (missing-apology, buried-lede, part-mismatch, the wording
 * rules): each block is searched once. The answer depends only on the block's text and the language
 * (its sentences are split the same way whenever they are split).
 */
const cache = new WeakMap<EmailDocument, {language: Language; byBlock: Map<Block, BlockHits>}>()

/** This document's answers for its language (a map per document: cheaper than a weak map per block). */
function documentCache(context: RuleContext<unknown, unknown>): Map<Block, BlockHits> {
  let known = cache.get(context.document)
  if (!known || known.language !== context.language) {
    known = {language: context.language, byBlock: new Map()}
    cache.set(context.document, known)
  }
  return known.byBlock
}
const NO_HITS: readonly FoundHit[] = []

/** The apologies of one prose block, as {@link findApologyHits} finds them. */
function blockHits(context: RuleContext<unknown, unknown>, known: Map<Block, BlockHits>, block: Block, explicitOnly: boolean): readonly FoundHit[] {
  let cached = known.get(block)
  if (!cached) {
    cached = {all: searchBlock(context, block, false)}
    known.set(block, cached)
  }
  if (!explicitOnly) return cached.all
  if (!cached.explicit) {
    // Leaving out ownership phrases changes nothing where none was kept: at every token the same
    // candidate is the first one kept, or none is. Otherwise search again.
    cached.explicit = cached.all.some((hit) => hit.entry.explicit === false) ? searchBlock(context, block, true) : cached.all
  }
  return cached.explicit
}

/**
 * One matcher per language, built on first use. Not the engine's per-rule matcher: every block is
 * searched once per document here, so the engine's per-document memo would only add work.
 */
const matchers: Partial<Record<Language, PhraseMatcher<ApologyPhrase>>> = {}

function apologyMatcher(language: Language): PhraseMatcher<ApologyPhrase> {
  return (matchers[language] ??= new PhraseMatcher(apologyPhrases[language]))
}

function searchBlock(context: RuleContext<unknown, unknown>, block: Block, explicitOnly: boolean): readonly FoundHit[] {
  const language = context.language
  const matcher = apologyMatcher(language)
  const text = block.text
  let tokens: readonly Token[] = []
  // Conditions decide on each candidate: a look-alike or negated phrase hides no real apology overlapping it.
  const accept = (hit: PhraseHit<ApologyPhrase>): boolean => !(explicitOnly && hit.entry.explicit === false) && isApology(hit, tokens, text, language)
  let out: FoundHit[] | undefined
  for (const sentence of context.sentencesOf(block)) {
    tokens = sentence.tokens
    for (const hit of matcher.find(tokens, text, accept)) (out ??= []).push({start: hit.start, end: hit.end, entry: hit.entry})
  }
  return out ?? NO_HITS
}

/** {@link findApologyHits} with extra phrases: not cached (the phrases are the caller's). */
function findWithExtra(context: RuleContext<unknown, unknown>, blocks: readonly Block[], explicitOnly: boolean, extra: readonly ApologyPhrase[]): ApologyHit[] {
  const language = context.language
  const matcher = apologyMatcher(language)
  const extraMatcher = context.matcher<ApologyPhrase>(`shared:apology-extra:${extra.map((e) => e.phrase).join('|')}`, extra)
  const hits: ApologyHit[] = []
  for (const block of blocks) {
    if (!block.prose) continue
    for (const sentence of context.sentencesOf(block)) {
      const accept = (hit: PhraseHit<ApologyPhrase>): boolean =>
        !(explicitOnly && hit.entry.explicit === false) && isApology(hit, sentence.tokens, block.text, language)
      const found = matcher.find(sentence.tokens, block.text, accept)
      found.push(...extraMatcher.find(sentence.tokens, block.text, accept))
      if (found.length === 0) continue
      found.sort((a, b) => a.start - b.start)
      for (const hit of found) hits.push({block, start: hit.start, end: hit.end, entry: hit.entry})
    }
  }
  return hits
}

/** Every apology in `blocks`, in order (one span per phrase). */
export function findApologies(context: RuleContext<unknown, unknown>, blocks: readonly Block[]): TextSpan[] {
  return findApologyHits(context, blocks).map(({block, start, end}) => ({block, start, end}))
}

/** True when a phrase hit is a real apology: not negated, not sarcastic, not a look-alike set phrase (exported for tests). */
export function isApology(hit: PhraseHit<ApologyPhrase>, tokens: readonly Token[], text: string, language: Language): boolean {
  const next = tokens[hit.lastToken]
  if (hit.entry.unlessFollowedBy && next && followedBy(tokens, hit.lastToken, hit.entry.unlessFollowedBy)) return false
  // "sorry not sorry": the first half is sarcasm, and the second is negated below.
  if (next?.norm === 'not' && tokens[hit.lastToken + 1]?.norm === tokens[hit.firstToken]?.norm) return false
  const {words, window} = NEGATION[language]
  for (let i = hit.firstToken - 1; i >= 0 && i >= hit.firstToken - window; i--) {
    const token = tokens[i]!
    const after = tokens[i + 1]!
    // A comma or a full stop between the two ends the negation's reach.
    if (CLAUSE_BREAK.test(text.slice(token.end, after.start))) break
    // "Not only do we apologise …" affirms the apology.
    if (words.has(token.norm) && tokens[i + 1]?.norm !== 'only') {
      // "we cannot apologise enough" and "we couldn't be more sorry" are strong apologies.
      if (next && INTENSIFIED_AFTER[language].has(next.norm)) return true
      if (tokens[hit.firstToken - 1]?.norm === 'more') return true
      return false
    }
  }
  return true
}

function followedBy(tokens: readonly Token[], from: number, sequences: readonly string[]): boolean {
  for (const sequence of sequences) {
    const words = sequence.split(' ')
    if (words.every((w, k) => tokens[from + k]?.norm === w)) return true
  }
  return false
}
