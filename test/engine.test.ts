import {describe, expect, it} from 'vitest'
import {z} from 'zod'
import {defineRule, lint, lintSync} from '../src/index.js'
import {diagnosticSchema} from '../src/rule.js'

const onlyNoReply = Object.fromEntries(
  (await import('../rules/index.js')).builtinRules.map((r) => [r.id, r.id === 'no-reply-sender' ? 'error' : 'off']),
) as Record<string, 'error' | 'off'>

const crash = defineRule({
  id: 'crash-test',
  languages: {en: {}, pl: {}},
  docs: {summary: 'Always throws.', why: 'Test.', fix: 'Test.'},
  messages: {never: 'never'},
  create() {
    throw new Error('boom')
  },
})

const shout = defineRule({
  id: 'shout-test',
  languages: {en: {word: 'sorry'}, pl: {word: 'przepraszamy'}},
  docs: {summary: 'Flags the apology word.', why: 'Test.', fix: 'Test.'},
  options: z.object({suffix: z.string().default('!')}).strict(),
  messages: {found: 'Found `{word}`{suffix}'},
  create(context) {
    for (const s of context.sentences) {
      for (const t of s.tokens) {
        if (t.norm === context.lexicon.word)
          context.report({messageId: 'found', data: {word: t.text, suffix: context.options.suffix}, span: {block: s.block, start: t.start, end: t.end}})
      }
    }
  },
})

describe('engine', () => {
  it('runs a plugin rule with its language data, options and message data', () => {
    const en = lintSync('<p>We are sorry.</p>', {plugins: [shout], rules: {...offAll(), 'shout-test': ['warn', {suffix: '?'}]}})
    expect(en.diagnostics.map((d) => [d.ruleId, d.severity, d.message, d.actual])).toEqual([['shout-test', 'warning', 'Found `sorry`?', 'sorry']])
    const pl = lintSync('<p>Bardzo przepraszamy za błędny link w naszym porannym newsletterze.</p>', {
      plugins: [shout],
      rules: {...offAll(), 'shout-test': 'error'},
    })
    expect(pl.language).toBe('pl')
    expect(pl.diagnostics.map((d) => d.message)).toEqual(['Found `przepraszamy`!'])
  })

  it('turns a rule that throws into one internal-error and still runs the others', () => {
    const result = lintSync('<p>Please do not reply.</p>', {plugins: [crash], rules: {...onlyNoReply, 'crash-test': 'error'}})
    const ids = result.diagnostics.map((d) => d.ruleId).sort()
    expect(ids).toEqual(['internal-error', 'no-reply-sender'])
    expect(result.diagnostics.find((d) => d.ruleId === 'internal-error')!.message).toContain('crash-test')
    for (const d of result.diagnostics) expect(diagnosticSchema.safeParse(d).success).toBe(true)
  })

  it('lets a crash propagate when asked (tests)', () => {
    expect(() => lintSync('<p>x</p>', {plugins: [crash], rules: {'crash-test': 'error'}, throwOnRuleError: true})).toThrow('boom')
  })

  it('rejects bad rule options with the key path', () => {
    expect(() => lintSync('<p>x</p>', {plugins: [shout], rules: {'shout-test': ['warn', {suffix: 3}]}})).toThrow(/rules\.shout-test\.suffix/)
  })
})

