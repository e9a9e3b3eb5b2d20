/**
 * ESLint's JSON result shape, plus apology-lint's own fields, so that existing
 * ESLint-JSON consumers work unchanged.
 */
import {assertRenderable} from '../result-schema.js'
import type {LintResult} from '../lint.js'

/**
 * One message in ESLint's shape: severity 2 = error, 1 = warning, 0 = info
 * (ESLint's "off": counted neither as an error nor as a warning);
 * `apologyLintSeverity` spells it out.
 */
export interface EslintMessage {
  ruleId: string
  severity: 0 | 1 | 2
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  fatal?: boolean
  [extra: string]: unknown
}

/** Converts results to ESLint's JSON result objects. */
export function toEslintJson(results: readonly LintResult[]): Record<string, unknown>[] {
  // Only validated diagnostics are rendered: results may come from an untrusted cache or an API caller.
  assertRenderable(results)
  return results.map((r) => ({
    filePath: r.filePath ?? '<input>',
    messages: r.diagnostics.map(
      (d): EslintMessage => ({
        ruleId: d.ruleId,
        severity: d.severity === 'error' ? 2 : d.severity === 'warning' ? 1 : 0,
        message: d.message,
        line: d.range.start.line,
        column: d.range.start.column,
        endLine: d.range.end.line,
        endColumn: d.range.end.column,
        ...(d.fatal ? {fatal: true} : {}),
        // apology-lint's own fields.
        apologyLintSeverity: d.severity,
        range: d.range,
        url: d.url,
        ...(d.note ? {note: d.note} : {}),
        ...(d.location ? {location: d.location} : {}),
        ...(d.actual !== undefined ? {actual: d.actual} : {}),
        ...(d.part ? {part: d.part} : {}),
        ...(d.suggestions ? {suggestions: d.suggestions} : {}),
      }),
    ),
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    fatalErrorCount: r.diagnostics.filter((d) => d.fatal).length,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    infoCount: r.infoCount,
    format: r.format,
    language: r.language,
    languageSource: r.languageSource,
    // What the parser noted: an unknown charset, coarse positions, skipped content.
    notes: r.notes,
    ...(r.checklist ? {checklist: r.checklist} : {}),
  }))
}

/** Renders results as ESLint-compatible JSON. */
export function formatJson(results: readonly LintResult[]): string {
  return JSON.stringify(toEslintJson(results))
}
