import {describe, expect, it} from 'vitest'
import {lintSync} from '../src/lint.js'
import {MARKDOWN_LIMITS, markdownRisk} from '../src/parse/index.js'
import {guardDepth, parseHtml} from '../src/parse/html.js'

describe('finding caps', () => {
  const laughs = (n: number): string => `We are sorry that the link was wrong. ${'😂 '.repeat(n)}`

  it('lists at most maxFindingsPerRule per rule and says how many more there were', () => {
    const result = lintSync(laughs(30), {format: 'text', maxFindingsPerRule: 10})
    const humour = result.diagnostics.filter((d) => d.ruleId === 'humour')
    expect(humour).toHaveLength(10)
    const more = result.diagnostics.filter((d) => d.ruleId === 'more-findings')
    expect(more).toHaveLength(1)
    expect(more[0]!.severity).toBe('info')
    expect(more[0]!.message).toMatch(/^20 more findings from humour not listed \(maxFindingsPerRule is 10\)/)
    // The closing finding comes last, and the listed ones are the first in reading order.
    expect(result.diagnostics.at(-1)!.ruleId).toBe('more-findings')
    const uncapped = lintSync(laughs(30), {format: 'text', maxFindingsPerRule: 1000}).diagnostics.filter((d) => d.ruleId === 'humour')
    expect(uncapped).toHaveLength(30)
    expect(humour.map((d) => d.range.start.offset)).toEqual(uncapped.slice(0, 10).map((d) => d.range.start.offset))
  })

  it('caps the email as a whole, keeping the most severe', () => {
    const result = lintSync(laughs(30), {format: 'text', maxFindings: 5, maxFindingsPerRule: 1000})
    const listed = result.diagnostics.filter((d) => d.ruleId !== 'more-findings')
    expect(listed).toHaveLength(5)
    const severities = lintSync(laughs(30), {format: 'text', maxFindingsPerRule: 1000}).diagnostics.map((d) => d.severity)
    const rank = {error: 0, warning: 1, info: 2}
    const expected = [...severities].sort((a, b) => rank[a] - rank[b]).slice(0, 5)
    expect(listed.map((d) => d.severity).sort()).toEqual(expected.sort())
    expect(result.diagnostics.some((d) => d.ruleId === 'more-findings' && /more findings not listed \(maxFindings is 5;/.test(d.message))).toBe(true)
  })

  it('adds nothing when under the caps', () => {
    const result = lintSync(laughs(3), {format: 'text'})
    expect(result.diagnostics.some((d) => d.ruleId === 'more-findings')).toBe(false)
  })

  it('takes the caps from the config, and rejects bad values', () => {
    const result = lintSync(laughs(30), {format: 'text', config: {maxFindingsPerRule: 3}})
    expect(result.diagnostics.filter((d) => d.ruleId === 'humour')).toHaveLength(3)
    expect(() => lintSync('Sorry.', {format: 'text', config: {maxFindings: 0}})).toThrow(/maxFindings/)
  })

  it('applies the cap after inline directives, so hidden findings do not use it up', () => {
    const html = `<p>We are sorry that the link was wrong.</p><!-- apology-lint-disable humour --><p>${'😂 '.repeat(8)}</p><!-- apology-lint-enable humour --><p>${'😂 '.repeat(8)}</p>`
    const result = lintSync(html, {format: 'html', maxFindingsPerRule: 5})
    const humour = result.diagnostics.filter((d) => d.ruleId === 'humour')
    expect(humour).toHaveLength(5)
    expect(humour.every((d) => d.range.start.offset > html.indexOf('apology-lint-enable'))).toBe(true)
    expect(result.suppressed).toHaveLength(8)
  })
})

describe('HTML depth guard', () => {
  it('leaves ordinary HTML untouched (the same string)', () => {
    const html = `<table>${'<tr><td><p>Sorry <b>again</b></p></td></tr>'.repeat(3000)}</table>`
    expect(guardDepth(html, 2001).source).toBe(html)
    expect(guardDepth(html, 2001).blanked).toBe(0)
  })

  it('ignores unclosed tags past the limit, keeping every offset', () => {
    const html = `<p>We are sorry.</p>${'<div><span><b><i>'.repeat(100)}deep text`
    const guarded = guardDepth(html, 50)
    expect(guarded.source).toHaveLength(html.length)
    expect(guarded.blanked).toBe(350)
    expect(guarded.source.slice(-9)).toBe('deep text')
    const body = parseHtml(html, {maxDepth: 49})
    expect(body.blocks.map((b) => b.text)).toEqual(['We are sorry.'])
    expect(body.notes.some((n) => n.includes('350 tags nested deeper than 49 levels'))).toBe(true)
  })

  it('follows implied closes, so that unclosed <p>, <li> and <td> do not count as depth', () => {
    for (const html of [`<ul>${'<li>Sorry'.repeat(5000)}</ul>`, `<div>${'<p>Sorry'.repeat(5000)}</div>`, `<table>${'<tr><td>Sorry'.repeat(5000)}</table>`]) {
      expect(guardDepth(html, 100).blanked).toBe(0)
    }
    // As in htmlparser2, an <li> does not close the <p> above it: this one really nests.
    expect(guardDepth(`<ul>${'<li><p>Sorry'.repeat(100)}</ul>`, 100).blanked).toBeGreaterThan(0)
  })

  it('does not read tags inside comments, scripts or attribute values', () => {
    const html = `<!-- ${'<div>'.repeat(500)} --><script>${'<div>'.repeat(500)}</script><p title="${'<div>'.repeat(500)}">Sorry</p>`
    expect(guardDepth(html, 100).blanked).toBe(0)
  })

  it('skips the same content as before when properly nested HTML is deeper than maxDepth', () => {
    const deep = `<p>We are sorry.</p>${'<div>'.repeat(300)}Deep.${'</div>'.repeat(300)}<p>After.</p>`
    const body = parseHtml(deep, {maxDepth: 100})
    expect(body.blocks.map((b) => b.text)).toEqual(['We are sorry.', 'After.'])
  })
})

describe('Markdown structure guard', () => {
  const cases: [string, (n: number) => string, number][] = [
    ['underlined headings', (n) => 'Sorry\n===\n\n'.repeat(n), MARKDOWN_LIMITS.setextHeadings],
    ['quoted lines', (n) => '> a\n'.repeat(n), MARKDOWN_LIMITS.quoteLines],
    ['list items', (n) => '- Sorry\n'.repeat(n), MARKDOWN_LIMITS.listItems],
    ['"[" characters', (n) => `${'[x] '.repeat(n)}\n`, MARKDOWN_LIMITS.brackets],
  ]
  for (const [what, build, limit] of cases) {
    it(`reads more than ${limit} ${what} as plain text, with a note`, () => {
      expect(markdownRisk(build(limit))).toBeUndefined()
      expect(markdownRisk(build(limit + 1))).toContain(what)
      const result = lintSync(build(limit + 1), {format: 'markdown'})
      expect(result.notes.some((n) => n.startsWith('Read as plain text, not Markdown') && n.includes(what))).toBe(true)
    })
  }

  it('counts numbered items and `---` underlines, but not a rule after a blank line or a hyphenated word', () => {
    expect(markdownRisk('1. a\n'.repeat(MARKDOWN_LIMITS.listItems + 1))).toContain('list items')
    expect(markdownRisk('Sorry\n---\n'.repeat(MARKDOWN_LIMITS.setextHeadings + 1))).toContain('underlined headings')
    expect(markdownRisk('a\n\n---\n\n'.repeat(500))).toBeUndefined()
    expect(markdownRisk('-well-known words\n'.repeat(5000))).toBeUndefined()
  })

  it('parses an ordinary Markdown email as Markdown', () => {
    const md = `# We are sorry\n\nYesterday's email had the **wrong** link.\n\n- Use [this one](https://acme.example/a)\n- Reply if it fails\n\n> quoted line\n`
    const result = lintSync(md, {format: 'markdown'})
    expect(result.notes).toEqual([])
    expect(result.document!.blocks.map((b) => b.kind)).toContain('heading')
  })
})

describe('work that does not depend on the email', () => {
  it('reuses the configuration for an equal config, and still sees a changed one', async () => {
    const {lintSync: lint} = await import('../src/lint.js')
    const text = 'Oops! LOL. We are sorry that the link was wrong.'
    const on = lint(text, {format: 'text', config: {rules: {humour: 'error'}}})
    expect(on.diagnostics.some((d) => d.ruleId === 'humour' && d.severity === 'error')).toBe(true)
    // An equal config in a new object, then a different one: the cache is keyed by content, not identity.
    expect(lint(text, {format: 'text', config: {rules: {humour: 'error'}}}).diagnostics.filter((d) => d.ruleId === 'humour')).toHaveLength(
      on.diagnostics.filter((d) => d.ruleId === 'humour').length,
    )
    expect(lint(text, {format: 'text', config: {rules: {humour: 'off'}}}).diagnostics.some((d) => d.ruleId === 'humour')).toBe(false)
    // A config that is invalid only by an undefined value is still reported after a valid one was cached.
    expect(() => lint(text, {format: 'text', config: {rules: {humour: 'error', nope: undefined}}})).toThrow(/nope/)
  })

  it('analyses a repeated sentence with compromise once per lint', async () => {
    const {lintSync: lint} = await import('../src/lint.js')
    const {nlpCalls} = await import('../src/nlp.js')
    const sentence = 'Your card was charged twice for order 4411 because of a billing error.'
    const once = (n: number): number => {
      const before = nlpCalls()
      lint(`We are sorry. ${`${sentence} `.repeat(n)}`, {format: 'text'})
      return nlpCalls() - before
    }
    const one = once(1)
    expect(one).toBeGreaterThan(0)
    expect(once(5)).toBe(one)
  })

  it('analyses a sentence once whatever pads its end (a preheader’s &zwnj;&nbsp; run, a text heading’s underline)', async () => {
    const {lintSync: lint} = await import('../src/lint.js')
    const {nlpCalls} = await import('../src/nlp.js')
    const sentence = 'Your card was charged twice for order 4411 because of a billing error.'
    const calls = (text: string): number => {
      const before = nlpCalls()
      lint(text, {format: 'text'})
      return nlpCalls() - before
    }
    const one = calls(`We are sorry.\n\n${sentence}\n`)
    expect(one).toBeGreaterThan(0)
    expect(calls(`We are sorry.\n\n${sentence}\n\n${sentence} ${'\u200c\u00a0'.repeat(30)}\n`)).toBe(one)
    expect(calls(`We are sorry.\n\n${sentence}\n\n${sentence}\n${'-'.repeat(sentence.length)}\n`)).toBe(one)
  })
})
