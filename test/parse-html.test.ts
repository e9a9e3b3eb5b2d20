import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {readdirSync, readFileSync} from 'node:fs'
import {parseDocument} from 'htmlparser2'
import type {AnyNode, Element} from 'domhandler'
import {decodeAttributeValue, parseHtml} from '../src/parse/html.js'
import {collapsesEqual, collapseWhiteSpace} from '../src/parse/shared.js'
import {positionFailures, visibleHtml} from './helpers.js'

const EMAIL = `<!doctype html>
<html><head><title>Correction: wrong price</title><style>p{color:red}</style></head>
<body>
<div style="display:none;max-height:0;overflow:hidden">We sent the wrong price &ndash; here is the right one.</div>
<table role="presentation"><tr><td class="header"><a href="https://acme.example"><img src="https://acme.example/logo.png" alt="Acme" width="120"></a></td></tr>
<tr><td><h1>We&#8217;re sorry: yesterday&rsquo;s price was wrong</h1>
<p>Hi {{first_name}},</p>
<p>we are <b>sorry</b>.&nbsp;The price of the <em>Winter&nbsp;Coat</em> in yesterday&#39;s email was wrong &amp; we
   apologise.</p>
<!-- a comment -->
<script>alert(1)</script>
<ul><li>Use <a href="https://acme.example/coat" class="btn">this link</a> instead.</li><li>Second<br>line</li></ul>
<p style="display:none">hidden text</p>
</td></tr>
<tr><td class="footer">Acme Ltd, 1 Main St &middot; <a href="https://acme.example/unsubscribe">Unsubscribe</a></td></tr>
</table>
</body></html>`

describe('parseHtml', () => {
  const body = parseHtml(EMAIL)

  it('reads visible blocks in reading order, skipping head, script, comments and hidden elements', () => {
    expect(body.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'We’re sorry: yesterday’s price was wrong'],
      ['paragraph', 'Hi {{first_name}},'],
      ['paragraph', "we are sorry. The price of the Winter Coat in yesterday's email was wrong & we apologise."],
      ['list-item', 'Use this link instead.'],
      ['list-item', 'Second line'],
      ['footer', 'Acme Ltd, 1 Main St · Unsubscribe'],
    ])
  })

  it('records title, hidden preheader, links and images', () => {
    expect(body.title?.text).toBe('Correction: wrong price')
    expect(body.preheader?.text).toBe('We sent the wrong price – here is the right one.')
    expect(body.links.map((l) => [l.href, l.text, l.button])).toEqual([
      ['https://acme.example', 'Acme', false],
      ['https://acme.example/coat', 'this link', true],
      ['https://acme.example/unsubscribe', 'Unsubscribe', false],
    ])
    expect(body.images).toMatchObject([{src: 'https://acme.example/logo.png', alt: 'Acme', width: 120, beforeBlock: 0, href: 'https://acme.example'}])
    expect(body.blocks[0]!.boilerplate).toBeUndefined()
  })

  it('maps every word run back to the source through entities, inline tags and line breaks', () => {
    for (const block of [...body.blocks, body.preheader!, body.title!]) {
      expect(positionFailures(EMAIL, block, visibleHtml)).toEqual([])
    }
  })

  it('maps a phrase across an inline tag to the exact source', () => {
    const block = body.blocks[2]!
    const i = block.text.indexOf('are sorry')
    expect(EMAIL.slice(block.map.start(i), block.map.end(i + 'are sorry'.length))).toBe('are <b>sorry')
    const j = block.text.indexOf('wrong & we apologise')
    expect(EMAIL.slice(block.map.start(j), block.map.end(j + 'wrong & we apologise'.length))).toBe('wrong &amp; we\n   apologise')
  })

  it('keeps CRLF sources exact', () => {
    const crlf = '<p>We sent\r\nthe wrong&nbsp;link.</p>\r\n<p>Sorry.</p>'
    const b = parseHtml(crlf)
    expect(b.blocks.map((x) => x.text)).toEqual(['We sent the wrong link.', 'Sorry.'])
    for (const block of b.blocks) expect(positionFailures(crlf, block, visibleHtml)).toEqual([])
  })

  it('survives 10,000-deep nesting without overflowing the stack', () => {
    const deep = '<div>'.repeat(10000) + 'We are sorry.' + '</div>'.repeat(10000)
    const b = parseHtml(deep, {maxDepth: 20000})
    expect(b.blocks.map((x) => x.text)).toEqual(['We are sorry.'])
    const capped = parseHtml(deep, {maxDepth: 100})
    expect(capped.blocks).toEqual([])
    expect(capped.notes[0]).toMatch(/maxDepth/)
  })

  it('reads directives from comments', () => {
    const b = parseHtml('<p>a</p><!-- apology-lint-disable humour, vague-wording -- brand voice --><p>b</p>')
    expect(b.directives).toMatchObject([{kind: 'disable', rules: ['humour', 'vague-wording'], reason: 'brand voice', nextBlock: 1}])
  })
})

describe('tag names that are Object.prototype keys', () => {
  it('reads <constructor>, <toString> and <__proto__> as unknown inline elements, not as block kinds', () => {
    const body = parseHtml('<p>We are sorry.</p><constructor>Our price</constructor> was wrong.<tostring>x</tostring>')
    for (const block of body.blocks) expect(typeof block.kind).toBe('string')
    expect(body.blocks.map((b) => b.text)).toEqual(['We are sorry.', 'Our price was wrong.x'])
  })
})

