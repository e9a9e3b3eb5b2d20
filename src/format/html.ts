/**
 * A self-contained HTML report: every email as its recipients would see it,
 * with each finding highlighted and numbered in place, and the findings
 * beside it. One file, no network, no script: the email is shown in a
 * sandboxed `<iframe srcdoc>` (scripts, forms, popups and same-origin access
 * all off) under a Content-Security-Policy that loads nothing remote, after
 * every construct that could load a URL has been neutralised (src/preview.ts):
 * Chromium connects for a frame's navigation before the policy blocks it.
 */
import {assertRenderable} from '../result-schema.js'
import {relativePath} from './paths.js'
import {neutralizePreviewMapped} from '../preview.js'
import type {Address, EmailDocument, Format, PartKind, SourceMapper} from '../document.js'
import {ruleUrl} from '../engine.js'
import type {LintResult} from '../lint.js'
import type {AnyRule, Diagnostic, Severity} from '../rule.js'
import {whereOf} from './where.js'

/** Options for {@link formatHtml}. */
export interface HtmlReportOptions {
  /** Folder that file paths are shown relative to. */
  cwd?: string
  /** The page title. */
  title?: string
}

/** The policy inside each preview: nothing remote, no script; inline styles and `data:` images only. */
export const PREVIEW_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

/** The policy of the report page itself. */
export const PAGE_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-src 'self'"

/** Escapes text for HTML text and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITY[c]!)
}
const ENTITY: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

// ---------------------------------------------------------------------------
// Marks: numbered highlights over a string

/** A finding to show at a place: a highlighted span, or a numbered point when `start === end`. */
interface Mark {
  n: number
  severity: Severity
  start: number
  end: number
}

function openMark(mark: Mark, first: boolean, point: boolean): string {
  const classes = [`al-${mark.severity}`, ...(first ? ['al-first'] : []), ...(point ? ['al-point'] : [])]
  return `<mark data-n="${mark.n}" class="${classes.join(' ')}">`
}

/**
 * Renders `text[from, to)` with `marks` (in the same coordinates) as properly
 * nested `<mark>` elements: overlapping marks are cut at every boundary so
 * that no element straddles another. Points come before the character at
 * their position; points at `to` are included only when `closing` (the end
 * of the whole text). `firstDone` tracks which numbers already carry their label.
 */
function renderMarked(
  text: string,
  from: number,
  to: number,
  marks: readonly Mark[],
  firstDone: Set<number>,
  escape: (s: string) => string,
  closing = false,
): string {
  const spans = marks.filter((m) => m.end > m.start && m.start < to && m.end > from)
  const points = marks.filter((m) => m.end === m.start && m.start >= from && (m.start < to || (closing && m.start === to)))
  const cuts = new Set<number>([from, to])
  for (const m of spans) {
    cuts.add(Math.max(from, m.start))
    cuts.add(Math.min(to, m.end))
  }
  for (const p of points) cuts.add(p.start)
  const sorted = [...cuts].sort((a, b) => a - b)
  // Points by position (in their given order), and spans by where they start: one sweep over the cuts, so the
  // time is the size of the output, not cuts × marks.
  const pointsAt = new Map<number, Mark[]>()
  for (const p of points) {
    const list = pointsAt.get(p.start)
    if (list) list.push(p)
    else pointsAt.set(p.start, [p])
  }
  const byStart = spans.map((m, i) => ({m, i, at: Math.max(from, m.start)})).sort((x, y) => x.at - y.at || x.i - y.i)
  let next = 0
  let active: Mark[] = []
  const order = (x: Mark, y: Mark): number => x.start - y.start || y.end - x.end || x.n - y.n
  let out = ''
  for (let i = 0; i < sorted.length - 1; i++) {
    const a = sorted[i]!
    const b = sorted[i + 1]!
    for (const p of pointsAt.get(a) ?? []) {
      out += `${openMark(p, !firstDone.has(p.n), true)}</mark>`
      firstDone.add(p.n)
    }
    if (active.length > 0) active = active.filter((m) => m.end >= b)
    while (next < byStart.length && byStart[next]!.at <= a) {
      const m = byStart[next++]!.m
      if (m.end >= b) active.push(m)
    }
    const piece = escape(text.slice(a, b))
    // White space alone gets no highlight: inside tables it would be moved out of place.
    if (active.length === 0 || text.slice(a, b).trim() === '') {
      out += piece
      continue
    }
    // The wider mark outside, so that nesting looks the same in every piece.
    const covering = active.slice().sort(order)
    let open = ''
    for (const m of covering) {
      open += openMark(m, !firstDone.has(m.n), false)
      firstDone.add(m.n)
    }
    out += `${open}${piece}${'</mark>'.repeat(covering.length)}`
  }
  for (const p of pointsAt.get(to) ?? []) {
    if (p.start !== to) continue
    out += `${openMark(p, !firstDone.has(p.n), true)}</mark>`
    firstDone.add(p.n)
  }
  return out
}

