/**
 * unclear-subject: the subject line must say what the email is about.
 *
 * Lexicon-based, on the subject's tokens only: a subject made only of vague
 * words ("Oops", "Sorry", "Important update"), a fake `Re:` / `Fwd:`,
 * clickbait, ALL CAPS, or one that names neither the correction nor the
 * original email (no word about the fix, the error, the incident or the
 * email). An apology followed by a few words of substance ("Sorry: parking
 * payments failed on Monday") is taken as clear. No NLP: a subject is a
 * handful of words, and the word lists decide.
 */
import {z} from 'zod'
import {defineRule} from '../../src/rule.js'
import type {Block} from '../../src/document.js'
import type {PhraseEntry, PhraseHit, Token} from '../../src/language.js'
import {findPlaceholders} from '../../src/parse/shared.js'
import {findApologyHits} from '../shared/apology.js'
import en from './en.js'
import pl from './pl.js'
import {incidentExamples} from '../shared/incident-examples.js'

/** This rule's data per language. */
export interface SubjectLexicon {
  /** A clear subject the messages suggest. */
  example: string
  /** The pattern the messages suggest, e.g. `Correction: <what was wrong> in <which email>`. */
  pattern: string
  /** Phrases that say nothing on their own; a subject made only of them is vague. */
  vague: PhraseEntry[]
  /** Phrases that tease instead of informing. */
  clickbait: PhraseEntry[]
  /** Phrases that name the correction, the error, the incident or the original email. */
  topic: PhraseEntry[]
  /** Words that carry no content (articles, pronouns, prepositions), for counting what an apology subject says. */
  functionWords: string[]
  /** Words that, after a comma, mark a correction ("10am, not 11am"). */
  negation: string[]
}

/** Prefixes of replies and forwards in common mail clients (English, Polish, German). */
const REPLY_PREFIXES = new Set(['re', 'fw', 'fwd', 'odp', 'pd', 'aw', 'wg'])

/** Words of substance an apology subject needs to count as saying what happened. */
const MIN_CONTENT_WORDS = 2
/** Fewest cased letters for a subject to count as ALL CAPS (so "OK" or "EU" alone do not). */
const MIN_CAPS_LETTERS = 4

