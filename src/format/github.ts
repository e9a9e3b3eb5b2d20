/**
 * GitHub Actions workflow commands: one `::error` / `::warning` / `::notice`
 * line per finding, which the Actions runner turns into annotations on the
 * pull request's changed files.
 */
import {assertRenderable} from '../result-schema.js'
import {relativePath} from './paths.js'
import type {LintResult} from '../lint.js'
import type {Severity} from '../rule.js'
import {visibleKeepBreaks as visible} from './visible.js'
import {locationLabel} from './where.js'

/** Options for {@link formatGithub}. */
export interface GithubOptions {
  /** The workspace folder (`GITHUB_WORKSPACE`): file paths under it are written relative to it, as annotations expect. */
  cwd?: string
}

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {error: 'error', warning: 'warning', info: 'notice'}

/** Escapes a command's message, as the Actions toolkit does (`%`, CR, LF). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escapes a command property's value, as the Actions toolkit does (also `:` and `,`, which separate properties). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * Renders results as GitHub Actions workflow commands, one line per finding:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule-id::message`
 * (warning → `::warning`, info → `::notice`). Findings suppressed by inline
 * directives are left out.
 *
 * @example
 * process.stdout.write(formatGithub(results, {cwd: process.env.GITHUB_WORKSPACE ?? process.cwd()}))
 */
export function formatGithub(results: readonly LintResult[], options: GithubOptions = {}): string {
  // Only validated diagnostics are rendered: results may come from an untrusted cache or an API caller.
  assertRenderable(results)
  let out = ''
  for (const result of results) {
    const file = result.filePath === undefined ? undefined : relativePath(result.filePath, options.cwd)
    for (const d of result.diagnostics) {
      const properties: [string, string | number][] = []
      if (file !== undefined) properties.push(['file', visible(file)])
      // A finding in a header given by option has no line: a file-level annotation that names the header.
      const label = locationLabel(d)
      if (!label) properties.push(['line', d.range.start.line], ['col', d.range.start.column], ['endLine', d.range.end.line], ['endColumn', d.range.end.column])
      properties.push(['title', visible(label ? `${d.ruleId} (${label})` : d.ruleId)])
      const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')
      out += `::${COMMAND[d.severity]} ${list}::${escapeData(visible(d.message))}\n`
    }
  }
  return out
}
