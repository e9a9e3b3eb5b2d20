import fc from 'fast-check'
import {decodeHTML} from 'entities'
import {describe, expect, it} from 'vitest'
import type {Block} from '../src/document.js'
import {parseMarkdown} from '../src/parse/markdown.js'

function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim()
}

/**
 * What a reader sees of a Markdown source fragment: escapes and character
 * references decoded, emphasis and code markers, link destinations and
 * blockquote markers removed, line breaks read as spaces.
 */
function visibleMarkdown(fragment: string): string {
  let out = ''
  for (let i = 0; i < fragment.length; i++) {
    const c = fragment[i]!
    const next = fragment[i + 1] ?? ''
    if (c === '\\' && (next === '\n' || next === '\r')) {
      out += ' '
    } else if (c === '\\' && /^[!-/:-@[-`{-~]$/.test(next)) {
      out += next
      i++
    } else if (c === '&' && /^&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/.test(fragment.slice(i, i + 40))) {
      const m = /^&[^;]{1,40};/.exec(fragment.slice(i))!
      out += decodeHTML(m[0])
      i += m[0].length - 1
    } else if (c === ']' && (next === '(' || next === '[')) {
      i = fragment.indexOf(next === '(' ? ')' : ']', i + 1)
      if (i === -1) break
    } else if (c === '!' && next === '[') {
      continue
    } else if ('*_`[]'.includes(c)) {
      continue
    } else if (c === '<' && /^<(?:https?|mailto)\b/i.test(fragment.slice(i, i + 12))) {
      // An autolink: its text is the URL between the angle brackets.
      const close = fragment.indexOf('>', i)
      out += fragment.slice(i + 1, close === -1 ? fragment.length : close)
      if (close === -1) break
      i = close
    } else if (c === '<') {
      const close = fragment.indexOf('>', i)
      if (close === -1) break
      if (/^<br\b/i.test(fragment.slice(i))) out += ' '
      i = close
    } else if (c === '\n' || c === '\r') {
      out += ' '
      while (i + 1 < fragment.length && /[ \t>\r\n]/.test(fragment[i + 1]!)) i++
    } else {
      out += c
    }
  }
  return squash(out)
}

const WORD = /[\p{L}\p{N}]+/gu

function words(text: string): [number, number][] {
  return [...text.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length])
}

/** The position property for one span of block text between word boundaries. */
function spanFailure(source: string, block: Block, a: number, b: number, decode: (s: string) => string): string | undefined {
  const s = block.map.start(a)
  const e = block.map.end(b)
  const want = squash(block.text.slice(a, b))
  if (!(s >= 0 && s <= e && e <= source.length)) return `bad range [${s}, ${e}) for "${want}"`
  const got = decode(source.slice(s, e))
  return got === want ? undefined : `"${want}" → [${s}, ${e}) reads "${got}"`
}

/** Checks every run of up to four words exhaustively, then random word-boundary spans. */
function expectPositions(source: string, blocks: Block[], decode: (s: string) => string): void {
  const failures: string[] = []
  for (const block of blocks) {
    const w = words(block.text)
    for (let i = 0; i < w.length; i++) {
      for (let n = 1; n <= 4 && i + n <= w.length; n++) {
        const failure = spanFailure(source, block, w[i]![0], w[i + n - 1]![1], decode)
        if (failure) failures.push(failure)
      }
    }
    // Monotonic: a later offset never maps before an earlier one.
    for (let k = 1; k <= block.text.length; k++) {
      if (block.map.start(k) < block.map.start(k - 1) && k < block.text.length) failures.push(`start not monotonic at ${k} in "${block.text}"`)
      if (block.map.end(k) < block.map.end(k - 1)) failures.push(`end not monotonic at ${k} in "${block.text}"`)
    }
    if (w.length > 0) {
      fc.assert(
        fc.property(fc.nat(w.length - 1), fc.nat(w.length - 1), (x, y) => {
          const [i, j] = x <= y ? [x, y] : [y, x]
          const failure = spanFailure(source, block, w[i]![0], w[j]![1], decode)
          if (failure) throw new Error(failure)
        }),
        {numRuns: 50},
      )
    }
  }
  expect(failures).toEqual([])
}

function slice(source: string, block: Block, phrase: string): string {
  const i = block.text.indexOf(phrase)
  expect(i).toBeGreaterThanOrEqual(0)
  return source.slice(block.map.start(i), block.map.end(i + phrase.length))
}

const EMAIL = `# We're *sorry* &amp; ashamed

Hi Ana,
we sent the \\*wrong\\* link &mdash; see [the **fixed** page](https://acme.example/fix "Fix")
  or write to support@acme.example. Status: https://acme.example/status.

Setext heading
--------------

> You wrote:
> the link is
> broken

<!-- apology-lint-disable-next-block humour -- approved by legal -->
- Refunds go out *today*.
- Use the code \`SORRY10\` at checkout.

  A second paragraph in the item.

1. Ordered item with <span>inline</span> html<br>and a break.
2. Hard break here\\
   and there.

\`\`\`
curl https://acme.example/api
  --retry 3
\`\`\`

    indented code

[![Acme logo](https://acme.example/logo.png)](https://acme.example)

Read [our post][post] or <https://acme.example/blog>.

<!-- apology-lint-enable -->

[post]: https://acme.example/post
`

describe('parseMarkdown', () => {
  const body = parseMarkdown(EMAIL)

  it('reads headings, paragraphs, quotes, list items and code in order', () => {
    expect(body.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', "We're sorry & ashamed"],
      ['paragraph', 'Hi Ana, we sent the *wrong* link — see the fixed page or write to support@acme.example. Status: https://acme.example/status.'],
      ['heading', 'Setext heading'],
      ['quote', 'You wrote: the link is broken'],
      ['list-item', 'Refunds go out today.'],
      ['list-item', 'Use the code SORRY10 at checkout.'],
      ['list-item', 'A second paragraph in the item.'],
      ['list-item', 'Ordered item with inline html and a break.'],
      ['list-item', 'Hard break here and there.'],
      ['code', 'curl https://acme.example/api\n  --retry 3'],
      ['code', 'indented code'],
      ['paragraph', 'Read our post or https://acme.example/blog.'],
    ])
    expect(body.blocks.map((b) => b.level)).toEqual([
      1,
      undefined,
      2,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ])
    expect(body.blocks.filter((b) => !b.prose).map((b) => b.kind)).toEqual(['quote', 'code', 'code'])
    expect(body.bodyStart).toBe(0)
  })

  it('records links (Markdown, reference, autolink, bare URL and e-mail) without duplicates', () => {
    expect(body.links.map((l) => [l.href, l.text, l.blockIndex, l.button])).toEqual([
      ['https://acme.example/fix', 'the fixed page', 1, false],
      ['https://acme.example', 'Acme logo', undefined, false],
      ['https://acme.example/post', 'our post', 11, false],
      ['https://acme.example/blog', 'https://acme.example/blog', 11, false],
      ['https://acme.example/status', 'https://acme.example/status', 1, false],
      ['mailto:support@acme.example', 'support@acme.example', 1, false],
    ])
    const fix = body.links[0]!
    expect(EMAIL.slice(fix.sourceStart, fix.sourceEnd)).toBe('[the **fixed** page](https://acme.example/fix "Fix")')
    const bare = body.links[4]!
    expect(EMAIL.slice(bare.sourceStart, bare.sourceEnd)).toBe('https://acme.example/status')
  })

  it('records images with the block they come before and the link around them', () => {
    expect(body.images).toHaveLength(1)
    const image = body.images[0]!
    expect(image).toMatchObject({src: 'https://acme.example/logo.png', alt: 'Acme logo', href: 'https://acme.example', beforeBlock: 11})
    expect(EMAIL.slice(image.sourceStart, image.sourceEnd)).toBe('![Acme logo](https://acme.example/logo.png)')
  })

  it('reads directive comments with the block that follows', () => {
    expect(body.directives.map((d) => [d.kind, d.rules, d.reason, d.nextBlock])).toEqual([
      ['disable-next-block', ['humour'], 'approved by legal', 4],
      ['enable', [], undefined, 12],
    ])
    const d = body.directives[0]!
    expect(EMAIL.slice(d.sourceStart, d.sourceEnd)).toBe('<!-- apology-lint-disable-next-block humour -- approved by legal -->')
  })

  it('maps escapes, entities, emphasis, links and soft breaks to their exact source', () => {
    const [heading, paragraph, , quote] = body.blocks
    const code = body.blocks[9]
    expect(slice(EMAIL, heading!, 'sorry & ashamed')).toBe('sorry* &amp; ashamed')
    expect(slice(EMAIL, paragraph!, '*wrong*')).toBe('\\*wrong\\*')
    expect(slice(EMAIL, paragraph!, '—')).toBe('&mdash;')
    expect(slice(EMAIL, paragraph!, 'Ana, we')).toBe('Ana,\nwe')
    expect(slice(EMAIL, paragraph!, 'fixed page or write')).toBe('fixed** page](https://acme.example/fix "Fix")\n  or write')
    expect(slice(EMAIL, quote!, 'link is broken')).toBe('link is\n> broken')
    expect(slice(EMAIL, body.blocks[5]!, 'SORRY10')).toBe('SORRY10')
    expect(slice(EMAIL, body.blocks[7]!, 'html and')).toBe('html<br>and')
    expect(slice(EMAIL, code!, '--retry')).toBe('--retry')
    expect(paragraph!.sourceStart).toBe(EMAIL.indexOf('Hi Ana'))
    expect(body.blocks[4]!.sourceStart).toBe(EMAIL.indexOf('- Refunds'))
  })

  it('keeps the position property on every block', () => {
    expectPositions(EMAIL, body.blocks, visibleMarkdown)
  })

  it('handles CRLF line endings and collapses white space', () => {
    const source = '> Quoted\r\n> reply   with  gaps\r\n\r\nWe  are\r\n   sorry &#8212; truly.\r\n'
    const crlf = parseMarkdown(source)
    expect(crlf.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['quote', 'Quoted reply with gaps'],
      ['paragraph', 'We are sorry — truly.'],
    ])
    expect(slice(source, crlf.blocks[1]!, 'are sorry')).toBe('are\r\n   sorry')
    expectPositions(source, crlf.blocks, visibleMarkdown)
  })

  it('parses visible text in raw HTML blocks, with maps into the Markdown source', () => {
    const source =
      'Intro line.\n\n<div class="note">\n<p>We are <b>sorry</b> &amp; <a href="https://acme.example/help">here to help</a>.</p>\n</div>\n\nAfter.\n'
    const html = parseMarkdown(source)
    expect(html.blocks.map((b) => b.text)).toEqual(['Intro line.', 'We are sorry & here to help.', 'After.'])
    expect(slice(source, html.blocks[1]!, 'sorry & here')).toBe('sorry</b> &amp; <a href="https://acme.example/help">here')
    expect(html.links.map((l) => [l.href, l.blockIndex])).toEqual([['https://acme.example/help', 1]])
    expect(source.slice(html.links[0]!.sourceStart, html.links[0]!.sourceEnd)).toBe('<a href="https://acme.example/help">here to help</a>')
  })

  it('keeps the position property on generated documents', () => {
    const piece = fc.constantFrom(
      'we are sorry',
      '*really*',
      '**truly**',
      '\\*',
      '&amp;',
      '&#322;',
      '`code`',
      '[link](https://a.example)',
      'błąd',
      '\n',
      '\n  ',
      '  ',
    )
    fc.assert(
      fc.property(fc.array(piece, {minLength: 1, maxLength: 12}), fc.constantFrom('', '> ', '- ', '# '), (pieces, prefix) => {
        const source = prefix + pieces.join(' ').replace(/\n/g, prefix === '> ' ? '\n> ' : '\n')
        const parsed = parseMarkdown(source)
        for (const block of parsed.blocks) {
          if (block.kind === 'code') continue
          for (const [a, b] of words(block.text)) {
            const failure = spanFailure(source, block, a, b, visibleMarkdown)
            if (failure) throw new Error(`${JSON.stringify(source)}: ${failure}`)
          }
        }
      }),
      {numRuns: 300},
    )
  })
})

