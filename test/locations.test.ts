/**
 * Findings in a subject or sender given by option (not in the source) say so
 * with `location`, keep an empty range at offset 0, and carry no edits.
 */
import {describe, expect, it} from 'vitest'
import {lint, lintSync} from '../src/index.js'
import {diagnosticSchema} from '../src/rule.js'
import {formatStylish} from '../src/format/stylish.js'

const body = "<p>We are sorry: the link in this morning's email pointed to last year's timetable. The right one is at https://acme.example/timetable.</p>"

describe('findings outside the source', () => {
  it('mark a subject given by option, with the flagged text and no range in the body', () => {
    const result = lintSync(body, {format: 'html', subject: 'Oops!!', from: 'Acme <support@acme.example>'})
    const subject = result.diagnostics.filter((d) => d.location === 'subject')
    expect(subject.map((d) => d.ruleId).sort()).toEqual(['humour', 'humour', 'unclear-subject'])
    for (const d of subject) {
      expect(d.range.start.offset).toBe(0)
      expect(d.range.end.offset).toBe(0)
      expect(d.suggestions).toBeUndefined()
      expect(diagnosticSchema.safeParse(d).success).toBe(true)
    }
    expect(subject.find((d) => d.ruleId === 'humour' && d.actual === 'Oops')).toBeDefined()
  })

  it('mark a From address given by option', () => {
    const result = lintSync(body, {format: 'html', from: 'Acme <noreply@acme.example>'})
    const sender = result.diagnostics.find((d) => d.ruleId === 'no-reply-sender')!
    expect(sender.location).toBe('from')
    expect(sender.range.start.offset).toBe(0)
    expect(sender.range.end.offset).toBe(0)
  })

  it('leave findings in a real Subject header at their place in the source', async () => {
    const eml =
      "From: Acme <support@acme.example>\r\nSubject: Oops!!\r\nContent-Type: text/plain\r\n\r\nWe are sorry: the link in this morning's email pointed to last year's timetable.\r\n"
    const result = await lint(eml, {filename: 'x.eml'})
    const humour = result.diagnostics.find((d) => d.ruleId === 'humour' && d.actual === 'Oops')!
    expect(humour.location).toBeUndefined()
    expect(eml.slice(humour.range.start.offset, humour.range.end.offset)).toBe('Oops')
  })

  it('are shown by their header in the stylish output, not as 1:1', () => {
    const result = lintSync(body, {format: 'html', subject: 'Oops!!', from: 'Acme <noreply@acme.example>'})
    const out = formatStylish([{...result, filePath: '/tmp/x.html'}], {color: false})
    expect(out).toMatch(/^ {2}subject +warning +.*humour$/m)
    expect(out).toMatch(/^ {2}From +error +.*no-reply-sender$/m)
    expect(out).not.toMatch(/^ {2}1:1 .*(humour|no-reply-sender)$/m)
  })
})

describe('findings in a base64 (B-encoded) subject', () => {
  it('point at the 4-character groups holding the flagged text, not the whole encoded word', async () => {
    const subjectText = 'Wrong date in our reminder, oops: the walk is on Friday'
    const encoded = btoa(subjectText)
    const eml = `MIME-Version: 1.0\r\nFrom: Acme <support@acme.example>\r\nSubject: =?UTF-8?B?${encoded}?=\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nWe are sorry: the reminder gave the wrong date for the night walk. It is on Friday at 19:30.\r\n`
    const result = await lint(eml, {filename: 'x.eml'})
    const oops = result.diagnostics.find((d) => d.ruleId === 'humour' && d.actual === 'oops')!
    expect(oops.location).toBeUndefined()
    const start = eml.indexOf(encoded)
    const raw = eml.slice(oops.range.start.offset, oops.range.end.offset)
    expect(oops.range.start.offset).toBeGreaterThanOrEqual(start)
    expect(oops.range.end.offset).toBeLessThanOrEqual(start + encoded.length)
    expect((oops.range.start.offset - start) % 4).toBe(0)
    expect(raw.length).toBeLessThanOrEqual(8)
    expect(atob(raw)).toContain('oops')
  })
})
