/**
 * Raw `.eml` (RFC 5322 + MIME) → decoded headers and body parts whose every
 * position points into the raw message.
 *
 * postal-mime is the authority for what the message says (decoded text,
 * addresses, encoded words), but it keeps no positions. So the structure is
 * also walked here, on the raw string: the header block, then each MIME part
 * found at its `--boundary` lines. The headers and the first HTML and
 * plain-text parts are decoded again with a {@link TextBuilder}, so that each
 * decoded character remembers the raw characters that encode it (`=C5=82` →
 * `ł`, six raw characters), and the body parsers run on the decoded text with
 * their maps chained to the part's map. Where the two decodings disagree, the
 * message is unusual: postal-mime's text wins and positions in it become
 * coarse (they point at the start of the header value or part), with a note.
 */
import PostalMime, {decodeWords, type Address as MimeAddress, type Email} from 'postal-mime'
import {ChainedMapper, PointMapper, TextBuilder, type Address, type Block, type Header, type PartKind, type SourceMapper} from '../document.js'
import {BASE64, decodeBase64} from './bytes.js'
import {EmlParseError} from './eml-error.js'
import {parseHtml} from './html.js'
import {collapsesEqual, collapseWhiteSpace, type ParsedBody, type ParsedEml, type ParsedPart} from './shared.js'
import {parseText} from './text.js'

/** Options for {@link parseEml}. */
export interface EmlParseOptions {
  /** Most MIME parts read before the message is rejected. */
  maxParts?: number
  /** Deepest multipart nesting read before the message is rejected. */
  maxDepth?: number
}

export {EmlParseError}

const DEFAULT_MAX_PARTS = 1000
const DEFAULT_MAX_DEPTH = 64

/** A header field name (printable ASCII without `:`) and its colon, tried only at a line start. */
const FIELD = /([!-9;-~]{1,200})[ \t]{0,20}:/y
/** One RFC 2047 encoded word; each part is bounded and the text cannot contain `?`, so matching stays linear. */
const ENCODED_WORD = /=\?([^?\s]{1,75})\?([QqBb])\?([^?]{0,10000})\?=/g
const UTF8 = new TextDecoder('utf-8', {ignoreBOM: true})

/** One line of the raw source: its content ends before `\r\n` or `\n`; `next` is the following line's start. */
interface Line {
  end: number
  next: number
}

function lineAt(source: string, pos: number, limit: number): Line {
  let nl = source.indexOf('\n', pos)
  if (nl === -1 || nl >= limit) nl = limit
  const end = nl > pos && source.charCodeAt(nl - 1) === 13 ? nl - 1 : nl
  return {end, next: Math.min(nl + 1, limit)}
}

/** A header field in the raw source: from its name to the end of its last continuation line. */
export interface RawField {
  name: string
  start: number
  colon: number
  end: number
}

interface HeaderBlock {
  fields: RawField[]
  bodyStart: number
  /** True when a blank line ended the header block. */
  terminated: boolean
  /** Lines in the header block that are neither a field nor a continuation (ignored, as postal-mime does). */
  junk: number
}

/**
 * Reads header fields from `start` up to the first empty line. Lines that are
 * not fields are skipped, as postal-mime skips them; but when no empty line
 * follows at all, the body is taken to start at the first such line.
 */
function readHeaderBlock(source: string, start: number, limit: number): HeaderBlock {
  const fields: RawField[] = []
  let pos = start
  let junk = 0
  let firstJunk = -1
  let fieldsBeforeJunk = 0
  let afterJunk = false
  while (pos < limit) {
    const line = lineAt(source, pos, limit)
    if (line.end === pos) return {fields, bodyStart: line.next, terminated: true, junk}
    const c = source.charCodeAt(pos)
    const last = fields[fields.length - 1]
    if (c === 32 || c === 9) {
      // A continuation line extends the field above it (or the junk line above it).
      if (last && !afterJunk) last.end = line.end
      pos = line.next
      continue
    }
    FIELD.lastIndex = pos
    const m = FIELD.exec(source)
    if (m && pos + m[0].length <= line.end) {
      fields.push({name: m[1]!, start: pos, colon: pos + m[0].length - 1, end: line.end})
      afterJunk = false
    } else {
      if (firstJunk < 0) {
        firstJunk = pos
        fieldsBeforeJunk = fields.length
      }
      junk++
      afterJunk = true
    }
    pos = line.next
  }
  if (firstJunk >= 0) return {fields: fields.slice(0, fieldsBeforeJunk), bodyStart: firstJunk, terminated: false, junk}
  return {fields, bodyStart: limit, terminated: false, junk}
}

/** A header value unfolded, for the structural headers that are not mapped. */
function rawValue(source: string, field: RawField): string {
  return source
    .slice(field.colon + 1, field.end)
    .replace(/[\r\n]+/g, ' ')
    .trim()
}