describe('front matter of a Markdown email', () => {
  const source = [
    '---',
    'subject: "Correction: the webinar is on 14 May"',
    'from: Ewa Lis <ewa@rachmistrz.example>',
    'reply_to: help@rachmistrz.example   # monitored',
    'preview: Sorry for the wrong date',
    'tags: [newsletter]',
    'nested:',
    '  subject: not this one',
    'escaped: "a \\"quoted\\" word"',
    '---',
    '',
    '# Webinar: new date',
    '',
    'We gave the wrong date on Friday.',
  ].join('\r\n')

  it('reads subject, sender, reply-to and preview with their places in the source, and no body text from it', async () => {
    const {buildDocumentSync} = await import('../src/parse/index.js')
    const document = buildDocumentSync(source, {format: 'markdown'})
    const at = (text: string): [number, number] => [source.indexOf(text), source.indexOf(text) + text.length]
    expect(document.subject?.text).toBe('Correction: the webinar is on 14 May')
    expect([document.subject!.map.start(0), document.subject!.map.end(document.subject!.text.length)]).toEqual(at('Correction: the webinar is on 14 May'))
    expect(document.preheader?.text).toBe('Sorry for the wrong date')
    expect(document.addresses.map((a) => [a.header, a.address])).toEqual([
      ['from', 'ewa@rachmistrz.example'],
      ['reply-to', 'help@rachmistrz.example'],
    ])
    expect(document.addresses[0]!.field?.sourceStart).toBe(at('Ewa Lis <ewa@rachmistrz.example>')[0])
    // The body starts after the front matter, at its own offsets.
    expect(document.blocks.map((b) => b.text)).toEqual(['Webinar: new date', 'We gave the wrong date on Friday.'])
    expect(document.blocks[1]!.map.start(0)).toBe(source.indexOf('We gave'))
    expect(source.slice(document.bodyStart).trimStart().startsWith('# Webinar')).toBe(true)
  })

  it('leaves a document without a closing delimiter, or not starting with one, as Markdown body', async () => {
    const {buildDocumentSync} = await import('../src/parse/index.js')
    const open = buildDocumentSync('---\nsubject: Hello\n\nWe gave the wrong date.', {format: 'markdown'})
    expect(open.subject).toBeUndefined()
    expect(open.blocks.some((b) => b.text.includes('subject: Hello'))).toBe(true)
    const later = buildDocumentSync('Intro line\n\n---\nsubject: Hello\n---\n', {format: 'markdown'})
    expect(later.subject).toBeUndefined()
  })

  it('is linear on a huge front matter with no end', async () => {
    const {readFrontMatter} = await import('../src/parse/front-matter.js')
    // Lines past the 64 KB limit are not read: this returns at once.
    expect(readFrontMatter(`---\n${'key: value\n'.repeat(200_000)}`)).toBeUndefined()
    expect(readFrontMatter(`---\n${'x'.repeat(2_000_000)}\n---\n`)).toBeUndefined()
  })
})
