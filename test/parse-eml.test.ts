import fc from 'fast-check'
import {decodeHTML} from 'entities'
import {decodeWords} from 'postal-mime'
import {describe, expect, it} from 'vitest'
import type {Block, Header, SourceMapper} from '../src/document.js'
import {decodeUtf8Group, EmlParseError, parseEml} from '../src/parse/eml.js'
import type {ParsedEml} from '../src/parse/shared.js'

function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim()
}

const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n')

/** Undoes quoted-printable: soft line breaks go, `=XX` escapes become bytes of `charset`. */
function decodeQP(fragment: string, charset: string): string {
  const text = fragment.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    const m = /^=([0-9A-Fa-f]{2})/.exec(text.slice(i, i + 3))
    if (m) {
      bytes.push(Number.parseInt(m[1]!, 16))
      i += 2
    } else {
      bytes.push(...new TextEncoder().encode(text[i]!))
    }
  }
  return new TextDecoder(charset).decode(Uint8Array.from(bytes))
}

/** What a reader sees of an HTML fragment: tags removed, entities decoded. */
function visibleHtml(fragment: string): string {
  return squash(
    decodeHTML(
      fragment
        .replace(/<br\b[^>]{0,200}>/gi, ' ')
        .replace(/<[^>]{0,500}>?/g, '')
        .replace(/^[^<]{0,500}>/, ''),
    ),
  )
}

/**
 * Decodes a raw header fragment: an encoded word cut by the fragment gets its
 * opening `=?charset?Q?` or closing `?=` back, folding becomes a space, and
 * postal-mime decodes the rest.
 */
function decodeHeaderSlice(source: string, s: number, e: number): string {
  let prefix = ''
  let suffix = ''
  for (const m of source.matchAll(/=\?([^?\s]{1,75})\?([QqBb])\?([^?]{0,2000})\?=/g)) {
    const end = m.index + m[0].length
    if (s > m.index && s < end) prefix = `=?${m[1]}?${m[2]}?`
    if (e > m.index && e < end) suffix = '?='
  }
  return squash(decodeWords((prefix + source.slice(s, e) + suffix).replace(/\r?\n[ \t]+/g, ' ')))
}

const WORD = /[\p{L}\p{N}]+/gu

function words(text: string): [number, number][] {
  return [...text.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length])
}

/**
 * The position property: every span of `text` between word boundaries (all
 * runs of up to four words, then random spans) maps to a source range that,
 * decoded, reads as the same text modulo white space; ranges stay inside the
 * source and never run backwards.
 */
function positionFailures(
  source: string,
  text: string,
  map: SourceMapper,
  decode: (s: number, e: number) => string,
  /** True when the raw range may hold more than the span (it covers an atomic unit such as a B-encoded word). */
  wider: (s: number, e: number) => boolean = () => false,
): string[] {
  const failures: string[] = []
  const check = (a: number, b: number): void => {
    const s = map.start(a)
    const e = map.end(b)
    const want = squash(text.slice(a, b))
    if (!(s >= 0 && s <= e && e <= source.length)) failures.push(`bad range [${s}, ${e}) for "${want}"`)
    else {
      const got = decode(s, e)
      if (got !== want && !(wider(s, e) && got.includes(want))) failures.push(`"${want}" → [${s}, ${e}) ${JSON.stringify(source.slice(s, e))} reads "${got}"`)
    }
  }
  const w = words(text)
  for (let i = 0; i < w.length; i++) {
    for (let n = 1; n <= 4 && i + n <= w.length; n++) check(w[i]![0], w[i + n - 1]![1])
  }
  if (w.length > 0) {
    fc.assert(
      fc.property(fc.nat(w.length - 1), fc.nat(w.length - 1), (x, y) => {
        check(w[Math.min(x, y)]![0], w[Math.max(x, y)]![1])
      }),
      {numRuns: 40},
    )
  }
  for (let k = 1; k < text.length; k++) {
    if (map.start(k) < map.start(k - 1) || map.end(k + 1) < map.end(k)) failures.push(`not monotonic at ${k} in "${text}"`)
  }
  return failures
}

