/**
 * The HTML report, read back with htmlparser2: where the marks sit, what is
 * escaped, and what the preview is allowed to do. test/report-browser.test.ts
 * checks the same page in a real browser.
 */
import {DomUtils, parseDocument} from 'htmlparser2'
import type {Document, Element} from 'domhandler'
import {beforeAll, describe, expect, it} from 'vitest'
import {escapeHtml, formatHtml, PAGE_CSP, PREVIEW_CSP} from '../src/format/html.js'
import {LineIndex} from '../src/document.js'
import {lint, type LintResult} from '../src/lint.js'
import type {Diagnostic} from '../src/rule.js'
import {allOff, CWD, HOSTILE, HTML_SOURCE, plugins, rules, sampleResults} from './format-results.js'

function elements(root: Document | Element, name: string): Element[] {
  return DomUtils.findAll((e) => e.name === name, root.children)
}

/** Text of the marks with each number, pieces joined (a number's pieces never nest in each other). */
function markTexts(root: Document | Element): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of elements(root, 'mark')) {
    const n = m.attribs['data-n']
    if (n !== undefined) out[n] = (out[n] ?? '') + DomUtils.textContent(m)
  }
  return out
}

/** The report page and the documents inside its preview frames. */
function read(html: string): {page: Document; frames: {element: Element; doc: Document; srcdoc: string}[]} {
  const page = parseDocument(html)
  const frames = elements(page, 'iframe').map((element) => {
    const srcdoc = element.attribs.srcdoc ?? ''
    return {element, doc: parseDocument(srcdoc), srcdoc}
  })
  return {page, frames}
}

function sectionOf(page: Document, index: number): Element {
  return DomUtils.findOne((e) => e.attribs.id === `email-${index}`, page.children)!
}

/** A diagnostic at source offsets, for placing marks by hand. */
function at(source: string, start: number, end: number, n = 'flag-word'): Diagnostic {
  return {ruleId: n, severity: 'warning', message: 'By hand', url: 'https://example.invalid/rule', range: new LineIndex(source).range(start, end)}
}

let results: LintResult[]
let html: string
let page: Document
let frames: ReturnType<typeof read>['frames']
beforeAll(async () => {
  results = await sampleResults()
  html = formatHtml(results, rules, {cwd: CWD})
  ;({page, frames} = read(html))
})

