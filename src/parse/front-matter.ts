/**
 * YAML front matter at the top of a Markdown email (`---`, `key: value`
 * lines, `---`), as newsletter tools and static-site generators write the
 * subject, sender and preview text. Only top-level `key: value` scalars are
 * read (plain, or in matching quotes without escapes); lists, nesting and
 * other YAML are skipped, since no field this linter needs takes them. The
 * block is never body text.
 */
import {TextBuilder, type Header} from '../document.js'

/** Longest front matter looked for: a closing `---` further down is not front matter. */
const MAX_FRONT_MATTER = 64 * 1024

/** A front matter block: where it ends in the source, and its scalar fields by lower-cased key. */
export interface FrontMatter {
  /** Offset just past the closing `---` line (its line break included). */
  end: number
  fields: Map<string, Header>
}

/**
 * The front matter at the start of `source`, or undefined. Linear: one pass
 * over the lines up to the closing delimiter.
 */
export function readFrontMatter(source: string): FrontMatter | undefined {
  let pos = source.charCodeAt(0) === 0xfeff ? 1 : 0
  const first = lineAt(source, pos)
  if (source.slice(pos, first.contentEnd).trimEnd() !== '---' || first.next >= source.length) return undefined
  const fields = new Map<string, Header>()
  pos = first.next
  while (pos < source.length && pos <= MAX_FRONT_MATTER) {
    const line = lineAt(source, pos)
    const text = source.slice(pos, line.contentEnd)
    const trimmed = text.trimEnd()
    if (trimmed === '---' || trimmed === '...') return {end: line.next, fields}
    readField(source, pos, line.contentEnd, fields)
    pos = line.next
  }
  return undefined
}

/** The end of the line's content (before `\r\n` or `\n`) and the start of the next line. */
function lineAt(source: string, pos: number): {contentEnd: number; next: number} {
  let nl = source.indexOf('\n', pos)
  if (nl < 0) nl = source.length
  const contentEnd = nl > pos && source.charCodeAt(nl - 1) === 13 ? nl - 1 : nl
  return {contentEnd, next: Math.min(source.length, nl + 1)}
}

/** Reads a `key: value` line of top-level scalars into `fields`; anything else is skipped. */
function readField(source: string, start: number, end: number, fields: Map<string, Header>): void {
  const first = source.charCodeAt(start)
  // Indented lines belong to a nested value; `#` starts a comment; `-` a list item.
  if (first === 32 || first === 9 || first === 35 || first === 45) return
  const colon = source.indexOf(':', start)
  if (colon < 0 || colon >= end) return
  const key = source.slice(start, colon).trim().toLowerCase()
  if (!/^[a-z][\w-]*$/.test(key)) return
  let valueStart = colon + 1
  while (valueStart < end && (source.charCodeAt(valueStart) === 32 || source.charCodeAt(valueStart) === 9)) valueStart++
  let valueEnd = end
  while (valueEnd > valueStart && (source.charCodeAt(valueEnd - 1) === 32 || source.charCodeAt(valueEnd - 1) === 9)) valueEnd--
  if (valueEnd <= valueStart) return
  const open = source.charCodeAt(valueStart)
  if (open === 34 || open === 39) {
    // A quoted scalar: the text inside the quotes, when it holds no escape to decode.
    if (valueEnd - valueStart < 2 || source.charCodeAt(valueEnd - 1) !== open) return
    const inner = source.slice(valueStart + 1, valueEnd - 1)
    if ((open === 34 && inner.includes('\\')) || (open === 39 && inner.includes("'"))) return
    valueStart++
    valueEnd--
  } else {
    // A plain scalar ends before a comment; flow collections and block scalars are not read.
    if (open === 91 || open === 123 || open === 124 || open === 62 || open === 38 || open === 42) return
    const comment = source.indexOf(' #', valueStart)
    if (comment >= 0 && comment < valueEnd) valueEnd = comment
    while (valueEnd > valueStart && source.charCodeAt(valueEnd - 1) === 32) valueEnd--
  }
  if (valueEnd <= valueStart || fields.has(key)) return
  const value = source.slice(valueStart, valueEnd)
  const builder = new TextBuilder()
  builder.appendVerbatim(value, valueStart)
  fields.set(key, {name: key, value, map: builder.finish(), sourceStart: valueStart, sourceEnd: valueEnd})
}

