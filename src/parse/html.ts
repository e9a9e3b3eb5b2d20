/**
 * HTML → visible blocks in reading order, with exact source maps.
 *
 * htmlparser2 parses into a domhandler tree (the tree cheerio builds with
 * `xml: {xmlMode: false}`, without cheerio's parse5 and fetch code in the CLI
 * bundle): 4–8× faster than a parse5 parse, and it gives the start and end
 * index of every node. The tree is then walked once, without
 * recursion (10,000-deep nesting must not overflow the stack), and each text
 * node is decoded from its raw source so that every visible character keeps
 * the span it came from.
 */
import {parseDocument, Tokenizer} from 'htmlparser2'
import {decodeHTML} from 'entities'
import type {AnyNode, Element} from 'domhandler'
import {TextBuilder, type Block, type BlockKind, type Image, type Link} from '../document.js'
import {collapseWhiteSpace, parseDirective, type ParsedBody} from './shared.js'

const SKIP = new Set(['head', 'style', 'script', 'noscript', 'template', 'svg', 'object', 'iframe', 'select', 'textarea', 'map', 'math'])

const BLOCK_KIND: Record<string, BlockKind> = {
  p: 'paragraph',
  div: 'paragraph',
  section: 'paragraph',
  article: 'paragraph',
  main: 'paragraph',
  center: 'paragraph',
  address: 'paragraph',
  figure: 'paragraph',
  figcaption: 'paragraph',
  form: 'paragraph',
  header: 'paragraph',
  nav: 'paragraph',
  aside: 'paragraph',
  footer: 'footer',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  li: 'list-item',
  dt: 'list-item',
  dd: 'list-item',
  td: 'table-cell',
  th: 'table-cell',
  caption: 'paragraph',
  blockquote: 'quote',
  pre: 'code',
  button: 'button',
  table: 'paragraph',
  tbody: 'paragraph',
  thead: 'paragraph',
  tfoot: 'paragraph',
  tr: 'paragraph',
  ul: 'paragraph',
  ol: 'paragraph',
  dl: 'paragraph',
  body: 'paragraph',
  html: 'paragraph',
}

/** Inline styles and attributes that hide an element from the reader. */
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all|opacity\s*:\s*0(?![.\d])/i
const ZERO_HEIGHT = /max-height\s*:\s*0(?![.\d])/i
const PREHEADER_NAME = /pre-?header|preview-?text|preview/i
const FOOTER_NAME = /footer/i
const HEADER_NAME = /(?:^|[\s_-])(?:header|masthead|nav|navigation|menu|topbar|top-bar|logo)(?:$|[\s_-])/i
const BUTTON_NAME = /btn|button|cta/i
const BUTTON_STYLE = /background(?:-color)?\s*:|border-radius\s*:/i
/** Links that let the reader unsubscribe or manage preferences, in English and Polish. */
const UNSUBSCRIBE = /unsubscribe|opt[\s-]?out|preferences|manage your|wypisz|rezygnuj|zrezygnuj|wypisanie|preferencj/i