/** `text/html; charset="utf-8"` → the lower-case value and the parameters (first occurrence wins). */
function parseStructured(value: string): {value: string; params: Map<string, string>} {
  const params = new Map<string, string>()
  let i = value.indexOf(';')
  const head = (i === -1 ? value : value.slice(0, i)).trim().toLowerCase()
  while (i !== -1 && i < value.length) {
    i++
    const eq = value.indexOf('=', i)
    const semi = value.indexOf(';', i)
    if (eq === -1 || (semi !== -1 && semi < eq)) {
      i = semi
      continue
    }
    const name = value.slice(i, eq).trim().toLowerCase()
    let j = eq + 1
    while (j < value.length && (value[j] === ' ' || value[j] === '\t')) j++
    let param = ''
    if (value[j] === '"') {
      j++
      while (j < value.length && value[j] !== '"') {
        if (value[j] === '\\' && j + 1 < value.length) j++
        param += value[j]
        j++
      }
      i = value.indexOf(';', j)
    } else {
      const stop = value.indexOf(';', j)
      param = (stop === -1 ? value.slice(j) : value.slice(j, stop)).trim()
      i = stop
    }
    if (name && !params.has(name)) params.set(name, param)
  }
  return {value: head, params}
}

/** One MIME entity located in the raw source. */
interface Entity {
  depth: number
  bodyStart: number
  end: number
  type: string
  params: Map<string, string>
  encoding: string
  disposition: string
}

function entityFrom(source: string, block: HeaderBlock, end: number, depth: number): Entity {
  let contentType: string | undefined
  let encoding: string | undefined
  let disposition: string | undefined
  for (const field of block.fields) {
    const name = field.name.toLowerCase()
    if (name === 'content-type') contentType ??= rawValue(source, field)
    else if (name === 'content-transfer-encoding') encoding ??= rawValue(source, field)
    else if (name === 'content-disposition') disposition ??= rawValue(source, field)
  }
  const type = parseStructured(contentType ?? 'text/plain')
  return {
    depth,
    bodyStart: Math.min(block.bodyStart, end),
    end,
    type: type.value || 'text/plain',
    params: type.params,
    encoding: (/[\w-]+/.exec(encoding ?? '')?.[0] ?? '7bit').toLowerCase(),
    disposition: parseStructured(disposition ?? '').value,
  }
}

/**
 * Splits a multipart body at its `--boundary` lines. The line break before a
 * delimiter belongs to the delimiter, so a part ends before it.
 */
function splitMultipart(source: string, start: number, end: number, boundary: string, notes: string[]): [number, number][] {
  const delimiter = `--${boundary}`
  const ranges: [number, number][] = []
  let partStart = -1
  let closed = false
  let found = false
  let at = source.indexOf(delimiter, start)
  while (at !== -1 && at < end) {
    const afterName = at + delimiter.length
    const atLineStart = at === start || source.charCodeAt(at - 1) === 10
    if (atLineStart && afterName <= end) {
      let k = afterName
      const isClose = source.startsWith('--', k) && k + 2 <= end
      if (isClose) k += 2
      while (k < end && (source.charCodeAt(k) === 32 || source.charCodeAt(k) === 9)) k++
      const line = lineAt(source, k, end)
      // Only white space may follow the boundary on its line.
      if (line.end === k) {
        found = true
        if (partStart >= 0) {
          let partEnd = at
          if (partEnd > partStart && source.charCodeAt(partEnd - 1) === 10) partEnd--
          if (partEnd > partStart && source.charCodeAt(partEnd - 1) === 13) partEnd--
          ranges.push([partStart, Math.max(partStart, partEnd)])
        }
        if (isClose) {
          closed = true
          break
        }
        partStart = line.next
        at = source.indexOf(delimiter, line.next)
        continue
      }
    }
    at = source.indexOf(delimiter, afterName)
  }
  if (!found) {
    notes.push(`No "--${boundary}" boundary line was found in a multipart body; its parts were not read.`)
  } else if (!closed) {
    if (partStart >= 0) ranges.push([partStart, end])
    notes.push(`The multipart body with boundary "${boundary}" has no closing boundary: the message may be truncated; the parts that are there were read.`)
  }
  return ranges
}

/** Walks the MIME tree without recursion and returns its leaves in document order. */
function collectLeaves(source: string, root: Entity, options: Required<EmlParseOptions>, notes: string[]): Entity[] {
  const leaves: Entity[] = []
  const stack: Entity[] = [root]
  let count = 0
  while (stack.length > 0) {
    const entity = stack.pop()!
    if (!entity.type.startsWith('multipart/')) {
      leaves.push(entity)
      continue
    }
    const boundary = entity.params.get('boundary')
    if (!boundary) {
      notes.push(`A ${entity.type} part has no boundary parameter; its parts were not read.`)
      continue
    }
    const depth = entity.depth + 1
    if (depth > options.maxDepth) {
      throw new EmlParseError(`MIME parts are nested deeper than ${options.maxDepth} levels (maxDepth); raise maxDepth to read this message.`)
    }
    const children: Entity[] = []
    for (const [start, end] of splitMultipart(source, entity.bodyStart, entity.end, boundary, notes)) {
      count++
      if (count > options.maxParts) {
        throw new EmlParseError(`The message has more than ${options.maxParts} MIME parts (maxParts); raise maxParts to read it.`)
      }
      const block = readHeaderBlock(source, start, end)
      if (!block.terminated && block.fields.length > 0 && block.bodyStart >= end) {
        notes.push('A MIME part ends inside its headers: the message may be truncated.')
      }
      children.push(entityFrom(source, block, end, depth))
    }
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!)
  }
  return leaves
}

