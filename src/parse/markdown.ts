/**
 * Markdown → visible blocks in reading order, with exact source maps.
 *
 * remark-parse (micromark) gives every mdast node its start and end offset.
 * A text node's value is not always its source slice: escapes (`\*`),
 * character references (`&amp;`) and soft line breaks (with the indentation
 * or `>` markers of the next line) are decoded away. Each value is therefore
 * walked against its source slice so that every visible character keeps the
 * span it came from; only what cannot be matched falls back to one atomic run.
 * The tree is walked without recursion, so deeply nested quotes or emphasis
 * cannot overflow the stack.
 */
import {decodeHTML} from 'entities'
import type {Nodes, Parents, Root, RootContent} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {ChainedMapper, TextBuilder, type Block, type BlockKind, type Image, type Link} from '../document.js'
import {parseHtml} from './html.js'
import {parseDirective, type ParsedBody} from './shared.js'
import {collectTextLinks} from './text.js'

/** One character reference; CommonMark requires the closing `;`. Sticky, so it is tried only at `&`. */
const ENTITY = /&(?:#[xX][0-9a-fA-F]{1,6};|#[0-9]{1,7};|[A-Za-z][A-Za-z0-9]{1,31};)/y
/** The opening fence of a fenced code block (up to three spaces of indentation). */
const FENCE = /^[ \t]{0,3}(?:`{3}|~{3})/
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/
/** One processor for every call: building it costs more than parsing a short email. */
const processor = unified().use(remarkParse)

/** Where a block sits: quoted replies and list items change the kind of the paragraphs inside. */
type Context = 'quote' | 'list-item' | undefined

interface BlockFrame {
  node: Nodes
  context: Context
  /** Source start of the enclosing list item, for its first paragraph. */
  itemStart?: number
}

/**
 * Parses a Markdown email into blocks, links and images.
 *
 * @example
 * const body = parseMarkdown('We are *really* sorry &amp; we fixed it.')
 * body.blocks[0].text // 'We are really sorry & we fixed it.'
 */
export function parseMarkdown(source: string): ParsedBody {
  const tree: Root = processor.parse(source)
  const body: ParsedBody = {blocks: [], links: [], images: [], directives: [], notes: [], bodyStart: 0}
  const definitions = collectDefinitions(tree)

  const stack: BlockFrame[] = []
  pushChildren(stack, tree.children, undefined)
  while (stack.length > 0) {
    const frame = stack.pop()!
    const node = frame.node
    switch (node.type) {
      case 'paragraph':
      case 'heading': {
        let kind: BlockKind = node.type === 'heading' ? 'heading' : 'paragraph'
        if (frame.context === 'quote') kind = 'quote'
        else if (frame.context === 'list-item' && kind === 'paragraph') kind = 'list-item'
        const level = node.type === 'heading' && kind === 'heading' ? node.depth : undefined
        const start = frame.itemStart ?? offsetOf(node, 'start')
        readInline(source, node, kind, start, level, definitions, body)
        break
      }
      case 'code':
        addCode(source, node, body)
        break
      case 'html':
        addHtmlBlock(source, node.value, offsetOf(node, 'start'), offsetOf(node, 'end'), body)
        break
      case 'blockquote':
        pushChildren(stack, node.children, 'quote')
        break
      case 'listItem': {
        const context: Context = frame.context === 'quote' ? 'quote' : 'list-item'
        const children = node.children
        for (let k = children.length - 1; k >= 0; k--) {
          const child: BlockFrame = {node: children[k]!, context}
          // The first paragraph of an item is anchored at the item, bullet included.
          if (k === 0 && child.node.type === 'paragraph') child.itemStart = offsetOf(node, 'start')
          stack.push(child)
        }
        break
      }
      case 'definition':
      case 'thematicBreak':
        break
      default:
        if ('children' in node) pushChildren(stack, node.children as RootContent[], frame.context)
    }
  }
  addBareLinks(body)
  return body
}

function pushChildren(stack: BlockFrame[], children: readonly RootContent[], context: Context): void {
  for (let k = children.length - 1; k >= 0; k--) stack.push({node: children[k]!, context})
}

function offsetOf(node: Nodes, side: 'start' | 'end'): number {
  return node.position?.[side].offset ?? 0
}

/** Link and image reference definitions (`[id]: https://…`), by identifier. */
function collectDefinitions(tree: Root): Map<string, string> {
  const definitions = new Map<string, string>()
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'definition') {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url)
    } else if ('children' in node) {
      for (const child of node.children) stack.push(child)
    }
  }
  return definitions
}

