/**
 * The cache is a hint, never a source of truth: a hostile `.apology-lint-cache`
 * (tampered path, source, suggestions, severities; wrong types; a location
 * that cannot be written) never writes outside the linted files, never hides
 * a finding, never puts markup in a report and never fails the run.
 */
import {createHmac} from 'node:crypto'
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {run} from '../src/cli.js'
import {cacheFilePath, cacheSecret} from '../src/node/cache.js'
import {onlyNoReply} from './cli-helpers.js'

const SECRET = 'test-secret-known-to-this-test-only'

interface Captured {
  code: number
  stdout: string
  stderr: string
  /** Which stream each write went to, in order. */
  order?: string[]
}

async function cli(args: string[], cwd: string, withOrder = false, env: Record<string, string> = {APOLOGY_LINT_CACHE_SECRET: SECRET}): Promise<Captured> {
  let stdout = ''
  let stderr = ''
  const order: string[] = []
  const code = await run(args, {
    stdout: (t) => {
      stdout += t
      order.push('out')
    },
    stderr: (t) => {
      stderr += t
      order.push('err')
    },
    stdin: async () => '',
    isTTY: false,
    cwd,
    env,
  })
  return {code, stdout, stderr, ...(withOrder ? {order} : {})}
}

// Own sentences: an apology whose only problem is that nobody can reply to it.
const NOREPLY = `<p>We are sorry: the delivery date in yesterday's message was a week too early.</p>
<p>Your parcel leaves our warehouse on Friday. Please do not reply.</p>`
const FINE = `<p>We are sorry: the delivery date in yesterday's message was a week too early.</p>
<p>Your parcel leaves our warehouse on Friday. Questions? Just reply to this message.</p>`

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apology-lint-cache-'))
  writeFileSync(join(dir, 'apology-lint.config.json'), JSON.stringify({rules: onlyNoReply()}))
  writeFileSync(join(dir, 'bad.html'), NOREPLY)
  writeFileSync(join(dir, 'good.html'), FINE)
  return dir
}

interface CacheFile {
  version: number
  entries: Record<string, {key: string; mac: string; result: Record<string, unknown> & {diagnostics: Record<string, unknown>[]}}>
}

function readCache(dir: string): CacheFile {
  return JSON.parse(readFileSync(join(dir, '.apology-lint-cache'), 'utf8')) as CacheFile
}

/** Signs an entry as the cache does: what an attacker who stole the secret could do. */
function sign(file: string, key: string, result: unknown, secret = SECRET): string {
  return createHmac('sha256', secret).update(`2\u0000${file}\u0000${key}\u0000`).update(JSON.stringify(result)).digest('hex')
}

function writeCache(dir: string, data: unknown): void {
  writeFileSync(join(dir, '.apology-lint-cache'), typeof data === 'string' ? data : JSON.stringify(data))
}

/** A first run that fills the cache, and the entry for bad.html. */
async function primed(): Promise<{dir: string; cache: CacheFile; bad: string; first: Captured}> {
  const dir = workspace()
  const first = await cli(['--cache', '-f', 'json', 'bad.html', 'good.html'], dir)
  expect(first.code).toBe(1)
  return {dir, cache: readCache(dir), bad: join(dir, 'bad.html'), first}
}

describe('--cache: a valid cache', () => {
  it('is used on the second run (same output) and re-linted when the file changes', async () => {
    const {dir, first, bad} = await primed()
    const second = await cli(['--cache', '-f', 'json', 'bad.html', 'good.html'], dir)
    expect(second).toEqual(first)
    writeFileSync(bad, FINE)
    const third = await cli(['--cache', 'bad.html', 'good.html'], dir)
    expect(third.code).toBe(0)
  })

  it('stores no path, source or counts in an entry, and is keyed by the absolute path', async () => {
    const {cache, bad} = await primed()
    expect(Object.keys(cache.entries).sort()).toEqual([bad, bad.replace('bad.html', 'good.html')].sort())
    const entry = cache.entries[bad]!
    expect(Object.keys(entry.result).sort()).toEqual(['checklist', 'diagnostics', 'format', 'language', 'languageSource', 'notes', 'suppressed'])
    expect(JSON.stringify(entry)).not.toContain('Please do not reply to this message')
  })

  it('is ignored when the configuration changes (the key covers it)', async () => {
    const {dir} = await primed()
    writeFileSync(join(dir, 'apology-lint.config.json'), JSON.stringify({rules: {...onlyNoReply(), 'no-reply-sender': 'off'}}))
    const r = await cli(['--cache', 'bad.html'], dir)
    expect(r.code).toBe(0)
  })
})