function headerFailures(source: string, header: Header): string[] {
  // A character of a B-encoded word maps to its 4-character base64 group (3 bytes), so a range over one may read as more.
  const bWords = [...source.matchAll(/=\?[^?\s]{1,75}\?[Bb]\?[^?]*\?=/g)].map((m) => [m.index, m.index + m[0].length] as const)
  const bWord = (s: number, e: number): boolean => bWords.some(([ws, we]) => s < we && e > ws)
  return positionFailures(source, header.value, header.map, (s, e) => decodeHeaderSlice(source, s, e), bWord)
}

function blockFailures(source: string, blocks: Block[], decode: (fragment: string) => string): string[] {
  return blocks.flatMap((block) => positionFailures(source, block.text, block.map, (s, e) => decode(source.slice(s, e))))
}

/** The raw source behind a phrase of decoded text. */
function rawOf(source: string, text: string, map: SourceMapper, phrase: string): string {
  const i = text.indexOf(phrase)
  expect(i, `"${phrase}" in "${text}"`).toBeGreaterThanOrEqual(0)
  return source.slice(map.start(i), map.end(i + phrase.length))
}

function expectNoCrossCheckNotes(eml: ParsedEml): void {
  expect(eml.notes.filter((n) => /differently|postal-mime found no|unknown charset/.test(n))).toEqual([])
}

const ALTERNATIVE = crlf(`From: =?UTF-8?Q?Zesp=C3=B3=C5=82_Acme?= <support@acme.example>
Reply-To: "Acme Help" <help@acme.example>
To: ana@example.com
Subject: =?UTF-8?Q?Przepraszamy_za_b=C5=82=C4=85d_w_zam?=
 =?UTF-8?Q?=C3=B3wieniu?=
X-Note: plain text folded
   over two lines
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="==alt=="

--==alt==
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Dzie=C5=84 dobry,

przepraszamy za b=C5=82=C4=85d w zam=C3=B3wie=
niu nr 123. Pieni=C4=
=85dze wr=C3=B3c=C4=85 do Pa=C5=84stwa w ci=C4=85gu 3 dni.

Zesp=C3=B3=C5=82 Acme
--==alt==
Content-Type: text/html; charset=iso-8859-2
Content-Transfer-Encoding: quoted-printable

<html><body><p>Dzie=F1 dobry,</p>
<p>przepraszamy za b=B3=B1d w zam=F3wie=
niu &amp; op=F3=BCnienie. <a href=3D"https://acme.example/zwrot">Sprawd=BC=
 status zwrotu</a>.</p></body></html>
--==alt==--
`)

