/**
 * Hostile inputs (bench/adversarial.ts): each one is linted to the end without
 * throwing or overflowing the stack, its diagnostics stay inside the source,
 * and it costs at most 20 times the per-MB cost of a normal email measured in
 * this same run (with a floor, so that tiny inputs do not turn timer noise
 * into failures). The limits (maxBytes, maxParts, maxDepth) give clear errors.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {lint, lintSync} from '../../src/lint.js'
import {diagnosticSchema} from '../../src/rule.js'
import {adversarialCases} from '../../bench/adversarial.js'

const normal = readFileSync(new URL('../../bench/emails/large.html', import.meta.url), 'utf8')

/** Median milliseconds per MB of linting the large benchmark email. */
async function perMbOfNormalEmail(): Promise<number> {
  for (let i = 0; i < 3; i++) await lint(normal, {format: 'html'})
  const times: number[] = []
  for (let i = 0; i < 7; i++) {
    const t = performance.now()
    await lint(normal, {format: 'html'})
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return times[3]! / (normal.length / 1e6)
}

/** Below this, a bound is timer and scheduler noise rather than cost. */
const FLOOR_MS = 3000

describe('adversarial inputs', () => {
  let perMb = 0

  it('measures the per-MB cost of a normal email', async () => {
    perMb = await perMbOfNormalEmail()
    expect(perMb).toBeGreaterThan(0)
  }, 60_000)

  for (const c of adversarialCases) {
    it(`${c.id}: ${c.what}`, async () => {
      const source = c.build()
      const mb = source.length / 1e6
      const t = performance.now()
      const result = await lint(source, {format: c.format, ...c.options})
      const ms = performance.now() - t
      for (const d of result.diagnostics) {
        expect(diagnosticSchema.safeParse(d).success).toBe(true)
        expect(d.range.start.offset).toBeGreaterThanOrEqual(0)
        expect(d.range.start.offset).toBeLessThanOrEqual(d.range.end.offset)
        expect(d.range.end.offset).toBeLessThanOrEqual(source.length)
      }
      const bound = Math.max(FLOOR_MS, 20 * perMb * mb)
      expect(ms, `${c.id}: ${ms.toFixed(0)} ms for ${mb.toFixed(2)} MB; a normal email costs ${perMb.toFixed(0)} ms/MB`).toBeLessThan(bound)
      if (c.format !== 'eml') {
        // The synchronous path shares the parsers: it must not throw either.
        expect(() => lintSync(source, {format: c.format, ...c.options})).not.toThrow()
      }
    }, 120_000)
  }

  it('reports an input over maxBytes as a clear parse-error', async () => {
    const result = await lint(`<p>${'a'.repeat(2000)}</p>`, {format: 'html', maxBytes: 1000})
    expect(result.diagnostics).toMatchObject([{ruleId: 'parse-error', fatal: true, message: expect.stringMatching(/maxBytes/)}])
  })

  it('reports more MIME parts than maxParts as a clear parse-error', async () => {
    const c = adversarialCases.find((x) => x.id === 'mime-parts-10k-default')!
    const result = await lint(c.build(), {format: 'eml'})
    expect(result.diagnostics).toMatchObject([{ruleId: 'parse-error', fatal: true, message: expect.stringMatching(/maxParts/)}])
  })

  it('notes HTML deeper than maxDepth and skips it', async () => {
    const result = await lint(`<p>We are sorry.</p>${'<div>'.repeat(300)}Deep.${'</div>'.repeat(300)}`, {format: 'html', maxDepth: 100})
    expect(result.notes.join(' ')).toMatch(/maxDepth/)
  })
})
