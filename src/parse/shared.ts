/**
 * What every format parser returns, and the pieces they share: inline
 * directives in comments and template placeholders.
 */
import type {Address, Block, Directive, Header, Image, Link, SourceMapper} from '../document.js'

export type {Directive} from '../document.js'

/** A parser's output for one body (an HTML, text or Markdown source, or one MIME part). */
export interface ParsedBody {
  blocks: Block[]
  links: Link[]
  images: Image[]
  title?: Block
  preheader?: Block
  directives: Directive[]
  notes: string[]
  /** Where the visible body starts (`<body>`), in the parser's input. */
  bodyStart: number
}

const DIRECTIVE = /^\s*apology-lint-(disable-next-block|disable|enable)(?=\s|$)([^]*)$/

/**
 * Reads a comment's text as a directive, or returns undefined.
 *
 * @example
 * parseDirective(' apology-lint-disable humour -- playful brand voice approved ', 0, 60)
 * // → {kind: 'disable', rules: ['humour'], reason: 'playful brand voice approved', …}
 */
export function parseDirective(comment: string, sourceStart: number, sourceEnd: number): Directive | undefined {
  const m = DIRECTIVE.exec(comment)
  if (!m) return undefined
  const kind = m[1] as Directive['kind']
  const rest = m[2] ?? ''
  const dash = rest.indexOf('--')
  const list = dash >= 0 ? rest.slice(0, dash) : rest
  const reason = dash >= 0 ? rest.slice(dash + 2).trim() : ''
  const rules = list
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter((r) => r.length > 0)
  const directive: Directive = {kind, rules, sourceStart, sourceEnd, nextBlock: 0}
  if (reason) directive.reason = reason
  return directive
}

/**
 * Template placeholders of the common ESPs: `{{first_name}}`, `{% if x %}`,
 * `*|FNAME|*`, `%%name%%`, `[[name]]`, `${name}`. Each alternative is bounded and
 * begins with a fixed two-character opener, so matching stays linear.
 */
export const PLACEHOLDER = /\{\{[^{}]{0,200}\}\}|\{%[^%]{0,200}%\}|\*\|[^|\n]{0,100}\|\*|%%[\w. -]{1,100}%%|\[\[[^[\]\n]{1,100}\]\]|\$\{[^{}\n]{1,100}\}/g

/** The spans of template placeholders in a string. */
export function findPlaceholders(text: string): [number, number][] {
  if (!/[{*%[$]/.test(text)) return []
  const spans: [number, number][] = []
  PLACEHOLDER.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = PLACEHOLDER.exec(text)) !== null) spans.push([m.index, m.index + m[0].length])
  return spans
}

/** One MIME body alternative after parsing, with maps already pointing into the raw message. */
export interface ParsedPart {
  kind: 'html' | 'text'
  body: ParsedBody
  /** Where the part's body starts in the raw message. */
  sourceStart: number
  /** Where the part's body ends in the raw message. */
  sourceEnd: number
  /** The decoded text the body parser read (transfer encoding, charset and `format=flowed` undone). */
  text: string
  /** Maps offsets in `text` to the raw message. */
  map: SourceMapper
  /** True when positions inside this part map only to `sourceStart` (base64, charsets without a byte map). */
  coarse: boolean
}

/** A raw `.eml` message after parsing. */
export interface ParsedEml {
  /** Top-level headers by lower-case name (first occurrence), decoded, with maps into the raw message. */
  headers: Map<string, Header>
  /** Addresses from From, Reply-To and Sender, with the header they came from. */
  addresses: Address[]
  /** Body alternatives: the HTML part first when there is one, then the plain-text part. */
  parts: ParsedPart[]
  /** Where the top-level body starts (after the blank line ending the headers). */
  bodyStart: number
  notes: string[]
}

/** ECMAScript white space and line terminators (what `\s` and `trim` mean) outside ASCII. */
function isUnicodeSpace(c: number): boolean {
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  )
}

function isWhiteSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && isUnicodeSpace(c))
}

/**
 * `text.replace(/\s+/g, ' ').trim()` in one scan, without a regular
 * expression: `text` itself when nothing changes (single spaces between other
 * characters), else the kept slices joined once (test/parse-html.test.ts
 * compares the two on every code unit and random text).
 */
export function collapseWhiteSpace(text: string): string {
  const n = text.length
  let i = 0
  while (i < n && isWhiteSpace(text.charCodeAt(i))) i++
  const pieces: string[] = []
  /** Start of the slice kept verbatim so far. */
  let from = i
  let changed = i > 0
  while (i < n) {
    const c = text.charCodeAt(i)
    if (!isWhiteSpace(c)) {
      i++
      continue
    }
    let j = i + 1
    while (j < n && isWhiteSpace(text.charCodeAt(j))) j++
    if (j === n) {
      // Trailing white space: trimmed.
      pieces.push(text.slice(from, i))
      from = n
      changed = true
      break
    }
    if (c !== 32 || j > i + 1) {
      pieces.push(text.slice(from, i), ' ')
      from = j
      changed = true
    }
    i = j
  }
  if (!changed) return text
  if (from < n) pieces.push(text.slice(from))
  return pieces.join('')
}

/**
 * `collapseWhiteSpace(a) === collapseWhiteSpace(b)`, compared in one scan of
 * each without building either string (test/parse-html.test.ts checks the two agree).
 */
export function collapsesEqual(a: string, b: string): boolean {
  const n = a.length
  const m = b.length
  let i = 0
  let j = 0
  while (i < n && isWhiteSpace(a.charCodeAt(i))) i++
  while (j < m && isWhiteSpace(b.charCodeAt(j))) j++
  for (;;) {
    if (i >= n || j >= m) {
      // One text is done: the other must be too, but for trailing white space (trimmed).
      while (i < n && isWhiteSpace(a.charCodeAt(i))) i++
      while (j < m && isWhiteSpace(b.charCodeAt(j))) j++
      return i >= n && j >= m
    }
    const c = a.charCodeAt(i)
    const d = b.charCodeAt(j)
    if (c === d && c > 32 && c < 0xa0) {
      // The same printable ASCII (or Latin-1 control) character: never white space.
      i++
      j++
      continue
    }
    const cw = isWhiteSpace(c)
    const dw = isWhiteSpace(d)
    if (cw || dw) {
      // A run of white space is one space in both, unless it ends the text (trimmed).
      if (!(cw && dw)) return false
      while (i < n && isWhiteSpace(a.charCodeAt(i))) i++
      while (j < m && isWhiteSpace(b.charCodeAt(j))) j++
      continue
    }
    if (c !== d) return false
    i++
    j++
  }
}
