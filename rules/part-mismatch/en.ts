/** English data for part-mismatch: the fallback apology and how a written-out link reads. */
import type {PartMismatchLexicon} from './index.js'

const en: PartMismatchLexicon = {
  apologyExample: 'We’re sorry: yesterday’s email had the wrong link.',
  linkLine: '{step}: {href}',
}
export default en
