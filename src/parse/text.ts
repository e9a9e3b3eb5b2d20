/**
 * Plain text → blocks: paragraphs separated by blank lines, list items, the
 * signature after a `-- ` line, and quoted replies (`>` lines) kept out of
 * prose checks. Line breaks inside a paragraph become one space that maps to
 * the whole break (`\n` or `\r\n` with the indentation around it).
 */
import {TextBuilder, type Block, type BlockKind, type Link} from '../document.js'
import type {ParsedBody} from './shared.js'

const LIST_ITEM = /^(?:[-*•–]|\d{1,3}[.)])[ \t]+/
/** URLs and e-mail addresses in plain text, so that rules can see a way to act. */
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()"']{1,2000}/gi

/** ASCII word characters (`\w` without the u flag). */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95
}

/** `\b` at `i`: a word character on exactly one side. */
function isBoundary(text: string, i: number): boolean {
  return (i > 0 && isWordChar(text.charCodeAt(i - 1))) !== (i < text.length && isWordChar(text.charCodeAt(i)))
}

/**
 * Every e-mail address in `text`: exactly the matches of
 * `/\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b/g`, found by a scan
 * that is linear in the text (that pattern backtracks polynomially on long
 * runs of dots and letters; test/parse-text.test.ts compares the two).
 */
export function findEmailAddresses(text: string): {index: number; text: string}[] {
  const found: {index: number; text: string}[] = []
  const isLocal = (c: number): boolean => isWordChar(c) || c === 46 || c === 43 || c === 45
  const isLabel = (c: number): boolean => isWordChar(c) || c === 45
  const labelRun = (from: number): number => {
    let i = from
    while (i < text.length && isLabel(text.charCodeAt(i))) i++
    return i - from
  }
  // `(?:\.[\w-]{1,63}){1,8}\b` from the dot at `dot`, in the order a backtracking
  // engine tries it: longest label first, another label before stopping.
  const labels = (dot: number, done: number): number => {
    const run = labelRun(dot + 1)
    for (let length = Math.min(63, run); length >= 1; length--) {
      const end = dot + 1 + length
      if (done + 1 < 8 && text.charCodeAt(end) === 46) {
        const further = labels(end, done + 1)
        if (further >= 0) return further
      }
      if (isBoundary(text, end)) return end
    }
    return -1
  }
  let from = 0
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    // The local part is the run of [\w.+-] before the @: it starts at the first
    // word boundary in its last 64 characters, at or after the previous match.
    let runStart = at
    while (runStart > 0 && isLocal(text.charCodeAt(runStart - 1))) runStart--
    let start = Math.max(runStart, at - 64, from)
    while (start < at && !isBoundary(text, start)) start++
    if (start >= at) continue
    // The first label takes its whole run (a dot must follow), then one to eight more.
    const first = labelRun(at + 1)
    if (first < 1 || first > 63 || text.charCodeAt(at + 1 + first) !== 46) continue
    const end = labels(at + 1 + first, 0)
    if (end < 0) continue
    found.push({index: start, text: text.slice(start, end)})
    from = end
  }
  return found
}

interface Line {
  start: number
  /** End of the line's content (before `\r\n` or `\n`). */
  end: number
  text: string
}

function splitLines(source: string): Line[] {
  const lines: Line[] = []
  let start = 0
  while (start <= source.length) {
    let nl = source.indexOf('\n', start)
    if (nl === -1) nl = source.length
    const end = nl > start && source.charCodeAt(nl - 1) === 13 ? nl - 1 : nl
    lines.push({start, end, text: source.slice(start, end)})
    start = nl + 1
  }
  return lines
}

/** Longest line that can be a plain-text heading. */
const HEADING_MAX_CHARS = 70
const HEADING_MAX_WORDS = 9
/** Fewest words in the paragraph under a heading. */
const SECTION_MIN_WORDS = 6
/** Lines that open an email or sign it off: never headings. */
const NOT_HEADING =
  /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings|dzień dobry|dobry wieczór|cześć|hej|witaj[a-ząćęłńóśźż]{0,2}|witam|szanown[a-ząćęłńóśźż]{1,3}|drog[a-ząćęłńóśźż]{1,3}|best|kind|warm|regards|sincerely|yours|thanks|thank you|cheers|pozdrawiam[a-ząćęłńóśźż]{0,2}|z poważaniem|z wyrazami|dziękuj[a-ząćęłńóśźż]{0,3}|the [\p{L}\p{N} ]{1,40} team$|zespół)\b/iu

function words(text: string): number {
  let n = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32
    if (!space && !inWord) n++
    inWord = !space
  }
  return n
}

/**
 * The lines that read as headings: a short line at the start of a paragraph,
 * without closing punctuation, followed (directly or after one blank line) by
 * a paragraph of sentences. "What Happened" above the account of what
 * happened is a heading; "Best regards" above a name is not.
 */
