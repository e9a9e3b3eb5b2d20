/**
 * humour: an apology is no place for jokes about the mistake.
 *
 * Words and phrases ("oops", "our bad", "the intern did it", "ups", "wpadka")
 * come from the language's lexicon through the phrase matcher; emoji,
 * emoticons and runs of exclamation marks are not word tokens and are found
 * by a linear scan (marks.ts). The subject and the preheader are checked like
 * the body. No NLP is needed: every entry is specific enough on its own, and
 * the few ambiguous ones carry a context check (`our bad` must not go on as
 * `our bad luck`).
 */
import {z} from 'zod'
import {defineRule} from '../../src/rule.js'
import type {Block} from '../../src/document.js'
import type {PhraseEntry, PhraseHit, Token} from '../../src/language.js'
import {findEmoji, findEmoticons, findExclamationRuns, type EmojiKind, type Mark} from './marks.js'
import en from './en.js'
import pl from './pl.js'
import {incidentExamples} from '../shared/incident-examples.js'

/** What kind of joke a phrase is, for the message. */
export type HumourKind = 'interjection' | 'laughter' | 'flippant' | 'scapegoat' | 'meme' | 'stretched'

/** One joking phrase of a language. */
export interface HumourPhrase extends PhraseEntry {
  kind: HumourKind
  /** Counts only when no word follows it directly: `our bad!`, not `our bad luck`. */
  standalone?: boolean
  /** Words that cancel the finding when they come right before it (`not kidding`). */
  unlessAfter?: string[]
  /** Words that cancel the finding when they come right after it (`intern programme`). */
  unlessBefore?: string[]
  /** Cancels the finding when written in capitals (`UPS` is the courier, `Ups!` a joke). */
  unlessUpperCase?: boolean
}

/** This rule's data per language. */
export interface HumourLexicon {
  /** A plain first line the messages suggest instead of the joke. */
  example: string
  phrases: HumourPhrase[]
}

const KIND_TEXT: Record<HumourKind, string> = {
  interjection: 'is a playful interjection about the mistake',
  laughter: 'laughs at the mistake',
  flippant: 'is flippant about the mistake',
  scapegoat: 'jokes about who is to blame',
  meme: 'turns the mistake into a meme',
  stretched: 'stretches a word for comic effect',
}

const EMOJI_TEXT: Record<EmojiKind, string> = {
  laughing: 'laughing',
  'face-palm': 'face-palm',
  'see-no-evil': 'see-no-evil monkey',
  grimacing: 'grimacing',
  'upside-down': 'upside-down face',
  winking: 'winking',
  'tongue-out': 'tongue-out',
  shrug: 'shrug',
  giggling: 'giggling',
  clown: 'clown',
  melting: 'melting face',
}

/** Starts of web addresses in running text; a joke word inside a URL path is not a joke. */
const URL_STARTS = ['http://', 'https://', 'www.']

