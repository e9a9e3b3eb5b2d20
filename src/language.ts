/**
 * Language detection, sentence and word segmentation, and the phrase matcher
 * every lexicon-based rule shares. Everything here is linear in the text.
 */
import {franc} from 'franc'
import type {Block, Language, LanguageSource} from './document.js'

/** Languages apology-lint has lexicons for. */
export const LANGUAGES: readonly Language[] = ['en', 'pl']

/**
 * franc is restricted to our languages plus a few neighbours, so that text in
 * another language is recognised as unsupported instead of being forced into
 * English or Polish. Restricting also makes it about 4× faster, and keeps
 * short English from being called Scots.
 */
const FRANC_ONLY = ['eng', 'pol', 'deu', 'fra', 'spa', 'ita', 'por', 'nld', 'ces', 'slk', 'ukr', 'rus']
const FRANC_TO_LANGUAGE: Record<string, Language> = {eng: 'en', pol: 'pl'}
/** Only the first few KB of visible text are needed to tell the language. */
const DETECT_CHARS = 4000
/** Below this many letters franc guesses; we fall back to the default instead. */
const MIN_DETECT_LETTERS = 24

/** The language chosen for a document and why. */
export interface LanguageChoice {
  language: Language
  source: LanguageSource
  /** franc's ISO 639-3 code when it detected something. */
  detected?: string
}

/**
 * Detects the language of visible prose.
 *
 * @example
 * detectLanguage('Przepraszamy za błędny link w naszym wczorajszym newsletterze.', 'en')
 * // → {language: 'pl', source: 'detected', detected: 'pol'}
 */
export function detectLanguage(text: string, fallback: Language): LanguageChoice {
  const sample = text.length > DETECT_CHARS ? text.slice(0, DETECT_CHARS) : text
  let letters = 0
  for (const ch of sample) {
    if (/\p{L}/u.test(ch)) letters++
    if (letters >= MIN_DETECT_LETTERS) break
  }
  if (letters < MIN_DETECT_LETTERS) return {language: fallback, source: 'default-short'}
  // Polish letters are a strong signal franc may miss on short, name-heavy text.
  const code = franc(sample, {only: FRANC_ONLY, minLength: 10})
  const language = FRANC_TO_LANGUAGE[code]
  if (language) return {language, source: 'detected', detected: code}
  if (code === 'und') return {language: fallback, source: 'default-short'}
  return {language: fallback, source: 'default-unsupported', detected: code}
}

/** A word token inside a block's text. */
export interface Token {
  /** As written. */
  text: string
  /** Lower-cased, with typographic apostrophes folded to `'`. */
  norm: string
  start: number
  end: number
}

/** One sentence of a block. */
export interface Sentence {
  block: Block
  /** Index of the block in the document's block list (-1 for subject/preheader/title). */
  blockIndex: number
  start: number
  end: number
  text: string
  tokens: Token[]
}

/*
 * A word is a run of letters, marks and digits, with inner apostrophes
 * (`don't`, `we’re`, `d'oh`). The separator is required between runs, so the
 * pattern cannot backtrack: it is linear in its input.
 */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu

/** Splits text into word tokens with offsets. */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = []
  WORD.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = WORD.exec(text)) !== null) {
    const word = m[0]
    tokens.push({
      text: word,
      norm: normalizeWord(word),
      start: offset + m.index,
      end: offset + m.index + word.length,
    })
  }
  return tokens
}

/** Lower-cases and folds typographic apostrophes. */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/’/g, "'")
}

const segmenters = new Map<string, Intl.Segmenter>()
function sentenceSegmenter(language: Language): Intl.Segmenter {
  let s = segmenters.get(language)
  if (!s) {
    s = new Intl.Segmenter(language, {granularity: 'sentence'})
    segmenters.set(language, s)
  }
  return s
}

/** Longest sentence handed to the segmenter at once; longer runs are cut at white space. */
const MAX_SEGMENT_INPUT = 20000

/** Splits a block into sentences (Unicode sentence boundaries for the language). */
export function splitSentences(block: Block, blockIndex: number, language: Language): Sentence[] {
  const text = block.text
  const out: Sentence[] = []
  const segmenter = sentenceSegmenter(language)
  // Very long blocks (a 1 MB single paragraph) are cut into windows first so
  // that the segmenter never sees more than a bounded string at once.
  for (let base = 0; base < text.length; ) {
    let stop = Math.min(text.length, base + MAX_SEGMENT_INPUT)
    if (stop < text.length) {
      const space = text.lastIndexOf(' ', stop)
      if (space > base) stop = space + 1
    }
    const window = stop === text.length && base === 0 ? text : text.slice(base, stop)
    for (const seg of segmenter.segment(window)) {
      const raw = seg.segment
      // Trim white space so that ranges never start or end on a space.
      let s = 0
      let e = raw.length
      while (s < e && isSpace(raw.charCodeAt(s))) s++
      while (e > s && isSpace(raw.charCodeAt(e - 1))) e--
      if (e <= s) continue
      const start = base + seg.index + s
      const end = base + seg.index + e
      const sentenceText = text.slice(start, end)
      out.push({block, blockIndex, start, end, text: sentenceText, tokens: tokenize(sentenceText, start)})
    }
    base = stop
  }
  return out
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2007 || c === 0x202f
}