describe('parseEml: multipart/alternative with quoted-printable parts (CRLF)', async () => {
  const eml = await parseEml(ALTERNATIVE)

  it('decodes RFC 2047 headers and unfolds them', () => {
    expect(eml.headers.get('subject')?.value).toBe('Przepraszamy za błąd w zamówieniu')
    expect(eml.headers.get('from')?.value).toBe('Zespół Acme <support@acme.example>')
    expect(eml.headers.get('x-note')?.value).toBe('plain text folded over two lines')
    expect(eml.headers.get('subject')?.name).toBe('Subject')
    const subject = eml.headers.get('subject')!
    expect(ALTERNATIVE.slice(subject.sourceStart, subject.sourceEnd)).toBe(
      'Subject: =?UTF-8?Q?Przepraszamy_za_b=C5=82=C4=85d_w_zam?=\r\n =?UTF-8?Q?=C3=B3wieniu?=',
    )
  })

  it('maps each decoded header character to the raw characters that encode it', () => {
    const subject = eml.headers.get('subject')!
    expect(rawOf(ALTERNATIVE, subject.value, subject.map, 'ł')).toBe('=C5=82')
    expect(rawOf(ALTERNATIVE, subject.value, subject.map, 'błąd')).toBe('b=C5=82=C4=85d')
    expect(rawOf(ALTERNATIVE, subject.value, subject.map, 'za')).toBe('za')
    expect(rawOf(ALTERNATIVE, subject.value, subject.map, 'zamówieniu')).toBe('zam?=\r\n =?UTF-8?Q?=C3=B3wieniu')
    const note = eml.headers.get('x-note')!
    expect(rawOf(ALTERNATIVE, note.value, note.map, 'folded over')).toBe('folded\r\n   over')
  })

  it('keeps the position property on every header', () => {
    for (const header of eml.headers.values()) expect(headerFailures(ALTERNATIVE, header)).toEqual([])
  })

  it('reads addresses from postal-mime, with the header they came from', () => {
    expect(eml.addresses.map((a) => [a.header, a.name, a.address, a.field?.name])).toEqual([
      ['from', 'Zespół Acme', 'support@acme.example', 'From'],
      ['reply-to', 'Acme Help', 'help@acme.example', 'Reply-To'],
    ])
  })

  it('puts the HTML part first, then the plain-text part, decoded by charset', () => {
    expect(eml.parts.map((p) => [p.kind, p.coarse])).toEqual([
      ['html', false],
      ['text', false],
    ])
    const [html, text] = eml.parts
    expect(html!.body.blocks.map((b) => b.text)).toEqual(['Dzień dobry,', 'przepraszamy za błąd w zamówieniu & opóźnienie. Sprawdź status zwrotu.'])
    expect(text!.body.blocks.map((b) => b.text)).toEqual([
      'Dzień dobry,',
      'przepraszamy za błąd w zamówieniu nr 123. Pieniądze wrócą do Państwa w ciągu 3 dni.',
      'Zespół Acme',
    ])
    expect(html!.body.blocks.every((b) => b.part === 'html')).toBe(true)
    expect(html!.sourceStart).toBe(ALTERNATIVE.indexOf('<html>'))
    expect(text!.sourceStart).toBe(ALTERNATIVE.indexOf('Dzie=C5=84'))
    expect(eml.bodyStart).toBe(ALTERNATIVE.indexOf('--==alt=='))
    expectNoCrossCheckNotes(eml)
  })

  it('maps body text through quoted-printable into the raw message', () => {
    const [html, text] = eml.parts
    const plain = text!.body.blocks[1]!
    // A soft line break in the middle of a word maps to nothing.
    expect(rawOf(ALTERNATIVE, plain.text, plain.map, 'zamówieniu')).toBe('zam=C3=B3wie=\r\nniu')
    // A UTF-8 character split by a soft break maps to all of its escapes.
    expect(rawOf(ALTERNATIVE, plain.text, plain.map, 'ą')).toBe('=C4=85')
    expect(rawOf(ALTERNATIVE, plain.text, plain.map, 'Pieniądze')).toBe('Pieni=C4=\r\n=85dze')
    const para = html!.body.blocks[1]!
    // One byte of iso-8859-2 is one character.
    expect(rawOf(ALTERNATIVE, para.text, para.map, 'ł')).toBe('=B3')
    expect(rawOf(ALTERNATIVE, para.text, para.map, 'zamówieniu & opóźnienie')).toBe('zam=F3wie=\r\nniu &amp; op=F3=BCnienie')
    const link = html!.body.links[0]!
    expect(link.href).toBe('https://acme.example/zwrot')
    expect(ALTERNATIVE.slice(link.sourceStart, link.sourceEnd)).toBe('<a href=3D"https://acme.example/zwrot">Sprawd=BC=\r\n status zwrotu</a>')
    expect(ALTERNATIVE.slice(para.sourceStart, para.sourceEnd)).toMatch(/^<p>przepraszamy[^]*<\/p>$/)
  })

  it('keeps the position property on every block', () => {
    const [html, text] = eml.parts
    expect(blockFailures(ALTERNATIVE, html!.body.blocks, (f) => visibleHtml(decodeQP(f, 'iso-8859-2')))).toEqual([])
    expect(blockFailures(ALTERNATIVE, text!.body.blocks, (f) => squash(decodeQP(f, 'utf-8')))).toEqual([])
  })
})

