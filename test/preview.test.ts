/**
 * The preview neutraliser on its own: every attribute that could load a URL
 * is renamed, placeholders show frame URLs as text, inert values and the
 * visible text are kept, and offsets map into the neutralised HTML. The
 * browser-level proof (a listener that sees zero connections) is
 * test/slow/report-no-connection.test.ts.
 */
import {describe, expect, it} from 'vitest'
import {neutralizePreview, neutralizePreviewMapped, neutralizeRemoteContent} from '../src/preview.js'

const URL = 'http://tracker.example/p'

describe('neutralizePreview', () => {
  it.each([
    ['<iframe src="U"></iframe>', 'data-al-blocked-src="U"'],
    ['<frame src=U>', 'data-al-blocked-src=U'],
    ['<object data="U"></object>', 'data-al-blocked-data="U"'],
    ['<embed src="U">', 'data-al-blocked-src="U"'],
    ['<link rel=preconnect href="U">', 'data-al-blocked-href="U"'],
    ['<base href="U">', 'data-al-blocked-href="U"'],
    ['<img srcset="U 1x">', 'data-al-blocked-srcset="U 1x"'],
    ['<td background="U">', 'data-al-blocked-background="U"'],
    ['<video poster="U">', 'data-al-blocked-poster="U"'],
    ['<svg><image xlink:href="U"/></svg>', 'data-al-blocked-xlink:href="U"'],
    ['<svg><use href="U"/></svg>', 'data-al-blocked-href="U"'],
    ['<img SRC="U">', 'data-al-blocked-SRC="U"'],
    ['<div style="background:url(U)">', 'data-al-blocked-style='],
  ])('%s', (html, expected) => {
    const out = neutralizePreview(html.replaceAll('U', URL))
    expect(out).toContain(expected.replaceAll('U', URL))
    // The placeholder's own style aside, no attribute that loads is left.
    expect(out.replace(/<span class="al-blocked" style="[^"]*">/, '')).not.toMatch(/\s(src|href|srcset|data|background|poster|style|xlink:href)=/i)
  })

  it('removes every meta http-equiv and breaks CSS that loads', () => {
    expect(neutralizePreview(`<meta http-equiv="refresh" content="0;url=${URL}">`)).not.toContain(URL)
    expect(neutralizePreview(`<style>@import "${URL}";p{background:URL(${URL})}</style>`)).toBe(
      `<style>@al-blocked-import "${URL}";p{background:al-blocked-URL(${URL})}</style>`,
    )
    expect(neutralizePreview(`<style>p{background:\\75 rl(${URL})}</style>`)).not.toContain(URL)
    expect(neutralizePreview(`<svg><style>rect{fill:&#117;rl(${URL})}</style></svg>`)).not.toContain(URL)
  })

  it('shows a frame URL as text in a placeholder, escaped', () => {
    const out = neutralizePreview(`<iframe src="${URL}?a=1&amp;b=<2>"></iframe>`)
    expect(out).toContain(`<code>${URL}?a=1&amp;b=&lt;2&gt;</code>`)
  })

  it('keeps data: URLs, fragments, links and the text', () => {
    const html = '<p>We are <b>sorry</b>.</p><img src="data:image/png;base64,AAAA"><svg><use href="#icon"/></svg><a href="https://acme.example/help">help</a>'
    expect(neutralizePreview(html)).toBe(html)
  })

  it('follows the tokenizer: comments ended by --!>, raw text, unquoted values, quotes only after =', () => {
    expect(neutralizePreview(`<!-- x --!><iframe src="${URL}"></iframe>`)).toContain('data-al-blocked-src')
    expect(neutralizePreview(`<textarea><img src="${URL}"></textarea>`)).toBe(`<textarea><img src="${URL}"></textarea>`)
    expect(neutralizePreview(`<img alt='x' src=${URL}>`)).toContain(`data-al-blocked-src=${URL}`)
    expect(neutralizePreview(`<img a"b src="${URL}">`)).toContain('data-al-blocked-src')
    expect(neutralizePreview(`<img src="&#104;ttp://x.example/">`)).toContain('data-al-blocked-src')
  })

  it('maps offsets of the original into the neutralised HTML', () => {
    const html = `<p>one</p><img src="${URL}"><p>two</p>`
    const {html: out, map} = neutralizePreviewMapped(html)
    const at = html.indexOf('two')
    expect(out.slice(map(at), map(at + 3))).toBe('two')
    expect(map(html.indexOf('one'))).toBe(html.indexOf('one'))
    expect(neutralizeRemoteContent(html)).toHaveLength(1)
  })

  it('is linear on hostile input', () => {
    const big = '<img src="x"'.repeat(50_000) + '<!--'.repeat(50_000) + '<style>'.repeat(20_000)
    const t = performance.now()
    neutralizePreview(big)
    // Not a speed test: a quadratic scan would take minutes here.
    expect(performance.now() - t).toBeLessThan(20_000)
  })
})
