import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {lineBreaks} from '../src/document.js'

/** lineBreaks before it jumped with indexOf: a look at every code unit. */
function reference(text: string): number[] {
  const out: number[] = []
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k)
    if (c === 10) out.push(k + 1)
    else if (c === 13 && text.charCodeAt(k + 1) !== 10) out.push(k + 1)
  }
  return out
}

describe('lineBreaks', () => {
  it('finds the breaks a scan of every code unit finds (LF, CRLF, lone CR)', () => {
    for (const text of ['', 'a', '\n', '\r', '\r\n', '\n\r', '\r\r\n\n', 'a\r\nb\rc\nd', 'x\r', '\r\n\r\n\r'])
      expect(lineBreaks(text), JSON.stringify(text)).toEqual(reference(text))
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'bc', '\n', '\r', '\r\n', '\n\r', ' ', '\u2028'), {maxLength: 60}), (pieces) => {
        const text = pieces.join('')
        expect(lineBreaks(text)).toEqual(reference(text))
        expect(lineBreaks(text, [0])).toEqual([0, ...reference(text)])
      }),
      {numRuns: 3000},
    )
  })
})