// ---------------------------------------------------------------------------
// HTML source: where a mark may go

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext'])
const HEAD_ELEMENTS = new Set(['html', 'head', 'meta', 'link', 'style', 'title', 'base', 'script', 'noscript', 'template', 'basefont', 'bgsound'])
const OPAQUE = new Set(['svg', 'math', 'template', 'select', 'object'])

/** What a scan of an HTML string finds: text runs a mark may wrap, positions a point may sit at, and tags to neutralise. */
interface HtmlLayout {
  /** Text runs in the visible body, in order. */
  texts: {start: number; end: number}[]
  /** Closed intervals where a point may be inserted, in order. */
  slots: {start: number; end: number}[]
  /** Where the preview's own `<head>` content goes: after a leading doctype, so that the email keeps its rendering mode. */
  preludeAt: number
  /** `<meta http-equiv="refresh">` tags, which would navigate the preview away. */
  refreshes: {start: number; end: number}[]
}

/**
 * Scans HTML the way a browser tokenises it, closely enough to tell body
 * text from tags, comments, raw text (`<script>`, `<style>`, `<title>`,
 * `<textarea>`), the head, and foreign or inert content (`<svg>`, `<template>`,
 * `<select>`), where an inserted `<mark>` would not render.
 */
function scanHtml(html: string): HtmlLayout {
  const texts: HtmlLayout['texts'] = []
  const slots: HtmlLayout['slots'] = []
  const refreshes: HtmlLayout['refreshes'] = []
  let preludeAt = 0
  let phase: 'before' | 'head' | 'body' | 'after' = 'before'
  let opaque = 0
  const n = html.length
  let i = 0
  const leading = leadingDoctypeEnd(html)
  if (leading > 0) {
    preludeAt = leading
    i = preludeAt
  }
  const text = (start: number, end: number): void => {
    if (end <= start) return
    if (phase !== 'body' && phase !== 'after' && html.slice(start, end).trim() !== '') phase = 'body'
    if (phase === 'body' && opaque === 0) {
      texts.push({start, end})
      slots.push({start, end})
    }
  }
  while (i < n) {
    const lt = html.indexOf('<', i)
    if (lt === -1) {
      text(i, n)
      break
    }
    const next = html.charCodeAt(lt + 1)
    const isLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
    if (html.startsWith('<!--', lt)) {
      text(i, lt)
      const close = html.indexOf('-->', lt + 4)
      i = close === -1 ? n : close + 3
      continue
    }
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      text(i, lt)
      const close = html.indexOf('>', lt)
      i = close === -1 ? n : close + 1
      continue
    }
    if (next === 47 /* / */ && isLetter(html.charCodeAt(lt + 2))) {
      text(i, lt)
      const close = html.indexOf('>', lt)
      const end = close === -1 ? n : close + 1
      const name = /^<\/([a-zA-Z][^\s/>]*)/.exec(html.slice(lt, end))![1]!.toLowerCase()
      if (name === 'head' && phase !== 'body' && phase !== 'after') phase = 'before'
      else if ((name === 'body' || name === 'html') && phase === 'body') phase = 'after'
      else if (OPAQUE.has(name) && opaque > 0) opaque--
      i = end
      continue
    }
    if (!isLetter(next)) {
      // A `<` that opens no tag is text.
      text(i, lt + 1)
      i = lt + 1
      continue
    }
    text(i, lt)
    const end = tagEnd(html, lt)
    const tag = html.slice(lt, end)
    const name = /^<([a-zA-Z][^\s/>]*)/.exec(tag)![1]!.toLowerCase()
    if (phase === 'body' && opaque === 0) slots.push({start: lt, end: lt})
    if (name === 'head' && phase === 'before') phase = 'head'
    else if (name === 'body' && phase !== 'after') phase = 'body'
    else if (!HEAD_ELEMENTS.has(name) && (phase === 'before' || phase === 'head')) phase = 'body'
    if (name === 'meta' && /\shttp-equiv\s*=["'\s]*refresh/i.test(tag)) refreshes.push({start: lt, end})
    const selfClosing = /\/\s*>$/.test(tag)
    if (OPAQUE.has(name) && !selfClosing) opaque++
    i = end
    if (RAW_TEXT.has(name) && !selfClosing) {
      // Raw text runs to the matching end tag; nothing inside is markup.
      if (name === 'plaintext') {
        i = n
        break
      }
      const re = new RegExp(`</${name}[\\s/>]`, 'ig')
      re.lastIndex = i
      const m = re.exec(html)
      i = m ? m.index : n
    }
  }
  return {texts, slots, preludeAt, refreshes}
}

/** The end of a start tag at `lt`: the first `>` outside quoted attribute values. */
function tagEnd(html: string, lt: number): number {
  let quote = 0
  for (let j = lt + 1; j < html.length; j++) {
    const c = html.charCodeAt(j)
    if (quote) {
      if (c === quote) quote = 0
    } else if (c === 34 || c === 39) {
      // A quote opens a value only right after `=` (and optional space).
      if (/=\s*$/.test(html.slice(Math.max(lt, j - 8), j))) quote = c
    } else if (c === 62) return j + 1
  }
  return html.length
}

/** Where a point at `offset` goes: there when a point may sit there, else at the next place that allows one. */
function pointSlot(layout: HtmlLayout, offset: number, length: number): number {
  // Slots are in order and do not overlap: bisect for the first that ends at or after `offset`.
  const slots = layout.slots
  let lo = 0
  let hi = slots.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (slots[mid]!.end >= offset) hi = mid
    else lo = mid + 1
  }
  if (lo < slots.length) return Math.max(offset, slots[lo]!.start)
  const last = slots[slots.length - 1]
  return last ? last.end : length
}

