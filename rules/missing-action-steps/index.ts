/**
 * missing-action-steps: the apology must tell readers what to do, or that
 * they need to do nothing, and give them a way to do it.
 */
import {z} from 'zod'
import {defineRule} from '../../src/rule.js'
import type {Block, TextSpan} from '../../src/document.js'
import type {PhraseEntry} from '../../src/language.js'
import type {SuggestionInput} from '../../src/rule.js'
import {findApologies} from '../shared/apology.js'
import {actionLexicons, findActionSteps, hasMixedStepEvidence, promisedLinksMissing, type ActionStep, type ActionStepsLexicon, type Means} from './detect.js'

export {findActionSteps, type ActionStep, type ActionStepsLexicon} from './detect.js'

/** How a message names the way to act an instruction lacks. */
const MEANS_NAMES: Record<Exclude<Means, 'none'>, string> = {
  link: 'link or button',
  contact: 'phone number, monitored address or contact link',
}

export default defineRule({
  id: 'missing-action-steps',
  languages: actionLexicons,
  usesNlp: true,
  docs: {
    summary: 'Tell readers what to do about the mistake, or that they need to do nothing, and give them a way to do it.',
    why: 'After a mistake readers wonder whether they must act (reset a password, order again, ignore the first email); without a plain instruction and a working link or phone number they worry, guess wrong, or flood support.',
    fix: 'Add one reader-directed line such as "Reset your password here: <link>", "Use this link instead: <link>" or "You don\'t need to do anything", with the link, button, phone number or address the step needs.',
  },
  options: z
    .object({
      requireMeans: z
        .boolean()
        .default(true)
        .describe('Also flag instructions that need a link, button, phone number or address ("reset your password", "call us") when none is given.'),
      accept: z
        .array(z.string().min(1))
        .default([])
        .describe(
          'Extra phrases that count as an instruction to the reader, e.g. "open the Acme app" (words separated by spaces; a word ending in * matches by prefix).',
        ),
    })
    .strict(),
  messages: {
    missing: 'Readers are not told what to do about the mistake, or that they need do nothing.',
    noMeans: '`{phrase}` asks readers to act but gives them no {what}.',
  },
  notes: {
    missing: 'Left to guess, some readers write to support and others do nothing when they should act. Add one plain instruction. For example: "{example}"',
    noMeans: 'Readers who cannot act on the spot give up or write in. Put a {what} next to the instruction. For example: "{example}"',
  },
  create(context) {
    const {document, options} = context
    const lexicon: ActionStepsLexicon = context.lexicon
    const severity = context.settings.incident?.kind === 'data-breach' ? 'error' : undefined
    // One usable step is enough to pass: stop there rather than analyse every later sentence.
    // A step that points at a link or button the email does not have is reported whatever the other steps say.
    const promised = options.requireMeans ? promisedLinksMissing(context) : []
    const reported = new Set<string>()
    for (const step of promised) reportNoMeans(step)
    const stopWhen = options.requireMeans ? (s: ActionStep): boolean => s.hasMeans : (): boolean => true
    // A step found without new compromise analysis that settles the email (one with a way to act, or any step when
    // none is required) is one the full scan finds too, and then there is nothing to report.
    if (findActionSteps(context, document.blocks, undefined, {stopWhen, certainOnly: true}).some(stopWhen)) return
    const steps = findActionSteps(context, document.blocks, undefined, {stopWhen})

    if (steps.length === 0 && !hasAcceptedPhrase()) {
      // Report only on strong evidence: nothing in the message speaks to the reader about acting or offers a way to.
      if (hasMixedStepEvidence(context, document.blocks)) return
      const kind = context.settings.incident?.kind ?? 'default'
      const example = lexicon.suggestions[kind]
      const at = insertionPoint()
      const suggestions: SuggestionInput[] = at ? [{text: 'Add an instruction for the reader', replacement: ` ${example}`, span: at}] : []
      context.report({messageId: 'missing', data: {example}, at: document.bodyStart, suggestions, ...(severity ? {severity} : {})})
      return
    }
    if (!options.requireMeans || steps.some((s) => s.hasMeans)) return
    // Every instruction needs a way to act and none has one: flag each, where it stands.
    for (const step of steps) reportNoMeans(step)

    function reportNoMeans(step: ActionStep): void {
      const key = `${document.blocks.indexOf(step.span.block)}:${step.span.start}`
      if (reported.has(key)) return
      reported.add(key)
      const means = step.means as Exclude<Means, 'none'>
      context.report({
        messageId: 'noMeans',
        data: {phrase: step.span.block.text.slice(step.span.start, step.span.end), what: MEANS_NAMES[means], example: lexicon.meansExamples[means]},
        span: step.span,
        ...(severity ? {severity} : {}),
      })
    }

    /** True when a team's own instruction phrase (`accept`) occurs in the body. */
    function hasAcceptedPhrase(): boolean {
      if (options.accept.length === 0) return false
      const entries: PhraseEntry[] = options.accept.map((phrase) => ({phrase}))
      const matcher = context.matcher(`accept:${options.accept.join('\u0000')}`, entries)
      return context.sentences.some((s) => s.block.kind !== 'footer' && matcher.test(s.tokens))
    }

    /** Where a new instruction reads naturally: right after the first apology, else after the first paragraph. */
    function insertionPoint(): TextSpan | undefined {
      const apology = findApologies(context, document.blocks)[0]
      if (apology) {
        const sentence = context.sentencesOf(apology.block).find((s) => s.start <= apology.start && apology.start < s.end)
        if (sentence) return {block: apology.block, start: sentence.end, end: sentence.end}
      }
      const block: Block | undefined = document.blocks.find((b) => b.prose && !b.boilerplate && b.kind === 'paragraph' && b.text.length > 40)
      return block ? {block, start: block.text.length, end: block.text.length} : undefined
    }
  },
})