/**
 * `source` with the front matter's characters replaced by spaces (line
 * breaks kept), so that the Markdown parser reads no body text there and
 * every offset after it stays where it was.
 */
export function blankFrontMatter(source: string, end: number): string {
  let out = ''
  let from = 0
  for (let i = 0; i < end; i++) {
    const c = source.charCodeAt(i)
    if (c === 10 || c === 13) {
      out += ' '.repeat(i - from) + source[i]
      from = i + 1
    }
  }
  out += ' '.repeat(end - from)
  return out + source.slice(end)
}

/**
 * Header names of a draft's pasted headers ("Subject: …", "Temat: …"), with
 * the role each plays; a name may be two words ("Reply-To", "Odpowiedz do").
 */
const PASTED_NAMES: Record<string, string> = {
  from: 'from',
  sender: 'from',
  od: 'from',
  nadawca: 'from',
  'reply-to': 'reply-to',
  'odpowiedz do': 'reply-to',
  to: 'to',
  do: 'to',
  odbiorca: 'to',
  cc: 'cc',
  dw: 'cc',
  bcc: 'bcc',
  udw: 'bcc',
  subject: 'subject',
  temat: 'subject',
  date: 'date',
  sent: 'date',
  data: 'date',
  wysłano: 'date',
}

/** True for the name of a header a draft's pasted headers may hold ("Subject", "temat", "Reply-To"), any case. */
export function isPastedHeaderName(name: string): boolean {
  return Object.hasOwn(PASTED_NAMES, name.trim().toLowerCase())
}

/** Most header lines read at the top of a draft. */
const MAX_PASTED_LINES = 12

/**
 * Headers pasted at the top of a plain-text or Markdown draft, the way mail
 * clients print a message ("From: …", "Subject: …" or "Od: …", "Temat: …"),
 * up to the first blank line: at least two lines, every one a known header,
 * one of them the subject or the sender. Read like front matter (the fields by
 * role: `subject`, `from`, `reply-to`, `to`, `date`, …), or undefined.
 */
export function readPastedHeaders(source: string): FrontMatter | undefined {
  let pos = source.charCodeAt(0) === 0xfeff ? 1 : 0
  const fields = new Map<string, Header>()
  let lines = 0
  while (pos < source.length && lines <= MAX_PASTED_LINES) {
    const line = lineAt(source, pos)
    if (source.slice(pos, line.contentEnd).trim() === '') break
    const colon = source.indexOf(':', pos)
    if (colon < 0 || colon >= line.contentEnd || colon - pos > 16) return undefined
    const name = source.slice(pos, colon)
    if (!isPastedHeaderName(name)) return undefined
    const role = PASTED_NAMES[name.trim().toLowerCase()]!
    let valueStart = colon + 1
    while (valueStart < line.contentEnd && (source.charCodeAt(valueStart) === 32 || source.charCodeAt(valueStart) === 9)) valueStart++
    let valueEnd = line.contentEnd
    while (valueEnd > valueStart && (source.charCodeAt(valueEnd - 1) === 32 || source.charCodeAt(valueEnd - 1) === 9)) valueEnd--
    if (valueEnd > valueStart && !fields.has(role)) {
      const value = source.slice(valueStart, valueEnd)
      const builder = new TextBuilder()
      builder.appendVerbatim(value, valueStart)
      fields.set(role, {name: role, value, map: builder.finish(), sourceStart: valueStart, sourceEnd: valueEnd})
    }
    lines++
    pos = line.next
  }
  if (lines < 2 || lines > MAX_PASTED_LINES || (!fields.has('subject') && !fields.has('from'))) return undefined
  return {end: pos, fields}
}
