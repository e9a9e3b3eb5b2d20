import {readFileSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {utf8Offsets} from '../src/fix.js'
import {cli, onlyNoReply, workspace} from './cli-helpers.js'

/*
 * Polish and French text in 8-bit charsets, written byte by byte (no iconv):
 * a fix of the Reply-To header must leave every one of these bytes alone.
 */
const LATIN2: Record<string, number> = {ą: 0xb1, ś: 0xb6, ł: 0xb3, ę: 0xea, ż: 0xbf, ó: 0xf3, ć: 0xe6, ń: 0xf1}
const CP1250: Record<string, number> = {...LATIN2, ą: 0xb9, ś: 0x9c}
const LATIN1: Record<string, number> = {é: 0xe9, è: 0xe8, à: 0xe0, ç: 0xe7, ô: 0xf4}

function encode8bit(text: string, table: Record<string, number>): Buffer {
  return Buffer.from([...text].map((c) => table[c] ?? (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : 0x3f)))
}

const PL_BODY =
  'Przepraszamy: w porannej wiadomości podaliśmy zły termin dostawy. Właściwy termin to środa, 12 maja.\r\nZespół obsługi odpowie na każde pytanie.\r\n'
const FR_BODY =
  'Toutes nos excuses : le lien envoyé ce matin menait à une page périmée. Voici le bon lien : https://shop.example/facture\r\nRépondez à ce message si vous avez une question, notre équipe vous aidera.\r\n'

function eml(charset: string, body: Buffer, replyTo = 'noreply@shop.example'): Buffer {
  const head = [
    'From: Shop Support <support@shop.example>',
    `Reply-To: ${replyTo}`,
    'Subject: Correction: delivery date',
    'MIME-Version: 1.0',
    `Content-Type: text/plain; charset=${charset}`,
    'Content-Transfer-Encoding: 8bit',
    '',
    '',
  ].join('\r\n')
  return Buffer.concat([Buffer.from(head, 'latin1'), body])
}

function fixWorkspace(): string {
  return workspace({rules: onlyNoReply(), brand: {supportAddress: 'help@shop.example'}})
}

/** Asserts that `after` is `before` with exactly `from` replaced by `to` once, every other byte equal. */
function expectOnlyRangeChanged(before: Buffer, after: Buffer, from: string, to: string): void {
  const at = before.indexOf(Buffer.from(from, 'latin1'))
  expect(at).toBeGreaterThan(0)
  const end = at + from.length
  const grown = to.length - from.length
  expect(after.length).toBe(before.length + grown)
  expect(after.subarray(0, at).equals(before.subarray(0, at))).toBe(true)
  expect(after.subarray(at, at + to.length).toString('latin1')).toBe(to)
  // Every byte after the range, compared one by one.
  for (let i = end; i < before.length; i++) if (after[i + grown] !== before[i]) throw new Error(`byte ${i} changed: ${before[i]} → ${after[i + grown]}`)
}

describe('--fix works on bytes', () => {
  const cases: [string, Buffer][] = [
    ['iso-8859-2', eml('iso-8859-2', encode8bit(PL_BODY, LATIN2))],
    ['windows-1250', eml('windows-1250', encode8bit(PL_BODY, CP1250))],
    ['iso-8859-1', eml('iso-8859-1', encode8bit(FR_BODY, LATIN1))],
    ['utf-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), eml('utf-8', Buffer.from(PL_BODY, 'utf8'))])],
  ]
  it.each(cases)('changes no byte outside the fixed range (%s), and a second --fix changes nothing', async (_name, before) => {
    const dir = fixWorkspace()
    const file = join(dir, 'apology.eml')
    writeFileSync(file, before)
    const fixed = await cli(['--fix', 'apology.eml'], dir)
    expect(fixed.stderr).toContain('applied 1 fix')
    const after = readFileSync(file)
    expectOnlyRangeChanged(before, after, 'Reply-To: noreply@shop.example', 'Reply-To: help@shop.example')
    const again = await cli(['--fix', 'apology.eml'], dir)
    expect(again.stderr).not.toContain('applied')
    expect(readFileSync(file).equals(after)).toBe(true)
  })

  it('replaces the file by a rename (a crash leaves the old file or the new one, never a part), keeping its mode', async () => {
    const dir = fixWorkspace()
    const file = join(dir, 'apology.eml')
    writeFileSync(file, eml('utf-8', Buffer.from(PL_BODY, 'utf8')), {mode: 0o640})
    const inode = statSync(file).ino
    await cli(['--fix', 'apology.eml'], dir)
    expect(readFileSync(file, 'latin1')).toContain('Reply-To: help@shop.example')
    // writeFileSync into the open file keeps its inode; a temp file renamed over it does not.
    expect(statSync(file).ino).not.toBe(inode)
    expect(statSync(file).mode & 0o777).toBe(0o640)
  })

  it('fixes the address, not a display name that repeats it, and is idempotent', async () => {
    const dir = fixWorkspace()
    const file = join(dir, 'apology.eml')
    const before = eml('utf-8', Buffer.from(PL_BODY, 'utf8'), '"noreply@shop.example" <noreply@shop.example>')
    writeFileSync(file, before)
    const first = await cli(['--fix', 'apology.eml'], dir)
    expect(first.stderr).toContain('applied 1 fix')
    const after = readFileSync(file)
    expect(after.toString('latin1')).toContain('Reply-To: "noreply@shop.example" <help@shop.example>')
    await cli(['--fix', 'apology.eml'], dir)
    expect(readFileSync(file).equals(after)).toBe(true)
  })

  it('--fix-dry-run prints the diff and leaves the bytes alone', async () => {
    const dir = fixWorkspace()
    const file = join(dir, 'apology.eml')
    const before = eml('iso-8859-2', encode8bit(PL_BODY, LATIN2))
    writeFileSync(file, before)
    const dry = await cli(['--fix-dry-run', 'apology.eml'], dir)
    expect(dry.stdout).toContain('+Reply-To: help@shop.example')
    expect(readFileSync(file).equals(before)).toBe(true)
  })
})

describe('utf8Offsets', () => {
  it('maps every UTF-16 offset of TextDecoder output back to its byte, valid or not', () => {
    let seed = 7
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31)
    // Bytes biased towards UTF-8 lead and continuation bytes, so that broken sequences are common.
    const pool = [0x41, 0x0d, 0x0a, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0xe0, 0xf4, 0x90, 0xc0, 0xff, 0x80, 0xbf]
    const decoder = new TextDecoder('utf-8')
    for (let round = 0; round < 300; round++) {
      const bytes = Uint8Array.from({length: next() % 24}, () => pool[next() % pool.length]!)
      if (round % 10 === 0) bytes.set([0xef, 0xbb, 0xbf].slice(0, Math.min(3, bytes.length)))
      const text = decoder.decode(bytes)
      const map = utf8Offsets(bytes, text.length)
      expect(map).toHaveLength(text.length + 1)
      for (let k = 0; k <= text.length; k++) {
        if (k < text.length && text.charCodeAt(k) >= 0xdc00 && text.charCodeAt(k) <= 0xdfff) continue // inside a surrogate pair
        expect(decoder.decode(bytes.subarray(0, map[k])), `${[...bytes]} @${k}`).toBe(text.slice(0, k))
      }
    }
  })
})