/** The index of the first text run that ends after `offset` (runs are in order and do not overlap). */
function firstTextAfter(texts: HtmlLayout['texts'], offset: number): number {
  let lo = 0
  let hi = texts.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (texts[mid]!.end > offset) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** The preview's own head: the policy first, then the highlight styles. */
function prelude(): string {
  return (
    `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">` +
    '<meta http-equiv="x-dns-prefetch-control" content="off">' +
    '<meta name="referrer" content="no-referrer">' +
    // Links open nowhere: a popup is what the sandbox blocks.
    '<base target="_blank">' +
    `<style>${MARK_CSS}</style>`
  )
}

const MARK_CSS = [
  'mark[data-n]{background:#fff3bf!important;color:inherit!important;outline:2px solid #f59f00!important;border-radius:2px;padding:0!important}',
  'mark[data-n].al-error{background:#ffe3e3!important;outline-color:#e03131!important}',
  'mark[data-n].al-info{background:#e7f5ff!important;outline-color:#1c7ed6!important}',
  'mark[data-n] mark[data-n]{outline-style:dashed!important}',
  'mark.al-first::before{content:attr(data-n);display:inline-block;font:bold 11px/1.3 system-ui,sans-serif;color:#fff;background:#f59f00;border-radius:8px;padding:0 5px;margin:0 3px 0 0;vertical-align:super}',
  'mark.al-first.al-error::before{background:#e03131}',
  'mark.al-first.al-info::before{background:#1c7ed6}',
  'mark.al-point{outline:none!important;background:none!important}',
].join('')

/** The email HTML with marks inserted, ready for `srcdoc`. */
function markHtml(original: string, originalMarks: readonly Mark[]): string {
  // Nothing in the preview may load a URL: neutralise first, then place the marks in the neutralised HTML.
  const safe = neutralizePreviewMapped(original)
  const html = safe.html
  const marks = originalMarks.map((m) => ({...m, start: safe.map(m.start), end: safe.map(m.end)}))
  const layout = scanHtml(html)
  const firstDone = new Set<number>()
  interface Edit {
    start: number
    end: number
    html: string
    order: number
  }
  const edits: Edit[] = [{start: layout.preludeAt, end: layout.preludeAt, html: prelude(), order: 0}]
  for (const r of layout.refreshes) edits.push({start: r.start, end: r.end, html: '<!-- apology-lint report: meta refresh removed -->', order: 2})
  // Spans that cover no visible text, and points, become points at their start.
  const placed: Mark[] = []
  const texts = layout.texts
  for (const m of marks) {
    let inText = false
    if (m.end > m.start) {
      for (let k = firstTextAfter(texts, m.start); k < texts.length && texts[k]!.start < m.end; k++) {
        const t = texts[k]!
        if (html.slice(Math.max(t.start, m.start), Math.min(t.end, m.end)).trim() !== '') {
          inText = true
          break
        }
      }
    }
    placed.push(inText ? m : {...m, start: pointSlot(layout, m.start, html.length), end: pointSlot(layout, m.start, html.length)})
  }
  // The marks touching each text run, in the order of `placed`: each mark visits only the runs it touches.
  const touchingByText = new Map<number, Mark[]>()
  const touch = (k: number, m: Mark): void => {
    const list = touchingByText.get(k)
    if (list) list.push(m)
    else touchingByText.set(k, [m])
  }
  for (const m of placed) {
    if (m.end > m.start) {
      for (let k = firstTextAfter(texts, m.start); k < texts.length && texts[k]!.start < m.end; k++) touch(k, m)
    } else {
      const k = firstTextAfter(texts, m.start)
      if (k < texts.length && texts[k]!.start <= m.start) touch(k, m)
    }
  }
  const rewritten = new Set<number>()
  for (const k of [...touchingByText.keys()].sort((a, b) => a - b)) {
    const t = texts[k]!
    rewritten.add(k)
    edits.push({start: t.start, end: t.end, html: renderMarked(html, t.start, t.end, touchingByText.get(k)!, firstDone, (s) => s), order: 1})
  }
  for (const m of placed) {
    if (m.end !== m.start) continue
    const k = firstTextAfter(texts, m.start)
    if (k < texts.length && rewritten.has(k) && texts[k]!.start <= m.start) continue
    edits.push({start: m.start, end: m.start, html: `${openMark(m, !firstDone.has(m.n), true)}</mark>`, order: 1})
    firstDone.add(m.n)
  }
  edits.sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start) || a.order - b.order)
  let out = ''
  let cursor = 0
  for (const e of edits) {
    if (e.start < cursor) continue
    out += html.slice(cursor, e.start) + e.html
    cursor = e.end
  }
  return out + html.slice(cursor)
}