/** One `&…;` reference; anchored with the sticky flag so it is tried only at `&`. */
const ENTITY = /&(?:#[xX][0-9a-fA-F]{1,6};?|#[0-9]{1,7};?|[A-Za-z][A-Za-z0-9]{1,31};?)/y

/** Options for {@link parseHtml}. */
export interface HtmlParseOptions {
  /** Deepest element nesting read; deeper content is skipped and noted. */
  maxDepth?: number
}

interface OpenBlock {
  kind: BlockKind
  tag: string
  level?: number
  start: number
}

/**
 * Parses an HTML email into blocks, links, images, title and preheader.
 *
 * @example
 * const body = parseHtml('<p>We are <b>sorry</b>.</p>')
 * body.blocks[0].text // 'We are sorry.'
 */
export function parseHtml(original: string, options: HtmlParseOptions = {}): ParsedBody {
  const maxDepth = options.maxDepth ?? 2000
  // htmlparser2 keeps its open elements in an array it unshifts: unclosed tags make each open cost the depth.
  const guarded = guardDepth(original, maxDepth + 1)
  const source = guarded.source
  // Entities are not decoded by the parser: text is decoded here from its raw source, and the few
  // attribute values that hold `&` by decodeAttributeValue, exactly as the parser would have. Without
  // decoding, its tokenizer jumps over text and quoted values with indexOf (a third of its time on medium.html).
  const root: AnyNode = parseDocument(source, {xmlMode: false, withStartIndices: true, withEndIndices: true, decodeEntities: false})

  const body: ParsedBody = {
    blocks: [],
    links: [],
    images: [],
    directives: [],
    notes: [],
    bodyStart: 0,
  }

  let builder = new TextBuilder()
  let pendingSpace: [number, number] | undefined
  let blockLinks: Link[] = []
  /** The links in `blockLinks`, for a constant-time membership test (a block may hold 100,000 links). */
  let blockLinkSet = new Set<Link>()
  const openBlocks: OpenBlock[] = []
  const openLinks: {link: Link}[] = []
  let footerDepth = 0
  let headerDepth = 0
  let hiddenDepth = 0
  let preheaderBuilder: TextBuilder | undefined
  let preheaderDone = false
  let sawVisibleText = false
  let afterUnsubscribe = false
  let deepNoted = false
  const imageAlts = new Map<Link, string>()
  if (guarded.blanked > 0) {
    body.notes.push(
      `${guarded.blanked} tags nested deeper than ${maxDepth} levels (unclosed or deeply nested elements) were ignored, and the content under them was skipped (maxDepth).`,
    )
  }

  const flush = (end: number): void => {
    pendingSpace = undefined
    if (builder.length === 0) {
      if (blockLinks.length > 0) {
        blockLinks = []
        blockLinkSet = new Set()
      }
      return
    }
    const top = openBlocks[openBlocks.length - 1]
    const map = builder.finish()
    let kind: BlockKind = top?.kind ?? 'paragraph'
    const text = map.text
    const onlyLink = blockLinks.length === 1 && blockLinks[0]!.text.trim() === text.trim()
    if (onlyLink && blockLinks[0]!.button) kind = 'button'
    const isUnsub = blockLinks.some((l) => UNSUBSCRIBE.test(l.text) || UNSUBSCRIBE.test(l.href))
    if (isUnsub) afterUnsubscribe = true
    if (footerDepth > 0 || afterUnsubscribe) kind = kind === 'heading' ? kind : 'footer'
    const block: Block = {
      kind,
      text,
      map,
      prose: kind !== 'code',
      tag: top?.tag ?? 'body',
      sourceStart: top?.start ?? 0,
      sourceEnd: end,
    }
    if (top?.level !== undefined) block.level = top.level
    if (headerDepth > 0) block.boilerplate = true
    const index = body.blocks.length
    for (const link of blockLinks) link.blockIndex ??= index
    body.blocks.push(block)
    builder = new TextBuilder()
    if (blockLinks.length > 0) {
      blockLinks = []
      blockLinkSet = new Set()
    }
  }

  /** Appends the verbatim run `[runStart, upTo)` of the source, if any, after the pending space. */
  const appendRun = (target: TextBuilder, runStart: number, upTo: number): void => {
    if (runStart >= 0 && upTo > runStart) {
      emitPendingSpace(target)
      target.appendVerbatim(source.slice(runStart, upTo), runStart)
    }
  }

  /** Appends one text node's raw source, decoding entities and collapsing white space. */
  const appendText = (target: TextBuilder, start: number, end: number): void => {
    let i = start
    let runStart = -1
    while (i < end) {
      const c = source.charCodeAt(i)
      if (c > 38) {
        // Neither white space nor `&` (the characters that need a look): extend the run.
        if (runStart < 0) runStart = i
        i++
        while (i < end && source.charCodeAt(i) > 38) i++
        continue
      }
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) {
        // One plain space between two visible characters reads as itself:
        // keep it in the verbatim run (it maps one to one either way) instead
        // of cutting the run around a one-character atomic space.
        if (c === 32 && runStart >= 0 && i + 1 < end) {
          const next = source.charCodeAt(i + 1)
          if (!isHtmlSpace(next) && next !== 38 /* & */) {
            i++
            continue
          }
        }
        appendRun(target, runStart, i)
        runStart = -1
        let j = i + 1
        while (j < end && isHtmlSpace(source.charCodeAt(j))) j++
        markSpace(target, i, j)
        i = j
        continue
      }
      if (c === 38 /* & */) {
        ENTITY.lastIndex = i
        const m = ENTITY.exec(source)
        if (m && m.index === i && m.index + m[0].length <= end) {
          const decoded = decodeHTML(m[0])
          if (decoded !== m[0]) {
            appendRun(target, runStart, i)
            runStart = -1
            const stop = i + m[0].length
            if (decoded === '\u00a0' || /^\s+$/.test(decoded)) {
              markSpace(target, i, stop)
            } else {
              emitPendingSpace(target)
              target.appendAtomic(decoded, i, stop)
            }
            i = stop
            continue
          }
        }
      }
      if (runStart < 0) runStart = i
      i++
    }
    appendRun(target, runStart, end)
  }

  const markSpace = (target: TextBuilder, start: number, end: number): void => {
    if (target.length === 0) return
    if (!pendingSpace) pendingSpace = [start, end]
    else pendingSpace[1] = end
  }

  const emitPendingSpace = (target: TextBuilder): void => {
    if (pendingSpace && target.length > 0) target.appendAtomic(' ', pendingSpace[0], pendingSpace[1])
    pendingSpace = undefined
  }

  // Iterative pre-order walk with explicit exit markers. A frame is a node
  // and a number: its depth (> 0) to enter it, or -1 - its ExitState bits to leave it.
  const stackNodes: AnyNode[] = []
  const stackInfo: number[] = []
  const children = (root as {children?: AnyNode[]}).children ?? []
  for (let k = children.length - 1; k >= 0; k--) {
    stackNodes.push(children[k]!)
    stackInfo.push(1)
  }

  while (stackNodes.length > 0) {
    const n = stackNodes.pop()!
    const info = stackInfo.pop()!
    if (info < 0) {
      const el = n as Element
      const name = el.name
      const end = (el.endIndex ?? el.startIndex ?? 0) + 1
      const state = -1 - info
      if (state & HIDDEN) {
        hiddenDepth--
        if ((state & PREHEADER) !== 0 && preheaderBuilder) {
          // Only the first hidden text before any visible text is the preheader.
          if (preheaderBuilder.length > 0 && !body.preheader) {
            const map = preheaderBuilder.finish()
            body.preheader = {
              kind: 'preheader',
              // trimEnd removes exactly what /\s+$/ matches, without its quadratic backtracking.
              text: map.text.trimEnd(),
              map,
              prose: true,
              tag: name,
              sourceStart: el.startIndex ?? 0,
              sourceEnd: end,
            }
            preheaderDone = true
          }
          preheaderBuilder = undefined
          pendingSpace = undefined
        }
      }
      if (state & FOOTER) footerDepth--
      if (state & HEADER) headerDepth--
      if (state & LINK) {
        const open = openLinks.pop()
        if (open) open.link.text = collapseWhiteSpace(open.link.text)
      }
      if (state & BLOCK) {
        flush(end)
        openBlocks.pop()
      } else if (name === 'br' || name === 'img') {
        // handled on enter
      }
      continue
    }

    if (n.type === 'text') {
      if (hiddenDepth > 0 && !preheaderBuilder) continue
      const start = n.startIndex ?? 0
      const end = (n.endIndex ?? start) + 1
      if (preheaderBuilder) {
        appendText(preheaderBuilder, start, end)
        continue
      }
      const before = builder.length
      appendText(builder, start, end)
      if (builder.length > before) {
        sawVisibleText = true
        if (openLinks.length > 0) {
          const added = builder.since(before)
          for (const open of openLinks) {
            open.link.text += added
            if (!blockLinkSet.has(open.link)) {
              blockLinkSet.add(open.link)
              blockLinks.push(open.link)
            }
          }
        }
      }
      continue
    }
    if (n.type === 'comment') {
      const start = n.startIndex ?? 0
      const end = (n.endIndex ?? start) + 1
      const directive = parseDirective((n as {data: string}).data, start, end)
      if (directive) {
        flush(start)
        directive.nextBlock = body.blocks.length
        body.directives.push(directive)
      }
      continue
    }
    if (n.type !== 'tag' && n.type !== 'script' && n.type !== 'style') continue
    const el = n as Element
    // htmlparser2 lower-cases tag names in HTML mode (lowerCaseTags defaults to on).
    const name = el.name
    const start = el.startIndex ?? 0
    const tag = tagInfo(name)
    if (name === 'head') {
      const title = el.children.find((c): c is Element => c.type === 'tag' && (c as Element).name.toLowerCase() === 'title')
      if (title) readTitle(title)
      continue
    }
    if (name === 'title') {
      readTitle(el)
      continue
    }
    if (tag.skip) continue
    if (name === 'body') body.bodyStart = start
    if (info > maxDepth) {
      if (!deepNoted) {
        body.notes.push(`Elements nested deeper than ${maxDepth} levels were skipped (maxDepth).`)
        deepNoted = true
      }
      continue
    }
    const attribs = el.attribs ?? {}
    const style = attr(attribs.style) ?? ''
    const role = attr(attribs.role)
    // Class and id as one string for the name patterns; none of them matches the ' ' of an element with neither.
    const named = attribs.class !== undefined || attribs.id !== undefined
    const cls = named ? `${attr(attribs.class) ?? ''} ${attr(attribs.id) ?? ''}` : ' '
    const hidden =
      'hidden' in attribs ||
      (name === 'input' && (attr(attribs.type) ?? '').toLowerCase() === 'hidden') ||
      (style !== '' && (HIDDEN_STYLE.test(style) || (ZERO_HEIGHT.test(style) && /overflow\s*:\s*hidden/i.test(style)))) ||
      (named && PREHEADER_NAME.test(cls) && hiddenDepth === 0 && !sawVisibleText && !preheaderDone)

    if (name === 'br') {
      if (!hidden) markSpace(preheaderBuilder ?? builder, start, (el.endIndex ?? start) + 1)
      continue
    }
    if (name === 'img') {
      if (hiddenDepth > 0 || hidden) continue
      const link = openLinks[openLinks.length - 1]?.link
      const image: Image = {
        src: attr(attribs.src) ?? '',
        alt: decodeAttr(attr(attribs.alt)),
        sourceStart: start,
        sourceEnd: (el.endIndex ?? start) + 1,
        beforeBlock: body.blocks.length,
      }
      const width = size(attr(attribs.width), style, 'width')
      const height = size(attr(attribs.height), style, 'height')
      if (width !== undefined) image.width = width
      if (height !== undefined) image.height = height
      if (link) image.href = link.href
      body.images.push(image)
      if (link && image.alt && !imageAlts.has(link)) imageAlts.set(link, image.alt)
      continue
    }

    let state = 0
    if (hidden) {
      state |= HIDDEN
      hiddenDepth++
      const isPreheader = !sawVisibleText && !preheaderDone && !preheaderBuilder && hiddenDepth === 1
      if (isPreheader) {
        state |= PREHEADER
        preheaderBuilder = new TextBuilder()
        pendingSpace = undefined
      }
    }
    if (hiddenDepth === 0) {
      const kind = tag.kind
      if (kind) {
        flush(start)
        const open: OpenBlock = {kind, tag: name, start}
        if (kind === 'heading') open.level = Number(name.slice(1))
        // A div or table cell inherits a more specific kind from nothing; p inside li stays a list item.
        const parent = openBlocks[openBlocks.length - 1]
        if (
          parent &&
          (kind === 'paragraph' || kind === 'table-cell') &&
          (parent.kind === 'list-item' || parent.kind === 'quote' || parent.kind === 'heading')
        ) {
          open.kind = parent.kind
          if (parent.level !== undefined) open.level = parent.level
        }
        openBlocks.push(open)
        state |= BLOCK
      }
      if (name === 'footer' || (named && FOOTER_NAME.test(cls)) || role === 'contentinfo') {
        footerDepth++
        state |= FOOTER
      }
      if (name === 'header' || name === 'nav' || (named && HEADER_NAME.test(cls)) || role === 'banner' || role === 'navigation') {
        headerDepth++
        state |= HEADER
      }
      if (name === 'a' && attribs.href !== undefined) {
        const link: Link = {
          href: decodeAttr(attr(attribs.href)).trim(),
          text: '',
          sourceStart: start,
          sourceEnd: (el.endIndex ?? start) + 1,
          button: role === 'button' || (named && BUTTON_NAME.test(cls)) || BUTTON_STYLE.test(style),
        }
        body.links.push(link)
        openLinks.push({link})
        state |= LINK
      }
    }
    stackNodes.push(el)
    stackInfo.push(-1 - state)
    const kids = el.children
    for (let k = kids.length - 1; k >= 0; k--) {
      stackNodes.push(kids[k]!)
      stackInfo.push(info + 1)
    }
  }
  flush(source.length)
  for (const link of body.links) {
    // A linked logo has no text of its own; its alt is what the reader sees when images are off.
    if (!link.text) link.text = imageAlts.get(link) ?? ''
  }
  return body

  function readTitle(el: Element): void {
    if (body.title) return
    const start = el.startIndex ?? 0
    const tb = new TextBuilder()
    for (const child of el.children) {
      if (child.type === 'text') appendText(tb, child.startIndex ?? 0, (child.endIndex ?? 0) + 1)
    }
    pendingSpace = undefined
    if (tb.length > 0) {
      const map = tb.finish()
      body.title = {kind: 'title', text: map.text, map, prose: true, tag: 'title', sourceStart: start, sourceEnd: (el.endIndex ?? start) + 1}
    }
  }

  function isHtmlSpace(c: number): boolean {
    return c === 32 || c === 9 || c === 10 || c === 13 || c === 12
  }
}

