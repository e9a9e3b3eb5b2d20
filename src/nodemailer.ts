/**
 * A pre-send guard: lint an apology email the moment a Node mailer is about to
 * send it, and refuse to send it when it has errors.
 *
 * `apologyGuard()` is a nodemailer plugin for the `stream` step: it lints the
 * MIME message nodemailer built (headers, both parts, encodings: what the
 * recipients get), and then hands the transport exactly the bytes it linted.
 * `assertSendable()` does the same for any mailer, from raw MIME or from the
 * usual `{from, to, subject, html, text}` fields.
 *
 * No Node API is used here (bytes are `Uint8Array`); nodemailer is an optional
 * peer dependency and is never imported: the plugin only calls the `build` and
 * `setRaw` methods of the message nodemailer passes in.
 *
 * @example
 * import nodemailer from 'nodemailer'
 * import {apologyGuard} from 'apology-lint/nodemailer'
 *
 * const transporter = nodemailer.createTransport({host: 'smtp.example.com', port: 587})
 * transporter.use('stream', apologyGuard({config: {extends: 'recommended'}}))
 * await transporter.sendMail(apology) // rejects with UnsendableError when the apology has errors
 */
import {lint, type LintOptions, type LintResult} from './lint.js'
import type {Diagnostic} from './rule.js'

/** When to refuse a message. */
export interface GuardOptions extends Omit<LintOptions, 'format' | 'filename' | 'throwOnRuleError'> {
  /**
   * Refuse when there are more warnings than this (like `--max-warnings`).
   * Left out, only errors refuse a message.
   */
  maxWarnings?: number
  /** Never refuse: lint, call `onReport`, and send. */
  reportOnly?: boolean
  /**
   * Called with every result (clean or not) before the decision; awaited. Use it
   * to log findings, or with `reportOnly` to collect them without blocking mail.
   */
  onReport?: (result: LintResult, message: {subject?: string}) => void | Promise<void>
}

/** Thrown (or passed to nodemailer's callback) when a message must not be sent. */
export class UnsendableError extends Error {
  override readonly name = 'UnsendableError'
  /** Lets mailer code tell this refusal from a transport error. */
  readonly code = 'EAPOLOGYLINT'
  /** The findings that decided it, errors first. */
  readonly diagnostics: Diagnostic[]
  readonly result: LintResult

  constructor(result: LintResult, reason: string, subject?: string) {
    super(describe(result, reason, subject))
    this.result = result
    const rank = {error: 0, warning: 1, info: 2}
    this.diagnostics = [...result.diagnostics].sort((a, b) => rank[a.severity] - rank[b.severity])
  }
}

/** A mailbox as mailers write it: `"Name <a@b>"`, `{name, address}`, or a list of them. */
export type AddressField = string | {name?: string; address: string} | readonly (string | {name?: string; address: string})[]

/** The fields most mailers take (nodemailer's names). Strings only: build streamed content first. */
export interface MessageFields {
  from?: AddressField
  to?: AddressField
  cc?: AddressField
  replyTo?: AddressField
  subject?: string
  html?: string | Uint8Array
  text?: string | Uint8Array
  /** Extra headers, e.g. `{'List-Unsubscribe': '<https://…>'}`. */
  headers?: Record<string, string>
}

/**
 * Lints a message and throws {@link UnsendableError} when it must not be sent.
 * Returns the result when it may go.
 *
 * @example
 * await assertSendable({from: 'Acme Support <support@acme.example>', subject, html, text})
 * await mailer.send(...)
 */
export async function assertSendable(message: string | Uint8Array | MessageFields, options: GuardOptions = {}): Promise<LintResult> {
  const raw = typeof message === 'string' ? message : message instanceof Uint8Array ? decode(message) : composeMime(message)
  const subject = typeof message === 'object' && !(message instanceof Uint8Array) ? message.subject : undefined
  return check(raw, options, subject)
}

/** The part of nodemailer's MimeNode the plugin uses (its public methods). */
interface NodemailerNode {
  build(callback: (error: Error | null, message: Uint8Array) => void): unknown
  /** Takes a Buffer; `never` keeps this type compatible with nodemailer's own without importing it. */
  setRaw(raw: never): NodemailerNode
  getEnvelope(): object
  setEnvelope(envelope: never): unknown
  messageId(): string
  setHeader(key: string, value: string): unknown
}

/** The part of nodemailer's mail object the plugin uses. */
interface NodemailerMail {
  data?: {subject?: unknown}
  message: NodemailerNode
}

/**
 * A nodemailer plugin for the `stream` step: `transporter.use('stream', apologyGuard(options))`.
 * It builds the message, lints it, refuses it (the `sendMail` promise rejects with
 * {@link UnsendableError}, nothing reaches the transport) or sends exactly the bytes it linted.
 */
