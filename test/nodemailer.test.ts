/**
 * The pre-send guard, end to end: nodemailer sends through a real SMTP server
 * (smtp-server, in-process). A bad apology is refused before it reaches the
 * server; a good one arrives byte for byte as nodemailer built it.
 */
import {once} from 'node:events'
import type {AddressInfo} from 'node:net'
import nodemailer from 'nodemailer'
import {SMTPServer} from 'smtp-server'
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest'
import {apologyGuard, assertSendable, composeMime, UnsendableError} from '../src/nodemailer.js'
import {lint, type LintResult} from '../src/lint.js'

const received: Buffer[] = []
let server: SMTPServer
let port = 0

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push(Buffer.concat(chunks))
        callback()
      })
    },
  })
  server.listen(0, '127.0.0.1')
  await once(server.server, 'listening')
  port = (server.server.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

beforeEach(() => {
  received.length = 0
})

function transport() {
  return nodemailer.createTransport({host: '127.0.0.1', port, secure: false, ignoreTLS: true})
}

const GOOD_HTML = `<!doctype html>
<html lang="en"><body>
<table role="presentation" width="100%"><tr><td><img src="https://tidewell.example/logo.png" alt="Tidewell Ferries" width="140"></td></tr></table>
<p>Dear passenger,</p>
<p>We're sorry: the timetable in yesterday's email showed the 07:40 sailing from Oban, but that sailing does not run on Sundays.</p>
<p>The first Sunday sailing leaves at 09:15. If you booked the 07:40 for a Sunday, you do not need to do anything: we have moved your booking to 09:15 and emailed you a new ticket.</p>
<p>If 09:15 does not suit you, reply to this email or call us on 0141 555 0123 and we will refund you in full.</p>
<p>Alasdair Reid<br>Customer care, Tidewell Ferries</p>
<p style="font-size:12px">Tidewell Ferries Ltd, 4 Harbour Road, Oban PA34 4AB. <a href="https://tidewell.example/preferences">Email preferences</a> · <a href="https://tidewell.example/unsubscribe">Unsubscribe</a></p>
</body></html>`

const GOOD_TEXT = `Dear passenger,

We're sorry: the timetable in yesterday's email showed the 07:40 sailing from Oban, but that sailing does not run on Sundays.

The first Sunday sailing leaves at 09:15. If you booked the 07:40 for a Sunday, you do not need to do anything: we have moved your booking to 09:15 and emailed you a new ticket.

If 09:15 does not suit you, reply to this email or call us on 0141 555 0123 and we will refund you in full.

Alasdair Reid
Customer care, Tidewell Ferries

Tidewell Ferries Ltd, 4 Harbour Road, Oban PA34 4AB.
Unsubscribe: https://tidewell.example/unsubscribe
`

const GOOD = {
  from: 'Tidewell Ferries <care@tidewell.example>',
  to: 'passenger@mail.example',
  subject: "Correction: wrong Sunday sailing time in yesterday's timetable email",
  html: GOOD_HTML,
  text: GOOD_TEXT,
  headers: {'List-Unsubscribe': '<https://tidewell.example/unsubscribe>'},
}

const BAD = {
  from: 'Tidewell Ferries <noreply@tidewell.example>',
  to: 'passenger@mail.example',
  subject: 'Oops!',
  html: '<p>Oops! Our timetable had a little glitch 🙈 Some sailings may have been affected. Please do not reply to this email.</p>',
  text: 'Oops! Our timetable had a little glitch. Some sailings may have been affected. Please do not reply to this email.',
}

describe('apologyGuard (nodemailer plugin)', () => {
  it('refuses a bad apology: sendMail rejects with the diagnostics and nothing reaches the server', async () => {
    const transporter = transport()
    transporter.use('stream', apologyGuard())
    const error = await transporter.sendMail(BAD).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(UnsendableError)
    const refusal = error as UnsendableError
    expect(refusal.code).toBe('EAPOLOGYLINT')
    const ids = refusal.diagnostics.map((d) => d.ruleId)
    expect(ids).toContain('no-reply-sender')
    expect(ids).toContain('missing-apology')
    expect(refusal.diagnostics[0]!.severity).toBe('error')
    // The message names the email and lists each finding with its rule.
    expect(refusal.message).toContain('not sending "Oops!"')
    for (const d of refusal.result.diagnostics.slice(0, 20)) expect(refusal.message).toContain(`${d.ruleId}: ${d.message}`)
    expect(received).toEqual([])
  })

  it('sends a good apology byte for byte as nodemailer built it', async () => {
    const transporter = transport()
    let built: Buffer | undefined
    // A plugin ahead of the guard records nodemailer's own build of the message.
    transporter.use('stream', (mail, callback) => {
      mail.message.build((error, message) => {
        built = message
        callback(error)
      })
    })
    const reports: LintResult[] = []
    transporter.use('stream', apologyGuard({onReport: (result) => void reports.push(result)}))
    const info = await transporter.sendMail({...GOOD, bcc: 'archive@tidewell.example', attachments: [{filename: 'ticket.txt', content: 'Ticket 0915-OBN'}]})
    // The envelope and the Message-ID survive the hand-over: Bcc is delivered, and not written in the message.
    expect(info.accepted).toEqual(['passenger@mail.example', 'archive@tidewell.example'])
    expect(received[0]!.toString('latin1')).toContain(`Message-ID: ${info.messageId}`)
    expect(received[0]!.toString('latin1')).not.toContain('archive@tidewell.example')
    expect(received).toHaveLength(1)
    expect(built).toBeDefined()
    // SMTP carries every line ending as CRLF; nodemailer's SMTP client converts bare LFs of the build on the way.
    expect(received[0]!.toString('latin1')).toBe(built!.toString('latin1').replace(/\r?\n/g, '\r\n'))
    // The guard saw the built MIME: both parts and the attachment's headers.
    expect(reports).toHaveLength(1)
    expect(reports[0]!.format).toBe('eml')
    expect(reports[0]!.errorCount).toBe(0)
    expect(reports[0]!.source).toContain('ticket.txt')
  })

  it('changes no byte: the guarded message arrives exactly as the unguarded one', async () => {
    // Fixed date, Message-ID and boundary make two builds of the message comparable.
    const fixed = {...GOOD, date: new Date('2026-03-03T09:00:00Z'), messageId: '<sailing-0915@tidewell.example>', baseBoundary: 'tidewell'}
    await transport().sendMail(fixed)
    const guarded = transport()
    guarded.use('stream', apologyGuard())
    await guarded.sendMail(fixed)
    expect(received).toHaveLength(2)
    expect(received[1]!.toString('latin1')).toBe(received[0]!.toString('latin1'))
  })

  it('lints a raw message too (sendMail({raw, envelope}))', async () => {
    const built = await nodemailer.createTransport({streamTransport: true, buffer: true}).sendMail(GOOD)
    const raw = built.message as Buffer
    const transporter = transport()
    transporter.use('stream', apologyGuard())
    await transporter.sendMail({raw, envelope: {from: 'care@tidewell.example', to: ['passenger@mail.example']}})
    expect(received).toHaveLength(1)
    expect(received[0]!.toString('latin1')).toBe(raw.toString('latin1').replace(/\r?\n/g, '\r\n'))
    const bad = (await nodemailer.createTransport({streamTransport: true, buffer: true}).sendMail(BAD)).message as Buffer
    await expect(transporter.sendMail({raw: bad, envelope: {from: 'noreply@tidewell.example', to: ['passenger@mail.example']}})).rejects.toBeInstanceOf(
      UnsendableError,
    )
    expect(received).toHaveLength(1)
  })

  it('refuses on warnings above maxWarnings, like --max-warnings', async () => {
    // Good otherwise, but the sign-off jokes: a humour warning, no error.
    const joking = {
      ...GOOD,
      text: GOOD_TEXT.replace('Alasdair Reid', 'Our bad! Alasdair Reid'),
      html: GOOD_HTML.replace('<p>Alasdair Reid', '<p>Our bad! Alasdair Reid'),
    }
    const lenient = transport()
    lenient.use('stream', apologyGuard())
    await lenient.sendMail(joking)
    expect(received).toHaveLength(1)

    const strict = transport()
    strict.use('stream', apologyGuard({maxWarnings: 0}))
    const error = await strict.sendMail(joking).then(
      () => undefined,
      (e: unknown) => e as UnsendableError,
    )
    expect(error).toBeInstanceOf(UnsendableError)
    expect(error!.result.errorCount).toBe(0)
    expect(error!.diagnostics.map((d) => d.ruleId)).toContain('humour')
    expect(error!.message).toMatch(/more than 0 allowed/)
    expect(received).toHaveLength(1)
  })

  it('report-only sends anyway and hands the findings to the callback', async () => {
    const transporter = transport()
    const reports: {result: LintResult; subject?: string}[] = []
    transporter.use('stream', apologyGuard({reportOnly: true, onReport: (result, message) => void reports.push({result, ...message})}))
    await transporter.sendMail(BAD)
    expect(received).toHaveLength(1)
    expect(reports).toHaveLength(1)
    expect(reports[0]!.subject).toBe('Oops!')
    expect(reports[0]!.result.errorCount).toBeGreaterThan(0)
  })

  it('uses the lint options it is given (incident kind makes humour an error)', async () => {
    const joking = {
      ...GOOD,
      html: GOOD_HTML.replace('<p>Alasdair Reid', '<p>Our bad! Alasdair Reid'),
      text: GOOD_TEXT.replace('Alasdair Reid', 'Our bad! Alasdair Reid'),
    }
    const transporter = transport()
    transporter.use('stream', apologyGuard({incident: {kind: 'data-breach'}}))
    await expect(transporter.sendMail(joking)).rejects.toBeInstanceOf(UnsendableError)
    expect(received).toEqual([])
  })
})

describe('assertSendable (any mailer)', () => {
  it('throws for a bad apology given as fields, and returns the result for a good one', async () => {
    await expect(assertSendable(BAD)).rejects.toBeInstanceOf(UnsendableError)
    const result = await assertSendable(GOOD)
    expect(result.errorCount).toBe(0)
  })

  it('lints raw MIME (string or bytes) like the plugin', async () => {
    const built = await nodemailer.createTransport({streamTransport: true, buffer: true}).sendMail(BAD)
    const bytes = built.message as Buffer
    await expect(assertSendable(new Uint8Array(bytes))).rejects.toBeInstanceOf(UnsendableError)
    await expect(assertSendable(bytes.toString('utf8'))).rejects.toBeInstanceOf(UnsendableError)
  })

  it('composes both parts, so rules that compare them run', async () => {
    const mime = composeMime({...GOOD, text: 'Dear passenger,\n\nThe timetable changed.\n'})
    const result = await lint(mime, {format: 'eml'})
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('part-mismatch')
  })

  it('keeps header fields on one line', () => {
    const mime = composeMime({subject: 'Sorry\r\nBcc: everyone@mail.example', text: 'x'})
    expect(mime).not.toMatch(/^Bcc:/m)
  })

  it('rejects streamed content with a clear message', async () => {
    await expect(assertSendable({subject: 'x', html: {pipe() {}} as unknown as string})).rejects.toThrow(/nodemailer plugin/)
  })
})
