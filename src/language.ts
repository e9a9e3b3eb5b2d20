/**
 * Language detection, sentence and word segmentation, and the phrase matcher
 * every lexicon-based rule shares. Everything here is linear in the text.
 */
import {data as francData} from './franc-data.js'
import {expressions as francScripts} from 'franc/expressions.js'
import type {Block, Language, LanguageSource} from './document.js'

/** Languages apology-lint has lexicons for. */
export const LANGUAGES: readonly Language[] = ['en', 'pl']

/**
 * franc is restricted to our languages plus a few neighbours, so that text in
 * another language is recognised as unsupported instead of being forced into
 * English or Polish. Restricting also makes it about 4× faster, and keeps
 * short English from being called Scots.
 */
export const FRANC_ONLY = ['eng', 'pol', 'deu', 'fra', 'spa', 'ita', 'por', 'nld', 'ces', 'slk', 'ukr', 'rus']
const FRANC_TO_LANGUAGE: Record<string, Language> = {eng: 'en', pol: 'pl'}
/** The first ~250 words of visible text tell the language; more only costs time (trigram counting is linear). */
const DETECT_CHARS = 1500
/** Below this many letters franc guesses; we fall back to the default instead. */
const MIN_DETECT_LETTERS = 24
/**
 * Calling a text unsupported switches most rules off, so it takes more text
 * than choosing between English and Polish: short English ("Please do not
 * reply.") is easily taken for another language.
 */
const MIN_UNSUPPORTED_LETTERS = 60

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
  const letters = countLetters(sample, MIN_UNSUPPORTED_LETTERS)
  if (letters < MIN_DETECT_LETTERS) return {language: fallback, source: 'default-short'}
  // Polish letters are a strong signal franc may miss on short, name-heavy text.
  const code = francOnly(sample)
  const language = FRANC_TO_LANGUAGE[code]
  if (language) return {language, source: 'detected', detected: code}
  if (code === 'und' || letters < MIN_UNSUPPORTED_LETTERS) return {language: fallback, source: 'default-short'}
  return {language: fallback, source: 'default-unsupported', detected: code}
}

const LETTER = /\p{L}/u
/** BMP code unit → 1 when it is a letter (`\p{L}`), 2 when not, 0 while not looked up yet. */
const bmpLetter = new Uint8Array(0x10000)

/**
 * The letters (`\p{L}`) among the code points of `text`, counting stops at
 * `max` (at least 1). A per-code-unit table instead of a regular expression per character
 * (test/language.test.ts compares the two).
 */
export function countLetters(text: string, max: number): number {
  let letters = 0
  const n = text.length
  for (let i = 0; i < n && letters < max; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        // A surrogate pair is one code point (rare: tested by the expression).
        if (LETTER.test(text.slice(i, i + 2))) letters++
        i++
        continue
      }
    }
    let known = bmpLetter[c]!
    if (known === 0) {
      known = LETTER.test(String.fromCharCode(c)) ? 1 : 2
      bmpLetter[c] = known
    }
    if (known === 1) letters++
  }
  return letters
}

/*
 * franc's algorithm, restricted to FRANC_ONLY, computed without its per-call
 * allocations. `francOnly(text)` returns exactly what
 * `franc(text, {only: FRANC_ONLY, minLength: 10})` returns (test/language.test.ts
 * compares the two): the same 2,048-character sample, the script whose
 * expression matches most code points, the same cleaning and padded trigrams,
 * and the same distance (300 for a trigram the model lacks, else
 * |count - rank - 1|) with ties going to the earlier language in franc's data.
 * What changes is the bookkeeping: each distinct character is classified by
 * script once, trigrams are counted in one Map keyed by a small integer, and
 * one look-up per trigram scores every candidate language at once. It is
 * about 5x faster than franc on a typical email, which matters because
 * detection otherwise costs more than parsing the HTML.
 */
const FRANC_MAX_LENGTH = 2048
const FRANC_MIN_LENGTH = 10
const FRANC_MAX_DIFFERENCE = 300

type TrigramKey = number | string

interface FrancScriptModel {
  /** Candidate languages of this script, in franc's data order. */
  languages: string[]
  /** Trigram → its rank in each candidate language's model, or -1 when absent. */
  ranks: Map<TrigramKey, Int32Array>
  /**
   * The same for integer keys, as an open-addressing table: key → the offset in
   * `rows` of its sparse row: the number of languages that have the trigram,
   * then a (language, rank) pair for each.
   */
  rankKeys: Int32Array
  rankRows: Int32Array
  rows: Int32Array
  rankBits: number
}

interface FrancModel {
  scriptNames: string[]
  /** Non-global copies of franc's script expressions, to classify one code point. */
  scriptTests: RegExp[]
  /** Script index → model, for scripts with more than one language in franc's data. */
  models: Map<number, FrancScriptModel>
  /** Distinct sets of matching scripts ("classes"); class 0 is the empty set. */
  classes: (readonly number[])[]
  classIds: Map<string, number>
  /** BMP code unit → class id + 1 (0: not classified yet). */
  bmpClass: Uint16Array
  /** Astral code point → class id. */
  astralClass: Map<number, number>
}

