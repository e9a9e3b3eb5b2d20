/**
 * Turns any input into one {@link EmailDocument}: picks the format (explicit,
 * file extension, or sniffed), runs that format's parser once, adds the sender
 * and subject given as options, and chooses the language.
 */
import {
  LineIndex,
  TextBuilder,
  type Address,
  type Block,
  type EmailDocument,
  type Format,
  type Header,
  type Language,
  type LanguageSetting,
  type PartBody,
} from '../document.js'
import {detectLanguage} from '../language.js'
import {parseHtml} from './html.js'
import {parseText} from './text.js'
import {blankFrontMatter, type FrontMatter, readFrontMatter, readPastedHeaders} from './front-matter.js'
import {parseMarkdown} from './markdown.js'
import {parseEml} from './eml.js'
import {EmlParseError} from './eml-error.js'
import {findPlaceholders, type ParsedBody, type ParsedEml} from './shared.js'

/** Input that cannot be read as an email: empty, binary, too large, broken beyond repair. */
export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

/** Options that shape the document. */
export interface DocumentOptions {
  format?: Format
  filename?: string
  /** Sender for non-`.eml` input, e.g. `Acme Support <support@acme.example>`. */
  from?: string
  replyTo?: string
  subject?: string
  language?: LanguageSetting
  defaultLanguage?: Language
  maxBytes?: number
  maxParts?: number
  maxDepth?: number
}

const EXTENSIONS: Record<string, Format> = {
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  mjml: 'html',
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  mdx: 'markdown',
  eml: 'eml',
  mime: 'eml',
}

/** The format a file name implies, if any. */
export function formatFromFilename(filename: string | undefined): Format | undefined {
  if (!filename) return undefined
  const dot = filename.lastIndexOf('.')
  if (dot < 0) return undefined
  const extension = filename.slice(dot + 1).toLowerCase()
  // Own keys only: "notes.constructor" has no format.
  return Object.hasOwn(EXTENSIONS, extension) ? EXTENSIONS[extension] : undefined
}

const HEADER_LINE = /^[!-9;-~]{1,76}:[ \t]?/
const HTML_START = /^\s*(?:<!doctype html|<html|<head|<body|<table|<div|<p[\s>]|<center|<!--)/i
const MARKDOWN_LINE = /^(?:#{1,6} |[*-] |\d{1,3}\. |> )/m
const HTML_TAG = /<(?:html|body|table|p|div|br)[\s/>]/i

/** Markdown syntax: a heading, list or quote line, a link (`](`), or strong text (`**x`). */
function looksLikeMarkdown(head: string): boolean {
  return MARKDOWN_LINE.test(head) || head.includes('](') || /\*\*\S/.test(head)
}

/**
 * Guesses the format from the content: MIME headers, HTML tags, Markdown syntax, else text.
 *
 * @example
 * sniffFormat('From: a@b.example\nSubject: Hi\n\nBody') // 'eml'
 */
export function sniffFormat(source: string): Format {
  const head = source.slice(0, 4096)
  const lines = head.split(/\r?\n/, 6)
  const headerish = lines.filter((l) => HEADER_LINE.test(l)).length
  if (headerish >= 2 && /^(?:from|to|subject|date|mime-version|received|return-path|message-id|content-type|delivered-to|x-[\w-]+):/im.test(head)) {
    return 'eml'
  }
  if (HTML_START.test(head) || HTML_TAG.test(head)) return 'html'
  if (looksLikeMarkdown(head)) return 'markdown'
  return 'text'
}

/** Control characters other than tab, line feed, form feed and carriage return, and U+FFFD. */
const SUSPECT = /[\u0000-\u0008\u000b\u000e-\u001f\ufffd]/

/** True when the text looks like binary data read as text. */
export function looksBinary(source: string): boolean {
  const sample = source.slice(0, 8192)
  // Text has none of the characters counted below: one native scan settles it (no NUL, no bad character).
  if (!SUSPECT.test(sample)) return false
  if (sample.includes('\u0000')) return true
  let bad = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad++
  }
  return sample.length > 0 && bad / sample.length > 0.1
}