// ---------------------------------------------------------------------------
// .eml: a body part as the parser decoded it, with a map back to the raw message

/** A decoded body and the map from source offsets into it. */
interface DecodedPart {
  text: string
  /** The local offset of a source offset, or undefined when it lies outside the part. */
  toLocal(offset: number): number | undefined
}

/**
 * A body part of a raw message, as the parser decoded it (the one MIME
 * decoder: transfer encoding, charset and `format=flowed` undone), with the
 * part's map inverted: a source offset goes to the first character that
 * starts at or after it.
 */
function emlPart(document: EmailDocument, kind: PartKind): DecodedPart | undefined {
  const part = document.parts.find((p) => p.kind === kind)
  if (!part) return undefined
  const {text, map, sourceStart, sourceEnd} = part
  return {
    text,
    toLocal(offset) {
      if (offset < sourceStart || offset > sourceEnd) return undefined
      // The map is monotonic, so a binary search finds the first character at or after the offset.
      let lo = 0
      let hi = text.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (map.start(mid) < offset) lo = mid + 1
        else hi = mid
      }
      return lo
    },
  }
}

// ---------------------------------------------------------------------------
// The page

interface Finding {
  n: number
  /** The list item's element id, for links from the checklist. */
  id: string
  diagnostic: Diagnostic
  /** Where it is shown: the preview, an .eml's plain-text part, the envelope (sender or subject line), or only the source view. */
  where: 'preview' | 'text' | 'subject' | 'sender' | 'source'
}

