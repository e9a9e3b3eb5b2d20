/**
 * evasive-wording: apologise for what you did, not for how readers feel, and
 * do not hide who did it.
 */
import {z} from 'zod'
import {defineRule} from '../../src/rule.js'
import {findEvasive} from './find.js'
import type {EvasiveLexicon} from './lexicon.js'
import en from './en.js'
import pl from './pl.js'
import {incidentExamples} from '../shared/incident-examples.js'

export type {EvasiveLexicon, EvasivePhrase, EvasiveCategory} from './lexicon.js'

export default defineRule({
  id: 'evasive-wording',
  severity: 'warning',
  usesNlp: true,
  languages: {en, pl} satisfies Record<'en' | 'pl', EvasiveLexicon>,
  docs: {
    summary: 'Own the mistake: no conditional apologies, no regret for feelings, no agentless passives, no blaming others, no minimising.',
    why: 'A non-apology ("sorry if anyone was offended", "mistakes were made", "due to a third-party provider", "just a minor glitch") tells readers the sender will not take responsibility, which angers them more than the original mistake.',
    fix: 'Say "we", name what you did wrong, and apologise for that: "We sent the wrong price. We\'re sorry."',
  },
  options: z
    .object({
      allow: z
        .array(z.string())
        .default([])
        .describe(
          'Phrases to accept even though they look evasive (same syntax as the lexicon: a word ending in `*` matches by prefix), e.g. ["human error"].',
        ),
      extraPhrases: z
        .array(z.string())
        .default([])
        .describe('More phrases to flag as evasive, in any language (a word ending in `*` matches by prefix), e.g. ["unfortunately an error occurred"].'),
      passives: z.boolean().default(true).describe('Also flag agentless passives about the mistake ("an incorrect email was sent", "podano błędną datę").'),
    })
    .strict(),
  messages: {
    conditional: '`{phrase}` makes the apology conditional: apologise for what you did.',
    feelings: "`{phrase}` apologises for the reader's feelings, not for your mistake.",
    regret: '`{phrase}` expresses regret without apologising or owning the mistake.',
    passive: '`{phrase}` hides who made the mistake: say "we".',
    blame: '`{phrase}` puts the blame on someone or something else.',
    assurance: "`{phrase}` leans on someone else's promise instead of yours.",
    minimiser: '`{phrase}` plays down the mistake or its impact.',
    extra: "`{phrase}` is on this project's list of evasive phrases.",
  },
  notes: {
    conditional: 'It doubts that anyone was harmed, which tells affected readers their problem may not be real. For example: "{example}"',
    feelings: 'It shifts the blame onto the reader. Apologise for what you did. For example: "{example}"',
    regret: 'Regret without "sorry" or a "we" reads as a form letter. Say sorry and own it. For example: "{example}"',
    passive: 'An agentless passive reads as dodging responsibility. For example: "{example}"',
    blame: 'Readers hold you responsible anyway. Name the cause if it helps, and own the result. For example: "{example}"',
    assurance: 'Readers have no reason to believe a promise you did not make. Say what you changed. For example: "{example}"',
    minimiser: 'It tells the readers it hurt that their problem does not matter. State the facts and let readers judge. For example: "{example}"',
    extra: 'Own the mistake instead. For example: "{example}"',
  },
  incidentExamples: incidentExamples['evasive-wording'],
  create(context) {
    const {lexicon, options} = context
    for (const finding of findEvasive(context, options)) {
      const phrase = finding.block.text.slice(finding.start, finding.end)
      context.report({
        messageId: finding.category,
        data: {phrase, example: finding.example ?? lexicon.examples[finding.category]},
        span: {block: finding.block, start: finding.start, end: finding.end},
        suggestions: finding.suggestions,
      })
    }
  },
})