describe('collapseWhiteSpace', () => {
  const reference = (text: string): string => text.replace(/\s+/g, ' ').trim()
  /** What eml.ts collapsed with before. */
  const emlReference = (text: string): string => text.replace(/[\s\ufeff]+/g, ' ').trim()

  it('equals replace(/\\s+/g, " ").trim() on every code unit and on random text', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c)
      for (const text of [ch, `a${ch}b`, `a ${ch}b`, `${ch} a`, `a b${ch}`, `${ch}${ch}ab ${ch}c${ch}${ch}`]) {
        expect(collapseWhiteSpace(text)).toBe(reference(text))
        expect(collapseWhiteSpace(text)).toBe(emlReference(text))
      }
    }
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({unit: 'binary', maxLength: 60}),
          fc
            .array(fc.constantFrom('a', 'Bé', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u200b', '\u180e'), {maxLength: 30})
            .map((w) => w.join('')),
        ),
        (text) => {
          expect(collapseWhiteSpace(text)).toBe(reference(text))
          expect(collapseWhiteSpace(text)).toBe(emlReference(text))
        },
      ),
      {numRuns: 3000},
    )
  })
})

describe('collapsesEqual', () => {
  it('says whether two texts collapse to the same text', () => {
    const piece = fc.constantFrom('a', 'b', 'Bé', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\ufeff', '\u200b')
    const text = fc.array(piece, {maxLength: 20}).map((w) => w.join(''))
    /** The same text with its white space runs respelled: collapses equal. */
    const respelled = text.chain((t) =>
      fc.tuple(fc.constant(t), fc.constantFrom(' ', '\n', '\r\n ', '\t\u00a0'), fc.boolean()).map(([a, space, pad]) => {
        const b = a.replace(/\s+/g, space)
        return [a, pad ? `\n${b}\n` : b] as const
      }),
    )
    fc.assert(
      fc.property(
        fc.oneof(fc.tuple(text, text), respelled, fc.tuple(fc.string({unit: 'binary', maxLength: 30}), fc.string({unit: 'binary', maxLength: 30}))),
        ([a, b]) => {
          expect(collapsesEqual(a, b)).toBe(collapseWhiteSpace(a) === collapseWhiteSpace(b))
          expect(collapsesEqual(b, a)).toBe(collapseWhiteSpace(a) === collapseWhiteSpace(b))
          expect(collapsesEqual(a, a)).toBe(true)
        },
      ),
      {numRuns: 3000},
    )
  })
})

describe('parsing without entity decoding', () => {
  /** Every node in document order: what parseHtml reads of it (text content is read from the source, by offsets). */
  const nodes = (source: string, decode: boolean): unknown[] => {
    const out: unknown[] = []
    const options = {xmlMode: false, withStartIndices: true, withEndIndices: true, decodeEntities: decode}
    const stack: AnyNode[] = [...((parseDocument(source, options) as {children: AnyNode[]}).children ?? [])].reverse()
    while (stack.length > 0) {
      const node = stack.pop()!
      const row: unknown[] = [node.type, node.startIndex, node.endIndex]
      if (node.type === 'comment') row.push((node as {data: string}).data)
      if ('attribs' in node) {
        const el = node as Element
        const attribs = Object.entries(el.attribs).map(([k, v]) => [k, decode ? v : decodeAttributeValue(v)])
        row.push(el.name, attribs, el.children.length)
        for (let k = el.children.length - 1; k >= 0; k--) stack.push(el.children[k]!)
      }
      out.push(row)
    }
    return out
  }
  const same = (source: string): void => {
    expect(nodes(source, false), source.slice(0, 200)).toEqual(nodes(source, true))
  }

  it('gives the same tree and attribute values on every fixture', () => {
    let files = 0
    for (const dir of ['../fixtures/examples/', '../fixtures/holdout/', '../bench/emails/']) {
      const url = new URL(dir, import.meta.url)
      for (const file of readdirSync(url)) {
        same(readFileSync(new URL(file, url), 'utf8'))
        files++
      }
    }
    expect(files).toBeGreaterThan(80)
  })

  it('gives the same tree and attribute values on random markup full of entities', () => {
    const piece = fc.constantFrom(
      '<a href="',
      "<img alt='",
      '<td class=',
      '<p title="x',
      '"',
      "'",
      '>',
      '/>',
      ' ',
      '=',
      '\n',
      '&amp;',
      '&amp',
      '&ampx',
      '&amp=',
      '&#38;',
      '&#38',
      '&#x26;',
      '&#x26',
      '&#0;',
      '&#xD800;',
      '&#128;',
      '&#x110000;',
      '&#',
      '&#x',
      '&',
      '&lt;',
      '&lt',
      '&notin;',
      '&notit;',
      '&not',
      '&nbsp',
      '&NotANamedEntity;',
      '&AElig',
      '&zwnj;',
      '&Eacute;x',
      'text',
      'ż',
      '😀',
      '<p>',
      '</p>',
      '<b>',
      '</b>',
      '<br>',
      '<title>',
      '</title>',
      '<textarea>',
      '</textarea>',
      '<script>',
      '</script>',
      '<style>',
      '</style>',
      '<!--',
      '-->',
      '<![CDATA[',
      ']]>',
      '<!doctype html>',
      '</',
      '<?x?>',
    )
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 40}), (pieces) => same(pieces.join(''))),
      {numRuns: 4000},
    )
    fc.assert(
      fc.property(fc.string({maxLength: 80}), (text) => same(text)),
      {numRuns: 2000},
    )
  })

  it('decodes attribute values as the parser does', () => {
    for (const [raw, value] of [
      ['a&amp;b', 'a&b'],
      ['?x=1&amp;y=2', '?x=1&y=2'],
      ['?x=1&y=2', '?x=1&y=2'],
      ['&notit', '&notit'],
      ['&not ', '¬ '],
      ['&amp=', '&amp='],
      ['&#39;', "'"],
      ['&quot;', '"'],
    ]) {
      expect(decodeAttributeValue(raw!)).toBe(value)
    }
  })
})