describe('formatHtml: the page', () => {
  it('is one self-contained page: no script, no external resource, a strict policy', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(elements(page, 'script')).toEqual([])
    expect(elements(page, 'link')).toEqual([])
    const csp = elements(page, 'meta').find((m) => m.attribs['http-equiv'] === 'Content-Security-Policy')
    expect(csp?.attribs.content).toBe(PAGE_CSP)
    // Only links to the rules' docs (and anchors within the page) leave it.
    for (const a of elements(page, 'a')) expect(a.attribs.href).toMatch(/^(#|https:\/\/)/)
    expect(DomUtils.textContent(elements(page, 'h1')[0]!)).toBe('apology-lint report')
  })

  it('lists every email with its name relative to cwd, and counts', () => {
    const toc = elements(page, 'ol').find((o) => o.attribs.class === 'al-toc')!
    expect(elements(toc, 'li').map((li) => DomUtils.textContent(li))).toEqual([
      'emails/sorry now.html — 5 findings',
      'emails/plain.txt — 2 findings',
      'emails/clean.html — no findings',
      'standard input — 1 finding',
      '/elsewhere/broken.eml — 1 finding',
    ])
  })

  it('shows every finding with its number, severity, rule link, message, why and fix', () => {
    const section = sectionOf(page, 1)
    const items = elements(section, 'li').filter((li) => li.attribs.class?.startsWith('al-finding'))
    expect(items).toHaveLength(results[0]!.diagnostics.length)
    results[0]!.diagnostics.forEach((d, i) => {
      const text = DomUtils.textContent(items[i]!)
      // A finding in a header given by option names the header instead of a line.
      expect(
        text.startsWith(
          `${i + 1} ${d.severity} ${d.ruleId} ${d.location ? `${d.location === 'from' ? 'From' : d.location} (given as an option)` : `${d.range.start.line}:${d.range.start.column}`}`,
        ),
      ).toBe(true)
      // Backticked text is shown as code.
      expect(text).toContain(d.message.replace(/`/g, ''))
      expect(text).toContain(`Why: ${d.note!.replace(/`/g, '')}`)
      expect(text).toContain(`Fix: ${rules.find((r) => r.id === d.ruleId)!.docs.fix}`)
      expect(elements(items[i]!, 'a')[0]!.attribs.href).toBe(d.url)
    })
    // Markup in a message is text, never elements.
    const oops = items[1]!
    expect(DomUtils.textContent(oops)).toContain(`Flagged oops${HOSTILE}`)
    expect(elements(oops, 'code').map((c) => DomUtils.textContent(c))).toContain('oops')
  })

  it('numbers every finding somewhere: in the preview, the envelope or the source', () => {
    results.forEach((result, i) => {
      const section = sectionOf(page, i + 1)
      const inFrames = elements(section, 'iframe').flatMap((f) => elements(parseDocument(f.attribs.srcdoc ?? ''), 'mark'))
      const numbers = new Set([...elements(section, 'mark'), ...inFrames].map((m) => m.attribs['data-n']))
      expect([...numbers].sort(), result.filePath ?? 'stdin').toEqual(result.diagnostics.map((_, k) => String(k + 1)).sort())
    })
  })

  it('puts the sender and subject above the email, with sender findings marked there', () => {
    const section = sectionOf(page, 1)
    const envelope = elements(section, 'dl')[0]!
    expect(DomUtils.textContent(envelope)).toBe('FromAcme <1 noreply@acme.example>SubjectAbout your order'.replace('1 ', ''))
    expect(markTexts(envelope)).toEqual({'1': 'noreply@acme.example'})
  })

  it('lists suppressed findings with their reasons, unmarked', () => {
    const details = elements(sectionOf(page, 1), 'details').find((d) => d.attribs.class === 'al-suppressed')!
    expect(DomUtils.textContent(details)).toContain('1 suppressed by inline directives')
    expect(DomUtils.textContent(details)).toContain('legal asked for "oops" & <this>')
    expect(frames[0]!.srcdoc).toContain('<p>Another oops here.</p>')
  })

  it('renders the checklist, as LintResult carries it or as a bare array', () => {
    const table = elements(sectionOf(page, 1), 'table')[0]!
    const failing = elements(table, 'tr').filter((tr) => tr.attribs.class === 'al-check-fail')
    expect(failing.map((tr) => DomUtils.textContent(tr))).toEqual(['✘A sender people can reply tofailno-reply-sender (findings 1, 5)'])
    expect(elements(failing[0]!, 'a').map((a) => a.attribs.href)).toEqual(['#email-1-finding-1', '#email-1-finding-5'])

    const bare = {...results[1]!, checklist: [{item: 'No <oops>', status: 'fail', ruleIds: ['flag-word']}, {nonsense: true}]} as unknown as LintResult
    const {page: other} = read(formatHtml([bare], rules))
    const rows = elements(elements(other, 'table')[0]!, 'tr').slice(1)
    expect(rows.map((tr) => DomUtils.textContent(tr))).toEqual(['✘No <oops>failflag-word (findings 1, 2)'])
    const none = {...results[1]!, checklist: 'not a checklist'} as unknown as LintResult
    expect(elements(read(formatHtml([none], rules)).page, 'table')).toEqual([])
  })

  it('escapes file names, titles and everything else it prints', () => {
    const odd = {...results[1]!, filePath: `/x/<img src=x onerror=alert(1)> & "q".txt`}
    const out = formatHtml([odd], rules, {title: '<script>alert(1)</script>'})
    const {page: other} = read(out)
    expect(elements(other, 'script')).toEqual([])
    expect(elements(other, 'img')).toEqual([])
    expect(DomUtils.textContent(elements(other, 'h2')[0]!)).toBe(odd.filePath)
    expect(DomUtils.textContent(elements(other, 'title')[0]!)).toBe('<script>alert(1)</script>')
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
  })
})

describe('formatHtml: HTML previews', () => {
  it('sandboxes the email in srcdoc, without scripts, with the preview policy first', () => {
    expect(frames).toHaveLength(2)
    for (const {element, srcdoc} of frames) {
      expect(element.attribs.sandbox).toBe('')
      expect(element.attribs.referrerpolicy).toBe('no-referrer')
      expect(srcdoc).toContain(`<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`)
    }
    // After the doctype, so that the email keeps its standards mode; before anything of the email's.
    expect(frames[0]!.srcdoc.startsWith(`<!doctype html><meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`)).toBe(true)
    expect(frames[1]!.srcdoc.startsWith(`<meta http-equiv="Content-Security-Policy"`)).toBe(true)
  })

  it('marks exactly the flagged text: overlaps nest, a span across a tag is cut at the tag, each number labelled once', () => {
    const {doc, srcdoc} = frames[0]!
    const result = results[0]!
    const marks = markTexts(doc)
    expect(marks).toEqual({'2': 'oops', '3': 'price', '4': 'price was wrong', '5': 'Please do not reply'})
    result.diagnostics.forEach((d, i) => {
      if (d.actual !== undefined) expect(marks[String(i + 1)]).toBe(d.actual)
    })
    expect(srcdoc).toContain(
      '<mark data-n="4" class="al-warning al-first"><mark data-n="3" class="al-info al-first">price</mark></mark></b><mark data-n="4" class="al-warning"> was wrong</mark>',
    )
    for (const n of ['2', '3', '4', '5'])
      expect(elements(doc, 'mark').filter((m) => m.attribs['data-n'] === n && m.attribs.class?.includes('al-first'))).toHaveLength(1)
    // Everything else of the email is untouched.
    const stripped = srcdoc.replace(/<mark[^>]*>|<\/mark>/g, '').replace(/^<!doctype html>(<meta[^>]*>)+<base[^>]*><style>[^<]*<\/style>/, '<!doctype html>')
    expect(stripped).toBe(HTML_SOURCE)
  })

  it('numbers a span it cannot wrap where it starts or just after, never inside head, script, style, svg or textarea', async () => {
    const source = [
      '<!doctype html><html><head><title>Sorry</title><style>p{color:red}</style></head>',
      '<body><script>var a = "oops"</script><p>Hello <svg><text>oops</text></svg> world</p><img src="data:,x" alt="a">',
      '<textarea>oops</textarea><p>End</p></body></html>',
    ].join('')
    const result = await lint(source, {plugins, rules: allOff})
    const inTitle = source.indexOf('Sorry')
    const inScript = source.indexOf('oops')
    const inSvg = source.indexOf('oops', inScript + 1)
    const image = source.indexOf('<img')
    const inTextarea = source.indexOf('oops', image)
    const diagnostics = [
      at(source, inTitle, inTitle + 5),
      at(source, inScript, inScript + 4),
      at(source, inSvg, inSvg + 4),
      at(source, image, source.indexOf('>', image) + 1),
      at(source, inTextarea, inTextarea + 4),
    ]
    const {
      frames: [frame],
    } = read(formatHtml([{...result, diagnostics}], rules))
    const srcdoc = frame!.srcdoc
    const point = (n: number): string => `<mark data-n="${n}" class="al-warning al-first al-point"></mark>`
    // Each goes to the first place after its start where a mark renders: the title finding to the start of the body, the others after the element.
    expect(srcdoc).toContain(`<body>${point(1)}<script>var a = "oops"</script>${point(2)}<p>`)
    expect(srcdoc).toContain(`Hello <svg><text>oops</text></svg>${point(3)} world`)
    expect(srcdoc).toContain(`${point(4)}<img src="data:,x" alt="a">`)
    expect(srcdoc).toContain(`<textarea>oops</textarea>`)
    expect(srcdoc).toContain(`${point(5)}<p>End</p>`)
    expect(srcdoc).toContain('<title>Sorry</title><style>p{color:red}</style>')
  })

  it('removes a meta refresh, which would navigate the preview away', async () => {
    const source = '<html><head><meta http-equiv="refresh" content="0;url=https://evil.example"></head><body><p>Hi</p></body></html>'
    const result = await lint(source, {plugins, rules: allOff})
    const {
      frames: [frame],
    } = read(formatHtml([result], rules))
    expect(frame!.srcdoc).not.toContain('evil.example')
    expect(frame!.srcdoc).toContain('<!-- apology-lint: meta http-equiv removed from the preview -->')
  })

  it('keeps quotes, ampersands and script-looking text of the email inside the srcdoc attribute', async () => {
    const source = `<p title="a &amp; 'b'">Tom &amp; Jerry say "sorry" <script>alert("x")</script></p>`
    const result = await lint(source, {plugins, rules: allOff})
    const out = formatHtml([result], rules)
    const {
      page: other,
      frames: [frame],
    } = read(out)
    expect(elements(other, 'script')).toEqual([])
    expect(frame!.srcdoc.endsWith(source)).toBe(true)
  })
})

describe('formatHtml: text, Markdown and parse errors', () => {
  it('shows text escaped in a pre with marks', () => {
    const pre = elements(sectionOf(page, 2), 'pre')[0]!
    expect(DomUtils.textContent(pre)).toBe(results[1]!.source)
    expect(markTexts(pre)).toEqual({'1': 'Maybe', '2': 'oops'})
    expect(elements(sectionOf(page, 2), 'iframe')).toEqual([])
  })

  it('escapes Markdown source, HTML in it included', async () => {
    const source = '# Sorry\n\nOops: <script>alert(1)</script> & <b>bold</b>\n'
    const result = await lint(source, {format: 'markdown', plugins, rules: {...allOff, 'flag-word': ['warn', {words: ['oops']}]}})
    const {page: other} = read(formatHtml([result], rules))
    expect(elements(other, 'script')).toEqual([])
    expect(elements(other, 'iframe')).toEqual([])
    const pre = elements(other, 'pre')[0]!
    expect(DomUtils.textContent(pre)).toBe(source)
    expect(markTexts(pre)).toEqual({'1': 'Oops'})
  })

  it('numbers a finding at the very end of the text', async () => {
    const source = 'We are sorry.\nOops'
    const result = await lint(source, {format: 'text', plugins, rules: allOff})
    const {page: other} = read(formatHtml([{...result, diagnostics: [at(source, source.length, source.length)]}], rules))
    const pre = elements(other, 'pre')[0]!
    expect(DomUtils.textContent(pre)).toBe(source)
    expect(elements(pre, 'mark').map((m) => m.attribs['data-n'])).toEqual(['1'])
  })

  it('shows a parse error with the raw source and its number', () => {
    const section = sectionOf(page, 5)
    const details = elements(section, 'details')[0]!
    expect(details.attribs.open).toBe('')
    expect(elements(details, 'mark').map((m) => m.attribs['data-n'])).toEqual(['1'])
    expect(DomUtils.textContent(section)).toContain('not an RFC 5322 message: no headers found')
  })
})

describe('formatHtml: .eml', () => {
  const EML = [
    'From: Acme Support <noreply@acme.example>',
    'To: ana@mail.example',
    'Subject: =?UTF-8?Q?Sorry_=E2=80=94_wrong_price?=',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    'T29wcyEgdGhlIHByaWNlIHdhcyB3cm9uZy4gUGxlYXNlIGRvIG5vdCByZXBseS4K',
    '--b1',
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    '<html><body><p style=3D"color:#333">Za=C5=BC=C3=B3=C5=82=C4=87 oops, the pri=',
    'ce was wrong.</p><p>Please do not reply.</p></body></html>',
    '--b1--',
    '',
  ].join('\r\n')

  const single = (headers: string, body: string): string => `From: a@b.example\r\nSubject: Hi\r\nMIME-Version: 1.0\r\n${headers}\r\n\r\n${body}`

  it('decodes a single-part quoted-printable HTML message in ISO-8859-2, and one with raw UTF-8 in it', async () => {
    for (const [headers, body, word] of [
      ['Content-Type: text/html; charset=ISO-8859-2\r\nContent-Transfer-Encoding: quoted-printable', '<p>Przepraszamy, b=B3=B1d: oops.</p>', 'błąd'],
      ['Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable', '<p>Przepraszamy, błąd =F0=9F=99=88 oops.</p>', 'błąd 🙈'],
    ] as const) {
      const result = await lint(single(headers, body), {format: 'eml', plugins, rules: {...allOff, 'flag-word': ['warn', {words: ['oops']}]}})
      const {
        frames: [frame],
      } = read(formatHtml([result], rules))
      expect(frame, headers).toBeDefined()
      expect(DomUtils.textContent(frame!.doc)).toContain(word)
      expect(markTexts(frame!.doc)).toEqual({'1': 'oops'})
    }
  })

  it('previews a part in an unknown charset as the parser read it, with its findings at the part start', async () => {
    const result = await lint(single('Content-Type: text/html; charset=x-unknown-charset\r\nContent-Transfer-Encoding: quoted-printable', '<p>Oops =A1</p>'), {
      format: 'eml',
      plugins,
      rules: {...allOff, 'flag-word': ['warn', {words: ['oops']}]},
    })
    // The report shows the text the rules read (one decoder), not a second decoding of its own.
    const {page: other, frames} = read(formatHtml([result], rules))
    expect(frames).toHaveLength(1)
    expect(DomUtils.textContent(frames[0]!.doc)).toContain(result.document!.parts[0]!.text.replace(/<[^>]*>/g, ''))
    const points = elements(frames[0]!.doc, 'mark')
    expect(points.map((m) => m.attribs['data-n'])).toEqual(['1'])
    expect(DomUtils.textContent(points[0]!)).toBe('')
    const raw = elements(other, 'details').find((d) => d.attribs.class === 'al-raw')!
    expect(raw.attribs.open).toBeUndefined()
    expect(elements(raw, 'mark').map((m) => m.attribs['data-n'])).toEqual(result.diagnostics.map((_, i) => String(i + 1)))
  })

  it('previews the decoded HTML part with marks, the plain-text part and the raw message', async () => {
    const result = await lint(EML, {
      filename: 'sorry.eml',
      plugins,
      rules: {...allOff, 'no-reply-sender': 'error', 'flag-word': ['warn', {words: ['oops'], phrases: ['price was wrong']}]},
    })
    const byRule = result.diagnostics.map((d) => [d.ruleId, d.actual ?? '', d.part ?? ''])
    expect(byRule).toContainEqual(['flag-word', 'price was wrong', 'html'])
    const {
      page: other,
      frames: [frame],
    } = read(formatHtml([result], rules))
    // Quoted-printable decoded: soft line breaks joined, UTF-8 bytes decoded, marks on the decoded words.
    expect(frame!.srcdoc).toContain('Zażółć')
    const n = (ruleId: string, actual: string, part: string): string =>
      String(result.diagnostics.findIndex((d) => d.ruleId === ruleId && d.actual === actual && d.part === part) + 1)
    const marks = markTexts(frame!.doc)
    expect(marks[n('flag-word', 'oops', 'html')]).toBe('oops')
    expect(marks[n('flag-word', 'price was wrong', 'html')]).toBe('price was wrong')
    expect(marks[n('no-reply-sender', 'Please do not reply', 'html')]).toBe('Please do not reply')
    // The From header is decoded and the address marked on the sender line.
    const envelope = elements(other, 'dl')[0]!
    expect(DomUtils.textContent(envelope)).toContain('Subject' + 'Sorry — wrong price')
    expect(Object.values(markTexts(envelope))).toContain('noreply@acme.example')
    // The base64 text part is decoded; its findings (coarse positions) are numbered at its start.
    const part = elements(other, 'details').find((d) => d.attribs.class === 'al-part')!
    expect(DomUtils.textContent(part)).toContain('Oops! the price was wrong. Please do not reply.')
    const textFindings = result.diagnostics.map((d, i) => [d, i + 1] as const).filter(([d]) => d.part === 'text')
    expect(textFindings.length).toBeGreaterThan(0)
    expect(elements(part, 'mark').map((m) => m.attribs['data-n'])).toEqual(textFindings.map(([, i]) => String(i)))
    // The raw message, closed, carries every number.
    const raw = elements(other, 'details').find((d) => d.attribs.class === 'al-raw')!
    expect(raw.attribs.open).toBeUndefined()
    expect(new Set(elements(raw, 'mark').map((m) => m.attribs['data-n']))).toEqual(new Set(result.diagnostics.map((_, i) => String(i + 1))))
  })
})
