import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {WordList} from '../rules/shared/scan.js'

describe('WordList', () => {
  /** The definition: an exact word, or any entry ending in `*` as a prefix (entries lower-cased, ’ folded). */
  const reference = (entries: string[], norm: string): boolean =>
    entries.map((e) => e.toLowerCase().replace(/’/g, "'")).some((e) => (e.length > 1 && e.endsWith('*') ? norm.startsWith(e.slice(0, -1)) : norm === e))

  it('answers as its definition for any entries and word', () => {
    const letters = fc.constantFrom('a', 'b', 'e', 'w', 'ą', 'ł', "'", '’', 'A', 'W')
    const word = fc.array(letters, {maxLength: 6}).map((x) => x.join(''))
    const entry = fc.oneof(
      word,
      word.map((w) => `${w}*`),
    )
    fc.assert(
      fc.property(fc.array(entry, {maxLength: 12}), fc.array(word, {maxLength: 20}), (entries, words) => {
        const list = new WordList(entries)
        for (const w of words) {
          const norm = w.toLowerCase().replace(/’/g, "'")
          expect(list.has(norm), `${JSON.stringify(entries)} ${norm}`).toBe(reference(entries, norm))
        }
      }),
      {numRuns: 3000},
    )
  })
})