export default defineRule({
  id: 'unclear-subject',
  severity: 'warning',
  languages: {en, pl},
  docs: {
    summary: 'Write a subject that says what the email corrects: "Correction: <what was wrong> in <which email>".',
    why: 'The subject is all many readers see: "Oops", "Update" or a fake "Re:" does not tell them that an earlier email was wrong or what to do, reads like spam or phishing, and is skipped by the very people who acted on the mistake.',
    fix: 'Name the mistake and the email it was in, plainly and in sentence case, e.g. "Correction: wrong price in yesterday\'s Winter Sale email".',
  },
  options: z
    .object({
      allow: z.array(z.string()).default([]).describe('Subjects to accept as they are, compared case-insensitively.'),
      vague: z
        .array(z.string().min(1))
        .default([])
        .describe('More phrases that say nothing on their own (lexicon syntax: words separated by spaces, `*` for a stem).'),
      clickbait: z.array(z.string().min(1)).default([]).describe('More clickbait phrases (lexicon syntax).'),
      topic: z
        .array(z.string().min(1))
        .default([])
        .describe('More words that name a correction or an original email in your emails (lexicon syntax), e.g. a campaign name.'),
      checkTopic: z.boolean().default(true).describe('Flag subjects that name neither the correction nor the original email.'),
      allowReplyPrefix: z
        .boolean()
        .default(false)
        .describe('Accept "Re:" and "Fwd:" even when the message is not a reply (no In-Reply-To or References header, or not an .eml).'),
    })
    .strict(),
  messages: {
    missing: 'The message has no subject.',
    empty: 'The subject is empty.',
    vague: 'Subject `{subject}` says nothing about what went wrong.',
    fakeReply: '`{prefix}` pretends this is a reply or a forward, but it is not.',
    clickbait: '`{phrase}` is clickbait.',
    caps: 'Subject `{subject}` is in capital letters.',
    noTopic: 'Subject `{subject}` names neither the correction nor the original email.',
  },
  notes: {
    missing:
      'Readers cannot tell what it is about, and an email without a subject looks like spam. Name the mistake and the email it was in ({pattern}). For example: "{example}"',
    empty:
      'Readers cannot tell what the email is about, and an empty subject looks like spam. Name the mistake and the email it was in ({pattern}). For example: "{example}"',
    vague:
      'Readers who acted on the earlier email will not know this one concerns them and may skip it. Name the mistake and the email it was in ({pattern}). For example: "{example}"',
    fakeReply: 'A fake "Re:" reads as a trick and looks like phishing. Remove it and name the correction ({pattern}). For example: "{example}"',
    clickbait:
      'Teasing readers about a correction reads as a marketing trick and erodes trust. Say plainly what was wrong ({pattern}). For example: "{example}"',
    caps: 'It reads as shouting and looks like spam. Write it in sentence case and name the correction ({pattern}). For example: "{example}"',
    noTopic:
      'Readers will take it for one more promotion and miss that an earlier email was wrong. Name the mistake and the email it was in ({pattern}). For example: "{example}"',
  },
  incidentExamples: incidentExamples['unclear-subject'],
  create(context) {
    const {document, lexicon, options} = context
    const data = {example: lexicon.example, pattern: lexicon.pattern}
    const subject = document.subject
    if (!subject) {
      // An .eml without a Subject header shows as an empty subject; elsewhere the subject is simply unknown.
      if (document.format === 'eml') context.report({messageId: 'missing', data, at: 0})
      return
    }
    const text = subject.text
    const allowed = new Set(options.allow.map((s) => s.trim().toLowerCase()))
    if (allowed.has(text.trim().toLowerCase())) return
    if (text.trim() === '') {
      context.report({messageId: 'empty', data, ...(subject.location ? {location: subject.location} : {at: subject.sourceEnd})})
      return
    }

    // A real reply keeps the subject of the conversation it answers, which the sender did not choose.
    if (document.headers.has('in-reply-to') || document.headers.has('references')) return

    const span = (start: number, end: number): {block: Block; start: number; end: number} => ({block: subject, start, end})

    // Re:/Fwd: on a message that is not a reply is a trick.
    const prefix = replyPrefix(text)
    let bodyStart = 0
    if (prefix) {
      bodyStart = prefix.end
      if (!options.allowReplyPrefix) {
        context.report({messageId: 'fakeReply', data: {...data, prefix: text.slice(prefix.start, prefix.end)}, span: span(prefix.start, prefix.end)})
      }
    }
    const [restStart, restEnd] = trimRange(text, bodyStart, text.length)
    const rest = text.slice(restStart, restEnd)
    const restData = {...data, subject: rest}
    if (restStart >= restEnd) {
      context.report({messageId: 'vague', data: {...data, subject: text.trim()}, span: span(...trimRange(text, 0, text.length))})
      return
    }

    // Template placeholders are filled in at send time: their words are not the subject's.
    const placeholders = findPlaceholders(text)
    const inPlaceholder = (t: Token): boolean => placeholders.some(([s, e]) => t.start < e && t.end > s)
    const tokens = context
      .sentencesOf(subject)
      .flatMap((s) => s.tokens)
      .filter((t) => t.start >= restStart && !inPlaceholder(t))
    if (tokens.length === 0) return

    const vague = context.matcher(`vague:${options.vague.join('|')}`, [...lexicon.vague, ...options.vague.map((phrase) => ({phrase}))])
    const clickbait = context.matcher(`clickbait:${options.clickbait.join('|')}`, [...lexicon.clickbait, ...options.clickbait.map((phrase) => ({phrase}))])
    const topic = context.matcher(`topic:${options.topic.join('|')}`, [...lexicon.topic, ...options.topic.map((phrase) => ({phrase}))])

    // 1. Only vague words (and articles or pronouns): "Oops!", "Our apologies", "IMPORTANT UPDATE", "Ważne".
    const vagueHits = vague.find(tokens, text)
    const covered = new Set<number>()
    for (const hit of vagueHits) for (let i = hit.firstToken; i < hit.lastToken; i++) covered.add(i)
    const isFiller = (t: Token, i: number): boolean => covered.has(i) || lexicon.functionWords.includes(t.norm)
    if (vagueHits.length > 0 && tokens.every(isFiller)) {
      context.report({messageId: 'vague', data: restData, span: span(restStart, restEnd)})
      return
    }

    // 2. Clickbait: a teasing phrase, or shouted punctuation.
    const bait = clickbait.find(tokens, text)[0] ?? shoutedPunctuation(text, restStart, restEnd)
    if (bait) {
      context.report({messageId: 'clickbait', data: {...data, phrase: bait.text}, span: span(bait.start, bait.end)})
      return
    }

    // 3. ALL CAPS.
    if (isAllCaps(rest)) {
      context.report({messageId: 'caps', data: restData, span: span(restStart, restEnd)})
      return
    }

    // 4. Names neither the correction nor the original email.
    if (!options.checkTopic) return
    // Words inside a multi-word vague phrase ("important message") do not name a topic;
    // a single vague word can ("Correction: …", "Zmiana terminu …").
    const blocked = new Set<number>()
    for (const hit of vagueHits) if (hit.lastToken - hit.firstToken > 1) for (let i = hit.firstToken; i < hit.lastToken; i++) blocked.add(i)
    // Every candidate counts: a longer topic phrase inside a vague one hides no shorter one outside it.
    const named = topic.find(tokens, text, (hit) => !overlaps(hit, blocked)).length > 0
    if (named || hasContrast(tokens, text, lexicon.negation)) return
    if (saysWhatHappened(context, subject, tokens, covered, lexicon.functionWords, restStart)) return
    context.report({messageId: 'noTopic', data: restData, span: span(restStart, restEnd)})
  },
})

