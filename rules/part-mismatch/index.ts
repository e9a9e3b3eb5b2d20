/**
 * part-mismatch: in a multipart `.eml`, the plain-text part must carry the same
 * apology and the same action steps as the HTML part, because many readers,
 * watches, screen readers and spam filters only see one of them.
 */
import {z} from 'zod'
import {defineRule, type RuleContext} from '../../src/rule.js'
import type {PartBody, TextSpan} from '../../src/document.js'
import {findApologies} from '../shared/apology.js'
import {actionSteps, contactEverywhere, type ActionStep} from '../missing-action-steps/detect.js'
import en from './en.js'
import pl from './pl.js'

/** This rule's data per language. */
export interface PartMismatchLexicon {
  /** An apology line to suggest when the HTML part's own one cannot be quoted. */
  apologyExample: string
  /** How a written-out link reads in plain text: `{step}` and `{href}` are filled in. */
  linkLine: string
}

/** Longest quotation of the HTML part in a message. */
const MAX_QUOTE = 120

export default defineRule({
  id: 'part-mismatch',
  severity: 'warning',
  languages: {en, pl},
  // The shared action-step detector asks compromise about English imperatives.
  usesNlp: true,
  docs: {
    summary: 'The plain-text part of a multipart email must carry the same apology and action steps as the HTML part.',
    why: 'Many readers never see the HTML part: text-only mail clients, watches, screen-reader setups and some spam filters show or judge only the plain-text part, so a stub there turns a clear apology into a confusing or suspicious email.',
    fix: 'Write the plain-text part from the same copy as the HTML: the same apology, the same steps, and every button as a written-out URL.',
  },
  options: z
    .object({
      checkApology: z.boolean().default(true).describe('Report a plain-text part without the apology the HTML part has.'),
      checkSteps: z.boolean().default(true).describe('Report a plain-text part without the action steps the HTML part has.'),
      checkLinks: z
        .boolean()
        .default(true)
        .describe(
          'Report a plain-text part whose steps have no link, phone number or address while the same steps in the HTML part have one (a button not written out as a URL).',
        ),
    })
    .strict(),
  messages: {
    apology: 'The plain-text part has no apology, but the HTML part has one.',
    steps: 'The plain-text part does not tell readers what to do, but the HTML part does ("{step}").',
    link: 'The plain-text part gives no link, number or address for a step the HTML part links ("{step}").',
  },
  notes: {
    apology:
      'People whose mail app, watch or filter shows only the text part get a correction without a "sorry". Add the same apology to the plain-text part. For example: "{apology}"',
    steps: 'People who see only the text part miss the fix. Copy the steps into the plain-text part with their links written out. For example: "{example}"',
    link: 'A button does not exist in plain text, so text-only readers cannot act. Write the URL or number out. For example: "{example}"',
  },
  create(context) {
    const {document, lexicon, options} = context
    const html = document.parts.find((p) => p.kind === 'html')
    const text = document.parts.find((p) => p.kind === 'text')
    if (!html || !text) return
    const at = text.blocks[0]?.sourceStart ?? text.sourceStart
    const shared = context as RuleContext<unknown, unknown>

    if (options.checkApology) {
      const htmlApology = findApologies(shared, html.blocks)[0]
      if (htmlApology && findApologies(shared, text.blocks).length === 0) {
        const apology = quote(sentenceAround(shared, htmlApology)) || lexicon.apologyExample
        context.report({messageId: 'apology', data: {apology}, at, part: 'text'})
      }
    }

    if (!options.checkSteps && !options.checkLinks) return
    // Steps are found only as far as the answer needs them: in a well-made email the two parts share their
    // first steps, and each part's later sentences are never analysed here. Pulled in order, so every step
    // used is the one a full list would give at that place.
    const htmlSteps = new Pulled(actionSteps(shared, html.blocks, html.links))
    const textSteps = new Pulled(actionSteps(shared, text.blocks, text.links))
    const first = htmlSteps.at(0)
    if (!first) return
    // A text part whose only "step" is unrelated to the HTML's ("open this email in your browser")
    // does not carry the steps: at least one instruction must be the same.
    if (!shareAStep(htmlSteps, textSteps)) {
      if (options.checkSteps) {
        const step = quote(sentenceAround(shared, first.span))
        context.report({messageId: 'steps', data: {step, example: linkExample(lexicon, step, hrefNear(html, first))}, at, part: 'text'})
      }
      return
    }
    // Both parts have steps: a step the HTML part can act on must be actionable in the text part too.
    if (!options.checkLinks) return
    for (const means of ['link', 'contact'] as const) {
      // A text part that gives an address or number anywhere gives one to every "contact us" in it.
      if (means === 'contact' && contactEverywhere(shared, text.blocks, text.links)) continue
      // Only the steps of this kind are looked for, so advice ("you should check your statement") is not analysed.
      const acted = new Pulled(actionSteps(shared, html.blocks, html.links, false, means)).find((s) => s.hasMeans)
      if (!acted) continue
      // Any text step of this kind with its link or number settles it; otherwise the first one without is reported.
      const bare = new Pulled(actionSteps(shared, text.blocks, text.links, false, means))
      if (bare.find((s) => s.hasMeans)) continue
      const missing = bare.at(0)
      if (!missing) continue
      context.report({
        messageId: 'link',
        data: {
          step: quote(sentenceAround(shared, acted.span)),
          example: linkExample(lexicon, quote(sentenceAround(shared, missing.span)), hrefNear(html, acted)),
        },
        span: missing.span,
        part: 'text',
      })
    }
  },
})