/** Renders a message with `code` spans for backticked text (escaped first). */
function richText(text: string): string {
  return escapeHtml(text).replace(/`([^`\n]+)`/g, '<code>$1</code>')
}

function safeHref(url: string): string | undefined {
  return /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined
}

function displayPath(path: string | undefined, cwd?: string): string {
  return path === undefined ? 'standard input' : relativePath(path, cwd)
}

const FORMAT_NAME: Record<Format, string> = {html: 'HTML', text: 'plain text', markdown: 'Markdown', eml: '.eml message'}

/** Highlights marks in mapped text (a decoded header or the subject): each character maps back to its source span. */
function renderMappedText(text: string, map: SourceMapper, findings: readonly Finding[]): string {
  const marks: Mark[] = []
  for (const f of findings) {
    const {start, end} = f.diagnostic.range
    let a = -1
    let b = -1
    for (let k = 0; k < text.length; k++) {
      if (map.start(k) >= start.offset && map.end(k + 1) <= end.offset && end.offset > start.offset) {
        if (a === -1) a = k
        b = k + 1
      }
    }
    if (a === -1 && f.diagnostic.actual) {
      // A subject or sender given as an option has no source of its own: find the flagged words.
      const at = text.indexOf(f.diagnostic.actual)
      if (at !== -1) [a, b] = [at, at + f.diagnostic.actual.length]
    }
    if (a === -1) {
      let k = 0
      while (k < text.length && map.start(k) < start.offset) k++
      a = b = k
    }
    marks.push({n: f.n, severity: f.diagnostic.severity, start: a, end: b})
  }
  return renderMarked(text, 0, text.length, marks, new Set(), escapeHtml, true)
}

function spansHeader(d: Diagnostic, header: {sourceStart: number; sourceEnd: number}): boolean {
  return d.range.start.offset >= header.sourceStart && d.range.end.offset <= header.sourceEnd && header.sourceEnd > header.sourceStart
}

/** Which envelope line a finding belongs to, if any. */
function envelopeOf(d: Diagnostic, document: EmailDocument | undefined): 'subject' | 'sender' | undefined {
  if (d.location) return d.location === 'subject' ? 'subject' : 'sender'
  if (!document) return undefined
  const subject = document.subject
  if (subject) {
    if (document.format === 'eml') {
      const field = document.headers.get('subject')
      if (field && spansHeader(d, field)) return 'subject'
    } else if (
      d.range.start.offset === d.range.end.offset &&
      subject.sourceStart === subject.sourceEnd &&
      d.range.start.offset === subject.sourceStart &&
      d.actual &&
      subject.text.includes(d.actual)
    ) {
      return 'subject'
    }
  }
  for (const address of document.addresses) {
    if (address.field && spansHeader(d, address.field)) return 'sender'
    if (
      !address.field &&
      d.range.start.offset === d.range.end.offset &&
      d.actual === undefined &&
      address.address &&
      d.message.includes(`\`${address.address}\``)
    )
      return 'sender'
  }
  return undefined
}

function senderLines(document: EmailDocument, findings: readonly Finding[]): string {
  const label: Record<Address['header'], string> = {from: 'From', 'reply-to': 'Reply-To', sender: 'Sender'}
  const seen = new Set<string>()
  let out = ''
  for (const address of document.addresses) {
    const key = address.field ? `field:${address.field.sourceStart}` : `${address.header}:${address.address}`
    if (seen.has(key)) continue
    seen.add(key)
    let value: string
    if (address.field) {
      const mine = findings.filter((f) => f.where === 'sender' && spansHeader(f.diagnostic, address.field!))
      value = renderMappedText(address.field.value, address.field.map, mine)
    } else {
      const shown = address.name ? `${address.name} <${address.address}>` : address.address
      const mine = findings.filter((f) => f.where === 'sender' && f.diagnostic.message.includes(`\`${address.address}\``))
      const at = shown.lastIndexOf(address.address)
      const marks = mine.map((f): Mark => ({n: f.n, severity: f.diagnostic.severity, start: at, end: at + address.address.length}))
      value = renderMarked(shown, 0, shown.length, marks, new Set(), escapeHtml, true)
    }
    out += `<dt>${label[address.header]}</dt><dd>${value}</dd>`
  }
  return out
}

/** A checklist as `LintResult.checklist` carries it (`{items, score, doNotSend}`), or a bare array of items. */
function renderChecklist(checklist: unknown, findings: readonly Finding[]): string {
  const container = Array.isArray(checklist) ? {items: checklist} : checklist
  if (typeof container !== 'object' || container === null) return ''
  const {items, score, doNotSend} = container as {items?: unknown; score?: unknown; doNotSend?: unknown}
  if (!Array.isArray(items)) return ''
  const rows = items
    .filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null && typeof (i as {item?: unknown}).item === 'string')
    .map((i) => {
      const status = typeof i.status === 'string' ? i.status : 'unknown'
      const ruleIds = Array.isArray(i.ruleIds) ? i.ruleIds.filter((r): r is string => typeof r === 'string') : []
      const numbers = findings.filter((f) => ruleIds.includes(f.diagnostic.ruleId)).map((f) => `<a href="#${f.id}">${f.n}</a>`)
      const icon = status === 'pass' ? '✔' : status === 'fail' ? '✘' : '–'
      return (
        `<tr class="al-check-${escapeHtml(status.replace(/[^a-z-]/gi, ''))}"><td class="al-icon" aria-hidden="true">${icon}</td>` +
        `<td>${escapeHtml(String(i.item))}</td><td>${escapeHtml(status)}</td>` +
        `<td>${ruleIds.map((r) => `<code>${escapeHtml(r)}</code>`).join(' ')}${numbers.length ? ` (findings ${numbers.join(', ')})` : ''}</td></tr>`
      )
    })
  if (rows.length === 0) return ''
  const scoreText = typeof score === 'number' ? ` <span class="al-score">readiness ${escapeHtml(String(score))}/100</span>` : ''
  const stop = doNotSend === true ? '<p class="al-stop">Do not send this email at all.</p>' : ''
  return `<section class="al-checklist"><h3>Checklist${scoreText}</h3>${stop}<table><thead><tr><th></th><th>Point</th><th>Status</th><th>Rules</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`
}