/** UTF-8 size of `text`, counted without encoding it; stops counting past `limit`. */
function utf8Length(text: string, limit: number): number {
  let bytes = 0
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c < 0xdc00) {
      // A surrogate pair is one four-byte character.
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

/** Checks the size and content of raw input before parsing. */
export function checkInput(source: string, maxBytes: number): void {
  if (source.trim().length === 0) throw new InputError('The input is empty: there is no email to check.')
  // UTF-16 length is a lower bound of the UTF-8 size, and cheap; refine only near the limit.
  if (source.length > maxBytes || (source.length * 3 > maxBytes && utf8Length(source, maxBytes) > maxBytes)) {
    throw new InputError(`The input is larger than maxBytes (${maxBytes} bytes); raise maxBytes to check it.`)
  }
  if (looksBinary(source)) throw new InputError('The input looks like binary data, not an email (HTML, text, Markdown or .eml).')
}

/** Parses an address list like `Acme <support@acme.example>, b@c.example` (for options). */
export function parseAddressOption(value: string, header: Address['header']): Address[] {
  const out: Address[] = []
  // Split on commas outside double quotes, by a scan (a look-ahead pattern here is polynomial).
  const parts: string[] = []
  let quoted = false
  let start = 0
  for (let i = 0; i < value.length; i++) {
    const c = value[i]
    if (c === '"') quoted = !quoted
    else if (c === ',' && !quoted) {
      parts.push(value.slice(start, i))
      start = i + 1
    }
  }
  parts.push(value.slice(start))
  for (const part of parts) {
    const open = part.lastIndexOf('<')
    const close = part.lastIndexOf('>')
    if (open >= 0 && close > open && part.slice(close + 1).trim() === '') {
      const name = part
        .slice(0, open)
        .trim()
        .replace(/^"(.*)"$/s, '$1')
        .trim()
      out.push({header, name, address: part.slice(open + 1, close).trim()})
    } else if (part.trim()) out.push({header, name: '', address: part.trim()})
  }
  return out
}

function optionBlock(kind: 'subject', text: string): Block {
  const builder = new TextBuilder()
  // An option has no place in the source: its offsets point at the start.
  builder.appendAtomic(text, 0, 0)
  const map = builder.finish()
  return {kind, text, map, prose: true, tag: kind, sourceStart: 0, sourceEnd: 0, location: kind}
}

function headerBlock(header: Header): Block {
  return {
    kind: 'subject',
    text: header.value,
    map: header.map,
    prose: true,
    tag: 'subject',
    sourceStart: header.sourceStart,
    sourceEnd: header.sourceEnd,
  }
}

/** Front matter keys by what they set. */
const FRONT_MATTER_KEYS: Record<string, 'subject' | 'title' | 'from' | 'reply-to' | 'preheader' | 'to' | 'date'> = {
  subject: 'subject',
  title: 'title',
  from: 'from',
  sender: 'from',
  reply_to: 'reply-to',
  'reply-to': 'reply-to',
  replyto: 'reply-to',
  to: 'to',
  date: 'date',
  preheader: 'preheader',
  preview: 'preheader',
  preview_text: 'preheader',
  'preview-text': 'preheader',
  previewtext: 'preheader',
}

/** The subject, sender and preview text of a Markdown email's front matter, with their places in the source. */
function applyFrontMatter(draft: Draft, front: FrontMatter): void {
  // The body starts after the headers, as an .eml's does: findings about the whole email are anchored there.
  draft.bodyStart = Math.max(draft.bodyStart, Math.min(front.end, draft.source.length))
  for (const [key, field] of front.fields) {
    const role = FRONT_MATTER_KEYS[key]
    if (!role) continue
    if (role === 'subject') {
      draft.subject = headerBlock(field)
      draft.headers.set('subject', field)
    } else if (role === 'title') {
      // A page title, as an HTML <title>: not the subject.
      draft.title = {...headerBlock(field), kind: 'title', tag: 'title'}
    } else if (role === 'from' || role === 'reply-to') {
      if (draft.addresses.some((a) => a.header === role)) continue
      draft.headers.set(role, field)
      for (const address of parseAddressOption(field.value, role)) draft.addresses.push({...address, field})
    } else if (role === 'preheader') {
      if (draft.preheader) continue
      draft.preheader = {...headerBlock(field), kind: 'preheader', tag: 'preheader'}
    } else if (!draft.headers.has(role)) draft.headers.set(role, field)
  }
}

/** A document before its language is chosen. */
type Draft = Omit<EmailDocument, 'language' | 'languageSource' | 'lines'>

function fromBody(format: Format, source: string, body: ParsedBody): Draft {
  const draft: Draft = {
    format,
    source,
    headers: new Map(),
    addresses: [],
    blocks: body.blocks,
    links: body.links,
    images: body.images,
    placeholders: [],
    parts: [],
    bodyStart: body.bodyStart,
    notes: body.notes,
    directives: body.directives,
  }
  if (body.title) draft.title = body.title
  if (body.preheader) draft.preheader = body.preheader
  return draft
}

/** Longest run of one emphasis character, and most emphasis characters in one paragraph, that real Markdown needs. */
const MAX_DELIMITER_RUN = 32
const MAX_DELIMITERS_PER_PARAGRAPH = 2000
/**
 * Most block and inline structures of each kind that an email in Markdown
 * needs. micromark (remark-parse) is worse than linear in long runs of setext
 * headings, quote lines, list items and bracketed references, so past these
 * counts the input is read as plain text, with a note.
 */
export const MARKDOWN_LIMITS = {
  // Measured: list items, quote lines and setext headings are quadratic in micromark (1,000 list items of 8 KB
  // take longer than 250 KB of prose), so their limits sit where the parse still costs a few milliseconds.
  setextHeadings: 32,
  quoteLines: 300,
  listItems: 200,
  brackets: 1000,
  angleBrackets: 1000,
  /** Characters: past this, even ordinary prose Markdown takes most of a second to parse. */
  size: 128 * 1024,
} as const

/**
 * Says why Markdown input is too dense in emphasis delimiters or structures to
 * parse safely, or returns undefined. One pass over the source.
 */
export function markdownRisk(source: string): string | undefined {
  const limits = MARKDOWN_LIMITS
  if (source.length > limits.size) return `longer than ${limits.size / 1024} KB`
  let run = 0
  let runChar = 0
  let inParagraph = 0
  let lineBlank = true
  let previousBlank = true
  let setext = 0
  let quotes = 0
  let items = 0
  let brackets = 0
  let angles = 0
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i)
    if (c === 10) {
      if (lineBlank) inParagraph = 0
      previousBlank = lineBlank
      lineBlank = true
      run = 0
      continue
    }
    if (lineBlank && c !== 32 && c !== 9 && c !== 13) {
      // The first visible character of a line (after up to any indentation): a block marker?
      if (c === 62) {
        if (++quotes > limits.quoteLines) return `more than ${limits.quoteLines} quoted lines`
      } else if ((c === 61 || c === 45) && !previousBlank && underline(source, i, c)) {
        if (++setext > limits.setextHeadings) return `more than ${limits.setextHeadings} underlined headings`
      } else if (listMarker(source, i, c)) {
        if (++items > limits.listItems) return `more than ${limits.listItems} list items`
      }
    }
    if (c !== 32 && c !== 9 && c !== 13) lineBlank = false
    if (c === 91 && ++brackets > limits.brackets) return `more than ${limits.brackets} "[" characters (links or references)`
    if (c === 60 && ++angles > limits.angleBrackets) return `more than ${limits.angleBrackets} "<" characters (autolinks or HTML)`
    if (c === 42 || c === 95) {
      run = c === runChar ? run + 1 : 1
      runChar = c
      inParagraph++
      if (run > MAX_DELIMITER_RUN) return `a run of more than ${MAX_DELIMITER_RUN} "${String.fromCharCode(c)}" characters`
      if (inParagraph > MAX_DELIMITERS_PER_PARAGRAPH) return `more than ${MAX_DELIMITERS_PER_PARAGRAPH} emphasis characters in one paragraph`
    } else run = 0
  }
  return undefined
}