let francModel: FrancModel | undefined

/** Three UTF-16 code units as one key: a small integer when each fits in 10 bits (a Smi), else the string. */
function trigramKey(a: number, b: number, c: number, text: string, at: number): TrigramKey {
  return a < 1024 && b < 1024 && c < 1024 ? (a << 20) | (b << 10) | c : text.slice(at, at + 3)
}

function buildFrancModel(): FrancModel {
  const scriptNames = Object.keys(francScripts)
  const models = new Map<number, FrancScriptModel>()
  scriptNames.forEach((script, index) => {
    const byLanguage = francData[script]
    if (!byLanguage) return
    const languages = Object.keys(byLanguage).filter((l) => FRANC_ONLY.includes(l))
    const ranks = new Map<TrigramKey, Int32Array>()
    languages.forEach((language, j) => {
      const trigrams = byLanguage[language]!.split('|')
      // franc assigns from the last rank down, so a repeated trigram keeps its lowest rank.
      for (let rank = trigrams.length - 1; rank >= 0; rank--) {
        const t = trigrams[rank]!
        const key = trigramKey(t.charCodeAt(0), t.charCodeAt(1), t.charCodeAt(2), t, 0)
        let row = ranks.get(key)
        if (!row) {
          row = new Int32Array(languages.length).fill(-1)
          ranks.set(key, row)
        }
        row[j] = rank
      }
    })
    let rankBits = 4
    while (1 << rankBits < ranks.size * 2) rankBits++
    const rankKeys = new Int32Array(1 << rankBits).fill(-1)
    const rankRows = new Int32Array(1 << rankBits)
    const rows = new Int32Array(Math.max(1, ranks.size * (1 + 2 * languages.length)))
    let nextRow = 0
    for (const [key, row] of ranks) {
      if (typeof key !== 'number') continue
      let slot = Math.imul(key, 0x9e3779b1) >>> (32 - rankBits)
      while (rankKeys[slot] !== -1) slot = (slot + 1) & ((1 << rankBits) - 1)
      rankKeys[slot] = key
      rankRows[slot] = nextRow
      let at = nextRow + 1
      for (let j = 0; j < row.length; j++) {
        if (row[j]! < 0) continue
        rows[at++] = j
        rows[at++] = row[j]!
      }
      rows[nextRow] = (at - nextRow - 1) / 2
      nextRow = at
    }
    models.set(index, {languages, ranks, rankKeys, rankRows, rows, rankBits})
  })
  const scriptTests = scriptNames.map((name) => new RegExp(francScripts[name]!.source))
  return {scriptNames, scriptTests, models, classes: [[]], classIds: new Map([['', 0]]), bmpClass: new Uint16Array(0x10000), astralClass: new Map()}
}

/** The class (set of matching franc script expressions) of `char`: one BMP character or a surrogate pair. */
function classify(model: FrancModel, char: string): number {
  const hits: number[] = []
  model.scriptTests.forEach((re, i) => {
    if (re.test(char)) hits.push(i)
  })
  const key = hits.join(',')
  let id = model.classIds.get(key)
  if (id === undefined) {
    id = model.classes.length
    model.classes.push(hits)
    model.classIds.set(key, id)
  }
  return id
}

/** At most 2,050 trigrams: a table of 4,096 slots stays at most half full. */
const TABLE_BITS = 12
const TABLE_SIZE = 1 << TABLE_BITS
const trigramTable = {keys: new Int32Array(TABLE_SIZE).fill(-1), counts: new Int32Array(TABLE_SIZE)}

/**
 * trigram-utils' clean(), padded with a space on each side: runs of ASCII
 * punctuation, digits and white space become one space, the ends are trimmed,
 * and the text is lower-cased.
 */
export function cleanText(text: string): string {
  return ` ${text
    .replace(/[\u0021-\u0040\s]+/g, ' ')
    .trim()
    .toLowerCase()} `
}

const CLEAN_SPACE = 1
const CLEAN_COMPLEX = 2
/** Added to a lower-cased code unit in `cleanUnit`, above the two markers. */
const CLEAN_BASE = 3
/** BMP code unit → CLEAN_SPACE, CLEAN_COMPLEX or its lower case + CLEAN_BASE; 0 while not looked up yet. */
const cleanUnit = new Int32Array(0x10000)
const CLEAN_TO_SPACE = /[\u0021-\u0040\s]/

function classifyCleanUnit(c: number): number {
  // Surrogates lower-case as pairs (cleanUnits reads them itself), and capital sigma by its context (final sigma).
  if ((c >= 0xd800 && c <= 0xdfff) || c === 0x3a3) return CLEAN_COMPLEX
  const char = String.fromCharCode(c)
  if (CLEAN_TO_SPACE.test(char)) return CLEAN_SPACE
  const lower = char.toLowerCase()
  if (lower.length !== 1 || CLEAN_TO_SPACE.test(lower)) return CLEAN_COMPLEX
  return lower.charCodeAt(0) + CLEAN_BASE
}