const NESTED = `From: Acme <noreply@acme.example>
Subject: Correction: wrong price
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="mixed"

This is a multi-part message in MIME format.

--mixed
Content-Type: text/plain; charset=utf-8; name="notes.txt"
Content-Disposition: attachment; filename="notes.txt"

Internal notes: do not send.
--mixed
Content-Type: multipart/alternative;
 boundary="alt"

--alt
Content-Type: text/plain; charset="us-ascii"
Content-Transfer-Encoding: 7bit

We are sorry: yesterday's email had the wrong price.
The correct price is $40.

--alt
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: 8bit

<p>We are sorry: yesterday’s email had the wrong price.</p>
<p>The correct price is <b>$40</b> &ndash; see <a href="https://acme.example/coat">the coat</a>.</p>
--alt--

--mixed
Content-Type: application/pdf; name="invoice.pdf"
Content-Disposition: attachment; filename="invoice.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQK
--mixed--
`

describe('parseEml: nested multipart/mixed with attachments (LF, 7bit and 8bit)', async () => {
  const eml = await parseEml(NESTED)

  it('reads the alternative inside the mixed part and skips attachments', () => {
    expect(eml.parts.map((p) => p.kind)).toEqual(['html', 'text'])
    expect(eml.parts[0]!.body.blocks.map((b) => b.text)).toEqual([
      'We are sorry: yesterday’s email had the wrong price.',
      'The correct price is $40 – see the coat.',
    ])
    expect(eml.parts[1]!.body.blocks.map((b) => b.text)).toEqual(["We are sorry: yesterday's email had the wrong price. The correct price is $40."])
    expect(eml.parts.flatMap((p) => p.body.blocks).some((b) => b.text.includes('Internal'))).toBe(false)
    expect(eml.addresses).toMatchObject([{header: 'from', name: 'Acme', address: 'noreply@acme.example'}])
    expectNoCrossCheckNotes(eml)
    expect(eml.notes).toEqual([])
  })

  it('maps verbatim parts exactly', () => {
    const html = eml.parts[0]!
    const block = html.body.blocks[1]!
    expect(rawOf(NESTED, block.text, block.map, '$40 – see')).toBe('$40</b> &ndash; see')
    expect(html.sourceStart).toBe(NESTED.indexOf('<p>We are'))
    const link = html.body.links[0]!
    expect(NESTED.slice(link.sourceStart, link.sourceEnd)).toBe('<a href="https://acme.example/coat">the coat</a>')
    expect(blockFailures(NESTED, html.body.blocks, visibleHtml)).toEqual([])
    expect(blockFailures(NESTED, eml.parts[1]!.body.blocks, squash)).toEqual([])
    for (const header of eml.headers.values()) expect(headerFailures(NESTED, header)).toEqual([])
  })
})