// ---------------------------------------------------------------------------
// Charsets and bytes

type Charset = {kind: 'utf-8'} | {kind: 'single'; table: string} | {kind: 'multi'; decoder: TextDecoder}

const UTF8_CHARSET: Charset = {kind: 'utf-8'}
/** WHATWG encodings where one byte is not always one character. */
const MULTI_BYTE = new Set(['gbk', 'gb18030', 'big5', 'euc-jp', 'iso-2022-jp', 'shift_jis', 'euc-kr', 'utf-16le', 'utf-16be', 'replacement'])
const charsetCache = new Map<string, Charset | null>()

/** The decoder for a charset label, or undefined when the runtime knows no such charset. */
function resolveCharset(label: string | undefined): Charset | undefined {
  const key = (label ?? '').trim().toLowerCase()
  // postal-mime reads a part without a charset as UTF-8, which is also correct for US-ASCII.
  if (key === '') return UTF8_CHARSET
  const cached = charsetCache.get(key)
  if (cached !== undefined) return cached ?? undefined
  const bare = key.replace(/^x-/, '')
  const codePage = /^(?:cp|ms|windows)[-_]?(\d{3,4})$/.exec(bare)
  const candidates = [key, bare, codePage ? `windows-${codePage[1]}` : bare]
  let decoder: TextDecoder | undefined
  for (const candidate of candidates) {
    try {
      decoder = new TextDecoder(candidate)
      break
    } catch {
      // Not a label this runtime knows; try the next spelling.
    }
  }
  let charset: Charset | null = null
  if (decoder) {
    if (decoder.encoding === 'utf-8') charset = UTF8_CHARSET
    else if (MULTI_BYTE.has(decoder.encoding)) charset = {kind: 'multi', decoder}
    else {
      const table = decoder.decode(Uint8Array.from({length: 256}, (_, i) => i))
      charset = table.length === 256 ? {kind: 'single', table} : {kind: 'multi', decoder}
    }
  }
  // The cache is bounded: a message can name any number of made-up charsets.
  if (charsetCache.size < 256) charsetCache.set(key, charset)
  return charset ?? undefined
}

/**
 * Turns bytes, each with the raw span that encodes it, into characters that
 * map to the union of their bytes' spans: a UTF-8 sequence is one atomic unit,
 * a single-byte charset maps byte for character, and a multi-byte legacy
 * charset is decoded as one run.
 */
class ByteWriter {
  private group: number[] = []
  private groupStart = 0
  private groupEnd = 0
  private need = 0

  constructor(
    private readonly builder: TextBuilder,
    private readonly source: string,
    private charset: Charset,
  ) {}

  setCharset(charset: Charset): void {
    if (charset === this.charset) return
    this.flush()
    this.charset = charset
  }

  push(byte: number, start: number, end: number): void {
    const charset = this.charset
    if (charset.kind === 'single') {
      this.emit(charset.table[byte]!, start, end)
      return
    }
    if (charset.kind === 'multi') {
      if (this.group.length === 0) this.groupStart = start
      this.group.push(byte)
      this.groupEnd = end
      return
    }
    if (this.group.length > 0) {
      if ((byte & 0xc0) === 0x80) {
        this.group.push(byte)
        this.groupEnd = end
        if (this.group.length === this.need) this.flush()
        return
      }
      // A sequence cut short decodes to a replacement character, as in any decoder.
      this.flush()
    }
    if (byte < 0x80) {
      this.emit(String.fromCharCode(byte), start, end)
      return
    }
    this.need = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0
    if (this.need === 0) {
      this.emit('\ufffd', start, end)
      return
    }
    this.group = [byte]
    this.groupStart = start
    this.groupEnd = end
  }

  flush(): void {
    if (this.group.length === 0) return
    const text = this.charset.kind === 'multi' ? this.charset.decoder.decode(Uint8Array.from(this.group)) : decodeUtf8Group(this.group)
    this.group = []
    this.emit(text, this.groupStart, this.groupEnd)
  }

  private emit(text: string, start: number, end: number): void {
    // A byte order mark at the very start is not text.
    if (text === '\ufeff' && this.builder.length === 0) return
    if (text.length === 1 && end - start === 1 && this.source[start] === text) this.builder.appendVerbatim(text, start)
    else this.builder.appendAtomic(text, start, end)
  }
}

