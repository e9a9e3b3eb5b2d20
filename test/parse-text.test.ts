import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {findEmailAddresses, parseText} from '../src/parse/text.js'

/** The definition findEmailAddresses implements without backtracking. */
const EMAIL = /\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b/g
const reference = (text: string): {index: number; text: string}[] => [...text.matchAll(EMAIL)].map((m) => ({index: m.index, text: m[0]}))

describe('findEmailAddresses', () => {
  it('finds what the e-mail pattern matches', () => {
    const texts = [
      'Write to support@acme.example or to ana.k+promo@mail.acme.co.uk.',
      'a@b.c d@e x@y.z- q@w.e-r -s@t.u @v.w .x@y.z',
      `${'a'.repeat(70)}@acme.example ${'a.'.repeat(40)}b@acme.example`,
      `x@${'a'.repeat(64)}.example y@a.${'b'.repeat(70)} z@a.b.c.d.e.f.g.h.i.j.k`,
      'first@one.example@two.example',
    ]
    for (const text of texts) expect(findEmailAddresses(text), text).toEqual(reference(text))
  })

  it('agrees with the pattern on arbitrary text', () => {
    const piece = fc.constantFrom('a', 'Z', '0', '_', '.', '+', '-', '@', ' ', 'ł', '\n', 'ab', '.a', 'x@y', '..', '--')
    fc.assert(
      fc.property(
        fc.array(piece, {maxLength: 120}).map((p) => p.join('')),
        fc.array(fc.constantFrom('a'.repeat(63), 'b'.repeat(64), 'c'.repeat(65), '.d'.repeat(9)), {maxLength: 3}),
        (text, long) => {
          const value = long.length > 0 ? text + long.join('@') + text : text
          expect(findEmailAddresses(value)).toEqual(reference(value))
        },
      ),
      {numRuns: 3000},
    )
  })

  it('stays linear on the input that makes the pattern backtrack', () => {
    const hostile = `0${'.0'.repeat(200_000)}`
    const t = performance.now()
    expect(findEmailAddresses(hostile)).toEqual([])
    expect(performance.now() - t).toBeLessThan(2000)
  })
})

describe('parseText', () => {
  it('reads bare URLs without trailing punctuation and e-mail addresses as links', () => {
    const body = parseText('See https://acme.example/fix!?. Or write to help@acme.example.')
    expect(body.links.map((l) => l.href)).toEqual(['https://acme.example/fix', 'mailto:help@acme.example'])
  })
})

describe('headers pasted at the top of a plain-text draft', () => {
  const source = [
    'Od: Dieta z Głową <hej@dietazglowa.pl>',
    'Do: Natalia <natalia@example.com>',
    'Temat: Zły zestaw w poniedziałek – przepraszamy',
    '',
    'Cześć Natalio,',
    '',
    'dostarczyliśmy Ci zły zestaw.',
  ].join('\r\n')

  it('reads subject and sender with their places in the source, and keeps them out of the body', async () => {
    const {buildDocumentSync} = await import('../src/parse/index.js')
    const document = buildDocumentSync(source, {format: 'text'})
    const at = (text: string): [number, number] => [source.indexOf(text), source.indexOf(text) + text.length]
    expect(document.subject?.text).toBe('Zły zestaw w poniedziałek – przepraszamy')
    expect([document.subject!.map.start(0), document.subject!.map.end(document.subject!.text.length)]).toEqual(at('Zły zestaw w poniedziałek – przepraszamy'))
    expect(document.addresses.map((a) => [a.header, a.address])).toEqual([['from', 'hej@dietazglowa.pl']])
    expect(document.blocks.map((b) => b.text)).toEqual(['Cześć Natalio,', 'dostarczyliśmy Ci zły zestaw.'])
    expect(document.blocks[0]!.map.start(0)).toBe(source.indexOf('Cześć'))
    // Findings about the whole email sit after the headers, as in an .eml.
    expect(document.bodyStart).toBeGreaterThan(source.indexOf('przepraszamy'))
    expect(source.slice(document.bodyStart).trimStart().startsWith('Cześć')).toBe(true)
  })

  it('reads no headers from a body that only starts like them', async () => {
    const {readPastedHeaders} = await import('../src/parse/front-matter.js')
    // One line, an unknown name, or a header block without a subject or sender is body text.
    expect(readPastedHeaders('Subject: the wrong date\n\nWe gave the wrong date.')).toBeUndefined()
    expect(readPastedHeaders('Note: we gave the wrong date.\nSubject: not this\n\nBody')).toBeUndefined()
    expect(readPastedHeaders('To: all members\nDate: 3 May\n\nBody')).toBeUndefined()
    expect(readPastedHeaders('Subject: Sorry\nFrom: a@b.example\n\nBody')?.fields.get('subject')?.value).toBe('Sorry')
    // Linear and bounded: a huge first line or thousands of header lines are not read.
    expect(readPastedHeaders(`Subject: ${'x'.repeat(2_000_000)}`)).toBeUndefined()
    expect(readPastedHeaders('From: a@b.example\n'.repeat(100_000))).toBeUndefined()
  })

  it('lets the subject rules read a pasted subject', async () => {
    const {lintSync} = await import('../src/lint.js')
    const text = [
      'Od: Dieta z Głową <hej@dietazglowa.pl>',
      'Temat: No to mamy poniedziałek… 🙈',
      '',
      'Cześć Natalio,',
      '',
      'przepraszamy: dostarczyliśmy Ci zestaw z innej diety. Zwrócimy koszt dnia.',
    ].join('\n')
    const ids = lintSync(text, {format: 'text', rules: {'unclear-subject': 'warn'}}).diagnostics.map((d) => d.ruleId)
    expect(ids).toContain('unclear-subject')
  })
})