/**
 * Collapses white space into single spaces that map to the whole run, and
 * drops it at the start of a block, as an HTML renderer would.
 */
class BlockText {
  readonly builder = new TextBuilder()
  private pending: [number, number] | undefined

  markSpace(start: number, end: number): void {
    if (this.builder.length === 0) return
    if (!this.pending) this.pending = [start, end]
    else this.pending[1] = end
  }

  verbatim(text: string, at: number): void {
    this.emitSpace()
    this.builder.appendVerbatim(text, at)
  }

  atomic(text: string, start: number, end: number): void {
    this.emitSpace()
    this.builder.appendAtomic(text, start, end)
  }

  private emitSpace(): void {
    if (this.pending && this.builder.length > 0) this.builder.appendAtomic(' ', this.pending[0], this.pending[1])
    this.pending = undefined
  }
}

type InlineFrame = {node: Nodes; exit?: undefined} | {node?: undefined; exit: {link: Link; from: number; alt: string[]}}

/** Reads a paragraph or heading's phrasing content into one block. */
function readInline(
  source: string,
  parent: Parents,
  kind: BlockKind,
  sourceStart: number,
  level: number | undefined,
  definitions: Map<string, string>,
  body: ParsedBody,
): void {
  const text = new BlockText()
  const links: Link[] = []
  const openLinks: {link: Link; from: number; alt: string[]}[] = []
  const stack: InlineFrame[] = []
  const children = parent.children as Nodes[]
  for (let k = children.length - 1; k >= 0; k--) stack.push({node: children[k]!})

  while (stack.length > 0) {
    const frame = stack.pop()!
    if (frame.exit) {
      const {link, from, alt} = frame.exit
      openLinks.pop()
      link.text = text.builder.since(from).replace(/\s+/g, ' ').trim()
      // A linked image has no text of its own; its alt is what the reader sees when images are off.
      if (!link.text && alt.length > 0) link.text = alt[0]!
      continue
    }
    const node = frame.node
    const start = offsetOf(node, 'start')
    const end = offsetOf(node, 'end')
    switch (node.type) {
      case 'text':
        appendMapped(text, source, node.value, start, end)
        break
      case 'inlineCode':
        appendInlineCode(text, source, node.value, start, end)
        break
      case 'break':
        text.markSpace(start, end)
        break
      case 'html':
        if (/^<br\b/i.test(node.value)) text.markSpace(start, end)
        else addComments(node.value, start, body)
        break
      case 'image':
      case 'imageReference': {
        const src = node.type === 'image' ? node.url : (definitions.get(node.identifier) ?? '')
        const image: Image = {src, alt: node.alt ?? '', sourceStart: start, sourceEnd: end, beforeBlock: body.blocks.length}
        const open = openLinks[openLinks.length - 1]
        if (open) {
          image.href = open.link.href
          if (image.alt) open.alt.push(image.alt)
        }
        body.images.push(image)
        break
      }
      case 'link':
      case 'linkReference': {
        const href = node.type === 'link' ? node.url : definitions.get(node.identifier)
        if (href === undefined) {
          // An undefined reference renders as its literal text; its children are still visible.
          pushInline(stack, node.children)
          break
        }
        const link: Link = {href: href.trim(), text: '', sourceStart: start, sourceEnd: end, button: false}
        links.push(link)
        body.links.push(link)
        const open = {link, from: text.builder.length, alt: [] as string[]}
        openLinks.push(open)
        stack.push({exit: open})
        pushInline(stack, node.children)
        break
      }
      default:
        if ('children' in node) pushInline(stack, node.children as Nodes[])
    }
  }

  if (text.builder.length === 0) return
  const map = text.builder.finish()
  const block: Block = {
    kind,
    text: map.text,
    map,
    prose: kind !== 'quote' && kind !== 'code',
    tag: parent.type,
    sourceStart,
    sourceEnd: offsetOf(parent, 'end'),
  }
  if (level !== undefined) block.level = level
  const index = body.blocks.length
  for (const link of links) link.blockIndex = index
  body.blocks.push(block)
}

