import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {lintFile} from '../src/node/lint-file.js'
import {lintFilesParallel, PARALLEL_THRESHOLD} from '../src/node/pool.js'

const dir = mkdtempSync(join(tmpdir(), 'apology-lint-pool-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

const emails = ['small', 'medium'].map((n) => readFileSync(new URL(`../bench/emails/${n}.html`, import.meta.url), 'utf8'))
const variants = [
  (i: number) => ({name: `${i}.html`, text: emails[i % 2]!}),
  (i: number) => ({name: `${i}.txt`, text: `Hi,\n\nOops! We sent you the wrong link (#${i}). Sorry for any inconvenience.\n`}),
  (i: number) => ({name: `${i}.md`, text: `# Sorry\n\nWe charged you twice for order ${i}. We refunded it today.\n`}),
]
const files = Array.from({length: PARALLEL_THRESHOLD + 40}, (_, i) => {
  const {name, text} = variants[i % variants.length]!(i)
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
})
files.push(join(dir, 'missing.html'))

describe('lintFilesParallel', () => {
  it('returns what lintFile returns, in order, without documents', async () => {
    const expected = []
    for (const f of files) {
      const {document: _d, ...rest} = await lintFile(f, {noConfigLookup: true})
      expected.push(rest)
    }
    const results = await lintFilesParallel(files, {noConfigLookup: true}, 2)
    expect(results).toEqual(expected)
    expect(results.every((r) => r.document === undefined)).toBe(true)
  }, 60_000)

  it('lints few files in this thread', async () => {
    const results = await lintFilesParallel(files.slice(0, 3), {noConfigLookup: true}, 4)
    expect(results.map((r) => r.filePath)).toEqual(files.slice(0, 3))
  })

  it('rebuilds a config error raised in a worker', async () => {
    const bad = join(dir, 'bad.config.json')
    writeFileSync(bad, JSON.stringify({rules: {'no-such-rule': 'error'}}))
    await expect(lintFilesParallel(files, {configFile: bad}, 2)).rejects.toMatchObject({name: 'ConfigError'})
  }, 60_000)
})
