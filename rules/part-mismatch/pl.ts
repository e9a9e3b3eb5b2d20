/** Polish data for part-mismatch: the fallback apology and how a written-out link reads. */
import type {PartMismatchLexicon} from './index.js'

const pl: PartMismatchLexicon = {
  apologyExample: 'Przepraszamy: we wczorajszym e-mailu podaliśmy błędny link.',
  linkLine: '{step}: {href}',
}
export default pl