/** One phrase of a lexicon: words separated by spaces; a word ending in `*` matches by prefix (a stem). */
export interface PhraseEntry {
  phrase: string
  /** Free data the rule attaches (a category, a suggested rewrite). */
  [key: string]: unknown
}

/** A phrase found in a sentence. */
export interface PhraseHit<E extends PhraseEntry = PhraseEntry> {
  entry: E
  /** Offsets in the block's text. */
  start: number
  end: number
  /** Index of the first and one past the last token. */
  firstToken: number
  lastToken: number
  /** The matched text as written. */
  text: string
}

interface TrieNode<E> {
  exact: Map<string, TrieNode<E>>
  stems: {stem: string; node: TrieNode<E>}[]
  entries: E[]
}

function node<E>(): TrieNode<E> {
  return {exact: new Map(), stems: [], entries: []}
}

/**
 * Matches multi-word phrases on token boundaries, so matching is Unicode-aware
 * (`\b` does not know `ą` or `ł`) and linear: one pass over the tokens, each
 * step a map look-up, with no regular expression built from data. Polish
 * inflection is covered by stems (`niedogodno*`) or by listing the forms.
 *
 * @example
 * const m = new PhraseMatcher([{phrase: 'any inconvenience'}, {phrase: 'niedogodno*'}])
 * m.find(sentence.tokens, sentence.block.text)
 */
export class PhraseMatcher<E extends PhraseEntry = PhraseEntry> {
  private readonly root: TrieNode<E> = node()
  /** Longest phrase in words: bounds the work per starting token. */
  private maxWords = 0

  constructor(entries: readonly E[]) {
    for (const entry of entries) this.add(entry)
  }

  private add(entry: E): void {
    const words = entry.phrase
      .split(/\s+/)
      .filter((w) => w.length > 0)
      .map((w) => normalizeWord(w))
    if (words.length === 0) throw new Error(`Expected a non-empty phrase, got ${JSON.stringify(entry.phrase)}`)
    this.maxWords = Math.max(this.maxWords, words.length)
    let n = this.root
    for (const word of words) {
      if (word.endsWith('*') && word.length > 1) {
        const stem = word.slice(0, -1)
        let next = n.stems.find((s) => s.stem === stem)?.node
        if (!next) {
          next = node()
          n.stems.push({stem, node: next})
        }
        n = next
      } else {
        let next = n.exact.get(word)
        if (!next) {
          next = node()
          n.exact.set(word, next)
        }
        n = next
      }
    }
    n.entries.push(entry)
  }

  /**
   * Finds the longest phrase starting at each token, left to right, without
   * overlaps: one finding per phrase, not per word.
   */
  find(tokens: readonly Token[], text: string): PhraseHit<E>[] {
    const hits: PhraseHit<E>[] = []
    let i = 0
    while (i < tokens.length) {
      const best = this.longestAt(tokens, i)
      if (best) {
        const first = tokens[i]!
        const last = tokens[best.end - 1]!
        hits.push({
          entry: best.entry,
          start: first.start,
          end: last.end,
          firstToken: i,
          lastToken: best.end,
          text: text.slice(first.start, last.end),
        })
        i = best.end
      } else {
        i++
      }
    }
    return hits
  }

  /** Every phrase starting at any token, overlaps included (for rules that need all candidates). */
  findAll(tokens: readonly Token[], text: string): PhraseHit<E>[] {
    const hits: PhraseHit<E>[] = []
    for (let i = 0; i < tokens.length; i++) {
      const best = this.longestAt(tokens, i)
      if (!best) continue
      const first = tokens[i]!
      const last = tokens[best.end - 1]!
      hits.push({
        entry: best.entry,
        start: first.start,
        end: last.end,
        firstToken: i,
        lastToken: best.end,
        text: text.slice(first.start, last.end),
      })
    }
    return hits
  }

  /** True when any phrase occurs in the tokens. */
  test(tokens: readonly Token[]): boolean {
    for (let i = 0; i < tokens.length; i++) if (this.longestAt(tokens, i)) return true
    return false
  }

  private longestAt(tokens: readonly Token[], i: number): {entry: E; end: number} | undefined {
    let best: {entry: E; end: number} | undefined
    // Breadth over the few live trie nodes; stems can fork, so keep a small frontier.
    let frontier: TrieNode<E>[] = [this.root]
    for (let j = i; j < tokens.length && j - i < this.maxWords && frontier.length > 0; j++) {
      const word = tokens[j]!.norm
      const next: TrieNode<E>[] = []
      for (const n of frontier) {
        const exact = n.exact.get(word)
        if (exact) next.push(exact)
        for (const s of n.stems) if (word.startsWith(s.stem)) next.push(s.node)
      }
      for (const n of next) {
        const entry = n.entries[0]
        if (entry && (!best || j + 1 > best.end)) best = {entry, end: j + 1}
      }
      frontier = next
    }
    return best
  }
}
