/**
 * suppression-list-resend: when the original mistake was mailing an old
 * suppression list (people who unsubscribed, bounced or complained), the
 * apology must not be sent at all.
 */
import {z} from 'zod'
import {defineRule} from '../../src/rule.js'
import en from './en.js'
import pl from './pl.js'

/** This rule's data per language. */
export interface SuppressionLexicon {
  /** What to do instead, in the document's language, for the message. */
  instead: string
}

export default defineRule({
  id: 'suppression-list-resend',
  // Sender, layout or incident settings: no words of the email's language needed.
  structural: true,
  severity: 'error',
  languages: {en, pl},
  docs: {
    summary: 'Do not send an apology when the original email went to a suppression list.',
    why: 'People on a suppression list unsubscribed, bounced or complained: a second email to them compounds the mistake, brings more spam complaints and hurts the sender reputation of every later send.',
    fix: 'Cancel this send. Fix the list, re-apply the suppressions, and answer anyone who writes in one to one; watch complaints and bounces for the next few sends.',
  },
  options: z.object({}).strict(),
  messages: {
    doNotSend: 'Do not send this email: the original mistake was mailing a suppression list.',
  },
  notes: {
    doNotSend:
      'People who unsubscribed, bounced or complained should not hear from you again; a second email compounds the mistake and brings more spam complaints. Instead: {instead}',
  },
  create(context) {
    if (context.settings.incident?.kind !== 'suppression-list') return
    context.report({messageId: 'doNotSend', data: {instead: context.lexicon.instead}, at: 0})
  },
})