export default defineRule({
  id: 'humour',
  severity: 'warning',
  languages: {en, pl},
  docs: {
    summary: 'Do not joke about the mistake: no "oops", "our bad", laughing emoji or "!!" in an apology.',
    why: 'Humour reads as not taking the harm to the reader seriously: people who lost money, time or data feel mocked, and the apology stops sounding sincere.',
    fix: 'Remove the joke and say plainly what went wrong and that you are sorry, e.g. "We\'re sorry: yesterday\'s email showed the wrong price."',
  },
  options: z
    .object({
      allow: z
        .array(z.string())
        .default([])
        .describe('Words, phrases, emoji or emoticons to accept, compared case-insensitively (e.g. a product called "Oops").'),
      emoji: z.boolean().default(true).describe('Flag laughing, face-palm, see-no-evil, winking and similar emoji, and emoticons such as `:P` and `xD`.'),
      exclamations: z.boolean().default(true).describe('Flag runs of two or more exclamation marks (`!!`, `?!!`).'),
      checkSubject: z.boolean().default(true).describe('Also check the subject line and the preheader.'),
    })
    .strict(),
  messages: {
    phrase: '`{phrase}` {what}: say plainly what went wrong.',
    emoji: 'The {what} emoji `{emoji}` makes light of the mistake: remove it.',
    emoticon: 'The emoticon `{emoticon}` makes light of the mistake: remove it.',
    exclamations: '`{marks}` sounds excited or joking in an apology: use a full stop.',
  },
  notes: {
    phrase: 'Humour reads as if you do not take the harm to the reader seriously. Say plainly what went wrong and apologise. For example: "{example}"',
    emoji: 'Readers who lost time or money read it as mockery. Keep the tone plain. For example: "{example}"',
    emoticon: 'Readers who lost time or money read it as mockery. Keep the tone plain. For example: "{example}"',
    exclamations: 'It reads as if the reader\'s problem were not serious. For example: "{example}"',
  },
  incidentExamples: incidentExamples['humour'],
  create(context) {
    const {document, lexicon, options} = context
    const allowed = new Set(options.allow.map(normalize))
    // Jokes about a data breach are worse than a misjudged tone: they read as contempt.
    const severity = context.settings.incident?.kind === 'data-breach' ? ('error' as const) : undefined
    const example = lexicon.example
    const matcher = context.matcher('phrases', lexicon.phrases)

    const blocks: Block[] = []
    if (options.checkSubject) {
      if (document.subject) blocks.push(document.subject)
      if (document.preheader) blocks.push(document.preheader)
    }
    for (const block of document.blocks) if (block.prose) blocks.push(block)

    const placeholdersByBlock = new Map<Block, [number, number][]>()
    for (const p of document.placeholders) {
      let list = placeholdersByBlock.get(p.block)
      if (!list) placeholdersByBlock.set(p.block, (list = []))
      list.push([p.start, p.end])
    }

    for (const block of blocks) {
      const text = block.text
      const skip = [...(placeholdersByBlock.get(block) ?? []), ...urlSpans(text)]
      const isSkipped = (start: number, end: number): boolean => skip.some(([s, e]) => start < e && end > s)
      const report = (messageId: string, data: Record<string, string>, start: number, end: number, suggestion?: {text: string; replacement: string}): void => {
        const span = {block, start, end}
        context.report({
          messageId,
          data: {...data, example},
          span,
          ...(severity ? {severity} : {}),
          ...(suggestion ? {suggestions: [{...suggestion, span}]} : {}),
        })
      }

      for (const sentence of context.sentencesOf(block)) {
        // Context checks decide on each candidate, so a phrase they reject ("our bad luck") hides no shorter one inside it.
        // An allowed phrase is taken (and then not reported), so that its words stay allowed: "just kidding" hides "kidding".
        const joke = (hit: PhraseHit<HumourPhrase>): boolean =>
          !isSkipped(hit.start, hit.end) && (allowed.has(normalize(hit.text)) || inContext(hit, sentence.tokens, text))
        const taken: [number, number][] = []
        for (const hit of matcher.find(sentence.tokens, text, joke)) {
          taken.push([hit.start, hit.end])
          if (allowed.has(normalize(hit.text))) continue
          report('phrase', {phrase: hit.text, what: KIND_TEXT[hit.entry.kind]}, hit.start, hit.end)
        }
        // "soooo embarrassed", "przepraaaszamy": a letter held three times or more, outside the phrases above.
        for (const token of sentence.tokens) {
          if (!isStretched(token.text) || isSkipped(token.start, token.end) || allowed.has(normalize(token.text))) continue
          if (taken.some(([s, e]) => token.start < e && token.end > s)) continue
          report('phrase', {phrase: token.text, what: KIND_TEXT.stretched}, token.start, token.end)
        }
      }

      if (options.emoji) {
        for (const mark of findEmoji(text)) {
          if (isSkipped(mark.start, mark.end) || allowed.has(mark.text)) continue
          report('emoji', {emoji: mark.text, what: EMOJI_TEXT[mark.kind]}, mark.start, mark.end, {text: `Remove ${mark.text}`, replacement: ''})
        }
        for (const mark of findEmoticons(text)) {
          if (isSkipped(mark.start, mark.end) || allowed.has(normalize(mark.text))) continue
          report('emoticon', {emoticon: mark.text}, mark.start, mark.end, {text: `Remove ${mark.text}`, replacement: ''})
        }
      }

      if (options.exclamations) {
        for (const mark of findExclamationRuns(text)) {
          if (isSkipped(mark.start, mark.end) || allowed.has(mark.text)) continue
          report('exclamations', {marks: mark.text}, mark.start, mark.end, fullStop(mark))
        }
      }
    }
  },
})

