/**
 * The position property, over every fixture in every format: each word of
 * every visible block (and the subject) maps to a source span that reads as
 * that word once decoded (entities, quoted-printable, RFC 2047, Markdown
 * escapes, tags). Base64 parts are excluded: their positions are documented as
 * pointing at the part's start.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {decodeHTML} from 'entities'
import {buildDocument} from '../src/parse/index.js'
import type {Block, EmailDocument} from '../src/document.js'
import {tokenize} from '../src/language.js'
import {readMarkers} from './fixture-markers.js'

const ROOT = new URL('../fixtures/', import.meta.url).pathname

function listFixtures(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) out.push(...listFixtures(full))
    else if (/\.(?:eml|html|txt|md)$/.test(name)) out.push(full)
  }
  return out
}

/** Decodes quoted-printable escapes: UTF-8 when valid, else ISO-8859-2 (the Polish legacy charset). */
function decodeQp(text: string): string {
  const joined = text.replace(/=\r?\n/g, '')
  return joined.replace(/(?:=[0-9A-F]{2})+/g, (run) => {
    const bytes = Uint8Array.from(run.slice(1).split('='), (h) => Number.parseInt(h, 16))
    const utf8 = new TextDecoder('utf-8').decode(bytes)
    return utf8.includes('\uFFFD') ? new TextDecoder('iso-8859-2').decode(bytes) : utf8
  })
}

/** Decodes RFC 2047 encoded words (Q and B). */
function decode2047(text: string): string {
  return text.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]{1,40})\?([QqBb])\?([^?]*)\?=/g, (_w, charset: string, enc: string, data: string) => {
    const bytes =
      enc.toUpperCase() === 'B'
        ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
        : Uint8Array.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-Fa-f]{2})|([^=])/g, (_m, hex: string | undefined, ch: string | undefined) =>
                hex ? String.fromCharCode(Number.parseInt(hex, 16)) : ch!,
              ),
            (c) => c.charCodeAt(0),
          )
    return new TextDecoder(charset.toLowerCase()).decode(bytes)
  })
}

/**
 * When `[s, e)` is whole base64 groups of B-encoded words (one word, or
 * adjacent words joined by folding): their decoded text, else undefined.
 */
function base64Groups(source: string, s: number, e: number): string | undefined {
  const words = [...source.matchAll(/=\?([^?\s]{1,40})\?[Bb]\?([^?]*)\?=/g)].map((m) => {
    const textStart = m.index + m[0].length - 2 - m[2]!.length
    return {charset: m[1]!.toLowerCase(), textStart, textEnd: textStart + m[2]!.length, end: m.index + m[0].length, start: m.index}
  })
  const first = words.findIndex((w) => s >= w.textStart && s < w.textEnd)
  if (first < 0 || (s - words[first]!.textStart) % 4 !== 0) return undefined
  let out = ''
  for (let k = first; k < words.length; k++) {
    const w = words[k]!
    const from = k === first ? s : w.textStart
    const to = Math.min(e, w.textEnd)
    const chunk = source.slice(from, to).replace(/=+$/, '')
    out += new TextDecoder(w.charset).decode(Uint8Array.from(atob(chunk.padEnd(Math.ceil(chunk.length / 4) * 4, '=')), (c) => c.charCodeAt(0)))
    if (e <= w.textEnd) return out
    // The next word must follow after folding white space only.
    const next = words[k + 1]
    if (!next || !/^\?=[ \t\r\n]*$/.test(source.slice(w.textEnd, next.start))) return undefined
  }
  return undefined
}

