/**
 * Small, linear helpers that the wording rules (vague-wording, evasive-wording) share: which
 * blocks are prose worth checking, word lists with stems, compromise tags
 * aligned to our tokens, and the text surgery that suggestions need.
 */
import type {Block, EmailDocument} from '../../src/document.js'
import {tokenize, WORD_TABLE_SIZE, wordSlot, type PhraseEntry, type PhraseMatcher, type Sentence, type Token} from '../../src/language.js'
import type {RuleContext} from '../../src/rule.js'

/**
 * A set of words where an entry ending in `*` matches by prefix (a stem), the
 * same convention as the phrase matcher. Exact words are one map look-up;
 * stems are a short linear scan.
 *
 * @example
 * new WordList(['customer*', 'people']).has('customers') // true
 */
export class WordList {
  private readonly exact = new Set<string>()
  /** {@link wordSlot}s of the exact words: most words are rejected here without a set look-up. */
  private readonly slots = new Uint8Array(WORD_TABLE_SIZE)
  /** Stems by their first code unit: a word is compared only with the stems that start like it. */
  private readonly stems = new Map<number, string[]>()

  constructor(words: readonly string[]) {
    for (const raw of words) {
      const {word, stem} = wordListEntry(raw)
      if (stem) {
        const first = word.charCodeAt(0)
        let list = this.stems.get(first)
        if (!list) this.stems.set(first, (list = []))
        list.push(word)
      } else {
        this.exact.add(word)
        if (word.length > 0) this.slots[wordSlot(word)] = 1
      }
    }
  }

  has(norm: string): boolean {
    if (norm.length === 0) return this.exact.has(norm)
    if (this.slots[wordSlot(norm)] !== 0 && this.exact.has(norm)) return true
    const stems = this.stems.size > 0 ? this.stems.get(norm.charCodeAt(0)) : undefined
    if (stems) for (const stem of stems) if (norm.startsWith(stem)) return true
    return false
  }
}

/**
 * How a word-list entry reads: lower-cased, with typographic apostrophes as
 * `'`, and a trailing `*` (after at least one character) making the rest a
 * stem. Every list that follows {@link WordList}'s convention reads entries here.
 *
 * @example
 * wordListEntry('Customer*') // {word: 'customer', stem: true}
 */
export function wordListEntry(raw: string): {word: string; stem: boolean} {
  const word = raw.toLowerCase().replace(/’/g, "'")
  return word.length > 1 && word.endsWith('*') ? {word: word.slice(0, -1), stem: true} : {word, stem: false}
}

const wordLists = new WeakMap<readonly string[], WordList>()

/** A {@link WordList} for a lexicon array, built once per array. */
export function wordList(words: readonly string[]): WordList {
  let list = wordLists.get(words)
  if (!list) {
    list = new WordList(words)
    wordLists.set(words, list)
  }
  return list
}

/** A block with its sentences, in reading order. */
export interface ProseBlock {
  block: Block
  sentences: readonly Sentence[]
}

/**
 * The blocks a wording rule reads: the subject and preheader (readers see
 * them first), then the body's prose blocks. Quoted replies, code, signatures,
 * footers and header/navigation boilerplate are not the sender's apology.
 */
export function proseBlocks(context: RuleContext<unknown, unknown>): ProseBlock[] {
  const {document} = context
  const out: ProseBlock[] = []
  const add = (block: Block | undefined): void => {
    if (!block || !block.prose || block.text.length === 0) return
    out.push({block, sentences: context.sentencesOf(block)})
  }
  add(document.subject)
  add(document.preheader)
  for (const block of document.blocks) {
    if (block.kind === 'footer' || block.kind === 'signature' || block.kind === 'quote' || block.kind === 'code') continue
    if (block.boilerplate) continue
    add(block)
  }
  return out
}

/** True when `[start, end)` in `block` touches a template placeholder (`{{first_name}}`). */
export function touchesPlaceholder(document: EmailDocument, block: Block, start: number, end: number): boolean {
  for (const p of document.placeholders) {
    if (p.block === block && p.start < end && p.end > start) return true
  }
  return false
}

/** True when only spaces or hyphens separate token `a` from token `b` (no comma, bracket or full stop between). */
export function joined(text: string, a: Token, b: Token): boolean {
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i)
    // space, tab, no-break space, hyphen, non-breaking hyphen, en dash used as a hyphen
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 45 && c !== 0x2011) return false
  }
  return true
}

/** Index of the first token of the clause that holds token `i` (clauses end at , ; : — – and brackets). */
export function clauseStart(text: string, tokens: readonly Token[], i: number): number {
  let k = i
  while (k > 0) {
    const gap = text.slice(tokens[k - 1]!.end, tokens[k]!.start)
    if (hasClauseBreak(gap)) break
    k--
  }
  return k
}

function hasClauseBreak(gap: string): boolean {
  for (let i = 0; i < gap.length; i++) {
    const c = gap[i]
    if (c === ',' || c === ';' || c === ':' || c === '—' || c === '–' || c === '(' || c === ')' || c === '.' || c === '!' || c === '?') return true
  }
  return false
}

