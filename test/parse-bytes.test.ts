import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {decodeBase64} from '../src/parse/bytes.js'

/** The reference: Node's Buffer, unit by unit, as the parser decoded before it ran in browsers. */
function nodeBase64(text: string): Uint8Array {
  const units = text.replace(/[^A-Za-z0-9+/=]/g, '').split(/=+/)
  return new Uint8Array(Buffer.concat(units.filter((u) => u.length > 0).map((u) => Buffer.from(u, 'base64'))))
}

describe('decodeBase64 (no Buffer)', () => {
  it('decodes wrapped, padded and unpadded base64', () => {
    const decode = (s: string): string => new TextDecoder().decode(decodeBase64(s))
    expect(decode('UHJ6ZXByYXN6YW15LCBixYLEhWQ=')).toBe('Przepraszamy, błąd')
    expect(decode('UHJ6ZXBy\r\nYXN6YW15LCBi\r\nxYLEhWQ')).toBe('Przepraszamy, błąd')
    // Some mailers pad every line: padding ends a unit, and the next unit starts afresh.
    expect(decode('U29y\r\ncnk=\r\nIQ==')).toBe('Sorry!')
    expect(decodeBase64('')).toEqual(new Uint8Array())
    expect(decodeBase64('====\r\n')).toEqual(new Uint8Array())
  })

  it('agrees with Node Buffer on any text, including junk, stray padding and partial units', () => {
    const alphabet = fc.constantFrom(...'ABCXYZabxyz0189+/=\r\n \t-_.é'.split(''))
    fc.assert(
      fc.property(fc.string({unit: alphabet, maxLength: 200}), (text) => {
        expect(decodeBase64(text)).toEqual(nodeBase64(text))
      }),
      {numRuns: 2000},
    )
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 300}), fc.integer({min: 1, max: 80}), (bytes, width) => {
        const encoded = Buffer.from(bytes).toString('base64')
        const wrapped = encoded.replace(new RegExp(`.{1,${width}}`, 'g'), '$&\r\n')
        expect(decodeBase64(wrapped)).toEqual(new Uint8Array(bytes))
      }),
      {numRuns: 500},
    )
  })
})