/**
 * `new TextDecoder('utf-8').decode(Uint8Array.from(bytes))` for one UTF-8
 * sequence as ByteWriter groups them: a complete, well-formed sequence is
 * decoded by arithmetic (a decoder call costs more than the rest of the
 * character), anything else by the decoder, which alone knows how many
 * replacement characters it makes (test/parse-eml.test.ts compares the two).
 */
export function decodeUtf8Group(bytes: readonly number[]): string {
  const n = bytes.length
  const b0 = bytes[0]!
  if (n === 2 && b0 >= 0xc2 && b0 <= 0xdf && (bytes[1]! & 0xc0) === 0x80) return String.fromCharCode(((b0 & 0x1f) << 6) | (bytes[1]! & 0x3f))
  if (n === 3 && b0 >= 0xe0 && b0 <= 0xef) {
    const b1 = bytes[1]!
    const b2 = bytes[2]!
    const low = b0 === 0xe0 ? 0xa0 : 0x80
    const high = b0 === 0xed ? 0x9f : 0xbf
    if (b1 >= low && b1 <= high && (b2 & 0xc0) === 0x80) return String.fromCharCode(((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f))
  }
  if (n === 4 && b0 >= 0xf0 && b0 <= 0xf4) {
    const b1 = bytes[1]!
    const low = b0 === 0xf0 ? 0x90 : 0x80
    const high = b0 === 0xf4 ? 0x8f : 0xbf
    if (b1 >= low && b1 <= high && (bytes[2]! & 0xc0) === 0x80 && (bytes[3]! & 0xc0) === 0x80) {
      return String.fromCodePoint(((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((bytes[2]! & 0x3f) << 6) | (bytes[3]! & 0x3f))
    }
  }
  return UTF8.decode(Uint8Array.from(bytes))
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48
  if (c >= 65 && c <= 70) return c - 55
  if (c >= 97 && c <= 102) return c - 87
  return -1
}

/** Quoted-printable bytes, without a map (for charsets decoded as one run). */
function quotedPrintableBytes(source: string, start: number, end: number): Uint8Array {
  const out: number[] = []
  const encoder = new TextEncoder()
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i)
    if (c === 61 /* = */) {
      if (source[i + 1] === '\n') {
        i += 1
        continue
      }
      if (source[i + 1] === '\r' && source[i + 2] === '\n') {
        i += 2
        continue
      }
      const hi = i + 2 < end ? hexValue(source.charCodeAt(i + 1)) : -1
      const lo = hi >= 0 ? hexValue(source.charCodeAt(i + 2)) : -1
      if (lo >= 0) {
        out.push((hi << 4) | lo)
        i += 2
        continue
      }
    }
    if (c < 0x80) out.push(c)
    else for (const b of encoder.encode(source[i]!)) out.push(b)
  }
  return Uint8Array.from(out)
}

/**
 * Decodes a quoted-printable body with its map: soft line breaks map to
 * nothing, each `=XX` escape is a byte spanning its three raw characters, and
 * literal text (hard line breaks included) stays verbatim.
 */
function decodeQuotedPrintable(source: string, start: number, end: number, charset: Charset): TextBuilder {
  const builder = new TextBuilder()
  const bytes = new ByteWriter(builder, source, charset)
  let i = start
  while (i < end) {
    let eq = source.indexOf('=', i)
    if (eq === -1 || eq > end) eq = end
    if (eq > i) {
      bytes.flush()
      builder.appendVerbatim(source.slice(i, eq), i)
    }
    if (eq >= end) break
    const next = source[eq + 1]
    if (next === '\n' && eq + 1 < end) {
      i = eq + 2
      continue
    }
    if (next === '\r' && source[eq + 2] === '\n' && eq + 2 < end) {
      i = eq + 3
      continue
    }
    if (eq + 1 >= end) {
      // A trailing `=` before the part's boundary is a soft break too.
      i = end
      continue
    }
    const hi = eq + 2 < end ? hexValue(source.charCodeAt(eq + 1)) : -1
    const lo = hi >= 0 ? hexValue(source.charCodeAt(eq + 2)) : -1
    if (lo >= 0) {
      bytes.push((hi << 4) | lo, eq, eq + 3)
      i = eq + 3
      continue
    }
    // Not an escape: a literal `=`, as postal-mime reads it.
    bytes.flush()
    builder.appendVerbatim('=', eq)
    i = eq + 1
  }
  bytes.flush()
  return builder
}

// ---------------------------------------------------------------------------
// Headers

/** The unfolded header value as characters, each with its raw span. */
export interface Unfolded {
  text: string
  starts: number[]
  ends: number[]
}

/**
 * Unfolds a field's value: a line break with the blanks around it becomes one
 * space spanning them all. Exported for its test, which compares it with the
 * character-by-character definition.
 */
export function unfold(source: string, field: RawField): Unfolded {
  // Character codes, then one string: a header can be megabytes of encoded words.
  const codes: number[] = []
  const starts: number[] = []
  const ends: number[] = []
  let p = field.colon + 1
  while (p < field.end) {
    const c = source.charCodeAt(p)
    if (c === 13 || c === 10) {
      let q = p
      while (q < field.end && isFoldSpace(source.charCodeAt(q))) q++
      let s = p
      // Blanks right before the break belong to the one space.
      while (codes.length > 0 && isBlank(codes[codes.length - 1]!) && ends[ends.length - 1] === s) {
        codes.pop()
        ends.pop()
        s = starts.pop()!
      }
      codes.push(32)
      starts.push(s)
      ends.push(q)
      p = q
      continue
    }
    codes.push(c)
    starts.push(p)
    ends.push(p + 1)
    p++
  }
  let a = 0
  let b = codes.length
  while (a < b && isBlank(codes[a]!)) a++
  while (b > a && isBlank(codes[b - 1]!)) b--
  let text = ''
  // In slices: String.fromCharCode takes its codes as arguments.
  for (let k = a; k < b; k += 8192) text += String.fromCharCode(...codes.slice(k, Math.min(b, k + 8192)))
  return {text, starts: a === 0 && b === starts.length ? starts : starts.slice(a, b), ends: a === 0 && b === ends.length ? ends : ends.slice(a, b)}
}

/** A blank: space or tab. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9
}

/** What a fold spans: line breaks and blanks. */
function isFoldSpace(c: number): boolean {
  return c === 13 || c === 10 || c === 32 || c === 9
}

/**
 * The span of a field's value when it is on one line and holds no encoded
 * word (what `unfold` returns for it, trimmed of blanks, maps one to one), else undefined.
 */
function simpleValue(source: string, field: RawField): [number, number] | undefined {
  let a = field.colon + 1
  let b = field.end
  for (let p = a; p < b; p++) {
    const c = source.charCodeAt(p)
    // A line break folds; `=?` may open an encoded word (neither is a blank, so it lies inside the trimmed value).
    if (c === 10 || c === 13 || (c === 61 && p + 1 < b && source.charCodeAt(p + 1) === 63)) return undefined
  }
  while (a < b && (source.charCodeAt(a) === 32 || source.charCodeAt(a) === 9)) a++
  while (b > a && (source.charCodeAt(b - 1) === 32 || source.charCodeAt(b - 1) === 9)) b--
  return [a, b]
}

/** Where a header's value starts in the raw source (after the colon and blanks). */
function valueStart(source: string, field: RawField): number {
  let p = field.colon + 1
  while (p < field.end && (source[p] === ' ' || source[p] === '\t')) p++
  return p
}

/**
 * Pushes the bytes of a B-encoded word's text `[from, to)`, each mapped to the
 * 4-character base64 group that encodes it (a group holds 3 bytes), so that a
 * finding in the decoded subject points at the groups holding its text, not at
 * the whole encoded word. A character whose bytes span two groups maps to both.
 * Padding ends a group; characters outside the base64 alphabet are skipped, as
 * the decoder does.
 */
export function pushBase64Groups(bytes: Pick<ByteWriter, 'push'>, u: {text: string; starts: number[]; ends: number[]}, from: number, to: number): void {
  // One group at a time: its first character, how many alphabet characters it has, and the
  // bytes they decode to (at most 3), pushed when the group ends. As decodeBase64 of the group's
  // characters: a whole byte is taken every 8 bits, and "=" ends the group, dropping what is left.
  let first = -1
  let count = 0
  let bits = 0
  let pending = 0
  let made = 0
  let b0 = 0
  let b1 = 0
  let b2 = 0
  const flush = (last: number): void => {
    if (first >= 0 && count > 0) {
      const start = u.starts[first]!
      const end = u.ends[last]!
      if (made > 0) bytes.push(b0, start, end)
      if (made > 1) bytes.push(b1, start, end)
      if (made > 2) bytes.push(b2, start, end)
    }
    first = -1
    count = 0
    bits = 0
    pending = 0
    made = 0
  }
  for (let k = from; k < to; k++) {
    const code = u.text.charCodeAt(k)
    if (code === 61 /* = */) {
      if (first >= 0) flush(k)
      continue
    }
    const v = code < 128 ? BASE64[code]! : -1
    if (v < 0) continue
    if (first < 0) first = k
    count++
    bits = ((bits << 6) | v) & 0xffffff
    pending += 6
    if (pending >= 8) {
      pending -= 8
      const byte = (bits >> pending) & 0xff
      if (made === 0) b0 = byte
      else if (made === 1) b1 = byte
      else b2 = byte
      made++
    }
    if (count === 4) flush(k)
  }
  if (first >= 0) flush(to - 1)
}

/**
 * Decodes one header with its map: plain characters verbatim, Q-encoded bytes
 * to the raw characters that encode them, B-encoded bytes to the 4-character
 * base64 group that encodes them; blanks between adjacent encoded words are
 * dropped (RFC 2047).
 */
function decodeHeader(source: string, field: RawField): Header {
  const simple = simpleValue(source, field)
  if (simple) {
    // One line and no encoded word: the value is the source's own characters, one run.
    const builder = new TextBuilder()
    builder.appendVerbatim(source.slice(simple[0], simple[1]), simple[0])
    const map = builder.finish()
    return {name: field.name, value: map.text, map, sourceStart: field.start, sourceEnd: field.end}
  }
  const u = unfold(source, field)
  const builder = new TextBuilder()
  const appendPlain = (from: number, to: number): void => {
    let k = from
    while (k < to) {
      const s = u.starts[k]!
      const e = u.ends[k]!
      if (e - s === 1 && source[s] === u.text[k]) {
        // A run of characters that are the source's own, side by side: one verbatim piece (the same map as one per character).
        let next = k + 1
        while (next < to && u.ends[next]! - u.starts[next]! === 1 && u.starts[next] === u.starts[next - 1]! + 1 && source[u.starts[next]!] === u.text[next])
          next++
        builder.appendVerbatim(u.text.slice(k, next), s)
        k = next
      } else {
        builder.appendAtomic(u.text[k]!, s, e)
        k++
      }
    }
  }
  if (!u.text.includes('=?')) {
    appendPlain(0, u.text.length)
  } else {
    const bytes = new ByteWriter(builder, source, UTF8_CHARSET)
    let pos = 0
    let afterWord = false
    ENCODED_WORD.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = ENCODED_WORD.exec(u.text)) !== null) {
      const gap = u.text.slice(pos, m.index)
      // White space between two encoded words is folding, not content.
      if (!(afterWord && /^[ \t]*$/.test(gap))) {
        bytes.flush()
        appendPlain(pos, m.index)
      }
      const wordStart = u.starts[m.index]!
      const wordEnd = u.ends[m.index + m[0].length - 1]!
      const charset = resolveCharset(m[1]!.split('*')[0])
      if (!charset) {
        // An unknown charset: postal-mime's best effort, as one unit.
        bytes.flush()
        builder.appendAtomic(decodeWords(m[0]), wordStart, wordEnd)
      } else {
        bytes.setCharset(charset)
        const textStart = m.index + m[1]!.length + 5
        const textEnd = m.index + m[0].length - 2
        if (m[2]!.toUpperCase() === 'B') {
          pushBase64Groups(bytes, u, textStart, textEnd)
        } else {
          for (let k = textStart; k < textEnd; k++) {
            const c = u.text.charCodeAt(k)
            const s = u.starts[k]!
            if (c === 61 /* = */ && k + 2 < textEnd) {
              const hi = hexValue(u.text.charCodeAt(k + 1))
              const lo = hi >= 0 ? hexValue(u.text.charCodeAt(k + 2)) : -1
              if (lo >= 0) {
                bytes.push((hi << 4) | lo, s, u.ends[k + 2]!)
                k += 2
                continue
              }
            }
            if (c === 95 /* _ */ || c === 32 || c === 9) bytes.push(32, s, u.ends[k]!)
            else if (c < 0x80) bytes.push(c, s, u.ends[k]!)
            else {
              bytes.flush()
              appendPlain(k, k + 1)
            }
          }
        }
      }
      pos = m.index + m[0].length
      afterWord = true
    }
    bytes.flush()
    appendPlain(pos, u.text.length)
  }
  const map = builder.finish()
  return {name: field.name, value: map.text, map, sourceStart: field.start, sourceEnd: field.end}
}