function pushInline(stack: InlineFrame[], children: readonly Nodes[]): void {
  for (let k = children.length - 1; k >= 0; k--) stack.push({node: children[k]!})
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r'
}

/**
 * Appends a node's decoded `value` whose source is `[start, end)`, matching the
 * two character by character: equal characters map one to one, an escape or a
 * character reference maps atomically to its source, and a white-space run
 * (including a line break with the next line's indentation and `>` markers)
 * becomes one space. Anything else ends the walk with one atomic run.
 */
function appendMapped(text: BlockText, source: string, value: string, start: number, end: number): void {
  if (end - start === value.length && source.startsWith(value, start) && !/[\s]/.test(value)) {
    text.verbatim(value, start)
    return
  }
  let i = start
  let j = 0
  let runStart = -1
  const flushRun = (): void => {
    if (runStart >= 0 && i > runStart) text.verbatim(source.slice(runStart, i), runStart)
    runStart = -1
  }
  while (j < value.length) {
    const v = value[j]!
    const c = source[i]
    if (i >= end) {
      flushRun()
      text.atomic(value.slice(j), Math.max(start, end - 1), end)
      return
    }
    if (c === '\\' && i + 1 < end && source[i + 1] === v && ASCII_PUNCTUATION.test(v)) {
      flushRun()
      text.atomic(v, i, i + 2)
      i += 2
      j++
      continue
    }
    if (c === '&') {
      ENTITY.lastIndex = i
      const m = ENTITY.exec(source)
      if (m && i + m[0].length <= end) {
        const decoded = decodeHTML(m[0])
        const stop = i + m[0].length
        if (decoded !== m[0] && value.startsWith(decoded, j)) {
          flushRun()
          if (/^[ \t\r\n]+$/.test(decoded)) text.markSpace(i, stop)
          else text.atomic(decoded, i, stop)
          i = stop
          j += decoded.length
          continue
        }
      }
    }
    if (isSpace(v)) {
      flushRun()
      let jj = j + 1
      while (jj < value.length && isSpace(value[jj])) jj++
      const next = value[jj]
      let ii = i
      let sawBreak = false
      while (ii < end) {
        const s = source[ii]!
        if (isSpace(s)) {
          if (s === '\n' || s === '\r') sawBreak = true
          ii++
        } else if (s === '>' && sawBreak && s !== next) {
          // A blockquote marker at the start of a continuation line is not text.
          ii++
        } else break
      }
      text.markSpace(i, ii)
      i = ii
      j = jj
      continue
    }
    if (c === v) {
      if (runStart < 0) runStart = i
      i++
      j++
      continue
    }
    flushRun()
    text.atomic(value.slice(j), i, end)
    return
  }
  flushRun()
}

/** An inline code span: its value is the source between the backtick runs, minus one padding space. */
function appendInlineCode(text: BlockText, source: string, value: string, start: number, end: number): void {
  let s = start
  let e = end
  while (s < e && source[s] === '`') s++
  while (e > s && source[e - 1] === '`') e--
  const inner = source.slice(s, e)
  if (inner !== value && inner.length >= 2 && isSpace(inner[0]) && isSpace(inner[inner.length - 1])) {
    s++
    e--
  }
  appendMapped(text, source, value, s, e)
}

