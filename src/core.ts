/**
 * apology-lint's core: parsers, document, language, engine, rules and
 * formatters, with no file system, process or network. This is the entry
 * browsers get (the `browser` export condition of `apology-lint`, and
 * `apology-lint/core` everywhere); `tsconfig.core.json` typechecks it without
 * Node's types, so that no Node API creeps in. Node users get the same API
 * plus `lintFile` from `apology-lint` (or `apology-lint/node`).
 */
export {lint, lintSync, allRules, type LintInput, type LintOptions, type LintResult} from './lint.js'
export {defineRule, diagnosticSchema, type AnyRule, type Diagnostic, type Plugin, type Rule, type RuleContext, type Severity, type Suggestion} from './rule.js'
export {
  configSchema,
  configJsonSchema,
  parseConfig,
  resolveConfig,
  ConfigError,
  type Brand,
  type Config,
  type Incident,
  type IncidentKind,
  type ResolvedConfig,
  type RuleSetting,
} from './config.js'
export type {Checklist, ChecklistItem} from './checklist.js'
export type {Sentence, Token} from './language.js'
export {InputError, sniffFormat} from './parse/index.js'
export type {EmailDocument, Block, Range, Point, Format, Language, LanguageSource, HeaderLocation} from './document.js'
export {builtinRules} from '../rules/index.js'
export {documentZones, zoneOf, type Zone, type ZoneKind, type BlockZones} from './zones.js'
export {ready} from './nlp-ready.js'