/** A lazy list: the steps of one part, found one at a time and kept. */
class Pulled {
  private readonly items: ActionStep[] = []
  private done = false
  constructor(private readonly source: Iterator<ActionStep, void>) {}

  /** The step at `index`, finding steps up to it; undefined past the last. */
  at(index: number): ActionStep | undefined {
    while (!this.done && this.items.length <= index) {
      const next = this.source.next()
      if (next.done) this.done = true
      else this.items.push(next.value)
    }
    return this.items[index]
  }

  /** The first step that passes `test`, finding steps only until it. */
  find(test: (step: ActionStep) => boolean): ActionStep | undefined {
    for (let i = 0; ; i++) {
      const step = this.at(i)
      if (!step || test(step)) return step
    }
  }
}

/**
 * True when the two parts have a step with the same words. Steps are taken
 * from both lists in turn, and each new one is compared with every step the
 * other list has given so far, so the first shared step ends the search.
 */
function shareAStep(html: Pulled, text: Pulled): boolean {
  const htmlKeys = new Set<string>()
  const textKeys = new Set<string>()
  for (let i = 0; ; i++) {
    const h = html.at(i)
    const t = text.at(i)
    if (!h && !t) return false
    if (h) {
      const key = stepKey(h)
      if (textKeys.has(key)) return true
      htmlKeys.add(key)
    }
    if (t) {
      const key = stepKey(t)
      if (htmlKeys.has(key)) return true
      textKeys.add(key)
    }
  }
}

/** An instruction's words, normalised, to compare the two parts ("Reset" and "reset" are the same step). */
function stepKey(step: ActionStep): string {
  return step.span.block.text.slice(step.span.start, step.span.end).toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ')
}

/** The sentence a span sits in, as the reader sees it. */
function sentenceAround(context: RuleContext<unknown, unknown>, span: TextSpan): string {
  const sentence = context.sentencesOf(span.block).find((s) => s.start <= span.start && span.end <= s.end)
  return sentence ? sentence.text : span.block.text.slice(span.start, span.end)
}

/** Shortens a quotation to a readable length on a word boundary. */
function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= MAX_QUOTE) return flat
  const cut = flat.lastIndexOf(' ', MAX_QUOTE)
  return `${flat.slice(0, cut > 0 ? cut : MAX_QUOTE)} …`
}

/** The address of the first link in or just after the step's block, in the HTML part. */
function hrefNear(part: PartBody, step: ActionStep): string | undefined {
  const index = part.blocks.indexOf(step.span.block)
  if (index < 0) return undefined
  let best: string | undefined
  let distance = Infinity
  for (const link of part.links) {
    if (link.blockIndex === undefined || !isActionHref(link.href)) continue
    const d = link.blockIndex - index
    // The step's own block first, then a button that follows it ("Choose a new password:" then the button).
    if (d >= 0 && d <= 3 && d < distance) {
      best = link.href
      distance = d
    }
  }
  return best
}

function isActionHref(href: string): boolean {
  const h = href.toLowerCase()
  return (h.startsWith('https:') || h.startsWith('http:') || h.startsWith('mailto:') || h.startsWith('tel:')) && !h.includes('unsubscribe')
}

function linkExample(lexicon: PartMismatchLexicon, step: string, href: string | undefined): string {
  if (!href) return step
  const shown = href.startsWith('mailto:') || href.startsWith('tel:') ? href.slice(href.indexOf(':') + 1) : href
  let end = step.length
  while (end > 0 && '.:;!'.includes(step.charAt(end - 1))) end--
  return lexicon.linkLine.replace('{step}', step.slice(0, end)).replace('{href}', shown)
}