function decodeFor(document: EmailDocument, block: Block): (fragment: string) => string {
  return (fragment) => {
    let text = fragment
    if (document.format === 'eml') {
      // Inside one Q-encoded word a slice has no `=?…?=` wrapper: decode it as Q text.
      // A word split over two Q words crosses a `?= =?charset?Q?` joint: drop the joint first.
      if (block.kind === 'subject') text = text.replace(/\?=\s*=\?[^?]{1,40}\?[Qq]\?/g, '')
      text = block.kind === 'subject' ? (text.startsWith('=?') ? decode2047(text) : decodeQp(text.replace(/_/g, ' '))) : decodeQp(text)
    }
    const isHtml = document.format === 'html' || (document.format === 'eml' && block.part === 'html')
    if (isHtml || document.format === 'markdown')
      text = text
        .replace(/<!--[^]*?-->/g, ' ')
        .replace(/<br\b[^>]*>/gi, ' ')
        .replace(/<[^>]*>/g, '')
    if (document.format === 'markdown')
      text = text
        .replace(/\\([!-/:-@[-`{-~])/g, '$1')
        .replace(/[*_`]+/g, '')
        .replace(/\]\([^)]*\)/g, '')
        .replace(/[[\]]/g, '')
    if (isHtml || document.format === 'markdown') text = decodeHTML(text)
    return text.replace(/[\s\u00a0]+/g, ' ').trim()
  }
}

describe('positions map back to the source, on every fixture', () => {
  const files = listFixtures(ROOT)
  it('finds fixtures', () => expect(files.length).toBeGreaterThan(60))
  for (const file of files) {
    it(file.slice(ROOT.length), async () => {
      const {source} = readMarkers(readFileSync(file, 'utf8'))
      const document = await buildDocument(source, {filename: file})
      const coarse = new Set(document.parts.filter((p) => p.coarse).map((p) => p.kind))
      const blocks = [...document.blocks, ...document.parts.flatMap((p) => p.blocks), ...(document.subject?.map ? [document.subject] : [])]
      const failures: string[] = []
      let checked = 0
      for (const block of blocks) {
        if (block.part && coarse.has(block.part)) continue
        if (block.kind === 'subject' && document.format !== 'eml') continue
        const decode = decodeFor(document, block)
        for (const token of tokenize(block.text)) {
          const s = block.map.start(token.start)
          const e = block.map.end(token.end)
          checked++
          if (!(s >= 0 && s <= e && e <= source.length)) {
            failures.push(`${block.kind}: "${token.text}" → bad range [${s}, ${e})`)
            continue
          }
          const slice = source.slice(s, e)
          const got = decode(slice)
          // In a B-encoded word a character maps to its 4-character base64 groups: the slice decodes to text holding the token.
          const bWord = block.kind === 'subject' ? base64Groups(source, s, e) : undefined
          const inBWord = bWord !== undefined && bWord.includes(token.text)
          if (got !== token.text && !inBWord) failures.push(`${block.kind}: "${token.text}" → [${s}, ${e}) reads ${JSON.stringify(got)}`)
        }
      }
      expect(failures.slice(0, 10)).toEqual([])
      expect(checked).toBeGreaterThan(0)
    })
  }
})

describe('CR-only line endings', () => {
  it('count a lone CR as a line break, like editors and the language server (CRLF stays one break)', async () => {
    const {LineIndex} = await import('../src/document.js')
    const source = 'one\rtwo\r\nthree\nfour\r'
    const lines = new LineIndex(source)
    expect(lines.point(source.indexOf('two'))).toEqual({line: 2, column: 1, offset: 4})
    expect(lines.point(source.indexOf('three'))).toEqual({line: 3, column: 1, offset: 9})
    expect(lines.point(source.indexOf('four'))).toEqual({line: 4, column: 1, offset: 15})
    expect(lines.point(source.length)).toEqual({line: 5, column: 1, offset: source.length})
  })
})

describe('CR-only line endings in a linted email', () => {
  it('put a finding on its own line', async () => {
    const {lint} = await import('../src/lint.js')
    const source = 'Hello Dana,\rWe are sorry: the delivery date in our last message was a week too early.\rPlease do not reply.\r'
    const result = await lint(source, {format: 'text'})
    const d = result.diagnostics.find((x) => x.ruleId === 'no-reply-sender')!
    expect(source.slice(d.range.start.offset, d.range.end.offset)).toBe('Please do not reply')
    expect(d.range.start).toMatchObject({line: 3, column: 1})
  })
})