// ---------------------------------------------------------------------------
// Parts

/** A decoded part: its text and the map from it to the raw message. */
interface Decoded {
  text: string
  map: SourceMapper
  coarse: boolean
  /** False when postal-mime cannot be expected to agree (8-bit text in a non-UTF-8 charset). */
  comparable: boolean
}

const PART_NAME: Record<PartKind, string> = {html: 'HTML', text: 'plain-text'}

function decodePart(source: string, leaf: Entity, kind: PartKind, notes: string[]): Decoded | undefined {
  const label = leaf.params.get('charset')
  const charset = resolveCharset(label)
  if (!charset) {
    notes.push(
      `The ${PART_NAME[kind]} part declares an unknown charset "${label ?? ''}": its text is postal-mime's best effort and positions in it point at the part's start.`,
    )
    return undefined
  }
  const {bodyStart: start, end} = leaf
  const raw = source.slice(start, end)
  const coarse = (text: string, why: string): Decoded => {
    notes.push(`The ${PART_NAME[kind]} part is ${why}: positions in that part point at the part's start.`)
    return {text, map: new PointMapper(start), coarse: true, comparable: true}
  }
  if (leaf.encoding === 'base64') {
    const bytes = decodeBase64(raw)
    if (charset.kind === 'single') return coarse(Array.from(bytes, (b) => charset.table[b]).join(''), 'base64-encoded')
    return coarse((charset.kind === 'multi' ? charset.decoder : new TextDecoder('utf-8')).decode(bytes), 'base64-encoded')
  }
  // A string source was already decoded by whoever read the file, so raw non-ASCII
  // characters are taken as they are; postal-mime re-encodes them as UTF-8 first.
  const comparable = charset.kind === 'utf-8' || !/[^\x00-\x7f]/.test(raw)
  if (leaf.encoding === 'quoted-printable') {
    if (charset.kind === 'multi') {
      return coarse(charset.decoder.decode(quotedPrintableBytes(source, start, end)), `in a multi-byte charset (${label ?? ''})`)
    }
    const map = decodeQuotedPrintable(source, start, end, charset).finish()
    return {text: map.text, map, coarse: false, comparable}
  }
  // 7bit, 8bit, binary (and unknown encodings, which postal-mime passes through): the raw text is the text.
  const builder = new TextBuilder()
  builder.appendVerbatim(raw, start)
  const map = builder.finish()
  return {text: map.text, map, coarse: false, comparable}
}

