/**
 * GitLab Code Quality (the Code Climate issue format GitLab reads from
 * `artifacts: reports: codequality`): findings appear in the merge request
 * widget and on the changed lines.
 */
import {assertRenderable} from '../result-schema.js'
import type {LintResult} from '../lint.js'
import type {Severity} from '../rule.js'
import {relativePath} from './paths.js'

/** One issue as GitLab reads it. */
export interface CodeQualityIssue {
  description: string
  check_name: string
  fingerprint: string
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker'
  location: {path: string; positions: {begin: {line: number; column: number}; end: {line: number; column: number}}}
}

const SEVERITY: Record<Severity, CodeQualityIssue['severity']> = {error: 'major', warning: 'minor', info: 'info'}

/**
 * Two 32-bit FNV-1a hashes with different offsets: enough to tell issues apart
 * (GitLab needs a unique, stable id), with no crypto API, so it runs in browsers.
 */
function fingerprint(text: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ 0x5bd1e995
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193) >>> 0
    b = Math.imul(b ^ c, 0x01000193) >>> 0
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0')
}

/**
 * Renders results as a GitLab Code Quality report (a JSON array of issues).
 * A fingerprint names the file, the rule, the message id, the flagged text and
 * its occurrence, not the line: an issue keeps its identity when lines above it
 * move, so GitLab can tell new findings from old ones.
 */
export function formatGitlab(results: readonly LintResult[], cwd?: string): string {
  // Only validated diagnostics are rendered: results may come from an untrusted cache or an API caller.
  assertRenderable(results)
  const issues: CodeQualityIssue[] = []
  for (const result of results) {
    const path = relativePath(result.filePath ?? '<stdin>', cwd)
    const seen = new Map<string, number>()
    for (const d of result.diagnostics) {
      const key = [path, d.ruleId, d.messageId ?? d.message, d.actual ?? ''].join('\u0000')
      const occurrence = (seen.get(key) ?? 0) + 1
      seen.set(key, occurrence)
      issues.push({
        description: d.message,
        check_name: d.ruleId,
        fingerprint: fingerprint(`${key}\u0000${occurrence}`),
        severity: d.fatal ? 'critical' : SEVERITY[d.severity],
        location: {
          path,
          positions: {
            begin: {line: d.range.start.line, column: d.range.start.column},
            end: {line: d.range.end.line, column: d.range.end.column},
          },
        },
      })
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`
}
