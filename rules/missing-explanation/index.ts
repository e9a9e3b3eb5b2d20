/**
 * missing-explanation: an apology must say, plainly, what went wrong.
 *
 * Looks for a statement of the error (rules/shared/errors.ts): an error word
 * with the thing it is about ("we sent the wrong link", "the discount code did
 * not work", "wysłaliśmy błędny link", "link nie działał"). Vague statements
 * ("there was an issue", "a technical glitch", "przepraszamy za naszą
 * wczorajszą wiadomość") and hedged ones ("data may have been accessed") are
 * not an explanation. English candidates are confirmed with compromise; Polish
 * with word lists. The finding is anchored at the start of the body, where the
 * sentence belongs, with a suggested line to add.
 */
import {z} from 'zod'
import {defineRule, type RuleContext} from '../../src/rule.js'
import type {Block, Link, TextSpan} from '../../src/document.js'
import {documentZones} from '../../src/zones.js'
import type {PhraseEntry} from '../../src/language.js'
import {findErrorStatements, ignoredSpans, overlapsAny} from '../shared/errors.js'
import en from './en.js'
import pl from './pl.js'
import {incidentExamples} from '../shared/incident-examples.js'

/** This rule's data per language. */
export interface MissingExplanationLexicon {
  /** Vague wording the message can quote to show why it is not an explanation ("an issue", "usterka"). */
  vague: PhraseEntry[]
  /** Greeting words: the suggested line goes after a greeting line, not before it. */
  greetings: PhraseEntry[]
  /** A line that states what went wrong, to suggest. */
  example: string
}

/** Block kinds where a reader does not start reading. */
const NOT_BODY_START = new Set<Block['kind']>(['footer', 'signature', 'quote', 'code'])
/** Longest greeting line, in words. */
const MAX_GREETING_WORDS = 6

export default defineRule({
  id: 'missing-explanation',
  languages: {en, pl},
  usesNlp: true,
  docs: {
    summary: 'Say plainly what went wrong: which thing was wrong, and how.',
    why: 'An apology that never names the mistake leaves readers unable to tell whether they are affected or what to check, and "an issue" or "a technical glitch" sounds like the sender is hiding it.',
    fix: 'Add one plain sentence that names the mistake and the thing it affected, e.g. "Yesterday\'s email gave the wrong price for the Ridgeline parka: £59 instead of £159."',
  },
  options: z
    .object({
      countSubject: z.boolean().default(true).describe('Accept a statement of what went wrong that appears only in the subject or the preheader.'),
    })
    .strict(),
  messages: {
    missing: 'The email never says what went wrong.',
    vague: 'The email calls the mistake only `{phrase}`, without saying what went wrong.',
  },
  notes: {
    missing:
      'Readers cannot tell whether they are affected or what to check, and an apology without a cause sounds empty. Add one plain sentence that names the mistake and what it affected. For example: "{example}"',
    vague:
      'Readers cannot tell whether they are affected, and vague wording sounds evasive. Add one plain sentence that names the mistake and what it affected. For example: "{example}"',
  },
  incidentExamples: incidentExamples['missing-explanation'],
  create(context) {
    const {document, lexicon, options} = context
    const blocks: Block[] = []
    if (options.countSubject && document.subject) blocks.push(document.subject)
    if (options.countSubject && document.preheader) blocks.push(document.preheader)
    blocks.push(...document.blocks)
    if (findErrorStatements(context, blocks, 1).length > 0) return

    const start = bodyStart(context)
    const at = start ? start.map.start(0) : document.bodyStart
    const suggestions = start
      ? [{text: 'Add a sentence that says what went wrong', replacement: `${lexicon.example} `, span: {block: start, start: 0, end: 0}}]
      : []
    const vague = firstVague(context)
    // "Only as `X`" points at X, where the reader sees the vague wording.
    if (vague)
      context.report({messageId: 'vague', data: {phrase: vague.block.text.slice(vague.start, vague.end), example: lexicon.example}, span: vague, suggestions})
    else context.report({messageId: 'missing', data: {example: lexicon.example}, at, suggestions})
  },
})

type Context = RuleContext<{countSubject: boolean}, MissingExplanationLexicon>

/** The block where reading starts: the first prose block that is not layout, a link-only row, a footer or a greeting line. */
function bodyStart(context: Context): Block | undefined {
  const {document} = context
  const greetings = context.matcher('greetings', context.lexicon.greetings)
  let first: Block | undefined
  let byBlock: Map<number, Link[]> | undefined
  for (const [index, block] of document.blocks.entries()) {
    if (!block.prose || block.boilerplate || NOT_BODY_START.has(block.kind)) continue
    first ??= block
    byBlock ??= linksByBlock(document.links)
    const links = byBlock.get(index)
    if (links && isLinkOnly(block, links)) continue
    const tokens = context.sentencesOf(block).flatMap((s) => s.tokens)
    if (tokens.length === 0) continue
    const greeting = greetings.find(tokens.slice(0, 3), block.text)[0]
    if (greeting?.firstToken === 0 && tokens.length <= MAX_GREETING_WORDS) continue
    return block
  }
  return first
}

/** The first vague wording about the mistake in the email's own message (not a footer or a quote), to quote and point at. */
function firstVague(context: Context): TextSpan | undefined {
  const matcher = context.matcher('vague', context.lexicon.vague)
  const zones = documentZones(context.document)
  for (const sentence of context.sentences) {
    const zone = zones.of(sentence.block)
    if (zone === 'footer' || zone === 'quote' || zone === 'signature' || zone === 'promo') continue
    const ignored = ignoredSpans(sentence.block)
    // An ignored span rejects the candidate, not the words after it: a shorter vague phrase outside it still counts.
    const hit = matcher.find(sentence.tokens, sentence.block.text, (h) => !overlapsAny(ignored, h.start, h.end))[0]
    if (hit) return {block: sentence.block, start: hit.start, end: hit.end}
  }
  return undefined
}

/** True when the block's text is only link text ("View this email in your browser"). */
function isLinkOnly(block: Block, links: readonly Link[]): boolean {
  // One pass: the links' texts in order, with nothing but spaces and punctuation between them.
  const text = block.text
  let pos = 0
  let any = false
  let misses = 0
  for (const link of links) {
    if (!link.text) continue
    const at = text.indexOf(link.text, pos)
    if (at < 0) {
      // Out of order or not in the text as written: a second miss means the text is not read link by link.
      if (++misses > 1) return false
      continue
    }
    if (LETTER_OR_DIGIT.test(text.slice(pos, at))) return false
    pos = at + link.text.length
    any = true
  }
  return any && !LETTER_OR_DIGIT.test(text.slice(pos))
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/** The document's links by the index of the block their text sits in. */
function linksByBlock(links: readonly Link[]): Map<number, Link[]> {
  const out = new Map<number, Link[]>()
  for (const link of links) {
    if (link.blockIndex === undefined) continue
    const list = out.get(link.blockIndex)
    if (list) list.push(link)
    else out.set(link.blockIndex, [link])
  }
  return out
}
