import {describe, expect, it} from 'vitest'
import {lint, lintSync} from '../src/index.js'
import {diagnosticSchema} from '../src/rule.js'

function fatalMessage(result: {diagnostics: {ruleId: string; fatal?: boolean; message: string}[]}): string | undefined {
  const d = result.diagnostics.find((x) => x.fatal)
  return d ? `${d.ruleId}: ${d.message}` : undefined
}

describe('bad input', () => {
  it('empty or blank input is a parse error, not a crash', async () => {
    expect(fatalMessage(await lint(''))).toMatch(/^parse-error: .*empty/)
    expect(fatalMessage(lintSync(' \n\t\n', {format: 'text'}))).toMatch(/empty/)
  })

  it('binary data is a parse error', async () => {
    const bytes = String.fromCharCode(...Array.from({length: 400}, (_, i) => (i * 7919) % 256))
    expect(fatalMessage(await lint(bytes, {filename: 'x.eml'}))).toMatch(/binary/)
  })

  it('input over maxBytes is a parse error naming the limit', async () => {
    const result = await lint(`<p>${'a '.repeat(600)}</p>`, {maxBytes: 1000})
    expect(fatalMessage(result)).toMatch(/maxBytes \(1000 bytes\)/)
  })

  it('malformed HTML is read as browsers would, without errors', () => {
    const result = lintSync('<p>We are <b>sorry<p>The link <a href="x">was wrong</i></table></div>', {format: 'html'})
    expect(fatalMessage(result)).toBeUndefined()
    for (const d of result.diagnostics) expect(diagnosticSchema.safeParse(d).success).toBe(true)
  })

  it('truncated MIME is read as far as it goes', async () => {
    const eml = [
      'From: Acme <support@acme.example>',
      'Subject: Correction: wrong link',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'We are sorry: the link in this morning',
    ].join('\r\n')
    const result = await lint(eml, {filename: 'x.eml'})
    expect(fatalMessage(result)).toBeUndefined()
    expect(result.format).toBe('eml')
  })

  it('an unknown charset does not lose the message', async () => {
    const eml = [
      'From: Acme <support@acme.example>',
      'Subject: Correction: wrong link',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=x-klingon-9',
      '',
      "We are sorry: the link in this morning's email was wrong. Please do not reply.",
    ].join('\n')
    const result = await lint(eml, {filename: 'x.eml', rules: {'no-reply-sender': 'error'}})
    expect(fatalMessage(result)).toBeUndefined()
    expect(result.diagnostics.some((d) => d.ruleId === 'no-reply-sender')).toBe(true)
  })

  it('lintSync refuses .eml with a clear error', () => {
    expect(fatalMessage(lintSync('From: a@b.example\nSubject: x\n\nbody', {format: 'eml'}))).toMatch(/use lint\(\)/)
  })
})

describe('file names and languages that are Object.prototype keys', () => {
  it('a file ending in .constructor or .__proto__ has no format of its own: its content decides', async () => {
    for (const filename of ['note.constructor', 'note.__proto__', 'note.toString']) {
      const result = await lint('We are sorry. The price in our email was wrong.', {filename})
      expect(fatalMessage(result), filename).toBeUndefined()
      expect(result.document?.format, filename).toBe('text')
    }
  })
})

describe('hostile Markdown', () => {
  it('reads emphasis-dense input as plain text instead of parsing it quadratically', async () => {
    const result = await lint(`${'*'.repeat(20000)}a${'*'.repeat(20000)}`, {format: 'markdown'})
    expect(result.notes.join(' ')).toMatch(/plain text/)
    const normal = await lint('We are **sorry**: the link in *yesterday’s* email was wrong.', {format: 'markdown'})
    expect(normal.notes).toEqual([])
  })
})
