/**
 * What `--fix` will and will not write: only safe suggestions, never inside
 * an encoded MIME body, never non-ASCII into a header, HTML escaped.
 */
import {describe, expect, it} from 'vitest'
import {applyFixes} from '../src/fix.js'
import {LineIndex} from '../src/document.js'
import {lint} from '../src/lint.js'
import type {Diagnostic} from '../src/rule.js'

function withSuggestion(source: string, start: number, end: number, replacement: string, safe = true): Diagnostic {
  const lines = new LineIndex(source)
  return {
    ruleId: 'test-rule',
    severity: 'warning',
    message: 'test',
    url: 'https://example.test',
    range: lines.range(start, end),
    suggestions: [{text: 'fix it', range: lines.range(start, end), replacement, safe}],
  }
}

const EML = [
  'From: Acme <noreply@acme.example>',
  'To: ana@customer.example',
  'Subject: Sorry',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'We are sorry about the wrong date.',
  '',
].join('\r\n')

describe('applyFixes', () => {
  it('never writes inside a MIME body, nor non-ASCII into a header; applies a safe ASCII header fix', async () => {
    const {document} = await lint(EML, {format: 'eml'})
    const body = EML.indexOf('wrong')
    const header = EML.indexOf('noreply')
    const outcome = applyFixes(
      EML,
      [withSuggestion(EML, body, body + 5, 'right'), withSuggestion(EML, header, header + 7, 'pomoc-ż'), withSuggestion(EML, header, header + 7, 'support')],
      document,
    )
    expect(outcome.skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/inside a MIME body/), expect.stringMatching(/non-ASCII/)])
    expect(outcome.output).toBe(EML.replace('noreply@', 'support@'))
  })

  it('applies only safe suggestions, and escapes replacements in HTML', async () => {
    const html = '<p>Sorry about the wrong date.</p>'
    const {document} = await lint(html, {format: 'html'})
    const at = html.indexOf('wrong')
    const unsafe = applyFixes(html, [withSuggestion(html, at, at + 5, 'right', false)], document)
    expect(unsafe.output).toBe(html)
    const escaped = applyFixes(html, [withSuggestion(html, at, at + 5, '<img src=x onerror=alert(1)>')], document)
    expect(escaped.output).toBe('<p>Sorry about the &lt;img src=x onerror=alert(1)&gt; date.</p>')
  })
})
