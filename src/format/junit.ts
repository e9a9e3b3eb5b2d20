/**
 * JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure
 * Pipelines, CircleCI): a test suite per email, a failing test case per
 * finding, and one passing test case for an email without findings.
 */
import {assertRenderable} from '../result-schema.js'
import {relativePath} from './paths.js'
import type {LintResult} from '../lint.js'
import type {Diagnostic} from '../rule.js'
import {visibleKeepBreaks as visible} from './visible.js'
import {whereOf} from './where.js'

/** Options for {@link formatJunit}. */
export interface JunitOptions {
  /** Folder that file paths are made relative to in suite and class names. */
  cwd?: string
}

/*
 * Characters XML 1.0 cannot carry at all, not even as character references:
 * C0 controls other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** Makes text representable in XML 1.0: forbidden characters become a visible `\uXXXX`. */
export function toXmlChars(text: string): string {
  return text.replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
}

/** Escapes text content for XML (`&`, `<`, `>`; CR kept as a reference so that parsers do not fold it). */
export function escapeXmlText(text: string): string {
  return toXmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;')
}

/** Escapes an attribute value for XML, quotes included; tab, LF and CR become references so that attribute normalisation keeps them. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;')
}

/** `path` relative to `cwd` (forward slashes) when it lies under it; unchanged otherwise. */
export function displayPath(path: string | undefined, cwd?: string): string {
  return path === undefined ? '<stdin>' : relativePath(path, cwd)
}

function attributes(pairs: Record<string, string | number>): string {
  return Object.entries(pairs)
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(visible(String(value)))}"`)
    .join('')
}

function details(d: Diagnostic, file: string): string {
  const lines = [`${file}:${whereOf(d)}: ${d.severity}: ${d.message} (${d.ruleId})`]
  if (d.actual !== undefined) lines.push(`Flagged: ${d.actual}`)
  if (d.part) lines.push(`Part: ${d.part}`)
  if (d.note) lines.push(`Why: ${d.note}`)
  lines.push(`Docs: ${d.url}`)
  return visible(lines.join('\n'))
}

/**
 * Renders results as JUnit XML: `<testsuites>` holding a `<testsuite>` per
 * email; each finding is a `<testcase>` with a `<failure>` whose `type` is the
 * rule id (a parse error is an `<error>`), each finding hidden by an inline directive a `<skipped>` one, and
 * an email without findings has one passing test case.
 */
export function formatJunit(results: readonly LintResult[], options: JunitOptions = {}): string {
  // Only validated diagnostics are rendered: results may come from an untrusted cache or an API caller.
  assertRenderable(results)
  let tests = 0
  let failures = 0
  let errors = 0
  let skipped = 0
  let body = ''
  for (const result of results) {
    const file = displayPath(result.filePath, options.cwd)
    let cases = ''
    let suiteFailures = 0
    let suiteErrors = 0
    for (const d of result.diagnostics) {
      const where = whereOf(d)
      cases += `    <testcase${attributes({classname: file, name: `${d.ruleId} at ${where}`, file, ...(d.location ? {} : {line: d.range.start.line}), time: 0})}>\n`
      // An info finding is advice, not a failure: a passing test case that carries it as output.
      if (d.severity === 'info' && !d.fatal) {
        cases += `      <system-out>${escapeXmlText(details(d, file))}</system-out>\n    </testcase>\n`
        continue
      }
      const element = d.fatal ? 'error' : 'failure'
      if (d.fatal) suiteErrors++
      else suiteFailures++
      cases += `      <${element}${attributes({message: d.message, type: d.ruleId})}>${escapeXmlText(details(d, file))}</${element}>\n`
      cases += `    </testcase>\n`
    }
    for (const s of result.suppressed) {
      const d = s.diagnostic
      const reason = s.reason ? `suppressed inline: ${s.reason}` : 'suppressed inline'
      cases += `    <testcase${attributes({classname: file, name: `${d.ruleId} at ${whereOf(d)}`, file, ...(d.location ? {} : {line: d.range.start.line}), time: 0})}>\n`
      cases += `      <skipped${attributes({message: reason})}/>\n`
      cases += `    </testcase>\n`
    }
    let suiteTests = result.diagnostics.length + result.suppressed.length
    if (result.diagnostics.length === 0) {
      cases += `    <testcase${attributes({classname: file, name: 'no findings', file, time: 0})}/>\n`
      suiteTests++
    }
    tests += suiteTests
    failures += suiteFailures
    errors += suiteErrors
    skipped += result.suppressed.length
    body += `  <testsuite${attributes({name: file, tests: suiteTests, failures: suiteFailures, errors: suiteErrors, skipped: result.suppressed.length, time: 0})}>\n${cases}  </testsuite>\n`
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attributes({name: 'apology-lint', tests, failures, errors, skipped, time: 0})}>\n${body}</testsuites>\n`
}