/** True when the line from `i` is only `c` characters (`=` or `-`), then spaces: a setext underline. Reads the line once. */
function underline(source: string, i: number, c: number): boolean {
  let j = i
  while (j < source.length && source.charCodeAt(j) === c) j++
  while (j < source.length && (source.charCodeAt(j) === 32 || source.charCodeAt(j) === 9 || source.charCodeAt(j) === 13)) j++
  return j >= source.length || source.charCodeAt(j) === 10
}

/** True when `-`, `*`, `+` or up to nine digits and `.`/`)` at `i` are followed by a space or tab: a list item. */
function listMarker(source: string, i: number, c: number): boolean {
  let j = i
  if (c === 45 || c === 42 || c === 43) j = i + 1
  else {
    while (j < source.length && j - i < 9 && source.charCodeAt(j) >= 48 && source.charCodeAt(j) <= 57) j++
    if (j === i || (source.charCodeAt(j) !== 46 && source.charCodeAt(j) !== 41)) return false
    j++
  }
  const next = source.charCodeAt(j)
  return next === 32 || next === 9
}

/** Parses HTML, text or Markdown synchronously (`.eml` needs {@link buildDocument}). */
export function buildDocumentSync(source: string, options: DocumentOptions = {}): EmailDocument {
  const format = options.format ?? formatFromFilename(options.filename) ?? sniffFormat(source)
  checkInput(source, options.maxBytes ?? 10 * 1024 * 1024)
  let draft: Draft
  if (format === 'html') draft = fromBody(format, source, parseHtml(source, withDepth(options)))
  else if (format === 'text') {
    // Headers pasted at the top ("From: …", "Subject: …") are the email's headers, not body text: blanked out, offsets kept.
    const pasted = readPastedHeaders(source)
    draft = fromBody(format, source, parseText(pasted ? blankFrontMatter(source, pasted.end) : source))
    if (pasted) applyFrontMatter(draft, pasted)
  } else if (format === 'markdown') {
    // Front matter (`---` / `subject: …` / `---`) is the email's headers, not body text: blanked out, offsets kept.
    const front = readFrontMatter(source) ?? readPastedHeaders(source)
    const text = front ? blankFrontMatter(source, front.end) : source
    const risk = markdownRisk(text)
    if (risk) {
      // micromark's emphasis matching is quadratic in dense `*`/`_` runs: read such input as plain text.
      const body = parseText(text)
      body.notes.push(`Read as plain text, not Markdown: ${risk}.`)
      draft = fromBody(format, source, body)
    } else draft = fromBody(format, source, parseMarkdown(text))
    if (front) applyFrontMatter(draft, front)
  } else {
    throw new InputError('.eml input is parsed asynchronously: use lint() or lintFile(), not lintSync().')
  }
  return finish(draft, options)
}

