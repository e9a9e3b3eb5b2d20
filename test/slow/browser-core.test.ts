/**
 * The core gives the same answers in Chromium as in Node. Builds the browser
 * bundle (scripts/build-browser.ts: no Node built-ins, no externals, the NLP
 * as a lazy chunk), loads it in headless Chromium (Debian's `chromium`, driven
 * by playwright-core) from a loopback server, lints every email in
 * fixtures/examples and fixtures/holdout there (all four formats, base64 and
 * quoted-printable `.eml` included) with the folder's config, and compares the
 * results with Node's, field for field. Without Chromium this test fails; it
 * never skips.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {extname, join, normalize, resolve} from 'node:path'
import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {CHROMIUM, LAUNCH_ARGS} from './chromium.js'
import {lint} from '../../src/core.js'

const root = resolve(import.meta.dirname, '../..')
const bundleDir = join(root, 'dist/browser')

interface Email {
  file: string
  source: string
  config: unknown
}

const EMAIL = /\.(eml|html|txt|md)$/
const emails: Email[] = ['fixtures/examples', 'fixtures/holdout'].flatMap((dir) => {
  const config = JSON.parse(readFileSync(join(root, dir, 'apology-lint.config.json'), 'utf8')) as Record<string, unknown>
  delete config.$schema
  return readdirSync(join(root, dir))
    .filter((f) => EMAIL.test(f))
    .sort()
    .map((f) => ({file: `${dir}/${f}`, source: readFileSync(join(root, dir, f), 'utf8'), config}))
})

/** What is compared: everything a result says, as plain data (the document holds functions). */
function comparable(result: Awaited<ReturnType<typeof lint>>): unknown {
  const {document: _document, source: _source, ...rest} = result
  return JSON.parse(JSON.stringify(rest))
}

let browser: Browser
let server: Server
let page: Page
const requests: string[] = []
let base = ''

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: run \`apt-get update && apt-get install -y chromium\` (CI does the same), or set CHROMIUM_PATH. This test does not skip.`,
    )
  }
  // The test builds the bundle it checks, so that it can never check a stale one.
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-browser.ts'], {cwd: root, stdio: 'pipe'})
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x')
    requests.push(url.pathname)
    if (url.pathname === '/') {
      response.writeHead(200, {'content-type': 'text/html'}).end('<!doctype html><meta charset="utf-8"><title>core</title>')
      return
    }
    const path = normalize(join(bundleDir, url.pathname))
    if (!path.startsWith(bundleDir) || !existsSync(path)) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, {'content-type': extname(path) === '.js' ? 'text/javascript' : 'application/octet-stream'}).end(readFileSync(path))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await chromium.launch({executablePath: CHROMIUM, args: LAUNCH_ARGS})
  page = await browser.newPage()
  await page.goto(`${base}/`)
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await new Promise((done) => server?.close(done))
})

describe('the core in Chromium', () => {
  it('was bundled from browser code only: no Node built-in, no external, no Buffer', () => {
    const meta = JSON.parse(readFileSync(join(bundleDir, 'meta.json'), 'utf8')) as {inputs: Record<string, {imports: {path: string; external?: boolean}[]}>}
    const inputs = Object.keys(meta.inputs)
    expect(inputs.filter((i) => /^(node:|fs$|path$|module$|url$)/.test(i))).toEqual([])
    expect(Object.values(meta.inputs).flatMap((i) => i.imports.filter((imp) => imp.external))).toEqual([])
    // Our own code reads no Node global (Buffer, process) anywhere in the core.
    const own = inputs.filter((i) => /^(src|rules)\//.test(i))
    expect(own.length).toBeGreaterThan(20)
    for (const input of own) expect(readFileSync(join(root, input), 'utf8'), input).not.toMatch(/\bBuffer\.|\bprocess\.(env|cwd|argv|exit)/)
  })

  it('has fixtures of every format, with base64 and quoted-printable .eml', () => {
    const formats = new Set(emails.map((e) => extname(e.file)))
    expect([...formats].sort()).toEqual(['.eml', '.html', '.md', '.txt'])
    expect(emails.some((e) => e.file.endsWith('.eml') && /transfer-encoding:\s*base64/i.test(e.source))).toBe(true)
    expect(emails.some((e) => e.file.endsWith('.eml') && /transfer-encoding:\s*quoted-printable/i.test(e.source))).toBe(true)
  })

  it('lints every example and holdout email exactly as Node does', async () => {
    // A module script, as a page would load it (vitest rewrites import() inside evaluated functions).
    await page.addScriptTag({type: 'module', content: `import * as core from '${base}/apology-lint.js'; window.core = core`})
    await page.waitForFunction(() => 'core' in window)
    const inBrowser = (await page.evaluate(
      async ({emails}) => {
        const core = (window as unknown as {core: typeof import('../../src/core.js')}).core
        const out: unknown[] = []
        for (const e of emails) {
          const {document: _d, source: _s, ...rest} = await core.lint(e.source, {filename: e.file, config: e.config})
          out.push(JSON.parse(JSON.stringify(rest)))
        }
        return out
      },
      {emails},
    )) as unknown[]
    expect(inBrowser).toHaveLength(emails.length)
    let findings = 0
    for (const [i, email] of emails.entries()) {
      const node = comparable(await lint(email.source, {filename: email.file, config: email.config}))
      expect(inBrowser[i], email.file).toEqual(node)
      const diagnostics = (node as {diagnostics: {ruleId: string}[]}).diagnostics
      expect(
        diagnostics.filter((d) => d.ruleId === 'parse-error' || d.ruleId === 'internal-error'),
        email.file,
      ).toEqual([])
      findings += diagnostics.length
    }
    // The comparison is not vacuous: the bad examples have findings.
    expect(findings).toBeGreaterThan(50)
    // The NLP model came as its own chunk, on demand.
    expect(requests.some((r) => r.startsWith('/chunks/'))).toBe(true)
  })
})