/** Astral code point → its lower case when that is one astral code point, else -1. */
const astralLowerCache = new Map<number, number>()

function astralLower(codePoint: number): number {
  let lower = astralLowerCache.get(codePoint)
  if (lower === undefined) {
    const text = String.fromCodePoint(codePoint).toLowerCase()
    const first = text.codePointAt(0)!
    lower = text.length === 2 && first > 0xffff ? first : -1
    // Bounded: a text may hold any number of distinct code points.
    if (astralLowerCache.size < 4096) astralLowerCache.set(codePoint, lower)
  }
  return lower
}

/** Room for the cleaned text of FRANC_MAX_LENGTH code units, even if lower-casing doubled each. */
const cleanBuffer = new Uint16Array(2 * FRANC_MAX_LENGTH + 2)

/**
 * Writes the code units of `cleanText(text)` into `out` and returns their
 * count, in one pass with a per-code-unit table and no string; returns -1 when
 * the text holds a character whose lower case is not one character on its
 * own (`İ`, `Σ`), for which `cleanText` must run.
 */
export function cleanUnits(text: string, out: Uint16Array): number {
  const table = cleanUnit
  let n = 0
  out[n++] = 32
  let space = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdfff) {
      // A surrogate: a pair lower-cases as one code point (emoji stay as they are), a lone one stays.
      const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        const lower = astralLower(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000)
        if (lower < 0) return -1
        if (space) {
          out[n++] = 32
          space = false
        }
        out[n++] = 0xd800 + ((lower - 0x10000) >> 10)
        out[n++] = 0xdc00 + ((lower - 0x10000) & 0x3ff)
        i++
        continue
      }
      if (space) {
        out[n++] = 32
        space = false
      }
      out[n++] = c
      continue
    }
    let v = table[c]!
    if (v === 0) {
      v = classifyCleanUnit(c)
      table[c] = v
    }
    if (v === CLEAN_SPACE) {
      // A run of spaces after some text: one space, written before the next text (so none trails).
      space = n > 1
      continue
    }
    if (v === CLEAN_COMPLEX) return -1
    if (space) {
      out[n++] = 32
      space = false
    }
    out[n++] = v - CLEAN_BASE
  }
  out[n++] = 32
  return n
}

/** `franc(value, {only: FRANC_ONLY, minLength: 10})`, computed faster (see above). */
export function francOnly(value: string): string {
  if (!value || value.length < FRANC_MIN_LENGTH) return 'und'
  francModel ??= buildFrancModel()
  const model = francModel
  const text = value.slice(0, FRANC_MAX_LENGTH)

  // The script with the most matching code points; the first one wins a tie.
  // Each expression matches one BMP character or one surrogate pair and never
  // a lone surrogate, so counting per code point equals counting franc's matches.
  const {bmpClass, astralClass} = model
  // Counted per class first (a handful of classes), then spread over scripts.
  let classCounts = new Int32Array(Math.max(64, model.classes.length))
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    let id: number
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0
      if (c > 0xdbff || d < 0xdc00 || d > 0xdfff) continue
      const codePoint = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000
      let found = astralClass.get(codePoint)
      if (found === undefined) {
        found = classify(model, text.slice(i, i + 2))
        astralClass.set(codePoint, found)
      }
      id = found
      i++
    } else {
      id = bmpClass[c]! - 1
      if (id < 0) {
        id = classify(model, text[i]!)
        bmpClass[c] = id + 1
      }
    }
    if (id >= classCounts.length) {
      const grown = new Int32Array(id * 2)
      grown.set(classCounts)
      classCounts = grown
    }
    classCounts[id]!++
  }
  const counts = new Int32Array(model.scriptNames.length)
  for (let id = 1; id < model.classes.length && id < classCounts.length; id++) {
    const n = classCounts[id]!
    if (n > 0) for (const s of model.classes[id]!) counts[s]! += n
  }
  let top = -1
  let topCount = -1
  for (let s = 0; s < counts.length; s++) {
    if (counts[s]! > topCount) {
      topCount = counts[s]!
      top = s
    }
  }
  const scriptModel = model.models.get(top)
  // A script with one language (or none of ours) is never in FRANC_ONLY.
  if (!scriptModel || topCount === 0 || scriptModel.languages.length === 0) return 'und'

  // trigram-utils' clean(): punctuation and digits to spaces, white space
  // collapsed, trimmed, lower-cased. Its two replacements (runs of ASCII
  // punctuation and digits to one space, then runs of white space to one
  // space) turn every maximal run of either kind into one space, as one pass does.
  const units = cleanBuffer
  let length = cleanUnits(text, units)
  if (length < 0) {
    const clean = cleanText(text)
    length = clean.length
    for (let i = 0; i < length; i++) units[i] = clean.charCodeAt(i)
  }
  // Trigrams of small code units are counted in an open-addressing table
  // (no allocation); the rare others in a Map.
  const table = trigramTable
  const used: number[] = []
  const others = new Map<string, number>()
  for (let i = 0; i + 3 <= length; i++) {
    const a = units[i]!
    const b = units[i + 1]!
    const c = units[i + 2]!
    if (a >= 1024 || b >= 1024 || c >= 1024) {
      const key = String.fromCharCode(a, b, c)
      others.set(key, (others.get(key) ?? 0) + 1)
      continue
    }
    const key = (a << 20) | (b << 10) | c
    let slot = Math.imul(key, 0x9e3779b1) >>> (32 - TABLE_BITS)
    while (table.keys[slot] !== -1 && table.keys[slot] !== key) slot = (slot + 1) & (TABLE_SIZE - 1)
    if (table.keys[slot] === -1) {
      table.keys[slot] = key
      table.counts[slot] = 0
      used.push(slot)
    }
    table.counts[slot]!++
  }
  const {languages, ranks, rankKeys, rankRows, rows, rankBits} = scriptModel
  const width = languages.length
  const distances = new Float64Array(width)
  const mask = (1 << rankBits) - 1
  // Every distinct trigram adds FRANC_MAX_DIFFERENCE to a language that lacks
  // it and |count - rank - 1| to one that has it: so each language starts at
  // FRANC_MAX_DIFFERENCE per distinct trigram, and only the languages that
  // have a trigram are visited, each corrected by the difference (exact in
  // doubles: these are small integers).
  const distinct = used.length + others.size
  distances.fill(distinct * FRANC_MAX_DIFFERENCE)
  for (const slot of used) {
    const key = table.keys[slot]!
    const count = table.counts[slot]!
    table.keys[slot] = -1
    let at = Math.imul(key, 0x9e3779b1) >>> (32 - rankBits)
    while (rankKeys[at] !== -1 && rankKeys[at] !== key) at = (at + 1) & mask
    if (rankKeys[at] === -1) continue
    const base = rankRows[at]!
    const end = base + 1 + 2 * rows[base]!
    for (let k = base + 1; k < end; k += 2) {
      distances[rows[k]!]! += Math.abs(count - rows[k + 1]! - 1) - FRANC_MAX_DIFFERENCE
    }
  }
  for (const [key, count] of others) {
    const row = ranks.get(key)
    if (!row) continue
    for (let j = 0; j < width; j++) {
      const rank = row[j]!
      if (rank >= 0) distances[j]! += Math.abs(count - rank - 1) - FRANC_MAX_DIFFERENCE
    }
  }
  // franc sorts stably by distance: the first language with the smallest distance wins.
  let best = 0
  for (let j = 1; j < languages.length; j++) if (distances[j]! < distances[best]!) best = j
  return languages[best]!
}

