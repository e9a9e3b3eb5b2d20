/**
 * The header decoder's two hot loops, unfold and pushBase64Groups, were
 * rewritten for speed (a subject can be megabytes of encoded words). Their
 * earlier character-by-character definitions are kept here, and both versions
 * must agree on any header value: the decoded text and every position.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {decodeBase64} from '../src/parse/bytes.js'
import {pushBase64Groups, type RawField, type Unfolded, unfold} from '../src/parse/eml.js'

/** The definition before the rewrite. */
function unfoldReference(source: string, field: RawField): Unfolded {
  const chars: string[] = []
  const starts: number[] = []
  const ends: number[] = []
  let p = field.colon + 1
  while (p < field.end) {
    const c = source[p]!
    if (c === '\r' || c === '\n') {
      let q = p
      while (q < field.end && /[\r\n \t]/.test(source[q]!)) q++
      let s = p
      while (chars.length > 0 && (chars[chars.length - 1] === ' ' || chars[chars.length - 1] === '\t') && ends[ends.length - 1] === s) {
        chars.pop()
        ends.pop()
        s = starts.pop()!
      }
      chars.push(' ')
      starts.push(s)
      ends.push(q)
      p = q
      continue
    }
    chars.push(c)
    starts.push(p)
    ends.push(p + 1)
    p++
  }
  let a = 0
  let b = chars.length
  while (a < b && (chars[a] === ' ' || chars[a] === '\t')) a++
  while (b > a && (chars[b - 1] === ' ' || chars[b - 1] === '\t')) b--
  return {text: chars.slice(a, b).join(''), starts: starts.slice(a, b), ends: ends.slice(a, b)}
}

/** The definition before the rewrite, recording what it pushes. */
function pushBase64GroupsReference(out: [number, number, number][], u: Unfolded, from: number, to: number): void {
  let first = -1
  let count = 0
  let chars = ''
  const flush = (last: number): void => {
    if (first >= 0 && chars.length > 0) for (const byte of decodeBase64(chars)) out.push([byte, u.starts[first]!, u.ends[last]!])
    first = -1
    count = 0
    chars = ''
  }
  const isBase64Char = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47
  for (let k = from; k < to; k++) {
    const c = u.text[k]!
    if (c === '=') {
      if (first >= 0) {
        chars += c
        flush(k)
      }
      continue
    }
    if (!isBase64Char(c.charCodeAt(0))) continue
    if (first < 0) first = k
    chars += c
    if (++count === 4) flush(k)
  }
  if (first >= 0) flush(to - 1)
}

/** A header field around `value`: "Subject:" then the value, as the header scanner records it. */
function field(value: string): {source: string; field: RawField} {
  const source = `Subject:${value}`
  return {source, field: {name: 'subject', start: 0, colon: 7, end: source.length}}
}

/** Header values rich in what unfolding and base64 groups care about: breaks, blanks, padding, non-ASCII. */
const valueArbitrary = fc
  .array(
    fc.constantFrom('\r\n', '\n', '\r', ' ', '\t', '\r\n ', '\r\n\t', '=', '=?', '?=', 'QQ', 'UHJ6', 'ZXBy', 'YQ==', 'é', '\u{1F602}', '+/', '-', 'a', 'Z9'),
    {
      maxLength: 60,
    },
  )
  .map((parts) => parts.join(''))

describe('header unfolding', () => {
  it('gives the same text and positions as the character-by-character definition', () => {
    fc.assert(
      fc.property(valueArbitrary, (value) => {
        const {source, field: f} = field(value)
        expect(unfold(source, f)).toEqual(unfoldReference(source, f))
      }),
      {numRuns: 3000},
    )
  })

  it('turns a fold and the blanks around it into one space spanning them', () => {
    const {source, field: f} = field(' Sorry \r\n  about  \r\n\tthat ')
    const u = unfold(source, f)
    expect(u.text).toBe('Sorry about that')
    const spaces = [...u.text.matchAll(/ /g)].map((m) => source.slice(u.starts[m.index], u.ends[m.index]))
    expect(spaces).toEqual([' \r\n  ', '  \r\n\t'])
  })
})

describe('base64 groups of a B-encoded word', () => {
  it('pushes the same bytes with the same spans as the definition, on any text', () => {
    fc.assert(
      fc.property(valueArbitrary, fc.nat(), fc.nat(), (value, x, y) => {
        const {source, field: f} = field(value)
        const u = unfold(source, f)
        const from = u.text.length === 0 ? 0 : x % u.text.length
        const to = from + (u.text.length === from ? 0 : y % (u.text.length - from + 1))
        const ours: [number, number, number][] = []
        pushBase64Groups({push: (byte, start, end) => ours.push([byte, start, end])}, u, from, to)
        const theirs: [number, number, number][] = []
        pushBase64GroupsReference(theirs, u, from, to)
        expect(ours).toEqual(theirs)
      }),
      {numRuns: 3000},
    )
  })

  it('maps each decoded byte to the four characters of its group', () => {
    // "Sorry!" is two groups: U29y (Sor) and cnkh (ry!).
    const {source, field: f} = field(' U29ycnkh')
    const u = unfold(source, f)
    const pushed: [number, string][] = []
    pushBase64Groups({push: (byte, start, end) => pushed.push([byte, source.slice(start, end)])}, u, 0, u.text.length)
    expect(pushed.map(([b]) => String.fromCharCode(b)).join('')).toBe('Sorry!')
    expect(pushed.map(([, s]) => s)).toEqual(['U29y', 'U29y', 'U29y', 'cnkh', 'cnkh', 'cnkh'])
  })
})
