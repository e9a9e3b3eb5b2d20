/**
 * The language server's chunked document against vscode-languageserver-textdocument,
 * the reference: random incremental edits (line breaks LF, CRLF and lone CR
 * included) give the same text, positions and offsets.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {ChunkedDocument} from '../src/node/chunked-document.js'

const piece = fc.constantFrom('a', 'bc', '\n', '\r\n', '\r', 'ż', '😀', 'line of text ', '\r\r\n\n')

describe('ChunkedDocument', () => {
  it('agrees with TextDocument on text, offsetAt and positionAt after random edits', () => {
    fc.assert(
      fc.property(
        fc.array(piece, {maxLength: 400}).map((p) => p.join('')),
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.nat(),
            fc.array(piece, {maxLength: 6}).map((p) => p.join('')),
          ),
          {maxLength: 40},
        ),
        fc.constantFrom(1, 2, 3, 7, 64),
        (initial, edits, chunkSize) => {
          const ref = TextDocument.create('file:///x', 'html', 1, initial)
          const doc = new ChunkedDocument('file:///x', 'html', 1, initial, chunkSize)
          let version = 1
          for (const [x, y, text] of edits) {
            const len = ref.getText().length
            const a = ref.positionAt(x % (len + 1))
            const b = ref.positionAt(y % (len + 1))
            const [start, end] = ref.offsetAt(a) <= ref.offsetAt(b) ? [a, b] : [b, a]
            version++
            TextDocument.update(ref, [{range: {start, end}, text}], version)
            doc.update([{range: {start, end}, text}], version)
          }
          const text = ref.getText()
          expect(doc.getText()).toBe(text)
          expect(doc.lineCount).toBe(ref.lineCount)
          for (let o = 0; o <= text.length; o += Math.max(1, Math.floor(text.length / 50))) {
            expect(doc.positionAt(o)).toEqual(ref.positionAt(o))
            const p = ref.positionAt(o)
            expect(doc.offsetAt(p)).toBe(ref.offsetAt(p))
            expect(doc.offsetAt({line: p.line, character: p.character + 3})).toBe(ref.offsetAt({line: p.line, character: p.character + 3}))
          }
          expect(doc.offsetAt({line: 1e6, character: 0})).toBe(text.length)
        },
      ),
      {numRuns: 300},
    )
  })

  it('keeps large documents in many chunks and edits them in place', () => {
    const line = 'We are sorry about the wrong total.\r\n'
    const text = line.repeat(20_000)
    const doc = new ChunkedDocument('file:///big', 'html', 1, text)
    doc.update([{range: {start: {line: 10_000, character: 3}, end: {line: 10_000, character: 6}}, text: 'were\rnot'}], 2)
    const expected = text.slice(0, 10_000 * line.length + 3) + 'were\rnot' + text.slice(10_000 * line.length + 6)
    expect(doc.getText()).toBe(expected)
    expect(doc.positionAt(10_000 * line.length + 3 + 5)).toEqual({line: 10_001, character: 0})
    expect(doc.lineCount).toBe(20_002)
  })
})