describe('--cache: a hostile cache', () => {
  it('an entry that hides the finding, without the secret, is refused: one notice, linted afresh', async () => {
    const {dir, cache, bad} = await primed()
    const entry = cache.entries[bad]!
    entry.result.diagnostics = []
    entry.result.checklist = undefined
    writeCache(dir, cache)
    const r = await cli(['--cache', 'bad.html'], dir)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('no-reply-sender')
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/ignored 1 invalid cache entry .*signature does not match.*linted afresh/)])
  })

  it('a signed entry under another secret is refused too', async () => {
    const {dir, cache, bad} = await primed()
    const entry = cache.entries[bad]!
    entry.result.diagnostics = []
    entry.mac = sign(bad, entry.key, entry.result, 'a guessed secret')
    writeCache(dir, cache)
    const r = await cli(['--cache', 'bad.html'], dir)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('signature does not match')
  })

  // Below, the attacker even has the secret: the schema and the checks still hold.
  const tampered: [string, (result: Record<string, unknown> & {diagnostics: Record<string, unknown>[]}, source: string) => void, RegExp][] = [
    ['a stored filePath', (r) => (r.filePath = '/etc/victim.txt'), /filePath|Unrecognized key/],
    ['a stored source', (r) => (r.source = '<p>Nothing to see.</p>'), /source|Unrecognized key/],
    ['markup in a severity', (r) => (r.diagnostics[0]!.severity = '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/">'), /severity/],
    ['a very long severity', (r) => (r.diagnostics[0]!.severity = 'x'.repeat(100)), /severity/],
    ['a line that is a string of markup', (r) => ((r.diagnostics[0]!.range as {start: {line: unknown}}).start.line = '<b>1</b>'), /line/],
    ['a line that does not match the offset', (r) => ((r.diagnostics[0]!.range as {start: {line: number}}).start.line = 7), /range does not fit/],
    ['a range past the end of the file', (r, s) => ((r.diagnostics[0]!.range as {end: {offset: number}}).end.offset = s.length + 50), /range does not fit/],
    [
      'a suggestion outside the file',
      (r, s) =>
        (r.diagnostics[0]!.suggestions = [
          {text: 'x', replacement: 'owned', safe: true, range: {start: {line: 1, column: 1, offset: 0}, end: {line: 99, column: 1, offset: s.length + 999}}},
        ]),
      /range does not fit/,
    ],
    ['diagnostics of the wrong type', (r) => (r.diagnostics = 'none' as unknown as []), /diagnostics/],
    ['a negative offset', (r) => ((r.diagnostics[0]!.range as {start: {offset: number}}).start.offset = -1), /offset/],
  ]

  it.each(tampered)('%s is refused even when signed: linted afresh, no markup in any report', async (_name, tamper, reason) => {
    const {dir, cache, bad} = await primed()
    const entry = cache.entries[bad]!
    tamper(entry.result, readFileSync(bad, 'utf8'))
    entry.mac = sign(bad, entry.key, entry.result)
    writeCache(dir, cache)
    for (const format of ['stylish', 'html', 'junit', 'checkstyle', 'sarif', 'json', 'github']) {
      writeCache(dir, cache)
      const r = await cli(['--cache', '-f', format, 'bad.html'], dir)
      expect(r.code).toBe(1)
      expect(r.stdout).toContain('no-reply-sender')
      expect(r.stdout).not.toContain('refresh')
      expect(r.stdout).not.toContain('<b>1</b>')
      expect(r.stdout).not.toContain('/etc/victim.txt')
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr).toMatch(reason)
    }
  })

  it('an entry copied from another path is refused (the signature covers the path)', async () => {
    const {dir, cache, bad} = await primed()
    // Same bytes under another name: the key matches, the path does not.
    writeFileSync(join(dir, 'copy.html'), NOREPLY)
    const copy = join(dir, 'copy.html')
    const hidden = {...cache.entries[bad]!, result: {...cache.entries[bad]!.result, diagnostics: []}}
    hidden.mac = sign(bad, hidden.key, hidden.result)
    cache.entries[copy] = hidden
    writeCache(dir, cache)
    const r = await cli(['--cache', 'copy.html'], dir)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('signature does not match')
  })

  it('--fix never reads the cache and writes only the files named on the command line', async () => {
    const {dir, cache, bad} = await primed()
    const victim = join(dir, 'victim.txt')
    writeFileSync(victim, 'untouched\n')
    const entry = cache.entries[bad]!
    const diagnostic = entry.result.diagnostics[0]!
    diagnostic.suggestions = [
      {text: 'owned', replacement: 'OWNED', safe: true, range: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 5, offset: 4}}},
    ]
    entry.mac = sign(bad, entry.key, entry.result)
    cache.entries[victim] = {...entry, mac: sign(victim, entry.key, entry.result)}
    writeCache(dir, cache)
    const before = readFileSync(join(dir, '.apology-lint-cache'), 'utf8')
    const r = await cli(['--cache', '--fix', 'bad.html'], dir)
    expect(r.code).toBe(1)
    expect(readFileSync(victim, 'utf8')).toBe('untouched\n')
    // No safe fix applies to this email: the file is unchanged, the tampered suggestion was never seen.
    expect(readFileSync(bad, 'utf8')).toBe(NOREPLY)
    expect(r.stderr).not.toContain('owned')
    expect(readFileSync(join(dir, '.apology-lint-cache'), 'utf8')).toBe(before)
  })

  it.each([
    ['not JSON', '{"entries": '],
    ['entries as a string', {version: 2, entries: 'str'}],
    ['an array', []],
    ['null', null],
    ['an entry of the wrong type', {version: 2, entries: {placeholder: 5}}],
    ['an entry without a key', {version: 2, entries: {placeholder: {result: {}}}}],
  ])('a cache that is %s never fails the run', async (_name, data) => {
    const dir = workspace()
    const bad = join(dir, 'bad.html')
    const content =
      typeof data === 'object' && data !== null && !Array.isArray(data) && typeof data.entries === 'object' && data.entries !== null
        ? {...data, entries: {[bad]: (data.entries as Record<string, unknown>).placeholder}}
        : data
    writeCache(dir, content)
    const r = await cli(['--cache', 'bad.html'], dir)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('no-reply-sender')
    expect(r.stderr).not.toContain('internal error')
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/apology-lint: ignor/)
    // The run replaced it with a valid cache.
    expect(readCache(dir).version).toBe(2)
  })

  it('a location that cannot be written prints the results, then one notice, and exits as usual', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'blocker'), 'a file where a folder should be')
    const r = await cli(['--cache', '--cache-location', 'blocker/cache.json', 'bad.html'], dir, true)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('no-reply-sender')
    expect(r.order).toEqual(['out', 'err'])
    expect(r.stderr).toMatch(/^apology-lint: could not save the cache .*blocker\/cache\.json \((ENOTDIR|EEXIST)\); results were not cached\.\n$/)
  })

  it.skipIf(process.getuid?.() === 0)('a read-only folder for the cache never fails the run', async () => {
    const dir = workspace()
    mkdirSync(join(dir, 'ro'))
    chmodSync(join(dir, 'ro'), 0o500)
    const r = await cli(['--cache', '--cache-location', 'ro/', 'bad.html'], dir)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('no-reply-sender')
    expect(r.stderr).toMatch(/could not save the cache/)
  })

  it('a folder named as the location gets the cache file inside it', async () => {
    const dir = workspace()
    mkdirSync(join(dir, 'cache.json', 'inner'), {recursive: true})
    const r = await cli(['--cache', '--cache-location', 'cache.json/inner', 'bad.html'], dir)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('no-reply-sender')
    // cache.json/inner is a folder: the cache file goes inside it.
    expect(existsSync(join(dir, 'cache.json', 'inner', '.apology-lint-cache'))).toBe(true)
  })
})