/** A word token inside a block's text. */
/**
 * A word of a sentence: a run of letters, marks and digits with inner
 * apostrophes. Punctuation and white space are left out (a sentence's text
 * still has them; compare offsets, not token counts, to find them).
 */
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
 * pattern cannot backtrack: it is linear in its input. `tokenize` scans for
 * exactly this pattern by hand (test/language.test.ts compares the two), which
 * saves a match object per word; WORD stays as the definition.
 */
export const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u

/** BMP code unit → 1 when it is a letter, mark or digit, 2 when not, 0 when not looked up yet. */
const bmpWordChar = new Uint8Array(0x10000)
const astralWordChar = new Map<number, boolean>()

/** Length (1 or 2 code units) of the letter, mark or digit at `i`, or 0. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (c < 0xd800 || c > 0xdfff) {
    let known = bmpWordChar[c]!
    if (known === 0) {
      known = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2
      bmpWordChar[c] = known
    }
    return known === 1 ? 1 : 0
  }
  // A surrogate pair is one code point; a lone surrogate is never a letter.
  const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0
  if (c > 0xdbff || d < 0xdc00 || d > 0xdfff) return 0
  const codePoint = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000
  let known = astralWordChar.get(codePoint)
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(codePoint))
    astralWordChar.set(codePoint, known)
  }
  return known ? 2 : 0
}

/** Splits text into word tokens with offsets. */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = []
  const n = text.length
  let i = 0
  while (i < n) {
    let w = wordCharAt(text, i)
    if (w === 0) {
      // Step over a whole surrogate pair, as the /u pattern does.
      const c = text.charCodeAt(i)
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1
      continue
    }
    const start = i
    for (;;) {
      while (w > 0) {
        i += w
        w = i < n ? wordCharAt(text, i) : 0
      }
      // An apostrophe continues the word only when a letter, mark or digit follows it.
      const c = i < n ? text.charCodeAt(i) : 0
      if ((c === 39 || c === 0x2019) && i + 1 < n) {
        w = wordCharAt(text, i + 1)
        if (w > 0) {
          i += 1
          continue
        }
      }
      break
    }
    const word = text.slice(start, i)
    tokens.push({text: word, norm: normalizeWord(word), start: offset + start, end: offset + i})
  }
  return tokens
}

/** Lower-cases and folds typographic apostrophes. */
export function normalizeWord(word: string): string {
  // Most words are already lower-case ASCII: return them as they are, without a copy.
  let plain = true
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i)
    if (c >= 128 || (c >= 65 && c <= 90)) {
      plain = false
      break
    }
  }
  if (plain) return word
  const lower = word.toLowerCase()
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower
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