/** Undoes `format=flowed` (RFC 3676) with a map: soft line breaks join, space-stuffing goes. */
function unflow(text: string, delSp: boolean): SourceMapper & {text: string} {
  const builder = new TextBuilder()
  let pos = 0
  for (;;) {
    const nl = text.indexOf('\n', pos)
    const lineEnd = nl === -1 ? text.length : nl
    const contentEnd = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd
    const s = text[pos] === ' ' && pos < contentEnd ? pos + 1 : pos
    const line = text.slice(s, contentEnd)
    const soft = nl !== -1 && line.endsWith(' ') && line !== '-- '
    builder.appendVerbatim(soft && delSp ? line.slice(0, -1) : line, s)
    if (nl === -1) break
    if (!soft) builder.appendVerbatim(text.slice(contentEnd, nl + 1), contentEnd)
    pos = nl + 1
  }
  return builder.finish()
}

/** `text.replace(/[\s\ufeff]+/g, ' ').trim()` (U+FEFF is white space to `\s` already), in one scan. */
function collapse(text: string): string {
  return collapseWhiteSpace(text)
}

/** Re-points every position of a parsed body through the part's map into the raw message. */
function remapBody(body: ParsedBody, map: SourceMapper, kind: PartKind): ParsedBody {
  const remapBlock = (block: Block): void => {
    block.map = new ChainedMapper(block.map, map)
    block.sourceStart = map.start(block.sourceStart)
    block.sourceEnd = map.end(block.sourceEnd)
    block.part = kind
  }
  body.blocks.forEach(remapBlock)
  if (body.title) remapBlock(body.title)
  if (body.preheader) remapBlock(body.preheader)
  for (const item of [...body.links, ...body.images, ...body.directives]) {
    item.sourceStart = map.start(item.sourceStart)
    item.sourceEnd = map.end(item.sourceEnd)
  }
  for (const link of body.links) link.part = kind
  for (const image of body.images) image.part = kind
  body.bodyStart = map.start(body.bodyStart)
  return body
}

