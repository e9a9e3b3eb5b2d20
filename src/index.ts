/**
 * apology-lint's public API. Everything exported here is documented and
 * pinned by a test; the core runs wherever JavaScript runs.
 */
export {lint, lintSync, allRules, type LintInput, type LintOptions, type LintResult} from './lint.js'
export {defineRule, diagnosticSchema, type Diagnostic, type Rule, type RuleContext, type Severity, type Suggestion} from './rule.js'
export {configSchema, configJsonSchema, parseConfig, resolveConfig, ConfigError, type Config, type ResolvedConfig} from './config.js'
export {InputError, sniffFormat} from './parse/index.js'
export type {EmailDocument, Block, Range, Point, Format, Language} from './document.js'
export {builtinRules} from '../rules/index.js'