/** Lower-cases and collapses white space, for comparing with `allow`. */
function normalize(text: string): string {
  return text.toLowerCase().replace(/’/g, "'").split(/\s+/).filter(Boolean).join(' ')
}

/**
 * A word with one letter written three or more times in a row ("soooo",
 * "sorrrry"). In capitals only from four ("AAA", "XXX", "III" are acronyms
 * and numerals); never with digits, nor a word of one repeated letter ("zzzz",
 * "xxxx" as a placeholder).
 */
export function isStretched(word: string): boolean {
  if (word.length < 4) return false
  // Most words are ASCII with no letter three times in a row: answer those without allocating.
  let ascii = true
  let tripled = false
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i)
    if (c >= 128) {
      ascii = false
      break
    }
    if (i >= 2 && (c | 32) === (word.charCodeAt(i - 1) | 32) && (c | 32) === (word.charCodeAt(i - 2) | 32)) tripled = true
  }
  if (ascii && !tripled) return false
  // In capitals a run of three is an acronym or a numeral ("AAA", "XXX"); four or more is shouting ("SOOOO").
  const need = word === word.toUpperCase() ? 4 : 3
  let run = 1
  let stretched = false
  const distinct = new Set<string>()
  const lower = word.toLowerCase()
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i]!
    if (c >= '0' && c <= '9') return false
    distinct.add(c)
    run = i > 0 && lower[i - 1] === c ? run + 1 : 1
    if (run >= need && c.toUpperCase() !== c) stretched = true
  }
  return stretched && distinct.size > 1
}

/** Checks the context conditions a phrase carries. */
function inContext(hit: PhraseHit<HumourPhrase>, tokens: readonly Token[], text: string): boolean {
  const {entry} = hit
  const next = tokens[hit.lastToken]
  const previous = hit.firstToken > 0 ? tokens[hit.firstToken - 1] : undefined
  if (entry.standalone && next && text.slice(hit.end, next.start).trim() === '') return false
  if (entry.unlessAfter && previous && entry.unlessAfter.includes(previous.norm)) return false
  if (entry.unlessBefore && next && entry.unlessBefore.includes(next.norm)) return false
  if (entry.unlessUpperCase && hit.text === hit.text.toUpperCase()) return false
  return true
}

/** Spans of web addresses: from `http://`, `https://` or `www.` to the next white space. */
function urlSpans(text: string): [number, number][] {
  const spans: [number, number][] = []
  for (const start of URL_STARTS) {
    let i = text.indexOf(start)
    while (i !== -1) {
      let end = i + start.length
      while (end < text.length && !isSpaceCode(text.charCodeAt(end))) end++
      spans.push([i, end])
      i = text.indexOf(start, end)
    }
  }
  return spans
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0
}

/** The quick fix for a run of exclamation marks: one full stop (or one question mark). */
function fullStop(mark: Mark): {text: string; replacement: string} {
  const replacement = mark.text.includes('?') ? '?' : '.'
  return {text: `Replace ${mark.text} with ${replacement}`, replacement}
}
