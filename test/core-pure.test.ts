/**
 * The core does not need Node: `.eml` files with base64 and quoted-printable
 * parts lint the same with `globalThis.Buffer` removed (as in a browser).
 * test/slow/browser-core.test.ts runs the built bundle in Chromium.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/core.js'

const dirs = ['fixtures/examples', 'fixtures/holdout']
const emls = dirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => `${dir}/${f}`),
)

describe('the core without Buffer', () => {
  it('has base64 and quoted-printable fixtures to check', () => {
    const sources = emls.map((f) => readFileSync(f, 'utf8'))
    expect(sources.some((s) => /content-transfer-encoding:\s*base64/i.test(s) || /=\?utf-8\?b\?/i.test(s))).toBe(true)
    expect(sources.some((s) => /content-transfer-encoding:\s*quoted-printable/i.test(s))).toBe(true)
  })

  it('lints every .eml fixture the same with and without Buffer', async () => {
    for (const file of emls) {
      const source = readFileSync(file, 'utf8')
      const withBuffer = await lint(source, {filename: file})
      const saved = globalThis.Buffer
      let without
      try {
        // @ts-expect-error: removed on purpose, as in a browser
        delete globalThis.Buffer
        without = await lint(source, {filename: file})
      } finally {
        globalThis.Buffer = saved
      }
      expect(without.diagnostics, file).toEqual(withBuffer.diagnostics)
      expect(
        without.diagnostics.some((d) => d.ruleId === 'parse-error' || d.ruleId === 'internal-error'),
        file,
      ).toBe(false)
    }
  }, 60_000)
})