describe('parseEml: base64 parts', () => {
  const html = '<p>Przepraszamy za błąd.</p><p>Zwrot: <a href="https://acme.example/zwrot">tutaj</a></p>'
  const encoded = Buffer.from(html, 'utf8')
    .toString('base64')
    .replace(/.{1,76}/g, '$&\r\n')
  const source =
    crlf(`From: Acme <noreply@acme.example>
Subject: =?utf-8?B?${Buffer.from('Przepraszamy za błąd', 'utf8').toString('base64')}?=
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: base64

`) + encoded

  it('decodes the part and maps every position to the part start (coarse)', async () => {
    const eml = await parseEml(source)
    const part = eml.parts[0]!
    expect(eml.parts).toHaveLength(1)
    expect(part.coarse).toBe(true)
    expect(part.sourceStart).toBe(source.indexOf(encoded))
    expect(part.body.blocks.map((b) => b.text)).toEqual(['Przepraszamy za błąd.', 'Zwrot: tutaj'])
    for (const block of part.body.blocks) {
      expect([block.map.start(0), block.map.end(block.text.length), block.sourceStart, block.sourceEnd]).toEqual(Array(4).fill(part.sourceStart))
    }
    expect(part.body.links.map((l) => [l.href, l.sourceStart])).toEqual([['https://acme.example/zwrot', part.sourceStart]])
    expect(eml.notes.some((n) => /base64/.test(n) && /part's start/.test(n))).toBe(true)
    expectNoCrossCheckNotes(eml)
  })

  it('maps each character of a B-encoded subject to the base64 groups that encode it, not the whole word', async () => {
    const eml = await parseEml(source)
    const subject = eml.headers.get('subject')!
    expect(subject.value).toBe('Przepraszamy za błąd')
    const word = /=\?utf-8\?B\?([^?]+)\?=/.exec(source)!
    const encoded = word[1]!
    const textStart = word.index + word[0].indexOf(encoded)
    for (const phrase of ['Przepraszamy', 'za', 'ł', 'błąd']) {
      const i = subject.value.indexOf(phrase)
      const s = subject.map.start(i)
      const e = subject.map.end(i + phrase.length)
      // Whole groups of four characters inside the encoded text, which decode to text holding the phrase.
      expect(s, phrase).toBeGreaterThanOrEqual(textStart)
      expect(e, phrase).toBeLessThanOrEqual(textStart + encoded.length)
      expect((s - textStart) % 4, phrase).toBe(0)
      expect(e - s < encoded.length || phrase === 'Przepraszamy', phrase).toBe(true)
      expect(Buffer.from(source.slice(s, e), 'base64').toString('utf8'), phrase).toContain(phrase)
    }
    // "za" sits in the middle: two groups at most, far from the whole word.
    const za = subject.value.indexOf('za')
    expect(subject.map.end(za + 2) - subject.map.start(za)).toBeLessThanOrEqual(8)
    expect(headerFailures(source, subject)).toEqual([])
  })
})

describe('parseEml: RFC 2047 subjects in other charsets', () => {
  const cases: [string, string, string][] = [
    ['=?iso-8859-2?Q?Przepraszamy_za_b=B3=B1d?=', 'Przepraszamy za błąd', '=B3'],
    ['=?windows-1250?Q?Przepraszamy_za_b=B3=B9d?=', 'Przepraszamy za błąd', '=B3'],
    ['=?UTF-8?Q?Przepraszamy_za_b=C5?= =?UTF-8?Q?=82=C4=85d?=', 'Przepraszamy za błąd', '=C5?= =?UTF-8?Q?=82'],
    ['Re: =?UTF-8?Q?b=C5=82=C4=85d?= w "zam=?x"', 'Re: błąd w "zam=?x"', '=C5=82'],
    [`=?ISO-8859-2?B?${Buffer.from([0x62, 0xb3, 0xb1, 0x64]).toString('base64')}?= i op=?utf-8?q?=C3=B3?=`, 'błąd i opó', ''],
  ]
  for (const [raw, value, ell] of cases) {
    it(`decodes ${raw}`, async () => {
      const source = `From: a@acme.example\r\nSubject: ${raw}\r\n\r\nBody.\r\n`
      const eml = await parseEml(source)
      const subject = eml.headers.get('subject')!
      expect(subject.value).toBe(value)
      if (ell) expect(rawOf(source, subject.value, subject.map, 'ł')).toBe(ell)
      expect(headerFailures(source, subject)).toEqual([])
      expectNoCrossCheckNotes(eml)
    })
  }

  it("uses postal-mime's subject when the two decodings disagree, with a coarse map and a note", async () => {
    // Two padded base64 words each hold half of `ł`; postal-mime decodes them separately.
    const source = 'Subject: =?UTF-8?B?xQ==?= =?UTF-8?B?gg==?=\r\n\r\nBody.\r\n'
    const eml = await parseEml(source)
    const subject = eml.headers.get('subject')!
    expect(subject.value).toBe(decodeWords('=?UTF-8?B?xQ==?= =?UTF-8?B?gg==?='))
    expect(subject.map.start(0)).toBe(source.indexOf('=?'))
    expect(eml.notes.some((n) => /Subject/.test(n))).toBe(true)
  })
})

describe('parseEml: other encodings and shapes', () => {
  it('maps an 8-bit single-part message (no MIME headers) verbatim', async () => {
    const source = 'From: Zespół Acme <a@acme.example>\nSubject: Przepraszamy\n\nDzień dobry,\n\nprzepraszamy za błąd w zamówieniu.\n'
    const eml = await parseEml(source)
    expect(eml.parts.map((p) => [p.kind, p.coarse])).toEqual([['text', false]])
    const block = eml.parts[0]!.body.blocks[1]!
    expect(rawOf(source, block.text, block.map, 'błąd w')).toBe('błąd w')
    expect(blockFailures(source, eml.parts[0]!.body.blocks, squash)).toEqual([])
    expect(eml.addresses).toMatchObject([{header: 'from', name: 'Zespół Acme', address: 'a@acme.example'}])
    expectNoCrossCheckNotes(eml)
  })

  it('reads an iso-8859-2 quoted-printable plain-text part byte for character', async () => {
    const source = crlf(`Subject: x
Content-Type: text/plain; charset="ISO-8859-2"
Content-Transfer-Encoding: quoted-printable

Przepraszamy za b=B3=B1d i op=F3=BCnienie; =
zwrot w ci=B1gu 3 dni.
`)
    const eml = await parseEml(source)
    const block = eml.parts[0]!.body.blocks[0]!
    expect(block.text).toBe('Przepraszamy za błąd i opóźnienie; zwrot w ciągu 3 dni.')
    expect(rawOf(source, block.text, block.map, 'ł')).toBe('=B3')
    expect(rawOf(source, block.text, block.map, 'opóźnienie; zwrot')).toBe('op=F3=BCnienie; =\r\nzwrot')
    expect(blockFailures(source, [block], (f) => squash(decodeQP(f, 'iso-8859-2')))).toEqual([])
    expectNoCrossCheckNotes(eml)
  })

  it('undoes format=flowed with delsp, mapping soft breaks to nothing', async () => {
    const source = crlf(`Subject: x
Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes

We are sorry for the out 
age of our ser 
vice.

 Stuffed line.
`)
    const eml = await parseEml(source)
    const blocks = eml.parts[0]!.body.blocks
    expect(blocks.map((b) => b.text)).toEqual(['We are sorry for the outage of our service.', 'Stuffed line.'])
    expect(rawOf(source, blocks[0]!.text, blocks[0]!.map, 'outage')).toBe('out \r\nage')
    expect(rawOf(source, blocks[1]!.text, blocks[1]!.map, 'Stuffed')).toBe('Stuffed')
    expectNoCrossCheckNotes(eml)
  })

  it('reads a truncated multipart as far as it goes, with notes', async () => {
    const source = crlf(`Subject: Outage
Content-Type: multipart/alternative; boundary="b"

--b
Content-Type: text/plain; charset=utf-8

We are sorry for the outage.
--b
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: quoted-printable

<p>We are sorry for the out=
`)
    const eml = await parseEml(source)
    expect(eml.parts.map((p) => [p.kind, p.body.blocks.map((b) => b.text)])).toEqual([
      ['html', ['We are sorry for the out']],
      ['text', ['We are sorry for the outage.']],
    ])
    expect(eml.notes.some((n) => /truncated/.test(n))).toBe(true)
    expectNoCrossCheckNotes(eml)
    const cut = await parseEml(source.slice(0, source.indexOf('Content-Type: text/html') + 20))
    expect(cut.parts.map((p) => p.kind)).toEqual(['text'])
    expect(cut.notes.some((n) => /inside its headers/.test(n))).toBe(true)
  })

  it("prefers postal-mime's text when its own decoding disagrees", async () => {
    // postal-mime skips the comment before the encoding; this parser does not, and falls back.
    const source = 'Subject: x\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: (old mailer) quoted-printable\n\nb=C5=82=C4=85d\n'
    const eml = await parseEml(source)
    expect(eml.parts[0]!.coarse).toBe(true)
    expect(eml.parts[0]!.body.blocks[0]!.text).toBe('błąd')
    expect(eml.parts[0]!.body.blocks[0]!.map.start(0)).toBe(source.indexOf('b=C5'))
    expect(eml.notes.some((n) => /differently/.test(n))).toBe(true)
  })

  it('falls back to postal-mime for an unknown charset', async () => {
    const source = 'Subject: x\nContent-Type: text/plain; charset=x-made-up\n\nWe are sorry.\n'
    const eml = await parseEml(source)
    expect(eml.parts[0]).toMatchObject({kind: 'text', coarse: true})
    expect(eml.parts[0]!.body.blocks[0]!.text).toBe('We are sorry.')
    expect(eml.notes.some((n) => /unknown charset/.test(n))).toBe(true)
  })

  it('reads a message without headers or without a blank line, and rejects one with no header block', async () => {
    const bare = await parseEml('\r\nWe are sorry.\r\n')
    expect(bare.parts[0]!.body.blocks[0]!.text).toBe('We are sorry.')
    expect(bare.headers.size).toBe(0)
    expect(bare.notes.some((n) => /no headers/.test(n))).toBe(true)

    const source = 'Subject: Sorry\nFrom: a@acme.example\nWe are sorry for the outage.\n'
    const noBlank = await parseEml(source)
    expect(noBlank.headers.get('subject')?.value).toBe('Sorry')
    expect(noBlank.bodyStart).toBe(source.indexOf('We are'))
    expect(noBlank.parts[0]!.body.blocks[0]!.text).toBe('We are sorry for the outage.')
    expect(noBlank.notes.some((n) => /blank line/.test(n))).toBe(true)

    const junk = await parseEml('Subject: Sorry\nthis line is not a header\nFrom: a@acme.example\n\nBody.\n')
    expect([...junk.headers.keys()]).toEqual(['subject', 'from'])
    expect(junk.parts[0]!.body.blocks.map((b) => b.text)).toEqual(['Body.'])
    expect(junk.notes.some((n) => /not header fields/.test(n))).toBe(true)
    expectNoCrossCheckNotes(junk)

    await expect(parseEml('We are sorry.\nNo headers here.\n')).rejects.toThrow(EmlParseError)
    await expect(parseEml('Hi Ana,\n\nWe are sorry.\n')).rejects.toThrow(EmlParseError)
    await expect(parseEml('We are sorry.\n')).rejects.toThrow('not an RFC 5322 message: no headers found')
  })

  it('enforces maxParts and maxDepth with a clear error', async () => {
    const many = `Content-Type: multipart/mixed; boundary="m"\n\n${'--m\nContent-Type: text/plain\n\nx\n'.repeat(5)}--m--\n`
    await expect(parseEml(many, {maxParts: 3})).rejects.toThrow(/more than 3 MIME parts \(maxParts\)/)
    expect((await parseEml(many, {maxParts: 5})).parts).toHaveLength(1)

    let deep = 'Content-Type: text/plain\n\nDeep.\n'
    for (let k = 4; k >= 1; k--) deep = `Content-Type: multipart/mixed; boundary="d${k}"\n\n--d${k}\n${deep}--d${k}--\n`
    await expect(parseEml(deep, {maxDepth: 2})).rejects.toThrow(/deeper than 2 levels \(maxDepth\)/)
    const ok = await parseEml(deep, {maxDepth: 4})
    expect(ok.parts[0]!.body.blocks[0]!.text).toBe('Deep.')
  })
})

describe('decodeUtf8Group', () => {
  const decoder = new TextDecoder('utf-8', {ignoreBOM: true})
  const reference = (bytes: number[]): string => decoder.decode(Uint8Array.from(bytes))

  it('decodes like TextDecoder: every lead and second byte, and random groups', () => {
    for (let b0 = 0; b0 < 256; b0++) {
      expect(decodeUtf8Group([b0])).toBe(reference([b0]))
      for (let b1 = 0; b1 < 256; b1++) {
        for (const bytes of [
          [b0, b1],
          [b0, b1, 0x80],
          [b0, b1, 0xbf],
          [b0, b1, 0x41],
          [b0, b1, 0x80, 0xbf],
          [b0, b1, 0xbf, 0x80],
          [b0, b1, 0x80, 0xc0],
        ]) {
          expect(decodeUtf8Group(bytes)).toBe(reference(bytes))
        }
      }
    }
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({min: 0, max: 255}), fc.integer({min: 0x80, max: 0xbf})), {minLength: 1, maxLength: 5}), (bytes) => {
        expect(decodeUtf8Group(bytes)).toBe(reference(bytes))
      }),
      {numRuns: 5000},
    )
  })
})
