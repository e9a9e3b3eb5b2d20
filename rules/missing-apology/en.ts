/** English data for missing-apology: the first line it suggests. Apology phrases live in rules/shared/apology.ts. */
import type {MissingApologyLexicon} from './index.js'

const en: MissingApologyLexicon = {
  example: "We're sorry: yesterday's email showed the wrong price.",
}
export default en