describe('inline directives', () => {
  const html = (body: string): string => `<html><body>${body}</body></html>`
  const opts = {rules: onlyNoReply}

  it('disables rules until re-enabled, and keeps the reason', () => {
    const source = html(
      '<p>Please do not reply.</p><!-- apology-lint-disable no-reply-sender -- legal wants it --><p>Please do not reply.</p><!-- apology-lint-enable --><p>Please do not reply.</p>',
    )
    const result = lintSync(source, opts)
    expect(result.diagnostics.map((d) => d.range.start.offset)).toEqual([source.indexOf('Please'), source.lastIndexOf('Please')])
    expect(result.suppressed).toHaveLength(1)
    expect(result.suppressed[0]!.reason).toBe('legal wants it')
  })

  it('disables a rule for the next block only', () => {
    const source = html('<!-- apology-lint-disable-next-block no-reply-sender --><p>Please do not reply.</p><p>Please do not reply.</p>')
    const result = lintSync(source, opts)
    expect(result.diagnostics.map((d) => d.range.start.offset)).toEqual([source.lastIndexOf('Please')])
  })

  it('reports directives that suppress nothing', () => {
    const source = html('<!-- apology-lint-disable humour --><p>We sent the wrong link; here is the right one.</p>')
    const result = lintSync(source, opts)
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['unused-directive'])
    const d = result.diagnostics[0]!
    expect(source.slice(d.range.start.offset, d.range.end.offset)).toBe('<!-- apology-lint-disable humour -->')
  })

  it('works in Markdown comments', async () => {
    const source = 'We are sorry.\n\n<!-- apology-lint-disable-next-block no-reply-sender -->\n\nPlease do not reply.\n'
    const result = await lint(source, {...opts, format: 'markdown'})
    expect(result.diagnostics).toEqual([])
    expect(result.suppressed).toHaveLength(1)
  })
})

describe('language', () => {
  it('detects Polish and English, and says why when it falls back', () => {
    expect(lintSync('<p>Przepraszamy: w porannym e-mailu podaliśmy błędną cenę płaszcza zimowego.</p>', {rules: {}}).language).toBe('pl')
    const en = lintSync('<p>We are sorry: the price of the winter coat in this morning’s email was wrong.</p>')
    expect([en.language, en.languageSource]).toEqual(['en', 'detected'])
    const short = lintSync('<p>Sorry!</p>')
    expect([short.language, short.languageSource]).toEqual(['en', 'default-short'])
    const de = lintSync('<p>Es tut uns leid: Der Preis im heutigen Newsletter war leider falsch angegeben.</p>')
    expect([de.language, de.languageSource]).toEqual(['en', 'default-unsupported'])
    const forced = lintSync('<p>We are sorry: the price in this morning’s email was wrong.</p>', {language: 'pl'})
    expect([forced.language, forced.languageSource]).toEqual(['pl', 'config'])
  })
})

function offAll(): Record<string, 'off'> {
  return Object.fromEntries(Object.keys(onlyNoReply).map((id) => [id, 'off'])) as Record<string, 'off'>
}

describe('incident context and the checklist', () => {
  const breach =
    '<p>Oops! Your email address was exposed in a breach on 3 March. We are sorry. Reset your password at <a href="https://acme.example/reset">acme.example/reset</a> and call us on 020 7946 0321 with questions.</p>'

  it('raises humour to an error in data-breach incidents', async () => {
    const plain = await lint(breach, {format: 'html'})
    const incident = await lint(breach, {format: 'html', incident: {kind: 'data-breach'}})
    expect(plain.diagnostics.find((d) => d.ruleId === 'humour')?.severity).toBe('warning')
    expect(incident.diagnostics.find((d) => d.ruleId === 'humour')?.severity).toBe('error')
  })

  it('reports audience and suppression-list incidents from config, and scores the checklist', async () => {
    const audience = await lint(breach, {format: 'html', config: {incident: {kind: 'wrong-price', audience: {recipients: 5000, affected: 1200}}}})
    const finding = audience.diagnostics.find((d) => d.ruleId === 'unaffected-recipients')
    expect(finding?.message).toMatch(/5[,.\s\u00a0]?000/)
    expect(audience.checklist?.items.find((i) => i.id === 'right-audience')?.status).toBe('fail')
    expect(audience.checklist?.items.find((i) => i.id === 'no-humour')?.status).toBe('fail')
    expect(audience.checklist!.score).toBeGreaterThan(0)
    expect(audience.checklist!.score).toBeLessThan(100)
    const suppression = await lint(breach, {format: 'html', incident: {kind: 'suppression-list'}})
    expect(suppression.diagnostics.some((d) => d.ruleId === 'suppression-list-resend')).toBe(true)
    expect(suppression.checklist).toMatchObject({doNotSend: true, score: 0})
  })
})