function renderFinding(f: Finding, rulesById: ReadonlyMap<string, AnyRule>, result: LintResult): string {
  const d = f.diagnostic
  const rule = rulesById.get(d.ruleId)
  const href = safeHref(d.url) ?? (rule ? safeHref(ruleUrl(rule)) : undefined)
  const ruleLink = href
    ? `<a class="al-rule" href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${escapeHtml(d.ruleId)}</a>`
    : `<span class="al-rule">${escapeHtml(d.ruleId)}</span>`
  const where: Record<Finding['where'], string> = {
    preview: '',
    text: ' · plain-text part',
    subject: ' · subject line',
    sender: ' · sender',
    source: result.format === 'eml' ? ' · message source' : ' · source',
  }
  const part = d.part && f.where !== 'text' ? ` · ${d.part === 'html' ? 'HTML' : 'plain-text'} part` : ''
  let out = `<li id="${f.id}" class="al-finding al-${d.severity}">`
  out += `<div class="al-head"><span class="al-n al-${d.severity}">${f.n}</span> <span class="al-sev">${d.severity}</span> ${ruleLink} <span class="al-loc">${d.location ? escapeHtml(`${whereOf(d)} (given as an option)`) : `${whereOf(d)}${where[f.where]}`}${part}</span></div>`
  out += `<p class="al-msg">${richText(d.message)}</p>`
  if (d.actual !== undefined && d.actual !== '') out += `<p class="al-actual">Flagged: <q>${escapeHtml(d.actual)}</q></p>`
  const why = d.note ?? rule?.docs.why
  if (why) out += `<p class="al-why"><b>Why:</b> ${richText(why)}</p>`
  if (rule?.docs.fix) out += `<p class="al-fix"><b>Fix:</b> ${richText(rule.docs.fix)}</p>`
  if (d.suggestions?.length) {
    out += `<ul class="al-suggestions">${d.suggestions.map((s) => `<li>${richText(s.text)}: <code>${escapeHtml(s.replacement)}</code></li>`).join('')}</ul>`
  }
  return `${out}</li>`
}

/** Findings as marks in a decoded part's coordinates (source coordinates when `part` is absent). */
function marksIn(findings: readonly Finding[], part?: DecodedPart): Mark[] {
  const marks: Mark[] = []
  for (const f of findings) {
    const {start, end} = f.diagnostic.range
    const a = part ? part.toLocal(start.offset) : start.offset
    const b = part ? (part.toLocal(end.offset) ?? a) : end.offset
    if (a === undefined || b === undefined) continue
    marks.push({n: f.n, severity: f.diagnostic.severity, start: a, end: Math.max(a, b)})
  }
  return marks
}

function renderPre(text: string, marks: readonly Mark[]): string {
  return `<pre class="al-source">${renderMarked(text, 0, text.length, marks, new Set(), escapeHtml, true)}</pre>`
}

function renderIframe(html: string, title: string): string {
  return `<iframe class="al-frame" sandbox="" referrerpolicy="no-referrer" loading="eager" title="${escapeHtml(title)}" srcdoc="${escapeHtml(html)}"></iframe>`
}