/** Parses any format. */
export async function buildDocument(source: string, options: DocumentOptions = {}): Promise<EmailDocument> {
  const format = options.format ?? formatFromFilename(options.filename) ?? sniffFormat(source)
  if (format !== 'eml') return buildDocumentSync(source, {...options, format})
  checkInput(source, options.maxBytes ?? 10 * 1024 * 1024)
  let eml: ParsedEml
  try {
    const emlOptions: {maxParts?: number; maxDepth?: number} = {}
    if (options.maxParts !== undefined) emlOptions.maxParts = options.maxParts
    if (options.maxDepth !== undefined) emlOptions.maxDepth = options.maxDepth
    eml = await parseEml(source, emlOptions)
  } catch (error) {
    // Only "this is not MIME" (or over a limit) is the input's fault; any other error is a bug here and propagates.
    if (error instanceof EmlParseError) throw new InputError(`Cannot read this message as MIME: ${error.message}`)
    throw error
  }
  const primary = eml.parts[0]
  const body: ParsedBody = primary?.body ?? {blocks: [], links: [], images: [], directives: [], notes: [], bodyStart: eml.bodyStart}
  const draft = fromBody('eml', source, body)
  draft.bodyStart = primary?.sourceStart ?? eml.bodyStart
  draft.headers = eml.headers
  draft.addresses = eml.addresses
  draft.notes = [...eml.notes, ...eml.parts.flatMap((p) => p.body.notes)]
  draft.parts = eml.parts.map(
    (p): PartBody => ({
      kind: p.kind,
      blocks: p.body.blocks.map((b) => ({...b, part: p.kind})),
      links: p.body.links.map((l) => ({...l, part: p.kind})),
      images: p.body.images.map((i) => ({...i, part: p.kind})),
      sourceStart: p.sourceStart,
      sourceEnd: p.sourceEnd,
      text: p.text,
      map: p.map,
      coarse: p.coarse,
    }),
  )
  if (draft.parts[0]) {
    draft.blocks = draft.parts[0].blocks
    draft.links = draft.parts[0].links
    draft.images = draft.parts[0].images
  }
  draft.directives = eml.parts.flatMap((p) => p.body.directives)
  const subject = eml.headers.get('subject')
  if (subject) draft.subject = headerBlock(subject)
  return finish(draft, options)
}

function withDepth(options: DocumentOptions): {maxDepth?: number} {
  return options.maxDepth !== undefined ? {maxDepth: options.maxDepth} : {}
}

function finish(draft: Draft, options: DocumentOptions): EmailDocument {
  if (options.subject !== undefined && !draft.subject) draft.subject = optionBlock('subject', options.subject)
  if (options.from && !draft.addresses.some((a) => a.header === 'from')) {
    draft.addresses.push(...parseAddressOption(options.from, 'from'))
  }
  if (options.replyTo && !draft.addresses.some((a) => a.header === 'reply-to')) {
    draft.addresses.push(...parseAddressOption(options.replyTo, 'reply-to'))
  }
  draft.blocks.forEach((block) => {
    for (const [start, end] of findPlaceholders(block.text)) draft.placeholders.push({block, start, end})
  })
  let sample = ''
  for (const block of draft.blocks) {
    if (!block.prose || block.kind === 'footer') continue
    sample += `${block.text}\n`
    if (sample.length > 1500) break
  }
  if (sample.length < 200 && draft.subject) sample = `${draft.subject.text}\n${sample}`
  const fallback = options.defaultLanguage ?? 'en'
  let language: Language
  let languageSource: EmailDocument['languageSource']
  let unsupported: string | undefined
  if (options.language === 'en' || options.language === 'pl') {
    language = options.language as Language
    languageSource = 'config'
  } else if (options.language && options.language !== 'auto') {
    language = fallback
    languageSource = 'config-unsupported'
    unsupported = options.language
  } else {
    const choice = detectLanguage(sample, fallback)
    language = choice.language
    languageSource = choice.source
    if (choice.source === 'default-unsupported' && choice.detected) unsupported = choice.detected
  }
  const document: EmailDocument = {...draft, language, languageSource, lines: new LineIndex(draft.source)}
  if (unsupported) document.unsupportedLanguage = unsupported
  return document
}
