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
        .describe('Phrases to accept even though they look evasive (same syntax as the lexicon: a word ending in `*` matches by prefix), e.g. ["human error"].'),
      extraPhrases: z
        .array(z.string())
        .default([])
        .describe('More phrases to flag as evasive, in any language (a word ending in `*` matches by prefix), e.g. ["unfortunately an error occurred"].'),
      passives: z
        .boolean()
        .default(true)
        .describe('Also flag agentless passives about the mistake ("an incorrect email was sent", "podano błędną datę").'),
    })
    .strict(),
  messages: {
    conditional:
      '`{phrase}` makes the apology conditional: it doubts that anyone was harmed, which tells affected readers their problem may not be real. Apologise for what you did, e.g. "{example}"',
    feelings:
      '`{phrase}` apologises for the reader\'s feelings instead of your mistake, which shifts the blame onto them. Apologise for what you did, e.g. "{example}"',
    regret:
      '`{phrase}` expresses regret without apologising or saying who is responsible, so it reads as a form letter. Say sorry and own it, e.g. "{example}"',
    passive:
      '`{phrase}` hides who made the mistake (an agentless passive), which reads as dodging responsibility. Say "we", e.g. "{example}"',
    blame:
      '`{phrase}` puts the blame on someone or something else without owning the result, and readers hold you responsible anyway. Own it, e.g. "{example}"',
    assurance:
      '`{phrase}` leans on someone else\'s promise instead of yours, so readers have no reason to believe it. Say what you changed, e.g. "{example}"',
    minimiser:
      '`{phrase}` plays down the mistake or its impact, which tells the readers it hurt that their problem does not matter. State the facts and let readers judge, e.g. "{example}"',
    extra: '`{phrase}` is on this project\'s list of evasive phrases: own the mistake instead, e.g. "{example}"',
  },
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
