import {readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {ISOLATED} from '../vitest.config.js'

describe('the fast suite configuration', () => {
  it('runs every test file that mocks modules isolated (shared workers would leak the mock)', () => {
    const mocking = readdirSync(new URL('.', import.meta.url))
      .filter((f) => f.endsWith('.test.ts'))
      .filter((f) => /\bvi\.(?:mock|doMock|hoisted)\(/.test(readFileSync(new URL(f, import.meta.url), 'utf8')))
      .map((f) => `test/${f}`)
    expect(mocking.length).toBeGreaterThan(0)
    expect(mocking.filter((f) => !ISOLATED.includes(f))).toEqual([])
  })
})
