import {mkdtempSync, writeFileSync, readFileSync, mkdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {run} from '../src/cli.js'

interface Captured {
  code: number
  stdout: string
  stderr: string
}

async function cli(args: string[], cwd: string, stdin = ''): Promise<Captured> {
  let stdout = ''
  let stderr = ''
  const code = await run(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stdin: async () => stdin,
    isTTY: false,
    cwd,
    env: {},
  })
  return {code, stdout, stderr}
}

const GOOD = `<p>We're sorry: the link to your invoice in this morning's email pointed to an old page.</p>
<p>Your invoice is <a href="https://northwind.example/invoices">here</a>. Questions? Reply to this email.</p>`
const BAD = `<p>We're sorry: the link in this morning's email was wrong.</p><p>Please do not reply.</p>`

function workspace(config?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'apology-lint-cli-'))
  // Only no-reply-sender, so that these tests are about the CLI, not the other rules.
  writeFileSync(join(dir, 'apology-lint.config.json'), JSON.stringify(config ?? {rules: onlyNoReply()}))
  writeFileSync(join(dir, 'good.html'), GOOD)
  writeFileSync(join(dir, 'bad.html'), BAD)
  return dir
}

function onlyNoReply(): Record<string, string> {
  const ids = ['buried-lede', 'data-breach-notice', 'evasive-wording', 'humour', 'missing-action-steps', 'missing-apology', 'missing-explanation', 'part-mismatch', 'suppression-list-resend', 'unaffected-recipients', 'unbranded-layout', 'unclear-subject', 'vague-wording']
  return {...Object.fromEntries(ids.map((id) => [id, 'off'])), 'no-reply-sender': 'error'}
}

describe('cli', () => {
  it('exits 0 on a clean file and prints nothing', async () => {
    const dir = workspace()
    const r = await cli(['good.html'], dir)
    expect(r).toEqual({code: 0, stdout: '', stderr: ''})
  })

  it('exits 1 with ESLint-style stylish output on an error', async () => {
    const dir = workspace()
    const r = await cli(['bad.html'], dir)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('bad.html')
    expect(r.stdout).toMatch(/1:\d+\s+error\s+.*do not reply.*no-reply-sender/)
    expect(r.stdout).toContain('1 problem (1 error, 0 warnings)')
    expect(r.stdout).not.toContain('\u001b[')
  })

  it('prints ESLint-compatible JSON', async () => {
    const dir = workspace()
    const r = await cli(['--format', 'json', '.'], dir)
    const json = JSON.parse(r.stdout) as {filePath: string; errorCount: number; messages: {ruleId: string; severity: number; line: number; column: number; endLine: number; endColumn: number}[]}[]
    expect(json.map((f) => f.filePath.split('/').pop())).toEqual(['bad.html', 'good.html'])
    const m = json[0]!.messages[0]!
    expect(m).toMatchObject({ruleId: 'no-reply-sender', severity: 2, line: 1})
    expect(m.endColumn).toBeGreaterThan(m.column)
    expect(json[0]!.errorCount).toBe(1)
  })

  it('reads stdin with --stdin-filename and honours --rule, --from and --max-warnings', async () => {
    const dir = workspace()
    const r = await cli(['--stdin', '--stdin-filename', 'x.html', '--from', 'Acme <noreply@acme.example>'], dir, GOOD)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('noreply@acme.example')
    const warn = await cli(['--stdin', '--stdin-filename', 'x.html', '--rule', 'no-reply-sender:warn', '--max-warnings', '0'], dir, BAD)
    expect(warn.code).toBe(1)
    expect(warn.stderr).toContain('max-warnings')
    const ok = await cli(['--stdin', '--stdin-filename', 'x.html', '--rule', 'no-reply-sender:warn'], dir, BAD)
    expect(ok.code).toBe(0)
    const quiet = await cli(['--stdin', '--stdin-filename', 'x.html', '--rule', 'no-reply-sender:warn', '--quiet'], dir, BAD)
    expect(quiet.stdout).toBe('')
  })

  it('writes the report to --output-file', async () => {
    const dir = workspace()
    const r = await cli(['bad.html', '-f', 'json', '-o', 'report.json'], dir)
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toHaveLength(1)
  })

  it('exits 2 on usage errors, without a stack trace', async () => {
    const dir = workspace()
    for (const args of [['--nope'], [], ['--format', 'xml', 'a.html'], ['--rule', 'humour', 'a.html'], ['missing.html'], ['--incident', 'meteor', 'good.html']]) {
      const r = await cli(args, dir)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(/^apology-lint: /)
      expect(r.stderr).not.toMatch(/\n\s+at /)
    }
  })

  it('exits 2 on an invalid config and lists every problem', async () => {
    const dir = workspace({rules: {'vage-wording': 'warn', humour: 'loud'}, language: 'xx'})
    const r = await cli(['good.html'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('rules.vage-wording: unknown rule (did you mean "vague-wording"')
    expect(r.stderr).toContain('rules.humour')
    expect(r.stderr).toContain('language')
    expect(r.stderr).not.toMatch(/\n\s+at /)
    writeFileSync(join(dir, 'apology-lint.config.json'), '{ not json')
    const broken = await cli(['good.html'], dir)
    expect(broken.code).toBe(2)
    expect(broken.stderr).toContain('not valid JSON')
  })

  it('reports unreadable input as a parse error, goes on with the other files, and exits 2', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'empty.txt'), '')
    writeFileSync(join(dir, 'binary.eml'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3]))
    const r = await cli(['--format', 'json', 'empty.txt', 'binary.eml', 'bad.html'], dir)
    expect(r.code).toBe(2)
    const json = JSON.parse(r.stdout) as {messages: {ruleId: string; fatal?: boolean; message: string}[]}[]
    expect(json.map((f) => f.messages[0]?.ruleId)).toEqual(['parse-error', 'parse-error', 'no-reply-sender'])
    expect(json[0]!.messages[0]!.message).toMatch(/empty/)
    expect(json[1]!.messages[0]!.message).toMatch(/binary/)
    expect(r.stderr).toContain('empty.txt')
  })

  it('finds the nearest config upward and prints the resolved config', async () => {
    const dir = workspace({rules: {...onlyNoReply(), 'no-reply-sender': 'warn'}, brand: {name: 'Acme'}})
    mkdirSync(join(dir, 'sub'))
    writeFileSync(join(dir, 'sub', 'bad.html'), BAD)
    const r = await cli(['sub/bad.html'], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('warning')
    const printed = await cli(['--print-config', 'sub/bad.html'], dir)
    const config = JSON.parse(printed.stdout) as {configFile: string; rules: Record<string, {severity: string}>; brand: {name: string}}
    expect(config.configFile).toBe(join(dir, 'apology-lint.config.json'))
    expect(config.rules['no-reply-sender']!.severity).toBe('warning')
    expect(config.brand.name).toBe('Acme')
  })

  it('prints --version and --help', async () => {
    const dir = workspace()
    expect((await cli(['--version'], dir)).stdout).toMatch(/^\d+\.\d+\.\d+/)
    expect((await cli(['--help'], dir)).stdout).toContain('Exit codes')
  })
})
