/**
 * Every built-in rule, sorted by id. Rule ids are the public contract.
 */
import type {AnyRule} from '../src/rule.js'
import noReplySender from './no-reply-sender/index.js'

/** Built-in rules, sorted by id. */
export const builtinRules: readonly AnyRule[] = [noReplySender].sort((a, b) => a.id.localeCompare(b.id))

/** Built-in rules by id. */
export const rulesById: ReadonlyMap<string, AnyRule> = new Map(builtinRules.map((r) => [r.id, r]))
