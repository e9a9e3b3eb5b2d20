/** Polish data for unaffected-recipients: how to name the segment to send to. */
import type {UnaffectedLexicon} from './index.js'

const pl: UnaffectedLexicon = {
  segment: '{affected} osób, które dostały błędną wiadomość',
}
export default pl