describe('--cache-location', () => {
  it('creates missing parent folders', async () => {
    const dir = workspace()
    const r = await cli(['--cache', '--cache-location', 'deep/er/cache.json', 'bad.html'], dir)
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('')
    expect(statSync(join(dir, 'deep/er/cache.json')).isFile()).toBe(true)
  })

  it('a trailing slash or an existing folder means a file inside it', async () => {
    const dir = workspace()
    expect(cacheFilePath('out/', dir)).toBe(join(dir, 'out', '.apology-lint-cache'))
    expect(cacheFilePath('out', dir)).toBe(join(dir, 'out'))
    mkdirSync(join(dir, 'out'))
    expect(cacheFilePath('out', dir)).toBe(join(dir, 'out', '.apology-lint-cache'))
    const r = await cli(['--cache', '--cache-location', 'new-folder/', 'bad.html'], dir)
    expect(r.code).toBe(1)
    expect(statSync(join(dir, 'new-folder', '.apology-lint-cache')).isFile()).toBe(true)
  })
})

describe('the cache secret', () => {
  it('comes from APOLOGY_LINT_CACHE_SECRET, else a per-user file (mode 0600) that is created once', () => {
    expect(cacheSecret({APOLOGY_LINT_CACHE_SECRET: 'abc'}).toString()).toBe('abc')
    const home = mkdtempSync(join(tmpdir(), 'apology-lint-xdg-'))
    const first = cacheSecret({XDG_CACHE_HOME: home})
    expect(first.length).toBeGreaterThanOrEqual(32)
    expect(cacheSecret({XDG_CACHE_HOME: home}).equals(first)).toBe(true)
    const file = join(home, 'apology-lint', 'cache-secret')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(cacheSecret({XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'apology-lint-xdg-'))}).equals(first)).toBe(false)
  })
})