/** What leaving an element undoes (ExitState bits). */
const HIDDEN = 1
const PREHEADER = 2
const FOOTER = 4
const HEADER = 8
const LINK = 16
const BLOCK = 32

interface TagInfo {
  /** In SKIP: the element and its content are not read. */
  skip: boolean
  /** BLOCK_KIND's entry for the name. */
  kind: BlockKind | undefined
}

/** Tag name → what SKIP and BLOCK_KIND say about it: one look-up per element instead of two. Bounded. */
const TAG_INFO = new Map<string, TagInfo>()

function tagInfo(name: string): TagInfo {
  let info = TAG_INFO.get(name)
  if (info === undefined) {
    // Own keys only: a tag named `constructor` or `__proto__` is not a block kind.
    info = {skip: SKIP.has(name), kind: Object.hasOwn(BLOCK_KIND, name) ? BLOCK_KIND[name] : undefined}
    if (TAG_INFO.size < 1024) TAG_INFO.set(name, info)
  }
  return info
}

function decodeAttr(value: string | undefined): string {
  return value ?? ''
}

/** An attribute value as htmlparser2 gives it with decodeEntities on (see decodeAttributeValue). */
function attr(value: string | undefined): string | undefined {
  return value === undefined || value.indexOf('&') === -1 ? value : decodeAttributeValue(value)
}

