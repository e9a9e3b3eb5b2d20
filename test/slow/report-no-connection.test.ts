/**
 * Previews that cannot call home: the HTML report, a preview built with
 * `neutralizePreview`, and the built playground page (dist/playground, opened
 * from disk with the email as its draft) in headless Chromium
 * while a local TCP listener counts connections. Every construct that can
 * load a URL points at the listener; it must see no connection at all, not
 * just no HTTP request. A control shows that the same emails, previewed
 * without the neutraliser under the same policy, do connect, so the listener
 * would notice. Without Chromium this test fails; it never skips.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {createServer, type AddressInfo, type Server, type Socket} from 'node:net'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {CHROMIUM, LAUNCH_ARGS} from './chromium.js'
import {escapeHtml, formatHtml, PREVIEW_CSP} from '../../src/format/html.js'
import {allRules, lint, type LintResult} from '../../src/lint.js'
import {neutralizePreview} from '../../src/preview.js'

/** One email per construct; BASE becomes the listener's origin. */
const CONSTRUCTS: Record<string, string> = {
  iframe: '<p>We are sorry.</p><iframe src="BASE/iframe"></iframe>',
  'iframe by host name': '<p>We are sorry.</p><iframe src="http://localhost:PORT/iframe-name"></iframe>',
  'iframe srcdoc': '<p>We are sorry.</p><iframe srcdoc="<iframe src=BASE/nested></iframe><img src=BASE/nested-img>"></iframe>',
  'iframe with an entity-encoded URL': '<p>We are sorry.</p><iframe src="&#104;ttp://127.0.0.1:PORT/entity"></iframe>',
  frame: '<frameset><frame src="BASE/frame"></frameset>',
  object: '<p>We are sorry.</p><object data="BASE/object"></object>',
  embed: '<p>We are sorry.</p><embed src="BASE/embed">',
  'link stylesheet': '<link rel="stylesheet" href="BASE/stylesheet"><p>We are sorry.</p>',
  'link preconnect': '<link rel="preconnect" href="BASE"><link rel="dns-prefetch" href="BASE"><p>We are sorry.</p>',
  'link prefetch and preload':
    '<link rel="prefetch" href="BASE/prefetch"><link rel="preload" as="image" href="BASE/preload"><link rel="icon" href="BASE/icon"><p>We are sorry.</p>',
  base: '<base href="BASE/"><p>We are sorry.</p><img src="relative.gif">',
  'meta refresh': '<meta http-equiv="refresh" content="0;url=BASE/refresh"><p>We are sorry.</p>',
  'meta Link': '<meta http-equiv="Link" content="<BASE/meta-link>; rel=preload; as=image"><p>We are sorry.</p>',
  img: '<p>We are sorry.</p><img src="BASE/img" attributionsrc="BASE/attribution">',
  srcset: '<p>We are sorry.</p><img srcset="BASE/srcset 1x, BASE/srcset2 2x"><picture><source srcset="BASE/source"><img src="data:,"></picture>',
  background: '<body background="BASE/body-bg"><table background="BASE/table-bg"><tr><td background="BASE/td-bg">We are sorry.</td></tr></table></body>',
  poster: '<p>We are sorry.</p><video poster="BASE/poster" src="BASE/video"></video><audio src="BASE/audio"></audio>',
  'input image': '<p>We are sorry.</p><input type="image" src="BASE/input">',
  'CSS url()': '<style>body{background:url(BASE/css-url)}</style><p>We are sorry.</p>',
  'CSS @import': '<style>@import "BASE/import.css";</style><p>We are sorry.</p>',
  'CSS escapes': '<style>body{background:\\75 rl(BASE/escaped)}</style><p>We are sorry.</p>',
  'inline style url()': `<div style="background-image:url('BASE/inline')">We are sorry.</div>`,
  'inline style with entities': '<div style="background-image:&#117;rl(BASE/inline-entity)">We are sorry.</div>',
  'SVG href': '<p>We are sorry.</p><svg><image href="BASE/svg-image" width="10" height="10"/><use href="BASE/use.svg#x"/></svg>',
  'SVG xlink:href': '<p>We are sorry.</p><svg xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="BASE/svg-xlink" width="10" height="10"/></svg>',
  'SVG feImage': '<p>We are sorry.</p><svg><filter id="f"><feImage href="BASE/feimage"/></filter><rect filter="url(#f)" width="9" height="9"/></svg>',
  'SVG style': '<p>We are sorry.</p><svg><style>@import url(BASE/svg-style);rect{fill:url(BASE/svg-fill)}</style><rect width="9" height="9"/></svg>',
  'SVG set': '<p>We are sorry.</p><svg><image width="10" height="10"><set attributeName="href" to="BASE/svg-set"/></image></svg>',
  'comment ended by --!>': '<p>We are sorry.</p><!-- x --!><iframe src="BASE/comment-trick"></iframe> -->',
  manifest: '<html manifest="BASE/manifest"><body><p>We are sorry.</p></body></html>',
}

