import {describe, expect, it} from 'vitest'
import {lint, type LintResult} from '../src/lint.js'
import {formatStylish} from '../src/format/stylish.js'
import {formatJson} from '../src/format/json.js'
import {formatJunit} from '../src/format/junit.js'
import {formatChecklist} from '../src/checklist.js'
import {visible} from '../src/format/visible.js'
import type {Diagnostic} from '../src/rule.js'
import {cli, workspace} from './cli-helpers.js'

const HOSTILE_SUBJECT = 'OOPS\u001b]0;PWNED\u0007\u001b[2J \u009b31m \u202eevil'
const APOLOGY_HTML = '<p>We are sorry: the link in the email was wrong. Here is the right one.</p>'

describe('control characters from emails never reach a terminal or a log raw', () => {
  it('visible() shows C0, C1, DEL and bidi controls as escapes and keeps ordinary text', () => {
    expect(visible('a\u001b[2Jb\u0007c\u009bd\u007fe\u202ef\ng\th')).toBe('a\\x1b[2Jb\\x07c\\x9bd\\x7fe\\u202ef\\ng\th')
    expect(visible('line one\r\nline two\n', true)).toBe('line one\r\nline two\n')
    expect(visible('zażółć gęślą jaźń — “ok”')).toBe('zażółć gęślą jaźń — “ok”')
  })

  it.each(['stylish', 'github', 'checkstyle', 'junit', 'summary'])('--format %s neutralises a hostile --subject', async (format) => {
    const dir = workspace({})
    const r = await cli(['--stdin', '--stdin-filename', 'x.html', '--subject', HOSTILE_SUBJECT, '-f', format, '--checklist'], dir, APOLOGY_HTML)
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/)
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/)
    if (format !== 'summary') expect(r.stdout).toContain('OOPS\\x1b]0;PWNED\\x07')
  })

  it('neutralises control characters in the checklist heading (the file name)', async () => {
    const dir = workspace({})
    const r = await cli(['--stdin', '--stdin-filename', 'evil\u001b]0;x\u0007.html', '--checklist'], dir, APOLOGY_HTML)
    expect(r.stdout).toContain('Checklist for ')
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
  })

  it('neutralises control characters in file names too', () => {
    const result = {...fakeResult(1), filePath: '/tmp/evil\u001b[2J.html'}
    expect(formatStylish([result], {color: false})).toContain('evil\\x1b[2J.html')
  })
})

function fakeResult(n: number): LintResult {
  const diagnostics: Diagnostic[] = []
  for (let i = 0; i < n; i++) {
    const at = {line: 1 + i, column: 1, offset: i}
    diagnostics.push({ruleId: 'vague-wording', severity: 'warning', message: 'Vague.', url: 'https://example.invalid', range: {start: at, end: at}})
  }
  return {
    format: 'text',
    language: 'en',
    languageSource: 'detected',
    diagnostics,
    errorCount: 0,
    warningCount: n,
    infoCount: 0,
    source: '',
    suppressed: [],
    notes: [],
  }
}

describe('stylish on a huge report', () => {
  it('prints 150 000 findings in one file without overflowing the stack', () => {
    const out = formatStylish([fakeResult(150_000)], {color: false})
    expect(out).toContain('150000 problems (0 errors, 150000 warnings)')
    expect(out).toContain('150000:1')
  })
})

const PLAIN =
  'Hello,\n\nWe are sorry: the price in our email yesterday was wrong. The right price is 20 EUR. You do not need to do anything.\n\nAnna from Northwind\n'

describe('info findings are advice, not warnings or failures', () => {
  it('JSON gives them severity 0 and does not count them as warnings; JUnit does not fail on them; the checklist passes', async () => {
    const result = await lint(PLAIN, {format: 'text', subject: "Correction: the price in yesterday's email", from: 'Northwind <anna@northwind.example>'})
    expect(result.diagnostics.map((d) => d.severity)).toEqual(['info'])
    const [json] = JSON.parse(formatJson([result])) as {warningCount: number; infoCount: number; messages: {severity: number; apologyLintSeverity: string}[]}[]
    expect(json!.warningCount).toBe(0)
    expect(json!.infoCount).toBe(1)
    expect(json!.messages[0]).toMatchObject({severity: 0, apologyLintSeverity: 'info'})
    const junit = formatJunit([result])
    expect(junit).toMatch(/<testsuites[^>]* failures="0"/)
    expect(junit).toContain('<system-out>')
    expect(result.checklist!.score).toBe(100)
    expect(result.checklist!.items.find((i) => i.id === 'branded-template')!.status).toBe('pass')
  })

  it('a failed checklist point lists the rules that fired, not every rule behind the point', async () => {
    const result = await lint('<p>Oops! We sent the wrong link. Here is the right one: https://northwind.example/a</p>', {format: 'html'})
    const fired = new Set(result.diagnostics.map((d) => d.ruleId))
    const text = formatChecklist(result.checklist!, false)
    for (const item of result.checklist!.items.filter((i) => i.status === 'fail')) {
      const line = text.split('\n').find((l) => l.includes(item.item))!
      const listed = /: ([^)]*)\)$/.exec(line)![1]!.split(', ')
      for (const id of listed) expect(fired.has(id), `${id} in "${line}"`).toBe(true)
    }
  })
})

describe('parser notes are shown', () => {
  const EML =
    'From: Shop <help@shop.example>\nSubject: Correction: delivery date\nContent-Type: text/plain; charset=x-made-up\n\nWe are sorry: the delivery date in our last email was wrong. It is Friday.\n'
  it('in stylish and JSON output', async () => {
    const result = await lint(EML, {format: 'eml'})
    expect(result.notes.join(' ')).toContain('x-made-up')
    expect(formatStylish([result], {color: false})).toMatch(/note\s+The plain-text part declares an unknown charset "x-made-up"/)
    const [json] = JSON.parse(formatJson([result])) as {notes: string[]}[]
    expect(json!.notes.join(' ')).toContain('x-made-up')
  })
})