/**
 * How much text one segmenter call is given when there is a choice. V8's
 * segmenter copies its whole input for every segment it returns, so a call
 * costs the input's length times its number of sentences: measured here, 4 KB
 * at once allocates 480 KB, and time per character is lowest near 1,000.
 */
const SEGMENT_BATCH = 1000

/**
 * True when Unicode segmentation certainly breaks before `text[q]`, whatever
 * comes before the sentence: a lower-case letter, a full stop, question or
 * exclamation mark, one space, then an upper-case letter ("… today. We …").
 * UAX #29 breaks there (SB11: no rule from SB6 to SB8a applies to an upper-case
 * letter after a space), and no later rule looks back past an upper-case
 * letter, so the text on each side is cut exactly as when segmented whole.
 */
function certainBreakAt(text: string, q: number): boolean {
  const c = text.charCodeAt(q)
  if (c < 65 || c > 90 || text.charCodeAt(q - 1) !== 32) return false
  const t = text.charCodeAt(q - 2)
  if (t !== 46 && t !== 33 && t !== 63) return false
  const l = text.charCodeAt(q - 3)
  return l >= 97 && l <= 122
}

/**
 * The segment starts of a text whose every possible break is certain, without
 * the segmenter: each terminator is either a certain break (see
 * certainBreakAt: "… today. We …") or part of the closing run at the end
 * (terminators, closers and spaces only). Segmentation breaks only after a
 * terminator or a paragraph separator (UAX #29), so these are all its breaks.
 * Undefined when any other break candidate occurs (an abbreviation, a
 * decimal point, a line feed, a quote after the full stop): then the segmenter decides.
 */
function certainStarts(text: string): number[] | undefined {
  const starts = [0]
  let i = firstSentenceBreak(text)
  while (i >= 0) {
    if (i + 2 < text.length && certainBreakAt(text, i + 2)) starts.push(i + 2)
    else return endsOnlySentence(text, i) ? starts : undefined
    i = firstSentenceBreak(text, i + 1)
  }
  return starts
}

/** The last certain break (see certainBreakAt) in `(from, to]`, or -1. */
function lastCertainBreak(text: string, from: number, to: number): number {
  for (let q = Math.min(to, text.length - 1); q > from && q >= 3; q--) if (certainBreakAt(text, q)) return q
  return -1
}

/** True when the segmenter may find more than one sentence in `text` (else the whole text is one). */
function needsSegmenter(text: string): boolean {
  const first = firstSentenceBreak(text)
  return first >= 0 && !endsOnlySentence(text, first)
}

/**
 * At least as many sentences as {@link splitSentences} cuts `text` into: one,
 * plus one per character after which segmentation may break (UAX #29 breaks
 * only after a terminator or a paragraph separator); both code units of a
 * supplementary character count, to be safe. Infinity for a text long enough
 * to be cut into windows. For rules that must know "at most N sentences"
 * without splitting.
 */
export function sentenceBound(text: string): number {
  if (text.length > MAX_SEGMENT_INPUT) return Number.POSITIVE_INFINITY
  let n = 1
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdfff) n++
    else {
      let known = bmpSentenceBreak[c]!
      if (known === 0) {
        known = SENTENCE_BREAK.test(String.fromCharCode(c)) ? 1 : 2
        bmpSentenceBreak[c] = known
      }
      if (known === 1) n++
    }
  }
  return n
}

/** BMP code unit → 1 when SENTENCE_BREAK matches it, 2 when not, 0 when not looked up yet. */
const bmpSentenceBreak = new Uint8Array(0x10000)

/**
 * Index of the first character SENTENCE_BREAK matches, or -1: the same answer
 * as `SENTENCE_BREAK.exec(text)?.index`, with one table look-up per BMP code
 * unit instead of a Unicode property test (most blocks have no terminator).
 */
function firstSentenceBreak(text: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        // A supplementary character (a few scripts' terminators are there): asked of the pattern.
        if (SENTENCE_BREAK.test(text.slice(i, i + 2))) return i
        i++
        continue
      }
    }
    let known = bmpSentenceBreak[c]!
    if (known === 0) {
      known = SENTENCE_BREAK.test(String.fromCharCode(c)) ? 1 : 2
      bmpSentenceBreak[c] = known
    }
    if (known === 1) return i
  }
  return -1
}

/**
 * Where the sentences of many blocks start, with one call to the segmenter
 * for many blocks: each call has a fixed cost (about 5 µs) that dominates on
 * short blocks. The texts are joined with a line feed, a paragraph separator
 * after which Unicode segmentation always breaks (UAX #29 rule SB4) and which
 * no rule looks past, so every block is cut exactly as when segmented alone
 * (test/language.test.ts checks this). Blocks that need no segmenter (one
 * sentence, no terminator) and blocks longer than one window get no entry:
 * {@link splitSentences} handles those itself.
 *
 * @returns per text, the start offsets of its segments, or undefined.
 */