let browser: Browser
let dir: string
let server: Server
let port = 0
/** The first bytes each connection sent (a request line, when there was one). */
const connections: string[] = []
const sockets = new Set<Socket>()

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH. This test does not skip.`)
  }
  browser = await chromium.launch({executablePath: CHROMIUM, args: LAUNCH_ARGS})
  dir = mkdtempSync(join(tmpdir(), 'apology-lint-noconn-'))
  server = createServer((socket) => {
    sockets.add(socket)
    const index = connections.push('(connected)') - 1
    socket.once('data', (chunk) => (connections[index] = chunk.toString('latin1').split('\r\n')[0]!))
    socket.on('error', () => {})
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
}, 60_000)

afterAll(async () => {
  await browser?.close()
  for (const socket of sockets) socket.destroy()
  await new Promise((resolve) => server?.close(resolve))
  if (dir) rmSync(dir, {recursive: true, force: true})
})

const withBase = (html: string): string => html.replaceAll('BASE', `http://127.0.0.1:${port}`).replaceAll('PORT', String(port))

/** Opens a page from a file:// URL, waits for it and its frames to settle, and returns the connections made meanwhile. */
async function connectionsWhileOpen(html: string, name: string): Promise<string[]> {
  const path = join(dir, name)
  writeFileSync(path, html)
  const from = connections.length
  const page = await browser.newPage()
  await page.goto(pathToFileURL(path).href, {waitUntil: 'load'})
  // Frames, refreshes and lazy loads get time to try.
  await page.waitForTimeout(2_000)
  await page.close()
  return connections.slice(from)
}

async function lintAll(): Promise<LintResult[]> {
  const results: LintResult[] = []
  for (const [name, html] of Object.entries(CONSTRUCTS)) results.push(await lint(withBase(html), {filename: `${name.replace(/\W+/g, '-')}.html`}))
  return results
}

/** A raw message whose HTML part carries every construct, base64-encoded. */
function emlWithAll(): string {
  const html = Object.values(CONSTRUCTS)
    .filter((c) => !c.startsWith('<frameset') && !c.startsWith('<html') && !c.startsWith('<body'))
    .map(withBase)
    .join('\n')
  const b64 = Buffer.from(html, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n')
  return [
    'From: Acme Support <support@acme.example>',
    'To: ana@customer.example',
    'Subject: About your order',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'We are sorry.',
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    b64,
    '--b1--',
    '',
  ].join('\r\n')
}

/** What a preview without the neutraliser would be: the email in a sandboxed srcdoc under the same policy. */
function unprotected(html: string): string {
  const inner = `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">${html}`
  return `<!doctype html><html><body><iframe sandbox="" srcdoc="${escapeHtml(inner)}"></iframe></body></html>`
}

describe('previews open no connection', () => {
  it('control: without the neutraliser, the same constructs connect to the listener', async () => {
    const seen = await connectionsWhileOpen(unprotected(withBase(CONSTRUCTS.iframe!)), 'control.html')
    expect(seen.length).toBeGreaterThan(0)
  })

  it('the HTML report of every construct, one email each, makes zero connections', async () => {
    const results = await lintAll()
    const seen = await connectionsWhileOpen(formatHtml(results, allRules()), 'report.html')
    expect(seen).toEqual([])
  })

  it('the HTML report of an .eml whose base64 HTML part holds every construct makes zero connections', async () => {
    const result = await lint(emlWithAll(), {format: 'eml'})
    const report = formatHtml([result], allRules())
    const seen = await connectionsWhileOpen(report, 'report-eml.html')
    expect(seen).toEqual([])
  })

  it('a playground-style preview (neutralizePreview in a sandboxed srcdoc) of every construct makes zero connections', async () => {
    const frames = Object.values(CONSTRUCTS).map((html) => {
      const inner = `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">${neutralizePreview(withBase(html))}`
      return `<iframe sandbox="" srcdoc="${escapeHtml(inner)}"></iframe>`
    })
    const seen = await connectionsWhileOpen(`<!doctype html><html><body>${frames.join('')}</body></html>`, 'playground.html')
    expect(seen).toEqual([])
  })
  it('the built playground, with each construct as its draft, makes zero connections (and does show the report)', async () => {
    const root = resolve(import.meta.dirname, '../..')
    // `npm run build` (CI runs it before the tests) writes the playground; build it here when it is missing.
    if (!existsSync(join(root, 'dist/playground/index.html')))
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-browser.ts'], {cwd: root, stdio: 'pipe'})
    const playground = pathToFileURL(join(root, 'dist/playground/index.html')).href
    const from = connections.length
    for (const html of Object.values(CONSTRUCTS)) {
      const page = await browser.newPage()
      const state = encodeURIComponent(JSON.stringify({d: withBase(html), f: 'html'}))
      await page.goto(`${playground}#${state}`, {waitUntil: 'load'})
      // The report frame is filled once the lint has run: the test would pass vacuously without it.
      await expect.poll(() => page.locator('#report').evaluate((f) => (f as HTMLIFrameElement).srcdoc.length), {timeout: 30_000}).toBeGreaterThan(0)
      // Frames, refreshes and lazy loads get time to try.
      await page.waitForTimeout(1_500)
      await page.close()
    }
    expect(connections.slice(from)).toEqual([])
  }, 180_000)
})
