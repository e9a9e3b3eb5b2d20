/** Polish data for missing-apology: the first line it suggests. Apology phrases live in rules/shared/apology.ts. */
import type {MissingApologyLexicon} from './index.js'

const pl: MissingApologyLexicon = {
  example: 'Przepraszamy: we wczorajszym e-mailu podaliśmy błędną cenę.',
}
export default pl
