/**
 * Previews that cannot call home. Before an email's HTML goes into a
 * sandboxed preview (the HTML report, the playground), every element and
 * attribute that can load a URL is neutralised, so that opening the preview
 * opens no connection at all: a content security policy blocks requests, but
 * Chromium resolves the host and connects for a frame's navigation before the
 * policy stops it, and preconnect hints are outside the policy's reach.
 *
 * - `iframe`, `frame`, `object`, `embed`: their `src`/`data`/`srcdoc` are
 *   renamed (whatever the URL) and a placeholder before the element shows the
 *   URL as text.
 * - Any `src`, `srcset`, `imagesrcset`, `background`, `poster`, `data`,
 *   `href` (except on links, `a` and `area`, which load nothing until
 *   clicked), SVG `xlink:href`, `action`, `formaction`, `ping`, `manifest`,
 *   `codebase`, `attributionsrc`… whose value is not a `data:` URL or a
 *   `#fragment` is renamed to `data-al-blocked-…`, which loads nothing.
 * - `<link>` loses its `href` and `imagesrcset` whatever they hold
 *   (stylesheets, preconnect, prefetch, preload, icons).
 * - `<base href>` is renamed; every `<meta http-equiv>` (refresh, Link headers) is removed.
 * - SVG animation elements (`set`, `animate`…) lose `attributeName`: they could set an `href`.
 * - CSS: a `style` attribute that could load anything (`url(`, `image-set(`,
 *   `@import`, escapes) is renamed; a `<style>` element's `url(`, `image(`,
 *   `image-set(` and `@import` are broken, and a style sheet with CSS escapes
 *   or character references (which could spell them) is dropped.
 *
 * The scanner follows the HTML tokenizer where it matters: attributes (quoted
 * only right after `=`), comments (`-->`, `--!>`, `<!-->`), raw text
 * (`script`, `style`, `xmp`, `iframe`, `noembed`, `noframes`, `textarea`,
 * `title`, `plaintext`), and foreign content (SVG and MathML, where `<style>`
 * is not raw text). Where it could disagree with a browser it errs towards
 * seeing a tag, so it neutralises too much, never too little. Linear time.
 * Pure: no DOM, file system or network.
 */
import {decodeHTML} from 'entities'

/** One replacement in the original HTML's coordinates. */
export interface PreviewEdit {
  start: number
  end: number
  html: string
}

/** The neutralised HTML, and a map from offsets in the original to offsets in it. */
export interface NeutralizedPreview {
  html: string
  /** Where an offset of the original lands (an offset inside a replaced range maps to the replacement's start). */
  map(offset: number): number
  /** How many URL-bearing constructs were neutralised. */
  blocked: number
}

/** Attribute names renamed on every element unless their value is a `data:` URL or a fragment. */
const URL_ATTRIBUTES = new Set([
  'src',
  'srcset',
  'imagesrcset',
  'background',
  'poster',
  'data',
  'href',
  'action',
  'formaction',
  'ping',
  'manifest',
  'codebase',
  'classid',
  'archive',
  'code',
  'lowsrc',
  'dynsrc',
  'longdesc',
  'icon',
  'profile',
  'usemap',
  'attributionsrc',
  'srcdoc',
  'xlink:href',
  'itemtype',
])

/** Elements whose URL attributes are renamed whatever they hold, with a placeholder showing the URL. */
const FRAMES = new Set(['iframe', 'frame', 'object', 'embed', 'portal', 'fencedframe', 'applet'])

/** Elements whose `href` is a link to follow on a click, not something to load. */
const LINKS = new Set(['a', 'area'])

const SVG_ANIMATIONS = new Set(['set', 'animate', 'animatemotion', 'animatetransform', 'animatecolor'])

const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'textarea', 'title'])