function renderEmail(result: LintResult, index: number, rulesById: ReadonlyMap<string, AnyRule>, options: HtmlReportOptions): string {
  const name = displayPath(result.filePath, options.cwd)
  const document = result.document
  const findings: Finding[] = result.diagnostics.map((diagnostic, k) => ({n: k + 1, id: `email-${index}-finding-${k + 1}`, diagnostic, where: 'preview'}))

  // Decide where each finding is shown.
  let htmlPart: DecodedPart | undefined
  let textPart: DecodedPart | undefined
  if (result.format === 'html') htmlPart = {text: result.source, toLocal: (o) => o}
  else if (document?.format === 'eml') {
    htmlPart = emlPart(document, 'html')
    textPart = emlPart(document, 'text')
  }
  for (const f of findings) {
    const envelope = envelopeOf(f.diagnostic, document)
    const at = f.diagnostic.range.start.offset
    if (envelope) f.where = envelope
    else if (result.format !== 'eml') f.where = 'preview'
    else if (htmlPart?.toLocal(at) !== undefined) f.where = 'preview'
    else if (textPart?.toLocal(at) !== undefined) f.where = 'text'
    else f.where = 'source'
  }
  const shownIn = (where: Finding['where']): Finding[] => findings.filter((f) => f.where === where)

  let body = ''
  if (htmlPart) body += renderIframe(markHtml(htmlPart.text, marksIn(shownIn('preview'), htmlPart)), `Email preview: ${name}`)
  else if (result.format !== 'eml') body += renderPre(result.source, marksIn(shownIn('preview')))
  if (textPart) {
    const open = !htmlPart || shownIn('text').length > 0 ? ' open' : ''
    body += `<details class="al-part"${open}><summary>Plain-text part</summary>${renderPre(textPart.text, marksIn(shownIn('text'), textPart))}</details>`
  }
  if (result.format === 'eml') {
    if (!htmlPart && !textPart) body += '<p class="al-none">No body part could be decoded for a preview: the message source is shown below.</p>'
    const open = htmlPart || textPart ? '' : ' open'
    body += `<details class="al-raw"${open}><summary>Message source (every finding numbered)</summary>${renderPre(result.source, marksIn(findings))}</details>`
  }

  const counts = `${result.errorCount} error${result.errorCount === 1 ? '' : 's'}, ${result.warningCount} warning${result.warningCount === 1 ? '' : 's'}, ${result.infoCount} info`
  let out = `<section class="al-email" id="email-${index}"><header><h2>${escapeHtml(name)}</h2>`
  out += `<p class="al-meta">${FORMAT_NAME[result.format]} · language <code>${escapeHtml(result.language)}</code> · ${counts}</p>`
  if (document) {
    let envelope = senderLines(document, findings)
    if (document.subject) {
      const mine = findings.filter((f) => f.where === 'subject')
      envelope += `<dt>Subject</dt><dd>${renderMappedText(document.subject.text, document.subject.map, mine)}</dd>`
    }
    if (envelope) out += `<dl class="al-envelope">${envelope}</dl>`
  }
  out += '</header>'
  out += `<div class="al-columns"><div class="al-preview">${body}</div>`
  out += findings.length
    ? `<ol class="al-findings">${findings.map((f) => renderFinding(f, rulesById, result)).join('')}</ol>`
    : '<p class="al-clean">No findings.</p>'
  out += '</div>'
  out += renderChecklist((result as {checklist?: unknown}).checklist, findings)
  if (result.suppressed.length) {
    out += `<details class="al-suppressed"><summary>${result.suppressed.length} suppressed by inline directives</summary><ul>`
    for (const s of result.suppressed) {
      const d = s.diagnostic
      out += `<li><span class="al-sev">${d.severity}</span> <code>${escapeHtml(d.ruleId)}</code> ${escapeHtml(whereOf(d))} ${richText(d.message)}${s.reason ? ` — <i>${escapeHtml(s.reason)}</i>` : ''}</li>`
    }
    out += '</ul></details>'
  }
  if (result.notes.length) out += `<ul class="al-notes">${result.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`
  return `${out}</section>`
}

const PAGE_CSS = `
:root{color-scheme:light;--error:#c92a2a;--warning:#e67700;--info:#1971c2;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#212529;background:#f1f3f5}
body{margin:0;padding:24px}
h1{font-size:22px;margin:0 0 4px}
.al-summary{margin:0 0 16px}.al-toc{margin:0 0 24px;padding-left:20px}
.al-email{background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:16px 20px;margin:0 0 24px}
.al-email h2{font-size:18px;margin:0;word-break:break-all}.al-meta{color:#495057;margin:2px 0 8px}
.al-envelope{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 12px}
.al-envelope dt{font-weight:600;color:#495057}.al-envelope dd{margin:0}
.al-columns{display:grid;grid-template-columns:minmax(0,3fr) minmax(280px,2fr);gap:20px;align-items:start}
@media (max-width:900px){.al-columns{grid-template-columns:1fr}}
.al-frame{width:100%;height:70vh;border:1px solid #ced4da;border-radius:4px;background:#fff;resize:vertical}
.al-source{white-space:pre-wrap;word-break:break-word;background:#f8f9fa;border:1px solid #dee2e6;border-radius:4px;padding:12px;max-height:70vh;overflow:auto;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace}
.al-findings{list-style:none;margin:0;padding:0}
.al-finding{border-left:4px solid var(--warning);padding:6px 10px;margin:0 0 10px;background:#fff9db}
.al-finding.al-error{border-color:var(--error);background:#fff5f5}.al-finding.al-info{border-color:var(--info);background:#e7f5ff}
.al-finding p{margin:4px 0}.al-loc{color:#495057;font-size:13px}.al-sev{text-transform:uppercase;font-size:11px;font-weight:700;letter-spacing:.04em}
.al-n{display:inline-block;min-width:20px;text-align:center;color:#fff;border-radius:10px;font-weight:700;font-size:12px;padding:0 5px;background:var(--warning)}
.al-n.al-error{background:var(--error)}.al-n.al-info{background:var(--info)}
.al-rule{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
mark[data-n]{background:#fff3bf;outline:2px solid #f59f00;border-radius:2px;color:inherit}
mark[data-n].al-error{background:#ffe3e3;outline-color:#e03131}mark[data-n].al-info{background:#e7f5ff;outline-color:#1c7ed6}
mark.al-first::before{content:attr(data-n);display:inline-block;font:bold 11px/1.3 system-ui,sans-serif;color:#fff;background:#f59f00;border-radius:8px;padding:0 5px;margin-right:3px;vertical-align:super}
mark.al-first.al-error::before{background:#e03131}mark.al-first.al-info::before{background:#1c7ed6}
mark.al-point{outline:none;background:none}
.al-checklist table{border-collapse:collapse;width:100%}.al-checklist td,.al-checklist th{border-bottom:1px solid #e9ecef;padding:4px 8px;text-align:left;vertical-align:top}
.al-check-pass .al-icon{color:#2b8a3e}.al-check-fail .al-icon{color:var(--error)}.al-check-not-applicable{color:#868e96}
.al-stop{color:var(--error);font-weight:700}.al-score{font-weight:400;color:#495057;font-size:14px}
.al-notes{color:#495057;font-size:13px}.al-clean{color:#2b8a3e;font-weight:600}
code{font:13px ui-monospace,Menlo,Consolas,monospace;background:#f1f3f5;padding:0 3px;border-radius:3px}
`

