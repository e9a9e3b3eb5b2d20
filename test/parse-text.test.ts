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
