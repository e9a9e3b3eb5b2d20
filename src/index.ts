/**
 * apology-lint's public API in Node: the core (which runs wherever JavaScript
 * runs; browsers get `src/core.ts` alone through the `browser` export
 * condition) and `lintFile`, which reads from disk. Everything exported here
 * is documented and pinned by a test.
 *
 * @example
 * import {lint, lintFile} from 'apology-lint'
 * const result = await lintFile('emails/apology.eml')
 */
export * from './core.js'
export {lintFile, type LintFileOptions} from './node.js'