describe('formatters render validated diagnostics only', () => {
  it('every formatter refuses a result with markup in a severity or a non-numeric line', async () => {
    const {lint} = await import('../src/lint.js')
    const {allRules} = await import('../src/lint.js')
    const formats = await Promise.all([
      import('../src/format/stylish.js').then((m) => (r: never[]) => m.formatStylish(r, {color: false})),
      import('../src/format/json.js').then((m) => m.formatJson),
      import('../src/format/sarif.js').then((m) => (r: never[]) => m.formatSarif(r, allRules())),
      import('../src/format/github.js').then((m) => m.formatGithub),
      import('../src/format/junit.js').then((m) => m.formatJunit),
      import('../src/format/checkstyle.js').then((m) => m.formatCheckstyle),
      import('../src/format/html.js').then((m) => (r: never[]) => m.formatHtml(r, allRules())),
    ])
    const result = await lint(NOREPLY, {format: 'html', rules: onlyNoReply() as never})
    expect(result.diagnostics).toHaveLength(1)
    const d = result.diagnostics[0]!
    const hostile = [
      {...result, diagnostics: [{...d, severity: '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/">'}]},
      {...result, diagnostics: [{...d, range: {...d.range, start: {...d.range.start, line: '<b>1</b>'}}}]},
      {...result, errorCount: '1<script>'},
    ]
    for (const format of formats) {
      expect(format([result] as never[])).toContain('no-reply-sender')
      for (const h of hostile) expect(() => format([h] as never[])).toThrow(TypeError)
    }
  })
})
