/**
 * missing-apology: an apology email must say sorry, explicitly, somewhere.
 *
 * Uses the shared apology lexicon (rules/shared/apology.ts) over the subject,
 * the preheader and every body part; negated and sarcastic uses ("we're not
 * sorry", "sorry not sorry") do not count. Phrases that only own the mistake
 * or express regret ("our mistake", "we regret any inconvenience", "nasz
 * błąd") are not an apology on their own: the message names them so that the
 * writer sees why they fall short.
 */
import {z} from 'zod'
import {defineRule} from '../../src/rule.js'
import type {Block} from '../../src/document.js'
import {findApologyHits, type ApologyHit, type ApologyPhrase} from '../shared/apology.js'
import en from './en.js'
import pl from './pl.js'
import {incidentExamples} from '../shared/incident-examples.js'

/** This rule's data per language. */
export interface MissingApologyLexicon {
  /** A first line the message suggests, in the email's language. */
  example: string
}

/** Block kinds that are not where the reader starts reading. */
const NOT_BODY_START = new Set<Block['kind']>(['footer', 'signature', 'quote', 'code'])

export default defineRule({
  id: 'missing-apology',
  severity: 'error',
  languages: {en, pl},
  docs: {
    summary: 'Say sorry explicitly: "We\'re sorry", "We apologise", "Przepraszamy".',
    why: 'Readers who were misled or inconvenienced look for an apology first; without one, a correction reads as if the sender does not think it did anything wrong, and "we regret any inconvenience" or "our mistake" do not fill the gap.',
    fix: 'Open with a plain apology that names the mistake, e.g. "We\'re sorry: yesterday\'s email showed the wrong price."',
  },
  options: z
    .object({
      phrases: z
        .array(z.string().min(1))
        .default([])
        .describe(
          'More phrases that count as an apology, in the lexicon syntax (words separated by spaces, `*` at the end of a word for a stem), e.g. "mea culpa".',
        ),
      countOwnership: z
        .boolean()
        .default(false)
        .describe('Count phrases that only own the mistake or express regret ("our mistake", "we regret", "nasz błąd") as an apology.'),
    })
    .strict(),
  messages: {
    missing: 'No apology in the subject, preheader or body.',
    notExplicit: 'The email only says `{phrase}`, which is not an apology.',
  },
  notes: {
    missing:
      'Readers who were misled expect to hear "sorry"; a correction without one sounds as if nothing went wrong. Open with an explicit apology that names the mistake. For example: "{example}"',
    notExplicit:
      'Regret or owning up without "sorry" sounds distant to readers who were misled. Open with an explicit apology that names the mistake. For example: "{example}"',
  },
  incidentExamples: incidentExamples['missing-apology'],
  create(context) {
    const {document, lexicon, options} = context
    const blocks: Block[] = []
    if (document.subject) blocks.push(document.subject)
    if (document.preheader) blocks.push(document.preheader)
    blocks.push(...document.blocks)
    // For .eml, an apology in any body alternative is an apology (part-mismatch checks that both carry it).
    for (const part of document.parts.slice(1)) blocks.push(...part.blocks)

    const extra: ApologyPhrase[] = options.phrases.map((phrase) => ({phrase}))
    let weak: ApologyHit | undefined
    // Block by block, so that the usual case (an apology near the top) stops early.
    for (const block of blocks) {
      for (const hit of findApologyHits(context, [block], {extra})) {
        if (options.countOwnership || hit.entry.explicit !== false) return
        weak ??= hit
      }
    }

    const first = document.blocks.find((b) => b.prose && !b.boilerplate && !NOT_BODY_START.has(b.kind)) ?? document.blocks[0]
    const at = first ? first.map.start(0) : document.bodyStart
    if (weak) {
      context.report({messageId: 'notExplicit', data: {phrase: weak.block.text.slice(weak.start, weak.end), example: lexicon.example}, at})
    } else {
      context.report({messageId: 'missing', data: {example: lexicon.example}, at})
    }
  },
})
