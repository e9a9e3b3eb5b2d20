/** English data for suppression-list-resend: what to do instead of sending. */
import type {SuppressionLexicon} from './index.js'

const en: SuppressionLexicon = {
  instead:
    'cancel the send, re-apply the suppression list, and reply personally to anyone who writes in, e.g. "You’re right, you had unsubscribed and should not have heard from us. We have removed you again and are sorry."',
}
export default en
