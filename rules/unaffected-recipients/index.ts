/**
 * unaffected-recipients: only the people the original mistake affected
 * should receive the apology.
 */
import {z} from 'zod'
import {defineRule} from '../../src/rule.js'
import type {Language} from '../../src/document.js'
import en from './en.js'
import pl from './pl.js'

/** This rule's data per language. */
export interface UnaffectedLexicon {
  /** How to describe the segment to send to; `{affected}` is filled in. */
  segment: string
}

/** Number formats per language, built once: constructing an Intl.NumberFormat costs more than the rule. */
const formats = new Map<Language, Intl.NumberFormat>()
function numberFormat(language: Language): Intl.NumberFormat {
  let format = formats.get(language)
  if (!format) {
    format = new Intl.NumberFormat(language === 'pl' ? 'pl-PL' : 'en-GB')
    formats.set(language, format)
  }
  return format
}

export default defineRule({
  id: 'unaffected-recipients',
  // Sender, layout or incident settings: no words of the email's language needed.
  structural: true,
  severity: 'error',
  languages: {en, pl},
  docs: {
    summary: 'Send the apology only to the people the mistake affected.',
    why: 'People who never saw the mistake are confused by an apology for it, some now learn about an error they missed, and every extra email adds unsubscribes and spam complaints.',
    fix: 'Build a segment of exactly the recipients of the faulty email (or of the affected part of it) and send the apology only to them.',
  },
  options: z
    .object({
      maxExtra: z.number().int().min(0).default(0).describe('How many more recipients than affected people to accept, e.g. internal seed and test addresses.'),
    })
    .strict(),
  messages: {
    unaffected: 'This apology goes to {recipients} people, but the mistake affected {affected}: send it only to them.',
    nobody: 'This apology goes to {recipients} people, but the mistake affected nobody: do not send it.',
  },
  notes: {
    unaffected:
      '{extra} readers would get an apology for something they never saw, which confuses them and brings unsubscribes and spam complaints. Send it only to the affected segment ({segment}).',
    nobody:
      'An apology for something nobody saw confuses readers and brings unsubscribes and spam complaints. If someone was affected after all, set incident.audience.affected and send only to them.',
  },
  create(context) {
    const audience = context.settings.incident?.audience
    const recipients = audience?.recipients
    const affected = audience?.affected
    if (recipients === undefined || affected === undefined) return
    const extra = recipients - affected
    if (extra <= context.options.maxExtra) return
    const number = numberFormat(context.language)
    const data = {recipients: number.format(recipients), affected: number.format(affected), extra: number.format(extra)}
    if (affected === 0) {
      context.report({messageId: 'nobody', data, at: 0})
      return
    }
    context.report({messageId: 'unaffected', data: {...data, segment: context.lexicon.segment.replace('{affected}', data.affected)}, at: 0})
  },
})
