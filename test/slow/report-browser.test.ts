/**
 * The HTML report in a real browser: headless Chromium from Debian's
 * `chromium` package (`apt-get install -y chromium`), driven by
 * playwright-core. Checks that highlights sit on the flagged words inside the
 * sandboxed preview, that a screenshot can be taken, and that script in an
 * email runs nowhere. Without Chromium this test fails; it never skips.
 */
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type Browser, type Frame, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {CHROMIUM, LAUNCH_ARGS} from './chromium.js'
import {formatHtml} from '../../src/format/html.js'
import {lint, type LintResult} from '../../src/lint.js'
import {allOff, flagWord, plugins, rules} from '../format-results.js'

/**
 * A small apology with a few findings: a no-reply line, a flagged word, and a
 * phrase that crosses a tag. `BASE` is replaced by a loopback server's URL, so
 * that any request the preview makes is counted there (the browser's request
 * events do not cover sandboxed frames, which run out of process).
 */
const APOLOGY = `<!doctype html>
<html><head><meta charset="utf-8"><title>About your order</title>
<style>p{font-family:Georgia,serif}</style></head>
<body>
<p>Hi Ana,</p>
<p>We are sorry: oops, the <b>price</b> in yesterday's email was wrong.</p>
<p>Please do not reply.</p>
<p><img src="BASE/pixel.gif" alt="" style="background:url(BASE/bg.png)"></p>
</body></html>
`

/** An email that tries to run script in every way the brief names, plus a few more. */
const HOSTILE = `<!doctype html>
<html><head><title>Sorry</title>
<meta http-equiv="refresh" content="0;url=javascript:window.parent.pwned=1">
<script>window.parent.pwned=1</script>
<script>window.pwned=1;document.title='PAYLOAD-RAN';console.log('PAYLOAD-RAN');alert('PAYLOAD-RAN')</script>
</head>
<body onload="window.pwned=1;console.log('PAYLOAD-RAN')">
<p>We are sorry: oops, the price was wrong.</p>
<img src=x onerror="window.parent.pwned=1">
<img src=y onerror="window.pwned=1;console.log('PAYLOAD-RAN')">
<p><a id="js" href="javascript:window.parent.pwned=1">Click here</a></p>
<p><a id="js2" href="javascript:window.pwned=1;console.log('PAYLOAD-RAN')">Or here</a></p>
<svg><script>window.pwned=1;console.log('PAYLOAD-RAN')</script></svg>
<link rel="stylesheet" href="BASE/style.css"><style>@import url(BASE/import.css);</style>
<img src="BASE/hostile-pixel.gif"><div style="background-image:url(BASE/bg.png)">x</div>
<object data="BASE/object.html"></object><iframe src="BASE/frame.html"></iframe>
<iframe srcdoc="<script>parent.parent.pwned=1;console.log('PAYLOAD-RAN')</script>"></iframe>
<p>Please do not reply.</p>
</body></html>
`

let browser: Browser
let dir: string
let server: Server
/** Paths the loopback server was asked for. */
const hits: string[] = []
let base = ''
const withBase = (html: string): string => html.replaceAll('BASE', base)

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. The report browser test needs Debian's chromium package: run \`apt-get update && apt-get install -y chromium\` (CI does the same), or set CHROMIUM_PATH. This test does not skip.`,
    )
  }
  browser = await chromium.launch({executablePath: CHROMIUM, args: LAUNCH_ARGS})
  dir = mkdtempSync(join(tmpdir(), 'apology-lint-report-'))
  server = createServer((request, response) => {
    hits.push(request.url ?? '')
    response.writeHead(200, {'content-type': 'text/plain'}).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
  if (dir) rmSync(dir, {recursive: true, force: true})
})

async function lintEmail(html: string, filename: string): Promise<LintResult> {
  return lint(html, {
    filename,
    from: 'Acme <noreply@acme.example>',
    subject: 'About your order',
    plugins,
    rules: {...allOff, 'no-reply-sender': 'error', [flagWord.id]: ['warn', {words: ['oops'], phrases: ['price in yesterday']}]},
  })
}

/** Opens a report from a file:// URL, recording console messages, dialogs and popups. */
async function open(html: string, name: string): Promise<{page: Page; console: string[]; dialogs: string[]}> {
  const path = join(dir, name)
  writeFileSync(path, html)
  const page = await browser.newPage({viewport: {width: 1280, height: 900}})
  const console: string[] = []
  const dialogs: string[] = []
  page.on('console', (m) => void console.push(m.text()))
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await page.goto(pathToFileURL(path).href, {waitUntil: 'load'})
  return {page, console, dialogs}
}

/** The report's preview frames (children of the page, not frames inside an email), once loaded. */
async function previews(page: Page, count: number): Promise<Frame[]> {
  const children = (): Frame[] => page.mainFrame().childFrames()
  await expect.poll(() => children().map((f) => f.url()), {timeout: 10_000}).toEqual(Array(count).fill('about:srcdoc'))
  const frames = children()
  for (const f of frames) await f.waitForLoadState('load')
  return frames
}

