import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {looksBinary} from '../src/parse/index.js'

/** looksBinary before its one-scan shortcut. */
function reference(source: string): boolean {
  const sample = source.slice(0, 8192)
  if (sample.includes('\u0000')) return true
  let bad = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad++
  }
  return sample.length > 0 && bad / sample.length > 0.1
}

describe('looksBinary', () => {
  it('agrees with the counting definition on every code unit and on random text', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c)
      for (const text of [ch, `ab${ch}cd`, `${ch}${ch}a`]) expect(looksBinary(text), String(c)).toBe(reference(text))
    }
    const units = fc.constantFrom('a', 'ż', ' ', '\n', '\t', '\r', '\f', '\v', '\u0001', '\u001f', '\ufffd', '\u0000', '\u007f', '😀')
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({unit: 'binary', maxLength: 200}),
          fc.array(units, {maxLength: 200}).map((u) => u.join('')),
        ),
        fc.integer({min: 0, max: 9000}),
        (text, pad) => {
          expect(looksBinary(text)).toBe(reference(text))
          // Past the 8,192-character sample nothing counts.
          const long = 'x'.repeat(pad) + text
          expect(looksBinary(long)).toBe(reference(long))
        },
      ),
      {numRuns: 1000},
    )
  })
})
