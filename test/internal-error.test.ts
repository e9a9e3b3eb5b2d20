/**
 * A bug while reading an email is an `internal-error` finding, never a
 * `parse-error` blaming the input ("this is not MIME"), and never a thrown
 * exception for the caller of `lint`.
 */
import {describe, expect, it, vi} from 'vitest'

vi.mock('../src/parse/html.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/parse/html.js')>()
  return {
    ...real,
    parseHtml: (...args: Parameters<typeof real.parseHtml>) => {
      if (args[0].includes('TRIGGER-PARSER-BUG')) throw new TypeError('simulated parser bug')
      return real.parseHtml(...args)
    },
  }
})

const {lint, lintSync} = await import('../src/lint.js')

const EML = [
  'From: Acme Support <support@acme.example>',
  'Subject: About your order',
  'MIME-Version: 1.0',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>TRIGGER-PARSER-BUG: we are sorry the price was wrong.</p>',
  '',
].join('\r\n')

describe('internal errors while reading an email', () => {
  it('a crash inside the MIME parsing of an .eml is an internal-error, not "cannot read as MIME"', async () => {
    const result = await lint(EML, {format: 'eml'})
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity, d.fatal])).toEqual([['internal-error', 'error', true]])
    const message = result.diagnostics[0]!.message
    expect(message).toContain('TypeError: simulated parser bug')
    expect(message).toContain('bug in apology-lint')
    expect(message).not.toMatch(/MIME/)
  })

  it('the same for HTML, sync and async', async () => {
    const html = '<p>TRIGGER-PARSER-BUG</p>'
    expect((await lint(html, {format: 'html'})).diagnostics.map((d) => d.ruleId)).toEqual(['internal-error'])
    expect(lintSync(html, {format: 'html'}).diagnostics.map((d) => d.ruleId)).toEqual(['internal-error'])
  })

  it('input that is not MIME is still a parse-error', async () => {
    const result = await lint('this line is not a header\r\nnor this one\r\n', {format: 'eml'})
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['parse-error'])
    expect(result.diagnostics[0]!.message).toContain('Cannot read this message as MIME')
  })

  it('throwOnRuleError lets the crash through, for tests', async () => {
    await expect(lint(EML, {format: 'eml', throwOnRuleError: true})).rejects.toThrow('simulated parser bug')
  })
})