/**
 * Renders a self-contained HTML report (one page, no script, nothing loaded
 * from the network): for each email, a preview as recipients see it with
 * every finding highlighted and numbered, the findings beside it (severity,
 * rule and its docs, message, why, fix), the sender and subject, and the
 * checklist when the result has one.
 *
 * HTML is previewed in a sandboxed `<iframe srcdoc>` without `allow-scripts`,
 * under {@link PREVIEW_CSP}; text and Markdown are shown escaped in a `<pre>`;
 * an `.eml` previews its HTML part and also shows the raw message.
 *
 * @example
 * writeFileSync('report.html', formatHtml(results, allRules(plugins), {cwd: process.cwd()}))
 */
export function formatHtml(results: readonly LintResult[], rules: readonly AnyRule[], options: HtmlReportOptions = {}): string {
  // Only validated diagnostics are rendered: results may come from an untrusted cache or an API caller.
  assertRenderable(results)
  const rulesById = new Map(rules.map((r) => [r.id, r]))
  const title = options.title ?? 'apology-lint report'
  let errors = 0
  let warnings = 0
  let infos = 0
  for (const r of results) {
    errors += r.errorCount
    warnings += r.warningCount
    infos += r.infoCount
  }
  const toc = results
    .map((r, i) => {
      const total = r.errorCount + r.warningCount + r.infoCount
      return `<li><a href="#email-${i + 1}">${escapeHtml(displayPath(r.filePath, options.cwd))}</a> — ${total === 0 ? 'no findings' : `${total} finding${total === 1 ? '' : 's'}`}</li>`
    })
    .join('')
  const emails = results.map((r, i) => renderEmail(r, i + 1, rulesById, options)).join('\n')
  return (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">` +
    '<meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(title)}</title><style>${PAGE_CSS}</style></head>\n<body>` +
    `<h1>${escapeHtml(title)}</h1>` +
    `<p class="al-summary">${results.length} email${results.length === 1 ? '' : 's'} · ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info</p>` +
    (results.length > 1 ? `<ol class="al-toc">${toc}</ol>` : '') +
    `${emails}\n</body></html>\n`
  )
}

/**
 * End of a leading `<!doctype …>` (after an optional BOM, white space and
 * comments), or 0. A scan, not a regular expression: comments before the
 * doctype made the pattern backtrack exponentially.
 */
function leadingDoctypeEnd(html: string): number {
  let i = html.charCodeAt(0) === 0xfeff ? 1 : 0
  for (;;) {
    while (i < html.length && /\s/.test(html[i]!)) i++
    if (!html.startsWith('<!--', i)) break
    const close = html.indexOf('-->', i + 4)
    if (close < 0) return 0
    i = close + 3
  }
  if (html.slice(i, i + 9).toLowerCase() !== '<!doctype') return 0
  const end = html.indexOf('>', i)
  return end < 0 ? 0 : end + 1
}