/** True when a word from `words` occurs in the same sentence before token `i` (a condition: "if you have an issue"). */
export function afterWord(tokens: readonly Token[], i: number, words: WordList): boolean {
  for (let k = 0; k < i; k++) if (words.has(tokens[k]!.norm)) return true
  return false
}

/** Upper-cases the first letter of `replacement` when `original` starts with an upper-case letter. */
export function matchCase(original: string, replacement: string): string {
  if (replacement.length === 0) return replacement
  const first = original.charAt(0)
  if (first !== first.toLowerCase() && first === first.toUpperCase()) {
    return replacement.charAt(0).toUpperCase() + replacement.slice(1)
  }
  return replacement
}

/**
 * A span to delete from a sentence, widened so that the result reads well:
 * the spaces and comma after it go too, and when it opened the sentence the
 * next word is capitalised (the replacement carries that letter).
 */
export function deletion(sentence: Sentence, start: number, end: number): {start: number; end: number; replacement: string} {
  const text = sentence.block.text
  if (start === sentence.start) {
    let e = end
    while (e < sentence.end && (text[e] === ',' || text[e] === ' ' || text[e] === '\u00a0')) e++
    // The next word takes over the sentence start, and its capital if the sentence had one.
    if (e < sentence.end) return {start, end: e + 1, replacement: matchCase(text.charAt(start), text.charAt(e))}
    return {start, end, replacement: ''}
  }
  // Mid-sentence: take one neighbouring space with the words so that no double space is left.
  if (text[end] === ' ') return {start, end: end + 1, replacement: ''}
  if (text[start - 1] === ' ') return {start: start - 1, end, replacement: ''}
  return {start, end, replacement: ''}
}

/** Part-of-speech tags per token of a sentence, from compromise. */
const tagCache = new WeakMap<Sentence, ReadonlyArray<ReadonlySet<string>>>()
const NO_TAGS: ReadonlySet<string> = new Set()
/** Sentences handed to compromise per document, across both wording rules. */
const nlpSpent = new WeakMap<EmailDocument, number>()
/**
 * compromise costs about 40 µs a word. Real emails need it for a handful of
 * sentences; an input built to trigger it everywhere gets this many, and the
 * checks that need it are skipped after that (precision first).
 */
export const NLP_BUDGET = 40

interface NlpTerm {
  text?: string
  tags?: string[]
}

/**
 * compromise's tags for each of our tokens. compromise splits and offsets text
 * its own way (contractions, emoji, quotes), so its terms are aligned to our
 * tokens by their words, not by offsets. Computed once per sentence;
 * undefined once the document's {@link NLP_BUDGET} is spent.
 */
export function tokenTags(context: RuleContext<unknown, unknown>, sentence: Sentence): ReadonlyArray<ReadonlySet<string>> | undefined {
  const cached = tagCache.get(sentence)
  if (cached) return cached
  const spent = nlpSpent.get(context.document) ?? 0
  if (spent >= NLP_BUDGET) return undefined
  nlpSpent.set(context.document, spent + 1)
  const tokens = sentence.tokens
  const tags: ReadonlySet<string>[] = tokens.map(() => NO_TAGS)
  const view = context.nlp(sentence)
  const json = view.json() as {terms?: NlpTerm[]}[]
  let k = 0
  for (const s of json) {
    for (const term of s.terms ?? []) {
      if (!term.text) continue
      const words = tokenize(term.text)
      if (words.length === 0) continue
      const termTags = new Set(term.tags ?? [])
      // Find the first word of the term among the next few tokens; compromise never reorders.
      let found = -1
      for (let j = k; j < tokens.length && j < k + 4; j++) {
        if (tokens[j]!.norm === words[0]!.norm) {
          found = j
          break
        }
      }
      if (found < 0) continue
      for (let w = 0; w < words.length && found + w < tokens.length; w++) tags[found + w] = termTags
      k = found + words.length
    }
  }
  tagCache.set(sentence, tags)
  return tags
}

/** Phrases to accept, from a rule's `allow` option: a hit containing one of them is skipped. */
export function allowMatcher(context: RuleContext<unknown, unknown>, allow: readonly string[]): PhraseMatcher<PhraseEntry> | undefined {
  const phrases = allow.map((p) => p.trim()).filter((p) => p.length > 0)
  if (phrases.length === 0) return undefined
  return context.matcher(
    `allow:${JSON.stringify(phrases)}`,
    phrases.map((phrase) => ({phrase})),
  )
}

/** True when the tokens `[first, last)` of a sentence contain an allowed phrase. */
export function isAllowed(matcher: PhraseMatcher<PhraseEntry> | undefined, sentence: Sentence, first: number, last: number): boolean {
  if (!matcher) return false
  return matcher.test(sentence.tokens.slice(first, last))
}

/** Index of the token that starts at `offset` (or the first one after it). */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0
  let hi = tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (tokens[mid]!.start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Keeps one finding per span: where two overlap, the longer one (then the earlier one). */
export function longestFirst<T extends {start: number; end: number}>(found: readonly T[]): T[] {
  const sorted = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  const kept: T[] = []
  for (const f of sorted) if (!kept.some((k) => k.start < f.end && f.start < k.end)) kept.push(f)
  return kept.sort((a, b) => a.start - b.start)
}