describe('overlap policy', () => {
  const only = (...ids: string[]): Record<string, 'warn' | 'off'> =>
    Object.fromEntries(Object.keys(onlyNoReply).map((id) => [id, ids.includes(id) ? 'warn' : 'off'])) as Record<string, 'warn' | 'off'>
  const minimiser = '<p>We are sorry: the wrong price reached only a small number of customers yesterday.</p>'
  const found = (html: string, rules: Record<string, 'warn' | 'off'>): string[][] => lintSync(html, {rules}).diagnostics.map((d) => [d.ruleId, d.actual ?? ''])

  it('reports the words once, as the preferred rule, when both rules are on', () => {
    expect(found(minimiser, only('vague-wording', 'evasive-wording'))).toEqual([['evasive-wording', 'only a small number']])
  })

  it('lets vague-wording report them when evasive-wording is off', () => {
    expect(found(minimiser, only('vague-wording'))).toEqual([['vague-wording', 'a small number of customers']])
  })

  it('lets vague-wording report them when a directive hides evasive-wording there', () => {
    const html = `<!-- apology-lint-disable-next-block evasive-wording -->\n${minimiser}`
    expect(found(html, only('vague-wording', 'evasive-wording'))).toEqual([['vague-wording', 'a small number of customers']])
  })

  it('yields only the kinds it declares: an unnamed error stays vague even inside a blame finding', () => {
    const rows = found('<p>We are sorry: the link broke due to a technical error.</p>', only('vague-wording', 'evasive-wording'))
    expect(rows).toEqual([
      ['evasive-wording', 'due to a technical error'],
      ['vague-wording', 'a technical error'],
    ])
  })

  it('applies to a subject given by option too, by the words in it', () => {
    const rows = lintSync('<p>We are sorry: the wrong price reached some customers on Monday.</p>', {
      rules: only('vague-wording', 'evasive-wording') as never,
      subject: 'Only a small number of customers saw the wrong price',
    })
      .diagnostics.filter((d) => d.location === 'subject')
      .map((d) => [d.ruleId, d.actual])
    expect(rows).toEqual([['evasive-wording', 'Only a small number']])
  })

  it('keeps findings of both rules on different words of one sentence', () => {
    const rows = found('<p>Mistakes were made, and we apologise for any inconvenience.</p>', only('vague-wording', 'evasive-wording'))
    expect(rows.map((r) => r[0]).sort()).toEqual(['evasive-wording', 'vague-wording'])
  })

  it("applies a plugin rule's yieldsTo, and nothing else is dropped", () => {
    const word = (id: string, yieldsTo?: string[]) =>
      defineRule({
        id,
        languages: {en: {}, pl: {}},
        docs: {summary: 'Flags "sorry".', why: 'Test.', fix: 'Test.'},
        messages: {found: 'found'},
        ...(yieldsTo ? {yieldsTo} : {}),
        create(context) {
          for (const s of context.sentences)
            for (const t of s.tokens) if (t.norm === 'sorry') context.report({messageId: 'found', span: {block: s.block, start: t.start, end: t.end}})
        },
      })
    const plugins = [word('first-test', ['second-test']), word('second-test')]
    const rules = {...offAll(), 'first-test': 'warn', 'second-test': 'warn'} as const
    expect(lintSync('<p>We are sorry.</p>', {plugins, rules}).diagnostics.map((d) => d.ruleId)).toEqual(['second-test'])
    expect(lintSync('<p>We are sorry.</p>', {plugins, rules: {...rules, 'second-test': 'off'}}).diagnostics.map((d) => d.ruleId)).toEqual(['first-test'])
  })
})
