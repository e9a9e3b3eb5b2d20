/** English data for unaffected-recipients: how to name the segment to send to. */
import type {UnaffectedLexicon} from './index.js'

const en: UnaffectedLexicon = {
  segment: 'the {affected} people who received the faulty email',
}
export default en