describe('HTML report in Chromium', () => {
  it('highlights each flagged span in the rendered email and numbers it', async () => {
    hits.length = 0
    const result = await lintEmail(withBase(APOLOGY), 'sorry.html')
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['no-reply-sender', 'flag-word', 'flag-word', 'no-reply-sender'])
    const {page} = await open(formatHtml([result], rules), 'report.html')
    const [frame] = await previews(page, 1)

    // Inside the preview: one numbered highlight per finding in the body, over exactly the flagged words.
    const marks = await frame!.evaluate(() => {
      const byN: Record<string, string> = {}
      for (const m of Array.from(document.querySelectorAll('mark[data-n]'))) {
        const n = (m as HTMLElement).dataset.n!
        // A number's pieces never nest in each other, so their texts add up to the flagged text.
        byN[n] = (byN[n] ?? '') + m.textContent
      }
      return byN
    })
    result.diagnostics.forEach((d, i) => {
      if (d.actual === undefined) return
      expect(marks[String(i + 1)], `finding ${i + 1} (${d.ruleId})`).toBe(d.actual)
    })
    expect(marks).toMatchObject({'2': 'oops', '3': 'price in yesterday', '4': 'Please do not reply'})
    // The phrase crosses </b>: it is highlighted in pieces, none straddling the tag, and labelled once.
    expect(await frame!.locator('b mark[data-n="3"]').textContent()).toBe('price')
    expect(await frame!.locator('mark.al-first[data-n="3"]').count()).toBe(1)
    // The label is drawn by CSS, so the highlighted text stays the flagged text.
    expect(await frame!.locator('mark.al-first[data-n="2"]').evaluate((m) => getComputedStyle(m, '::before').content)).toBe('"2"')

    // Beside it: the findings, numbered the same, with the rule's docs.
    const items = page.locator('.al-findings > li')
    await expect.poll(() => items.count()).toBe(4)
    expect(await items.nth(3).locator('.al-n').textContent()).toBe('4')
    expect(await items.nth(3).locator('a.al-rule').getAttribute('href')).toBe(result.diagnostics[3]!.url)
    expect(await items.nth(3).textContent()).toContain('Fix:')
    // The sender finding is marked on the From line of the page itself.
    expect(await page.locator('.al-envelope mark[data-n="1"]').textContent()).toBe('noreply@acme.example')

    // Nothing was fetched: the tracking pixel and the CSS background are blocked by the preview's policy.
    await page.waitForTimeout(300)
    expect(hits).toEqual([])

    // A screenshot of the report is a real PNG.
    await page.locator('iframe').scrollIntoViewIfNeeded()
    const shot = join(dir, 'report.png')
    await page.screenshot({path: shot})
    const png = readFileSync(shot)
    expect(png.length).toBeGreaterThan(1000)
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    await page.close()
  }, 60_000)

  it('runs no script from the email, in the page or in the preview', async () => {
    hits.length = 0
    const result = await lintEmail(withBase(HOSTILE), 'hostile.html')
    const report = formatHtml([result], rules)
    const {page, console, dialogs} = await open(report, 'hostile-report.html')
    const [frame] = await previews(page, 1)
    // Give event handlers and a refresh their chance to fire.
    await frame!.locator('#js').click()
    await frame!.locator('#js2').click()
    await page.waitForTimeout(500)

    expect(await page.evaluate(() => (window as unknown as {pwned?: unknown}).pwned)).toBeUndefined()
    for (const f of page.frames()) {
      if (f === page.mainFrame() || f.isDetached()) continue
      expect(await f.evaluate(() => (window as unknown as {pwned?: unknown}).pwned)).toBeUndefined()
      expect(await f.evaluate(() => document.title)).not.toBe('PAYLOAD-RAN')
    }
    expect(dialogs).toEqual([])
    expect(console.filter((c) => c === 'PAYLOAD-RAN')).toEqual([])
    expect(page.context().pages()).toHaveLength(1)
    // Nothing remote was loaded: no image, style sheet, import, object or frame.
    expect(hits).toEqual([])
    // The preview is still the email (the refresh did not navigate it away), with its findings marked.
    expect(frame!.url()).toBe('about:srcdoc')
    expect(await frame!.locator('mark[data-n]').filter({hasText: 'oops'}).count()).toBe(1)
    expect(await page.locator('script').count()).toBe(0)
    await page.close()
  }, 60_000)

  it('the payloads run and the resources load when not sandboxed (so the tests above prove something)', async () => {
    hits.length = 0
    const page = await browser.newPage()
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await page.setContent(withBase(HOSTILE).replace(/<meta http-equiv="refresh"[^>]*>/, ''))
    await page.waitForTimeout(300)
    expect(await page.evaluate(() => (window as unknown as {pwned?: unknown}).pwned)).toBe(1)
    expect(dialogs).toEqual(['PAYLOAD-RAN'])
    await expect.poll(() => hits).toContain('/hostile-pixel.gif')
    await page.close()
  }, 60_000)
})
