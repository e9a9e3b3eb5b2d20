/**
 * Checkstyle XML, the format Jenkins' Warnings plugin, reviewdog and many code
 * review bots read: a `<file>` per email and an `<error>` per finding.
 */
import {assertRenderable} from '../result-schema.js'
import type {LintResult} from '../lint.js'
import {escapeXmlAttribute as escapeXml} from './junit.js'
import {visibleKeepBreaks as visible} from './visible.js'
import {locationLabel} from './where.js'

const escapeXmlAttribute = (text: string): string => escapeXml(visible(text))

/**
 * Renders results as Checkstyle XML:
 * `<checkstyle><file name><error line column severity message source="apology-lint.rule-id"/></file></checkstyle>`.
 * Every email gets a `<file>` (empty when clean), named by its path as given.
 * Findings suppressed by inline directives are left out.
 */
export function formatCheckstyle(results: readonly LintResult[]): string {
  // Only validated diagnostics are rendered: results may come from an untrusted cache or an API caller.
  assertRenderable(results)
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n'
  for (const result of results) {
    out += `  <file name="${escapeXmlAttribute(result.filePath ?? '<stdin>')}">\n`
    for (const d of result.diagnostics) {
      // A finding in a header given by option has no line: line 0, and the header named in the message.
      const label = locationLabel(d)
      const position = label ? 'line="0"' : `line="${d.range.start.line}" column="${d.range.start.column}"`
      out += `    <error ${position} severity="${d.severity}" message="${escapeXmlAttribute(label ? `[${label}] ${d.message}` : d.message)}" source="${escapeXmlAttribute(`apology-lint.${d.ruleId}`)}"/>\n`
    }
    out += '  </file>\n'
  }
  return `${out}</checkstyle>\n`
}