export function apologyGuard(options: GuardOptions = {}): (mail: NodemailerMail, callback: (error?: Error | null) => void) => void {
  return (mail, callback) => {
    mail.message.build((error, built) => {
      if (error) return callback(error)
      const subject = typeof mail.data?.subject === 'string' ? mail.data.subject : undefined
      check(decode(built), options, subject).then(
        () => {
          // Send exactly what was linted, as nodemailer sends a `raw` message: building the tree a
          // second time could differ, and streamed attachments can be read only once.
          const tree = mail.message
          const Node = tree.constructor as new (contentType: string) => NodemailerNode
          const raw = new Node('message/rfc822').setRaw(built as never)
          raw.setEnvelope(tree.getEnvelope() as never)
          raw.setHeader('Message-ID', tree.messageId())
          mail.message = raw
          callback()
        },
        (refusal: unknown) => callback(refusal instanceof Error ? refusal : new Error(String(refusal))),
      )
    })
  }
}

async function check(raw: string, options: GuardOptions, subject: string | undefined): Promise<LintResult> {
  const {maxWarnings, reportOnly, onReport, ...lintOptions} = options
  const result = await lint(raw, {...lintOptions, format: 'eml'})
  const about = subject === undefined ? {} : {subject}
  if (onReport) await onReport(result, about)
  if (reportOnly) return result
  if (result.errorCount > 0) throw new UnsendableError(result, plural(result.errorCount, 'error'), subject)
  if (maxWarnings !== undefined && maxWarnings >= 0 && result.warningCount > maxWarnings) {
    throw new UnsendableError(result, `${plural(result.warningCount, 'warning')} (more than ${maxWarnings} allowed)`, subject)
  }
  return result
}

const LISTED = 20

function describe(result: LintResult, reason: string, subject: string | undefined): string {
  const what = subject === undefined ? 'this email' : JSON.stringify(subject)
  const lines = [`apology-lint: not sending ${what}: ${reason}.`]
  const rank = {error: 0, warning: 1, info: 2}
  const shown = [...result.diagnostics].sort((a, b) => rank[a.severity] - rank[b.severity]).slice(0, LISTED)
  for (const d of shown) lines.push(`  ${d.severity.padEnd(7)} ${d.ruleId}: ${d.message}`)
  if (result.diagnostics.length > LISTED) lines.push(`  … and ${result.diagnostics.length - LISTED} more`)
  return lines.join('\n')
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes)
}

function text(value: string | Uint8Array): string {
  return typeof value === 'string' ? value : decode(value)
}

function addresses(field: AddressField): string {
  const list = typeof field === 'string' || !Array.isArray(field) ? [field as string | {name?: string; address: string}] : field
  return list.map((a) => (typeof a === 'string' ? a : a.name ? `${JSON.stringify(a.name)} <${a.address}>` : a.address)).join(', ')
}

/** No line breaks inside a header value (a field could otherwise inject headers). */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ')
}

/**
 * Writes the fields as one MIME message (UTF-8 headers and 8-bit bodies, as RFC 6532
 * allows), so that the same rules run as on an `.eml`: both parts, headers and all.
 */
export function composeMime(fields: MessageFields): string {
  for (const key of ['html', 'text'] as const) {
    const value: unknown = fields[key]
    if (value !== undefined && typeof value !== 'string' && !(value instanceof Uint8Array)) {
      throw new TypeError(`assertSendable: ${key} must be a string or bytes; for streamed content use the nodemailer plugin, which lints the built message.`)
    }
  }
  const head: string[] = []
  if (fields.from) head.push(`From: ${oneLine(addresses(fields.from))}`)
  if (fields.to) head.push(`To: ${oneLine(addresses(fields.to))}`)
  if (fields.cc) head.push(`Cc: ${oneLine(addresses(fields.cc))}`)
  if (fields.replyTo) head.push(`Reply-To: ${oneLine(addresses(fields.replyTo))}`)
  if (fields.subject !== undefined) head.push(`Subject: ${oneLine(fields.subject)}`)
  for (const [name, value] of Object.entries(fields.headers ?? {})) {
    if (/^[!-9;-~]+$/.test(name)) head.push(`${name}: ${oneLine(value)}`)
  }
  head.push('MIME-Version: 1.0')
  const part = (type: 'plain' | 'html', body: string): string[] => [`Content-Type: text/${type}; charset=utf-8`, 'Content-Transfer-Encoding: 8bit', '', body]
  const html = fields.html === undefined ? undefined : text(fields.html)
  const plain = fields.text === undefined ? undefined : text(fields.text)
  if (html !== undefined && plain !== undefined) {
    let boundary = 'apology-lint-alternative'
    while (html.includes(boundary) || plain.includes(boundary)) boundary += '-x'
    head.push(`Content-Type: multipart/alternative; boundary="${boundary}"`, '')
    const body = [`--${boundary}`, ...part('plain', plain), `--${boundary}`, ...part('html', html), `--${boundary}--`, '']
    return [...head, ...body].join('\r\n')
  }
  return [...head, ...part(html === undefined ? 'plain' : 'html', html ?? plain ?? '')].join('\r\n')
}