/** HTML elements that end foreign content when they start inside it (the tree builder's breakout list). */
const BREAKOUT = new Set([
  'b',
  'big',
  'blockquote',
  'body',
  'br',
  'center',
  'code',
  'dd',
  'div',
  'dl',
  'dt',
  'em',
  'embed',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'hr',
  'i',
  'img',
  'li',
  'listing',
  'menu',
  'meta',
  'nobr',
  'ol',
  'p',
  'pre',
  'ruby',
  's',
  'small',
  'span',
  'strong',
  'strike',
  'sub',
  'sup',
  'table',
  'tt',
  'u',
  'ul',
  'var',
])

const BLOCKED_PREFIX = 'data-al-blocked-'

function isSpace(c: number): boolean {
  return c === 9 || c === 10 || c === 12 || c === 13 || c === 32
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
}

/** Escapes text for HTML text and quoted attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'))
}

interface Attribute {
  name: string
  nameStart: number
  nameEnd: number
  /** Decoded value ('' when absent). */
  value: string
}

/** Tokenizes a start tag from `lt` as the HTML tokenizer does: its name, attributes and end (after `>`). */
function readTag(html: string, lt: number): {name: string; attributes: Attribute[]; end: number; selfClosing: boolean} {
  const n = html.length
  let i = lt + 1
  const nameStart = i
  while (i < n && !isSpace(html.charCodeAt(i)) && html[i] !== '/' && html[i] !== '>') i++
  const name = html.slice(nameStart, i).toLowerCase()
  const attributes: Attribute[] = []
  let selfClosing = false
  for (;;) {
    while (i < n && (isSpace(html.charCodeAt(i)) || html[i] === '/')) {
      selfClosing = html[i] === '/'
      i++
    }
    if (i >= n) return {name, attributes, end: n, selfClosing: false}
    if (html[i] === '>') return {name, attributes, end: i + 1, selfClosing}
    selfClosing = false
    // An attribute name: its first character may be `=`.
    const aStart = i
    i++
    while (i < n && !isSpace(html.charCodeAt(i)) && html[i] !== '/' && html[i] !== '>' && html[i] !== '=') i++
    const aEnd = i
    let value = ''
    let j = i
    while (j < n && isSpace(html.charCodeAt(j))) j++
    if (html[j] === '=') {
      j++
      while (j < n && isSpace(html.charCodeAt(j))) j++
      const quote = html[j]
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, j + 1)
        const vEnd = close === -1 ? n : close
        value = html.slice(j + 1, vEnd)
        i = close === -1 ? n : close + 1
      } else {
        const vStart = j
        while (j < n && !isSpace(html.charCodeAt(j)) && html[j] !== '>') j++
        value = html.slice(vStart, j)
        i = j
      }
    }
    attributes.push({name: html.slice(aStart, aEnd).toLowerCase(), nameStart: aStart, nameEnd: aEnd, value: value.includes('&') ? decodeHTML(value) : value})
  }
}

/** True when a URL loads nothing: a `data:` URL or a same-document `#fragment`. */
function isInert(value: string): boolean {
  // Browsers strip leading C0 controls and spaces, and tabs and newlines anywhere.
  let v = ''
  for (let k = 0; k < value.length && v.length < 8; k++) {
    const c = value.charCodeAt(k)
    if (c === 9 || c === 10 || c === 13) continue
    if (v === '' && c <= 32) continue
    v += value[k]
  }
  if (v === '') return true
  return v.startsWith('#') || v.slice(0, 5).toLowerCase() === 'data:'
}