/** A code block: each line of the value is found in the source, so that positions stay exact. */
function addCode(source: string, node: Extract<Nodes, {type: 'code'}>, body: ParsedBody): void {
  const value = node.value
  if (value.trim().length === 0) return
  const start = offsetOf(node, 'start')
  const end = offsetOf(node, 'end')
  const builder = new TextBuilder()
  let cursor = start
  if (FENCE.test(source.slice(start, Math.min(end, start + 8)))) {
    const nl = source.indexOf('\n', start)
    cursor = nl === -1 || nl >= end ? end : nl + 1
  }
  const lines = value.split('\n')
  let exact = true
  let previousEnd = -1
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!
    if (k > 0) {
      // The line break lies between the end of the previous line and the next line's first character.
      const nl = source.indexOf('\n', previousEnd)
      if (nl === -1 || nl >= end) {
        exact = false
        break
      }
      cursor = nl + 1
    }
    const at = line.length === 0 ? cursor : source.indexOf(line, cursor)
    const lineEnd = source.indexOf('\n', cursor)
    if (at === -1 || at + line.length > end || (lineEnd !== -1 && at > lineEnd)) {
      exact = false
      break
    }
    if (k > 0) builder.appendAtomic('\n', previousEnd, at)
    builder.appendVerbatim(line, at)
    previousEnd = at + line.length
  }
  let map = builder.finish()
  if (!exact || map.text !== value) {
    const fallback = new TextBuilder()
    fallback.appendAtomic(value, start, end)
    map = fallback.finish()
  }
  body.blocks.push({kind: 'code', text: value, map, prose: false, tag: 'code', sourceStart: start, sourceEnd: end})
}

/** Directives in every HTML comment of a raw HTML node. */
function addComments(value: string, at: number, body: ParsedBody): boolean {
  let found = false
  let open = value.indexOf('<!--')
  while (open !== -1) {
    const close = value.indexOf('-->', open + 4)
    if (close === -1) break
    found = true
    const directive = parseDirective(value.slice(open + 4, close), at + open, at + close + 3)
    if (directive) {
      directive.nextBlock = body.blocks.length
      body.directives.push(directive)
    }
    open = value.indexOf('<!--', close + 3)
  }
  return found
}

/**
 * A raw HTML block: comments may be directives, and any visible text in it is
 * parsed as HTML with maps chained back into the Markdown source.
 */
function addHtmlBlock(source: string, value: string, start: number, end: number, body: ParsedBody): void {
  if (/^\s*<!--/.test(value) && /-->\s*$/.test(value) && value.indexOf('<!--', 4) === -1) {
    addComments(value, start, body)
    return
  }
  const outer = new TextBuilder()
  // Inside a blockquote the `>` markers are stripped from the value; then only the whole node is known.
  if (source.slice(start, end) === value) outer.appendVerbatim(value, start)
  else outer.appendAtomic(value, start, end)
  const map = outer.finish()
  const html = parseHtml(value)
  const base = body.blocks.length
  for (const directive of html.directives) {
    directive.sourceStart = map.start(directive.sourceStart)
    directive.sourceEnd = map.end(directive.sourceEnd)
    directive.nextBlock += base
    body.directives.push(directive)
  }
  for (const block of html.blocks) {
    block.map = new ChainedMapper(block.map, map)
    block.sourceStart = map.start(block.sourceStart)
    block.sourceEnd = map.end(block.sourceEnd)
    body.blocks.push(block)
  }
  for (const link of html.links) {
    link.sourceStart = map.start(link.sourceStart)
    link.sourceEnd = map.end(link.sourceEnd)
    if (link.blockIndex !== undefined) link.blockIndex += base
    body.links.push(link)
  }
  for (const image of html.images) {
    image.sourceStart = map.start(image.sourceStart)
    image.sourceEnd = map.end(image.sourceEnd)
    image.beforeBlock += base
    body.images.push(image)
  }
}

/** Bare URLs and e-mail addresses in text become links, unless Markdown already made them one. */
function addBareLinks(body: ParsedBody): void {
  const found: ParsedBody = {blocks: body.blocks, links: [], images: [], directives: [], notes: [], bodyStart: 0}
  collectTextLinks(found)
  // Markdown links never nest, so sorted by start they can be searched by bisection.
  const existing = body.links.slice().sort((a, b) => a.sourceStart - b.sourceStart)
  for (const link of found.links) {
    // A URL in a code block is an example, not a way to act.
    if (link.blockIndex !== undefined && body.blocks[link.blockIndex]?.kind === 'code') continue
    let lo = 0
    let hi = existing.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (existing[mid]!.sourceStart < link.sourceEnd) lo = mid + 1
      else hi = mid
    }
    // The last link that starts before this one ends is the only one that can overlap it.
    const before = existing[lo - 1]
    if (!(before && before.sourceEnd > link.sourceStart)) body.links.push(link)
  }
}
