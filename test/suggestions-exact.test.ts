/**
 * A quick fix must edit exactly the decoded text it is about: no suggestion
 * where its range does not map to it (a base64 part, where every position is
 * the part's start; quoted-printable escapes inside the range).
 */
import {describe, expect, it} from 'vitest'
import {lint} from '../src/lint.js'

// Our own sentences: an evasive apology with a minimiser the rule offers to remove.
const BODY =
  '<p>Hi Marta,</p><p>Out of an abundance of caution we are writing about the invoice we sent you on Monday: the total was wrong.</p><p>The corrected invoice is attached. Reply to this email with any questions.</p>'

function eml(encoding: 'base64' | '8bit' | 'quoted-printable', body: string): string {
  const encoded = encoding === 'base64' ? Buffer.from(body).toString('base64').replace(/.{76}/g, '$&\r\n') : body
  return [
    'From: Acme Billing <billing@acme.example>',
    'To: marta@customer.example',
    'Subject: The total on your invoice',
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    `Content-Transfer-Encoding: ${encoding}`,
    '',
    encoded,
    '',
  ].join('\r\n')
}

function suggestionsOf(result: Awaited<ReturnType<typeof lint>>): {rule: string; raw: string; actual?: string}[] {
  return result.diagnostics.flatMap((d) =>
    (d.suggestions ?? []).map((s) => ({
      rule: d.ruleId,
      raw: result.source.slice(s.range.start.offset, s.range.end.offset),
      ...(d.actual !== undefined ? {actual: d.actual} : {}),
    })),
  )
}

describe('suggestions map exactly to decoded text', () => {
  it('a plain 8bit part gets its suggestion, over the flagged words', async () => {
    const result = await lint(eml('8bit', BODY), {format: 'eml'})
    const evasive = suggestionsOf(result).filter((s) => s.rule === 'evasive-wording')
    expect(evasive.length).toBeGreaterThan(0)
    for (const s of evasive) expect(s.raw).not.toBe('')
  })

  it('a base64 part gets the finding but no suggestion (it would insert plain text into base64 data)', async () => {
    const result = await lint(eml('base64', BODY), {format: 'eml'})
    expect(result.diagnostics.some((d) => d.ruleId === 'evasive-wording')).toBe(true)
    expect(suggestionsOf(result)).toEqual([])
  })

  it('a quoted-printable part offers no suggestion whose range holds escapes or soft breaks', async () => {
    const qp = BODY.replace('abundance of caution', 'abundance=\r\n of caution')
    const result = await lint(eml('quoted-printable', qp), {format: 'eml'})
    expect(result.diagnostics.some((d) => d.ruleId === 'evasive-wording')).toBe(true)
    for (const s of suggestionsOf(result)) expect(s.raw).not.toContain('=\r\n')
  })
})