/** True when inline CSS could load something (or spell something that does). */
function cssCanLoad(css: string): boolean {
  return /url\s*\(|image(?:-set)?\s*\(|@import|\\|&|src\s*:/i.test(css)
}

/** A style sheet with every loading construct broken. */
function neutralizeCss(css: string): string {
  // Escapes and character references could spell `url(` in ways a pattern cannot follow: drop the sheet.
  if (/[\\&]/.test(css)) return '/* apology-lint: style sheet with escapes removed from the preview */'
  return css.replace(/(url|image-set|-webkit-image-set|image|cross-fade|element)(\s*\()/gi, 'al-blocked-$1$2').replace(/@import/gi, '@al-blocked-import')
}

/**
 * The edits that neutralise every construct in `html` that can load a URL,
 * in order and not overlapping. See the module comment for what is changed.
 */
export function neutralizeRemoteContent(html: string): PreviewEdit[] {
  const edits: PreviewEdit[] = []
  const n = html.length
  let i = 0
  /** Depth of open `<svg>`/`<math>` elements: foreign content. */
  let foreign = 0
  /** Inside an SVG or MathML `<style>`: text is CSS that character references can spell. */
  let foreignStyleFrom = -1
  while (i < n) {
    const lt = html.indexOf('<', i)
    if (lt === -1) break
    const next = html.charCodeAt(lt + 1)
    if (html.startsWith('<!--', lt)) {
      // Comments end at `-->` or `--!>`; `<!-->` and `<!--->` are empty comments.
      if (html.startsWith('<!-->', lt)) {
        i = lt + 5
        continue
      }
      if (html.startsWith('<!--->', lt)) {
        i = lt + 6
        continue
      }
      let close = lt + 4
      let end = n
      for (;;) {
        const dash = html.indexOf('--', close)
        if (dash === -1) break
        if (html[dash + 2] === '>') {
          end = dash + 3
          break
        }
        if (html[dash + 2] === '!' && html[dash + 3] === '>') {
          end = dash + 4
          break
        }
        close = dash + 1
      }
      i = end
      continue
    }
    if (next === 33 /* ! */ || next === 63 /* ? */ || (next === 47 /* / */ && !isLetter(html.charCodeAt(lt + 2)))) {
      // Doctype, bogus comment, CDATA (read as a bogus comment: a tag seen inside it is neutralised too, which is safe).
      const close = html.indexOf('>', lt + 2)
      i = close === -1 ? n : close + 1
      continue
    }
    if (next === 47 /* / */) {
      const tag = readTag(html, lt + 1)
      if ((tag.name === 'svg' || tag.name === 'math') && foreign > 0) foreign--
      if (tag.name === 'style' && foreignStyleFrom >= 0) {
        const css = html.slice(foreignStyleFrom, lt)
        if (cssCanLoad(css)) edits.push({start: foreignStyleFrom, end: lt, html: '<!-- apology-lint: style sheet removed from the preview -->'})
        foreignStyleFrom = -1
      }
      i = tag.end
      continue
    }
    if (!isLetter(next)) {
      i = lt + 1
      continue
    }
    const tag = readTag(html, lt)
    const {name, attributes} = tag
    if (foreign > 0 && BREAKOUT.has(name)) foreign = 0
    const renamed: Attribute[] = []
    let placeholderUrl: string | undefined
    for (const a of attributes) {
      const base = a.name.includes(':') ? a.name.slice(a.name.indexOf(':') + 1) : a.name
      let block = false
      if (
        FRAMES.has(name) &&
        (a.name === 'src' ||
          a.name === 'data' ||
          a.name === 'srcdoc' ||
          a.name === 'code' ||
          a.name === 'codebase' ||
          a.name === 'classid' ||
          a.name === 'archive')
      ) {
        block = true
        if (a.name !== 'srcdoc' && placeholderUrl === undefined) placeholderUrl = a.value
      } else if (name === 'link' && (a.name === 'href' || a.name === 'imagesrcset')) block = true
      else if (name === 'base' && a.name === 'href') block = true
      else if (name === 'meta' && a.name === 'http-equiv') block = true
      else if (SVG_ANIMATIONS.has(name) && a.name === 'attributename') block = true
      else if (a.name === 'style') block = cssCanLoad(a.value)
      else if ((URL_ATTRIBUTES.has(a.name) || base === 'href') && !(base === 'href' && LINKS.has(name))) block = !isInert(a.value)
      if (block) renamed.push(a)
    }
    if (name === 'meta' && renamed.some((a) => a.name === 'http-equiv')) {
      // Refresh, Link, Set-Cookie…: nothing of it belongs in a preview.
      edits.push({start: lt, end: tag.end, html: '<!-- apology-lint: meta http-equiv removed from the preview -->'})
    } else if (renamed.length > 0 || placeholderUrl !== undefined) {
      let out = ''
      if (placeholderUrl !== undefined && foreign === 0) {
        const shown = placeholderUrl.length > 200 ? `${placeholderUrl.slice(0, 200)}…` : placeholderUrl
        out +=
          '<span class="al-blocked" style="display:inline-block;border:1px dashed #868e96;padding:2px 6px;font:12px/1.4 system-ui,sans-serif;color:#495057;background:#f8f9fa">' +
          `Remote ${escapeHtml(name)} not loaded in the preview: <code>${escapeHtml(shown)}</code></span>`
      }
      let cursor = lt
      for (const a of renamed) {
        out += `${html.slice(cursor, a.nameStart)}${BLOCKED_PREFIX}${html.slice(a.nameStart, a.nameEnd)}`
        cursor = a.nameEnd
      }
      out += html.slice(cursor, tag.end)
      edits.push({start: lt, end: tag.end, html: out})
    }
    i = tag.end
    if (name === 'svg' || name === 'math') {
      if (!tag.selfClosing) foreign++
      continue
    }
    if (foreign > 0) {
      if (name === 'style' && !tag.selfClosing) foreignStyleFrom = i
      continue
    }
    if (name === 'plaintext') break
    if (RAW_TEXT.has(name)) {
      // Raw text runs to the matching end tag; nothing inside is markup.
      let close = i
      let found = -1
      while (close < n) {
        const at = html.indexOf('</', close)
        if (at === -1) break
        if (html.slice(at + 2, at + 2 + name.length).toLowerCase() === name) {
          const after = html.charCodeAt(at + 2 + name.length)
          if (Number.isNaN(after) || isSpace(after) || after === 47 || after === 62) {
            found = at
            break
          }
        }
        close = at + 2
      }
      const end = found === -1 ? n : found
      if (name === 'style') {
        const css = html.slice(i, end)
        const fixed = neutralizeCss(css)
        if (fixed !== css) edits.push({start: i, end, html: fixed})
      }
      i = end
    }
  }
  return edits
}

/** Applies {@link neutralizeRemoteContent}'s edits to `html`, with a map from old offsets to new ones. */
export function neutralizePreviewMapped(html: string): NeutralizedPreview {
  const edits = neutralizeRemoteContent(html)
  let out = ''
  let cursor = 0
  const starts: number[] = []
  const shifts: number[] = []
  let shift = 0
  for (const e of edits) {
    out += html.slice(cursor, e.start) + e.html
    cursor = e.end
    starts.push(e.start)
    shifts.push(shift)
    shift += e.html.length - (e.end - e.start)
  }
  out += html.slice(cursor)
  const map = (offset: number): number => {
    // The last edit starting at or before `offset`.
    let lo = 0
    let hi = edits.length - 1
    let k = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (starts[mid]! <= offset) {
        k = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    if (k === -1) return offset
    const e = edits[k]!
    if (offset < e.end) return e.start + shifts[k]!
    return offset + shifts[k]! + e.html.length - (e.end - e.start)
  }
  return {html: out, map, blocked: edits.length}
}

/**
 * `html` with every construct that can load a URL neutralised (see the
 * module comment): what a sandboxed preview should be given.
 *
 * @example
 * iframe.srcdoc = neutralizePreview(emailHtml)
 */
export function neutralizePreview(html: string): string {
  return neutralizePreviewMapped(html).html
}