function readPart(source: string, leaf: Entity, kind: PartKind, email: Email, notes: string[]): ParsedPart {
  let decoded = decodePart(source, leaf, kind, notes)
  const theirs = kind === 'html' ? email.html : email.text
  if (decoded && leaf.type === 'text/plain' && /^flowed$/i.test(leaf.params.get('format') ?? '')) {
    const flowed = unflow(decoded.text, /^yes$/i.test(leaf.params.get('delsp') ?? ''))
    decoded = {...decoded, text: flowed.text, map: new ChainedMapper(flowed, decoded.map)}
  }
  // Text that collapses to postal-mime's collapsed text is part of it (the usual case: they differ in line breaks at most).
  if (decoded && decoded.comparable && !(theirs !== undefined && collapsesEqual(decoded.text, theirs))) {
    const ours = collapse(decoded.text)
    // postal-mime joins every inline text part of a kind, so ours need only be part of its text.
    if (ours.length > 0 && !(theirs !== undefined && collapse(theirs).includes(ours))) {
      if (theirs !== undefined) {
        notes.push(
          `The ${PART_NAME[kind]} part decodes differently here than in postal-mime; postal-mime's text is used and positions in it point at the part's start.`,
        )
        decoded = {text: theirs, map: new PointMapper(leaf.bodyStart), coarse: true, comparable: true}
      } else {
        notes.push(`postal-mime found no ${PART_NAME[kind]} text where this parser did; the part is read as decoded here.`)
      }
    }
  }
  decoded ??= {text: theirs ?? '', map: new PointMapper(leaf.bodyStart), coarse: true, comparable: true}
  const body = kind === 'html' ? parseHtml(decoded.text) : parseText(decoded.text)
  return {
    kind,
    body: remapBody(body, decoded.map, kind),
    sourceStart: leaf.bodyStart,
    sourceEnd: leaf.end,
    text: decoded.text,
    map: decoded.map,
    coarse: decoded.coarse,
  }
}