function headingLines(lines: readonly Line[]): Set<number> {
  const out = new Set<number>()
  const blank = (i: number): boolean => i >= lines.length || lines[i]!.text.trim().length === 0
  let inSignature = false
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.text
    if (raw === '-- ' || raw === '--') inSignature = true
    if (inSignature || (i > 0 && !blank(i - 1))) continue
    const text = raw.trim()
    if (text.length === 0 || text.length > HEADING_MAX_CHARS || words(text) > HEADING_MAX_WORDS) continue
    if (!/^[\p{Lu}\p{N}]/u.test(text) || /[.,;!…]$/.test(text) || text.startsWith('>') || LIST_ITEM.test(text)) continue
    if (/[@/]|https?:|www\./i.test(text) || NOT_HEADING.test(text)) continue
    // The paragraph under it: the next line, or the one after a single blank line.
    let next = i + 1
    if (blank(next)) next++
    if (next >= lines.length || blank(next)) continue
    let body = ''
    for (let j = next; j < lines.length && !blank(j) && body.length < 4000; j++) body += `${lines[j]!.text.trim()} `
    body = body.trim()
    const first = lines[next]!.text.trim()
    if (first.startsWith('>') || /^(?:-- ?)$/.test(first)) continue
    if (words(body) < SECTION_MIN_WORDS || !/[.!?:)"”'’]$/.test(body)) continue
    // A one-line paragraph directly under it with no sentence end is a second heading line or an address, not a section.
    out.add(i)
  }
  return out
}

/**
 * Parses a plain-text email body.
 *
 * @example
 * parseText('Hi Ana,\n\nWe sent the wrong link.\n-- \nAcme').blocks.map((b) => b.kind)
 * // → ['paragraph', 'paragraph', 'signature']
 */
export function parseText(source: string): ParsedBody {
  const body: ParsedBody = {blocks: [], links: [], images: [], directives: [], notes: [], bodyStart: 0}
  const lines = splitLines(source)
  const headings = headingLines(lines)
  let inSignature = false
  let current: {kind: BlockKind; builder: TextBuilder; start: number; end: number} | undefined

  const flush = (): void => {
    if (!current) return
    if (current.builder.length > 0) {
      const map = current.builder.finish()
      const block: Block = {
        kind: current.kind,
        text: map.text,
        map,
        prose: current.kind !== 'quote' && current.kind !== 'signature' && current.kind !== 'code',
        tag: current.kind,
        sourceStart: current.start,
        sourceEnd: current.end,
      }
      body.blocks.push(block)
    }
    current = undefined
  }

  const open = (kind: BlockKind, start: number): void => {
    flush()
    current = {kind, builder: new TextBuilder(), start, end: start}
  }

  lines.forEach((line, lineIndex) => {
    const raw = line.text
    if (raw === '-- ' || raw === '--') {
      flush()
      inSignature = true
      return
    }
    // Leading and trailing blanks are not part of the text.
    let s = 0
    let e = raw.length
    while (s < e && (raw.charCodeAt(s) === 32 || raw.charCodeAt(s) === 9)) s++
    while (e > s && (raw.charCodeAt(e - 1) === 32 || raw.charCodeAt(e - 1) === 9)) e--
    if (s === e) {
      flush()
      return
    }
    let content = raw.slice(s, e)
    let contentStart = line.start + s
    let kind: BlockKind = inSignature ? 'signature' : 'paragraph'
    if (headings.has(lineIndex)) {
      open('heading', contentStart)
      current!.builder.appendVerbatim(content, contentStart)
      current!.end = contentStart + content.length
      flush()
      return
    }
    if (!inSignature && content.startsWith('>')) {
      kind = 'quote'
      let q = 0
      while (q < content.length && (content[q] === '>' || content[q] === ' ')) q++
      content = content.slice(q)
      contentStart += q
    } else if (!inSignature) {
      const item = LIST_ITEM.exec(content)
      if (item) {
        open('list-item', line.start + s)
        content = content.slice(item[0].length)
        contentStart += item[0].length
        kind = 'list-item'
      }
    }
    if (current && current.kind !== kind && !(current.kind === 'list-item' && kind === 'paragraph')) open(kind, line.start + s)
    if (!current) open(kind, line.start + s)
    const c = current!
    if (c.builder.length > 0) {
      // The line break (and any indentation) between two lines reads as one space.
      c.builder.appendAtomic(' ', c.end, contentStart)
    }
    if (content.length > 0) c.builder.appendVerbatim(content, contentStart)
    c.end = contentStart + content.length
  })
  flush()
  collectTextLinks(body)
  return body
}

/** Finds bare URLs and e-mail addresses in text blocks, as links. */
export function collectTextLinks(body: ParsedBody): void {
  body.blocks.forEach((block, blockIndex) => {
    if (!/[@/.]/.test(block.text)) return
    const add = (href: string, start: number, end: number): void => {
      const link: Link = {
        href,
        text: block.text.slice(start, end),
        sourceStart: block.map.start(start),
        sourceEnd: block.map.end(end),
        blockIndex,
        button: false,
      }
      body.links.push(link)
    }
    for (const m of block.text.matchAll(URL)) {
      // Trailing punctuation ends the sentence, not the URL.
      let stop = m[0].length
      while (stop > 0 && '.,;:!?'.includes(m[0][stop - 1]!)) stop--
      const url = m[0].slice(0, stop)
      add(url.startsWith('www.') ? `https://${url}` : url, m.index, m.index + url.length)
    }
    for (const m of findEmailAddresses(block.text)) add(`mailto:${m.text}`, m.index, m.index + m.text.length)
  })
}