const NOTHING = (): void => {}
let replayBuffer = ''
let replayParts: string[] = []
/** Tokenizer callbacks that collect one attribute value, as htmlparser2's Parser builds it. */
const REPLAY = {
  onattribdata(start: number, end: number): void {
    replayParts.push(replayBuffer.slice(start, end))
  },
  onattribentity(codePoint: number): void {
    replayParts.push(String.fromCodePoint(codePoint))
  },
  onattribend: NOTHING,
  onattribname: NOTHING,
  oncdata: NOTHING,
  onclosetag: NOTHING,
  oncomment: NOTHING,
  ondeclaration: NOTHING,
  onend: NOTHING,
  onopentagend: NOTHING,
  onopentagname: NOTHING,
  onprocessinginstruction: NOTHING,
  onselfclosingtag: NOTHING,
  ontext: NOTHING,
  ontextentity: NOTHING,
}

/**
 * Decodes a raw attribute value (what htmlparser2 keeps with decodeEntities
 * off) into the value it gives with decodeEntities on, by replaying the value
 * through htmlparser2's own tokenizer, with its own entity decoder, in an
 * attribute of the same quoting (test/parse-html.test.ts compares whole
 * parses, node by node, on every fixture and random markup).
 */
export function decodeAttributeValue(raw: string): string {
  if (raw.indexOf('&') === -1) return raw
  // A raw value holds no quote of its own kind; one that holds both kinds was unquoted (no white space, no `>`).
  const quote = !raw.includes('"') ? '"' : !raw.includes("'") ? "'" : ''
  replayBuffer = `<a a=${quote}${raw}${quote}>`
  replayParts = []
  const tokenizer = new Tokenizer({xmlMode: false, decodeEntities: true}, REPLAY)
  tokenizer.write(replayBuffer)
  tokenizer.end()
  const value = replayParts.join('')
  replayParts = []
  return value
}