/** A part built from postal-mime's text alone, when no text leaf was found here (e.g. an inline message/rfc822). */
function coarsePart(text: string, kind: PartKind, at: number, end: number): ParsedPart {
  const map = new PointMapper(at)
  const body = kind === 'html' ? parseHtml(text) : parseText(text)
  return {kind, body: remapBody(body, map, kind), sourceStart: at, sourceEnd: end, text, map, coarse: true}
}

function toAddresses(header: Address['header'], value: MimeAddress | undefined, field: Header | undefined, out: Address[]): void {
  if (!value) return
  const mailboxes = value.group ?? [value]
  for (const mailbox of mailboxes) {
    const address: Address = {header, name: mailbox.name, address: mailbox.address}
    if (field) address.field = field
    out.push(address)
  }
}

/**
 * Parses a raw RFC 5322 / MIME message: decoded headers and the HTML and
 * plain-text parts, with every position pointing into `source`.
 *
 * Throws {@link EmlParseError} when the input has no header block at all, or
 * when it exceeds `maxParts` or `maxDepth`; a truncated message is read as far
 * as it goes, with a note.
 *
 * @example
 * const eml = await parseEml('Subject: =?UTF-8?Q?Przepraszamy?=\r\n\r\nHi Ana,\r\n')
 * eml.headers.get('subject')?.value // 'Przepraszamy'
 * eml.parts[0]?.body.blocks[0]?.text // 'Hi Ana,'
 */
export async function parseEml(source: string, options: EmlParseOptions = {}): Promise<ParsedEml> {
  const limits: Required<EmlParseOptions> = {
    maxParts: options.maxParts ?? DEFAULT_MAX_PARTS,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
  }
  const notes: string[] = []
  let start = source.charCodeAt(0) === 0xfeff ? 1 : 0
  // An mbox "From " separator line may precede the headers.
  if (source.startsWith('From ', start)) start = lineAt(source, start, source.length).next
  const top = readHeaderBlock(source, start, source.length)
  if (top.fields.length === 0) {
    if (!top.terminated || top.junk > 0) throw new EmlParseError('not an RFC 5322 message: no headers found')
    notes.push('The message has no headers: its body starts with a blank line.')
  } else if (top.junk > 0 && top.terminated) {
    notes.push(`${top.junk} line(s) in the header block are not header fields and were ignored.`)
  } else if (!top.terminated) {
    notes.push(
      top.bodyStart < source.length
        ? 'The headers are not followed by a blank line; the body is taken to start at the first line that is not a header.'
        : 'The message has headers but no body.',
    )
  }
  const root = entityFrom(source, top, source.length, 0)
  const leaves = collectLeaves(source, root, limits, notes)

  const headers = new Map<string, Header>()
  for (const field of top.fields) {
    const key = field.name.toLowerCase()
    if (!headers.has(key)) headers.set(key, decodeHeader(source, field))
  }

  let email: Email
  try {
    email = await PostalMime.parse(source)
  } catch (error) {
    throw new EmlParseError(`postal-mime could not parse the message: ${error instanceof Error ? error.message : String(error)}`, {cause: error})
  }

  const subject = headers.get('subject')
  if (subject && !collapsesEqual(subject.value, email.subject ?? '')) {
    const field = top.fields.find((f) => f.name.toLowerCase() === 'subject')!
    subject.value = email.subject ?? ''
    subject.map = new PointMapper(valueStart(source, field))
    notes.push(
      "The Subject decodes differently here than in postal-mime; postal-mime's text is used and positions in it point at the start of the header value.",
    )
  }

  const addresses: Address[] = []
  toAddresses('from', email.from, headers.get('from'), addresses)
  for (const replyTo of email.replyTo ?? []) toAddresses('reply-to', replyTo, headers.get('reply-to'), addresses)
  toAddresses('sender', email.sender, headers.get('sender'), addresses)

  const isBody = (leaf: Entity, type: string): boolean => leaf.type === type && leaf.disposition !== 'attachment'
  const htmlLeaf = leaves.find((leaf) => isBody(leaf, 'text/html'))
  const textLeaf = leaves.find((leaf) => isBody(leaf, 'text/plain'))
  const parts: ParsedPart[] = []
  if (htmlLeaf) parts.push(readPart(source, htmlLeaf, 'html', email, notes))
  if (textLeaf) parts.push(readPart(source, textLeaf, 'text', email, notes))
  if (parts.length === 0 && (email.html || email.text)) {
    notes.push('The message text comes from a part this parser does not map (such as an attached message); positions in it point at the start of the body.')
    if (email.html) parts.push(coarsePart(email.html, 'html', top.bodyStart, source.length))
    if (email.text) parts.push(coarsePart(email.text, 'text', top.bodyStart, source.length))
  }

  return {headers, addresses, parts, bodyStart: top.bodyStart, notes}
}
