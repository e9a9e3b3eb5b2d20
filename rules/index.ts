/**
 * Every built-in rule, sorted by id. Rule ids are the public contract.
 */
import type {AnyRule} from '../src/rule.js'
import buriedLede from './buried-lede/index.js'
import dataBreachNotice from './data-breach-notice/index.js'
import evasiveWording from './evasive-wording/index.js'
import humour from './humour/index.js'
import missingActionSteps from './missing-action-steps/index.js'
import missingApology from './missing-apology/index.js'
import missingExplanation from './missing-explanation/index.js'
import noReplySender from './no-reply-sender/index.js'
import partMismatch from './part-mismatch/index.js'
import suppressionListResend from './suppression-list-resend/index.js'
import unaffectedRecipients from './unaffected-recipients/index.js'
import unbrandedLayout from './unbranded-layout/index.js'
import unclearSubject from './unclear-subject/index.js'
import vagueWording from './vague-wording/index.js'

/** Built-in rules, sorted by id. */
export const builtinRules: readonly AnyRule[] = [
  buriedLede,
  dataBreachNotice,
  evasiveWording,
  humour,
  missingActionSteps,
  missingApology,
  missingExplanation,
  noReplySender,
  partMismatch,
  suppressionListResend,
  unaffectedRecipients,
  unbrandedLayout,
  unclearSubject,
  vagueWording,
].sort((a, b) => a.id.localeCompare(b.id))

/** Built-in rules by id. */
export const rulesById: ReadonlyMap<string, AnyRule> = new Map(builtinRules.map((r) => [r.id, r]))