export function segmentStarts(texts: readonly string[], language: Language): (number[] | undefined)[] {
  const out: (number[] | undefined)[] = texts.map(() => undefined)
  const segmenter = sentenceSegmenter(language)
  let batch: number[] = []
  let length = 0
  const flush = (): void => {
    if (batch.length === 0) return
    const joined = batch.length === 1 ? texts[batch[0]!]! : batch.map((i) => texts[i]!).join('\n')
    // Offsets of each text in the joined string.
    let k = 0
    let base = 0
    let starts: number[] = []
    out[batch[0]!] = starts
    for (const seg of segmenter.segment(joined)) {
      let at = seg.index
      // Past the current text's end (and its joining line feed): on to the text the segment starts in.
      while (k < batch.length - 1 && at >= base + texts[batch[k]!]!.length + 1) {
        base += texts[batch[k]!]!.length + 1
        k++
        starts = []
        out[batch[k]!] = starts
      }
      at -= base
      if (at < texts[batch[k]!]!.length) starts.push(at)
    }
    batch = []
    length = 0
  }
  texts.forEach((text, i) => {
    if (text.length > SEGMENT_BATCH || !needsSegmenter(text)) return
    const simple = certainStarts(text)
    if (simple) {
      out[i] = simple
      return
    }
    if (length + text.length + 1 > SEGMENT_BATCH) flush()
    batch.push(i)
    length += text.length + 1
  })
  flush()
  return out
}

/**
 * Splits a block into sentences (Unicode sentence boundaries for the language).
 * `starts` are the block's segment starts from {@link segmentStarts}, when known.
 */
export function splitSentences(block: Block, blockIndex: number, language: Language, starts?: readonly number[]): Sentence[] {
  const text = block.text
  const out: Sentence[] = []
  if (starts) {
    for (let k = 0; k < starts.length; k++) {
      const from = starts[k]!
      const to = k + 1 < starts.length ? starts[k + 1]! : text.length
      pushSentence(out, block, blockIndex, text, from, to)
    }
    return out
  }
  const segmenter = sentenceSegmenter(language)
  // Very long blocks (a 1 MB single paragraph) are cut into windows first so
  // that the segmenter never sees more than a bounded string at once.
  for (let base = 0; base < text.length; ) {
    let stop = Math.min(text.length, base + MAX_SEGMENT_INPUT)
    if (text.length - base > SEGMENT_BATCH) {
      // Cut where segmentation certainly breaks, about every SEGMENT_BATCH characters (exact, and
      // far cheaper than one long call); only a run with no such place is cut at white space.
      const q = lastCertainBreak(text, base + SEGMENT_BATCH / 2, base + SEGMENT_BATCH)
      if (q > 0) stop = q
      else if (stop < text.length) {
        const space = text.lastIndexOf(' ', stop)
        if (space > base) stop = space + 1
      }
    }
    const window = stop === text.length && base === 0 ? text : text.slice(base, stop)
    // Without a terminator or a paragraph separator the segmenter cannot
    // break (UAX #29), so headings, buttons and list items skip it.
    if (!needsSegmenter(window)) pushSentence(out, block, blockIndex, text, base, stop)
    else for (const seg of segmenter.segment(window)) pushSentence(out, block, blockIndex, text, base + seg.index, base + seg.index + seg.segment.length)
    base = stop
  }
  return out
}

/** The sentence `text[from, to)` with its white space trimmed (ranges never start or end on a space), unless it is empty. */
function pushSentence(out: Sentence[], block: Block, blockIndex: number, text: string, from: number, to: number): void {
  let start = from
  let end = to
  while (start < end && isSpace(text.charCodeAt(start))) start++
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--
  if (end <= start) return
  const sentenceText = text.slice(start, end)
  out.push({block, blockIndex, start, end, text: sentenceText, tokens: tokenize(sentenceText, start)})
}

/**
 * Every character after which Unicode sentence segmentation may break: the
 * sentence terminators (STerm and ATerm) and paragraph separators (UAX #29
 * rules SB4 and SB11), plus vertical tab and form feed for good measure.
 * Checked against Intl.Segmenter over every code point.
 */
const SENTENCE_BREAK = /[\p{Sentence_Terminal}\u2024\uFE52\uFF0E\n\r\u000B\u000C\u0085\u2028\u2029]/u

/**
 * True when the first possible break (a terminator) is followed only by more
 * terminators, closing punctuation and spaces: then the text is one sentence
 * (UAX #29 breaks only after such a run), as most paragraphs of one sentence are.
 */
function endsOnlySentence(text: string, first = firstSentenceBreak(text)): boolean {
  if (first < 0) return true
  // Terminators and closers, then only spaces, to the end.
  let spaces = false
  for (let i = first; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029 || c === 11 || c === 12) return false
    if (isSpace(c)) spaces = true
    else if (spaces || !(c === 46 || c === 33 || c === 63 || CLOSERS.includes(text[i]!))) return false
  }
  return true
}

/** Closing punctuation that may follow a terminator inside the same sentence (UAX #29 Close). */
const CLOSERS = ')]}"\'”’»›」』）'

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

