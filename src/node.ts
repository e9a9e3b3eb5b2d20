/**
 * The Node-only helpers (`apology-lint/node`): reading emails and config files
 * from disk. `apology-lint` in Node re-exports them beside the core.
 */
export {lintFile, type LintFileOptions} from './node/lint-file.js'