/** The `Re:` / `Fwd:` / `Odp:` prefixes at the start of a subject (repeated ones together), if any. */
function replyPrefix(text: string): {start: number; end: number} | undefined {
  let i = skipSpaces(text, 0)
  let start = -1
  let end = -1
  for (;;) {
    let j = i
    while (j < text.length && j - i < 4 && isAsciiLetter(text.charCodeAt(j))) j++
    const word = text.slice(i, j).toLowerCase()
    // Some clients count replies: "Re[2]:".
    let k = j
    if (text[k] === '[') {
      const close = text.indexOf(']', k)
      if (close > k && close - k <= 4) k = close + 1
    }
    if (j === i || text[k] !== ':' || !REPLY_PREFIXES.has(word)) break
    if (start < 0) start = i
    end = k + 1
    i = skipSpaces(text, end)
  }
  return start < 0 ? undefined : {start, end}
}

function skipSpaces(text: string, from: number): number {
  let i = from
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u00a0')) i++
  return i
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
}

/** Shrinks `[start, end)` to leave out white space at both ends. */
function trimRange(text: string, start: number, end: number): [number, number] {
  let s = start
  let e = end
  while (s < e && /\s/.test(text[s]!)) s++
  while (e > s && /\s/.test(text[e - 1]!)) e--
  return [s, e]
}

/** A run of two or more `!` (with any `?`) in the subject: "Open now!!!". */
function shoutedPunctuation(text: string, start: number, end: number): {text: string; start: number; end: number} | undefined {
  for (let i = text.indexOf('!', start); i !== -1 && i < end; i = text.indexOf('!', i + 1)) {
    let s = i
    while (s > start && text[s - 1] === '?') s--
    let e = i
    let bangs = 0
    while (e < end && (text[e] === '!' || text[e] === '?')) {
      if (text[e] === '!') bangs++
      e++
    }
    if (bangs >= 2) return {text: text.slice(s, e), start: s, end: e}
    i = e
  }
  return undefined
}

/** True when every cased letter is a capital and there are enough of them to shout. */
function isAllCaps(text: string): boolean {
  let upper = 0
  for (const ch of text) {
    const lower = ch.toLowerCase()
    const up = ch.toUpperCase()
    if (lower === up) continue
    if (ch === lower) return false
    upper++
  }
  return upper >= MIN_CAPS_LETTERS
}

function overlaps(hit: PhraseHit, blocked: ReadonlySet<number>): boolean {
  for (let i = hit.firstToken; i < hit.lastToken; i++) if (blocked.has(i)) return true
  return false
}

/** "… 9:30am, not 10:30am": a comma and then a negation is the shape of a correction. */
function hasContrast(tokens: readonly Token[], text: string, negation: readonly string[]): boolean {
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]!
    if (!negation.includes(token.norm)) continue
    if (text.slice(tokens[i - 1]!.end, token.start).includes(',')) return true
  }
  return false
}

/**
 * An apology with a few words of substance besides ("Sorry: parking payments
 * failed in the Quayside app") says what happened even without a word from
 * the topic list.
 */
function saysWhatHappened(
  context: Parameters<typeof findApologyHits>[0],
  subject: Block,
  tokens: readonly Token[],
  covered: ReadonlySet<number>,
  functionWords: readonly string[],
  from: number,
): boolean {
  const apologies = findApologyHits(context, [subject]).filter((hit) => hit.start >= from)
  if (apologies.length === 0) return false
  const inApology = (t: Token): boolean => apologies.some((a) => t.start < a.end && t.end > a.start)
  let content = 0
  tokens.forEach((token, i) => {
    if (covered.has(i) || inApology(token) || functionWords.includes(token.norm)) return
    content++
  })
  return content >= MIN_CONTENT_WORDS
}