function size(attr: string | undefined, style: string, prop: 'width' | 'height'): number | undefined {
  const fromAttr = attr ? Number.parseInt(attr, 10) : Number.NaN
  if (Number.isFinite(fromAttr)) return fromAttr
  const m = new RegExp(`(?:^|;|\\s)${prop}\\s*:\\s*(\\d{1,5})px`, 'i').exec(style)
  return m ? Number(m[1]) : undefined
}

/** Elements htmlparser2 never puts on its stack. */
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
])
/** Elements whose content is raw text up to their own end tag. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp'])
const P_ONLY = new Set(['p'])
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'])
/** htmlparser2's `openImpliesClose`: opening the key closes these while they are on top. */
const IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t): [string, ReadonlySet<string>] => [t, FORM]),
  ...[
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'address',
    'article',
    'aside',
    'blockquote',
    'details',
    'div',
    'dl',
    'fieldset',
    'figcaption',
    'figure',
    'footer',
    'form',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'pre',
    'section',
    'table',
    'ul',
  ].map((t): [string, ReadonlySet<string>] => [t, P_ONLY]),
])

function isNameChar(c: number): boolean {
  // Anything but white space, `/`, `>` (htmlparser2 ends a tag name there).
  return c !== 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 47 && c !== 62
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
}

