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
export {documentZones, zoneOf, type Zone, type ZoneKind, type BlockZones} from './zones.js'

/**
 * Lints one file from disk (Node only): finds its config upward from the file,
 * reads it as UTF-8, and lints it. Loaded on first use, so that the rest of the
 * API stays free of file-system code and runs in browsers.
 *
 * @example
 * const result = await lintFile('emails/apology.eml')
 */
export async function lintFile(
  path: string,
  options: import('./node/lint-file.js').LintFileOptions = {},
): Promise<import('./lint.js').LintResult> {
  const module = await import('./node/lint-file.js')
  return module.lintFile(path, options)
}
