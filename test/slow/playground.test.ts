/**
 * The playground in headless Chromium (Debian's `chromium`, driven by
 * playwright-core), opened from disk as a user would: typing a bad sentence
 * shows the finding on the right words; a dropped base64 .eml is checked; the
 * page requests nothing from the network; nothing from the email runs.
 * Builds the playground first; takes docs/playground.png. Never skips.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type Browser, type Frame, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {CHROMIUM, LAUNCH_ARGS} from './chromium.js'

const root = resolve(import.meta.dirname, '../..')
const page_ = join(root, 'dist/playground/index.html')

let browser: Browser
let server: Server
let base = ''
const hits: string[] = []

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: run \`apt-get install -y chromium\` or set CHROMIUM_PATH. This test does not skip.`)
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-browser.ts'], {cwd: root, stdio: 'pipe'})
  server = createServer((request, response) => {
    hits.push(request.url ?? '')
    response.writeHead(200, {'content-type': 'text/plain'}).end()
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await chromium.launch({executablePath: CHROMIUM, args: LAUNCH_ARGS})
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await new Promise((done) => server?.close(done))
})

interface Opened {
  page: Page
  requests: string[]
  console: string[]
  dialogs: string[]
}

async function open(): Promise<Opened> {
  const page = await browser.newPage({viewport: {width: 1400, height: 900}})
  const requests: string[] = []
  const console: string[] = []
  const dialogs: string[] = []
  page.on('request', (r) => void requests.push(r.url()))
  page.on('console', (m) => void console.push(m.text()))
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await page.goto(pathToFileURL(page_).href, {waitUntil: 'load'})
  return {page, requests, console, dialogs}
}

/** The email preview frame inside the report frame, once it shows marks. */
async function preview(page: Page): Promise<Frame> {
  let found: Frame | undefined
  await expect
    .poll(
      async () => {
        for (const f of page.frames()) {
          if (f === page.mainFrame() || f.parentFrame() === page.mainFrame()) continue
          if (
            (await f
              .locator('mark[data-n]')
              .count()
              .catch(() => 0)) > 0
          ) {
            found = f
            return true
          }
        }
        return false
      },
      {timeout: 30_000},
    )
    .toBe(true)
  return found!
}

const marks = (frame: Frame): Promise<string[]> =>
  frame.evaluate(() => Array.from(document.querySelectorAll('mark[data-n]:not(.al-point)')).map((m) => m.textContent ?? ''))

describe('the playground', () => {
  it('shows a finding on the words of a bad sentence typed into the draft, and keeps the draft in the URL', async () => {
    const {page, requests} = await open()
    await page.locator('#format').selectOption('html')
    await page.locator('#draft').fill('<p>Hi Ana,</p><p>Oops! We sent you the wrong price yesterday. Sorry for any inconvenience this may have caused.</p>')
    const frame = await preview(page)
    const flagged = (await marks(frame)).join('|')
    expect(flagged).toMatch(/Oops/)
    expect(flagged).toMatch(/this may have caused/)
    expect(decodeURIComponent(new URL(page.url()).hash)).toContain('wrong price yesterday')
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/language en · zones: .*greeting/)
    mkdirSync(join(root, 'docs'), {recursive: true})
    await page.screenshot({path: join(root, 'docs/playground.png')})
    // Everything came from disk.
    expect(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:') && u !== 'about:srcdoc')).toEqual([])
    expect(requests.some((u) => u.endsWith('/nlp.js'))).toBe(true)
    await page.close()
  })

  it('checks a dropped base64 .eml', async () => {
    const {page} = await open()
    const eml = readFileSync(join(root, 'fixtures/examples/en-bad-oops-price.eml'), 'utf8')
    expect(eml).toMatch(/base64|\?B\?/i)
    await page.evaluate((text) => {
      const data = new DataTransfer()
      data.items.add(new File([text], 'draft.eml', {type: 'message/rfc822'}))
      document.getElementById('draft')!.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}))
    }, eml)
    await expect.poll(() => page.locator('#format').inputValue()).toBe('eml')
    await expect.poll(() => page.locator('#status').textContent(), {timeout: 30_000}).toMatch(/[1-9]\d* errors|[1-9]\d* warnings/)
    await expect.poll(() => page.locator('#status').textContent()).not.toMatch(/Could not/)
    await page.close()
  })

  it('runs nothing from the email and loads nothing it points at', async () => {
    hits.length = 0
    const {page, requests, console, dialogs} = await open()
    const hostile = `<!doctype html><html><head><script>window.top.pwned=1;console.log('PAYLOAD-RAN')</script>
<meta http-equiv="refresh" content="0;url=javascript:console.log('PAYLOAD-RAN')"><link rel="stylesheet" href="${base}/style.css"></head>
<body onload="console.log('PAYLOAD-RAN')"><p>Oops, we are sorry: the price was wrong.</p>
<img src="x" onerror="console.log('PAYLOAD-RAN');alert('PAYLOAD-RAN')"><img src="${base}/pixel.gif">
<iframe src="${base}/frame.html"></iframe><svg><script>console.log('PAYLOAD-RAN')</script></svg>
<div style="background:url(${base}/bg.png)">x</div><p>Please do not reply.</p></body></html>`
    await page.locator('#format').selectOption('html')
    await page.locator('#draft').fill(hostile)
    const frame = await preview(page)
    expect((await marks(frame)).join('|')).toMatch(/Oops/)
    await page.waitForTimeout(500)
    expect(console.filter((m) => m.includes('PAYLOAD-RAN'))).toEqual([])
    expect(dialogs).toEqual([])
    expect(await page.evaluate(() => (window as unknown as {pwned?: number}).pwned)).toBeUndefined()
    expect(hits).toEqual([])
    expect(requests.filter((u) => u.startsWith('http'))).toEqual([])
    await page.close()
  })
})