const PAIR_TABLE_SIZE = 4096
/** Slots of {@link wordSlot}: a table of this many flags filters words before a set or map look-up. */
export const WORD_TABLE_SIZE = 8192

/** A slot for the first two code units of a word; collisions only let a word through to the exact test. */
function pairSlot(a: number, b: number): number {
  return (Math.imul(a, 31) + b) & (PAIR_TABLE_SIZE - 1)
}

/**
 * A slot for a whole word by its first two code units, its last one and its
 * length: "the" and "they", "we" and "were" land apart, so a common word that
 * starts no phrase is rejected before any map look-up. Collisions only let a
 * word through to the exact test.
 */
export function wordSlot(word: string): number {
  const n = word.length
  const a = word.charCodeAt(0)
  const b = n > 1 ? word.charCodeAt(1) : 0
  const z = word.charCodeAt(n - 1)
  return (Math.imul(Math.imul(a, 31) + b, 31) + Math.imul(z, 7) + Math.min(n, 63)) & (WORD_TABLE_SIZE - 1)
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
  /**
   * A cheap filter on the first token of a phrase, by its first two code
   * units: most tokens start no phrase, and this rejects them before any map
   * look-up (a document's tokens pass through dozens of matchers).
   */
  private readonly firstWord = new Uint8Array(WORD_TABLE_SIZE)
  /** Stems that start a phrase: by their first two code units, and one-unit stems by their first (low byte). */
  private readonly stemPair = new Uint8Array(PAIR_TABLE_SIZE)
  private readonly firstStem = new Uint8Array(256)
  private hasRootStems = false

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
    const first = words[0]!
    const isStem = first.endsWith('*') && first.length > 1
    const firstText = isStem ? first.slice(0, -1) : first
    if (!isStem) this.firstWord[wordSlot(firstText)] = 1
    else {
      this.hasRootStems = true
      if (firstText.length >= 2) this.stemPair[pairSlot(firstText.charCodeAt(0), firstText.charCodeAt(1))] = 1
      else this.firstStem[firstText.charCodeAt(0) & 255] = 1
    }
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
   * Finds phrases left to right without overlaps: at each token the longest
   * phrase starting there, one finding per phrase, not per word.
   *
   * With `accept`, every candidate is considered: at each token the phrases
   * starting there are offered longest first (of equal length: exact words
   * before stems, then lexicon order), and the first one `accept` keeps is the finding. A
   * rejected candidate hides nothing: when none starting at a token is kept,
   * the search goes on at the next token, so "Please do not reply to this
   * email." still finds "do not reply to this" after rejecting a longer entry
   * whose condition fails. Rules put their conditions on a hit (the words
   * around it, the sentence it is in) into `accept` rather than filtering the
   * result, which would drop the shorter overlapping phrase with the longer.
   *
   * @example
   * m.find(tokens, text, (hit) => !hit.entry.end || hit.lastToken === tokens.length)
   */
  find(tokens: readonly Token[], text: string, accept?: (hit: PhraseHit<E>) => boolean): PhraseHit<E>[] {
    const hits: PhraseHit<E>[] = []
    let i = 0
    while (i < tokens.length) {
      if (!this.startsPhrase(tokens[i]!.norm)) {
        i++
        continue
      }
      if (accept) {
        let kept: PhraseHit<E> | undefined
        // The first candidate is the longest match: try it without listing the others (most are kept).
        const end = this.longestFrom(tokens, i)
        if (end > 0) {
          const first = this.hit(tokens, text, this.longestEntry!, i, end)
          if (accept(first)) kept = first
          else {
            const candidates = this.candidatesFrom(tokens, i)
            for (let c = 1; c < candidates.length; c++) {
              const hit = this.hit(tokens, text, candidates[c]!.entry, i, candidates[c]!.end)
              if (accept(hit)) {
                kept = hit
                break
              }
            }
          }
        }
        if (kept) {
          hits.push(kept)
          i = kept.lastToken
        } else i++
        continue
      }
      const end = this.longestFrom(tokens, i)
      if (end > 0) {
        hits.push(this.hit(tokens, text, this.longestEntry!, i, end))
        i = end
      } else {
        i++
      }
    }
    return hits
  }

  private hit(tokens: readonly Token[], text: string, entry: E, first: number, end: number): PhraseHit<E> {
    const start = tokens[first]!.start
    const stop = tokens[end - 1]!.end
    return {entry, start, end: stop, firstToken: first, lastToken: end, text: text.slice(start, stop)}
  }

  /**
   * Every phrase that starts at token `i`: longest first, then exact words
   * before stems, then lexicon order. Bounded by the longest phrase and the few trie nodes alive at once.
   */
  candidatesAt(tokens: readonly Token[], i: number): {entry: E; end: number}[] {
    if (i >= tokens.length || !this.startsPhrase(tokens[i]!.norm)) return []
    return this.candidatesFrom(tokens, i)
  }

  /** {@link candidatesAt} for a token that {@link startsPhrase} accepted. */
  private candidatesFrom(tokens: readonly Token[], i: number): {entry: E; end: number}[] {
    const out: {entry: E; end: number}[] = []
    // One live trie node until a node with stems is reached (as in longestFrom), then a frontier.
    let single: TrieNode<E> = this.root
    let frontier: TrieNode<E>[] | undefined
    for (let j = i; j < tokens.length && j - i < this.maxWords; j++) {
      const word = tokens[j]!.norm
      if (frontier === undefined) {
        if (single.stems.length === 0) {
          const exact = single.exact.get(word)
          if (!exact) break
          for (const entry of exact.entries) out.push({entry, end: j + 1})
          single = exact
          continue
        }
        frontier = [single]
      }
      if (frontier.length === 0) break
      const next: TrieNode<E>[] = []
      for (const n of frontier) {
        const exact = n.exact.get(word)
        if (exact) next.push(exact)
        for (const s of n.stems) if (word.startsWith(s.stem)) next.push(s.node)
      }
      for (const n of next) for (const entry of n.entries) out.push({entry, end: j + 1})
      frontier = next
    }
    if (out.length <= 1) return out
    // Longest first, equal lengths in trie order (exact words before stems, then lexicon order): `out` grows
    // by length, so the groups of equal length are taken from the last to the first, each in its own order.
    const sorted: {entry: E; end: number}[] = []
    let k = out.length
    while (k > 0) {
      let from = k - 1
      while (from > 0 && out[from - 1]!.end === out[k - 1]!.end) from--
      for (let x = from; x < k; x++) sorted.push(out[x]!)
      k = from
    }
    return sorted
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
    for (let i = 0; i < tokens.length; i++) if (this.startsPhrase(tokens[i]!.norm) && this.longestFrom(tokens, i) > 0) return true
    return false
  }

  /** True when some phrase's first word is `first` (exactly or by its stem). Most words are rejected by the tables alone. */
  private startsPhrase(first: string): boolean {
    if (first.length === 0) return false
    if (this.firstWord[wordSlot(first)] !== 0 && this.root.exact.has(first)) return true
    if (!this.hasRootStems) return false
    const c0 = first.charCodeAt(0)
    const mayStem = this.firstStem[c0 & 255] !== 0 || (first.length >= 2 && this.stemPair[pairSlot(c0, first.charCodeAt(1))] !== 0)
    if (!mayStem) return false
    for (const s of this.root.stems) if (first.startsWith(s.stem)) return true
    return false
  }

  private longestAt(tokens: readonly Token[], i: number): {entry: E; end: number} | undefined {
    // Most tokens start no phrase: answer those without allocating a frontier.
    if (!this.startsPhrase(tokens[i]!.norm)) return undefined
    const end = this.longestFrom(tokens, i)
    return end > 0 ? {entry: this.longestEntry!, end} : undefined
  }

  private readonly frontierA: TrieNode<E>[] = []
  private readonly frontierB: TrieNode<E>[] = []

  /** The entry of the last match {@link longestFrom} found (kept here so that a hit allocates nothing until it is returned). */
  private longestEntry: E | undefined

  /** {@link longestAt} for a token that {@link startsPhrase} accepted: the end of the longest phrase (its entry in `longestEntry`), or 0. */
  private longestFrom(tokens: readonly Token[], i: number): number {
    let bestEntry: E | undefined
    let bestEnd = 0
    // Breadth over the few live trie nodes; stems can fork, so keep a small
    // frontier. Until a node with stems is reached there is one live node,
    // followed without allocating; after that two arrays owned by the matcher
    // are used in turn, with their own counts (setting an array's length to 0
    // would free its storage and make every push allocate again). Nothing
    // outside the matcher runs while they are in use.
    let single: TrieNode<E> = this.root
    let frontier: TrieNode<E>[] | undefined
    let size = 0
    for (let j = i; j < tokens.length && j - i < this.maxWords; j++) {
      const word = tokens[j]!.norm
      if (frontier === undefined) {
        if (single.stems.length === 0) {
          const exact = single.exact.get(word)
          if (!exact) break
          const entry = exact.entries[0]
          if (entry) {
            bestEntry = entry
            bestEnd = j + 1
          }
          single = exact
          continue
        }
        frontier = this.frontierA
        frontier[0] = single
        size = 1
      }
      if (size === 0) break
      const next = frontier === this.frontierA ? this.frontierB : this.frontierA
      let nextSize = 0
      for (let f = 0; f < size; f++) {
        const n = frontier[f]!
        const exact = n.exact.get(word)
        if (exact) next[nextSize++] = exact
        const stems = n.stems
        for (let k = 0; k < stems.length; k++) if (word.startsWith(stems[k]!.stem)) next[nextSize++] = stems[k]!.node
      }
      for (let f = 0; f < nextSize; f++) {
        const entry = next[f]!.entries[0]
        // The first node of this length wins (exact words before stems), as before.
        if (entry && j + 1 > bestEnd) {
          bestEntry = entry
          bestEnd = j + 1
        }
      }
      frontier = next
      size = nextSize
    }
    this.longestEntry = bestEntry
    return bestEntry === undefined ? 0 : bestEnd
  }
}