/**
 * Follows htmlparser2's stack of open elements in one linear pass (a push
 * stack with a count per name, instead of its array that is unshifted and
 * searched) and, once the stack would grow past `limit`, replaces each further
 * opening tag, and the end tag that closes it, with spaces. Offsets are kept,
 * so every position still points into the original source; the content of the
 * ignored tags lies deeper than `maxDepth` and is skipped like any content
 * that deep. Returns the input itself when nothing was ignored (every real
 * email).
 */
export function guardDepth(source: string, limit: number): {source: string; blanked: number} {
  // Cheap exit: fewer tags than the limit cannot nest deeper than it.
  let tags = 0
  for (let i = source.indexOf('<'); i >= 0 && tags <= limit; i = source.indexOf('<', i + 1)) tags++
  if (tags <= limit) return {source, blanked: 0}
  const stack: string[] = []
  const open = new Map<string, number>()
  /** Ignored opening tags per name whose end tag has not come yet. */
  const ghosts = new Map<string, number>()
  const blank: number[] = []
  const pop = (): void => {
    const name = stack.pop()!
    open.set(name, open.get(name)! - 1)
  }
  const n = source.length
  let i = 0
  while (i < n) {
    const lt = source.indexOf('<', i)
    if (lt < 0) break
    const c = source.charCodeAt(lt + 1)
    if (c === 33) {
      // Comment, doctype or CDATA-like declaration.
      if (source.startsWith('<!--', lt)) {
        const close = source.indexOf('-->', lt + 4)
        i = close < 0 ? n : close + 3
      } else {
        const close = source.indexOf('>', lt + 2)
        i = close < 0 ? n : close + 1
      }
      continue
    }
    if (c === 63) {
      const close = source.indexOf('>', lt + 2)
      i = close < 0 ? n : close + 1
      continue
    }
    const closing = c === 47
    const nameStart = closing ? lt + 2 : lt + 1
    if (!isLetter(source.charCodeAt(nameStart))) {
      i = lt + 1
      continue
    }
    let j = nameStart
    while (j < n && isNameChar(source.charCodeAt(j))) j++
    const name = source.slice(nameStart, j).toLowerCase()
    // The end of the tag, skipping quoted attribute values.
    let quote = 0
    while (j < n) {
      const d = source.charCodeAt(j)
      if (quote) {
        if (d === quote) quote = 0
      } else if (d === 34 || d === 39) {
        // A quote opens a value only after `=` (possibly with spaces); elsewhere it is part of a name.
        let k = j - 1
        while (k > lt && (source.charCodeAt(k) === 32 || source.charCodeAt(k) === 9 || source.charCodeAt(k) === 10 || source.charCodeAt(k) === 13)) k--
        if (source.charCodeAt(k) === 61) quote = d
      } else if (d === 62) break
      j++
    }
    const tagEnd = j < n ? j + 1 : n
    i = tagEnd
    if (closing) {
      if (VOID.has(name)) continue
      const ghost = ghosts.get(name) ?? 0
      if (ghost > 0) {
        ghosts.set(name, ghost - 1)
        blank.push(lt, tagEnd)
        continue
      }
      if ((open.get(name) ?? 0) > 0) {
        while (stack.length > 0 && stack[stack.length - 1] !== name) pop()
        pop()
      }
      continue
    }
    const implied = IMPLIES_CLOSE.get(name)
    if (implied) while (stack.length > 0 && implied.has(stack[stack.length - 1]!)) pop()
    if (!VOID.has(name)) {
      if (stack.length >= limit) {
        ghosts.set(name, (ghosts.get(name) ?? 0) + 1)
        blank.push(lt, tagEnd)
      } else {
        stack.push(name)
        open.set(name, (open.get(name) ?? 0) + 1)
      }
    }
    if (RAW_TEXT.has(name)) {
      // Raw text up to `</name` (any case).
      const end = indexOfEndTag(source, name, tagEnd)
      i = end < 0 ? n : end
    }
  }
  if (blank.length === 0) return {source, blanked: 0}
  const parts: string[] = []
  let at = 0
  for (let k = 0; k < blank.length; k += 2) {
    parts.push(source.slice(at, blank[k]!), ' '.repeat(blank[k + 1]! - blank[k]!))
    at = blank[k + 1]!
  }
  parts.push(source.slice(at))
  let opened = 0
  for (let k = 0; k < blank.length; k += 2) if (source.charCodeAt(blank[k]! + 1) !== 47) opened++
  return {source: parts.join(''), blanked: opened}
}

/** The offset of the first `</name` at or after `from`, in any letter case, or -1. Linear. */
function indexOfEndTag(source: string, name: string, from: number): number {
  for (let k = source.indexOf('</', from); k >= 0; k = source.indexOf('</', k + 2)) {
    if (source.slice(k + 2, k + 2 + name.length).toLowerCase() === name) return k
  }
  return -1
}
