import {mkdtempSync, writeFileSync, readFileSync, mkdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {BAD, cli, GOOD, onlyNoReply, workspace} from './cli-helpers.js'

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
    const json = JSON.parse(r.stdout) as {
      filePath: string
      errorCount: number
      messages: {ruleId: string; severity: number; line: number; column: number; endLine: number; endColumn: number}[]
    }[]
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
    for (const args of [
      ['--nope'],
      [],
      ['--format', 'xml', 'a.html'],
      ['--rule', 'humour', 'a.html'],
      ['missing.html'],
      ['--incident', 'meteor', 'good.html'],
    ]) {
      const r = await cli(args, dir)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(/^apology-lint: /)
      expect(r.stderr).not.toMatch(/\n\s+at /)
    }
  })

  it('exits 2 on an invalid config and lists every problem', async () => {
    const dir = workspace({rules: {'vage-wording': 'warn', humour: 'loud'}, language: 'english'})
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

  it('explains a rule and suggests close ids for an unknown one', async () => {
    const dir = workspace()
    const r = await cli(['explain', 'no-reply-sender'], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('How to fix:')
    const bad = await cli(['explain', 'no-reply'], dir)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('did you mean "no-reply-sender"')
  })

  it('--init writes a starter config once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apology-lint-init-'))
    const r = await cli(['--init'], dir)
    expect(r.code).toBe(0)
    const config = JSON.parse(readFileSync(join(dir, 'apology-lint.config.json'), 'utf8')) as {extends: string; brand: {name: string}}
    expect(config.extends).toBe('recommended')
    expect((await cli(['--init'], dir)).code).toBe(2)
  })

  it('--fix-dry-run prints a diff and --fix rewrites a no-reply Reply-To, then lints again', async () => {
    const dir = workspace({rules: onlyNoReply(), brand: {supportAddress: 'support@northwind.example'}})
    const eml = [
      'From: Northwind Support <support@northwind.example>',
      'Reply-To: noreply@northwind.example',
      'Subject: Correction: wrong link',
      'Content-Type: text/plain; charset=utf-8',
      '',
      "We're sorry: the link in this morning's email was wrong. Here is the right one: https://northwind.example/a",
      '',
    ].join('\n')
    writeFileSync(join(dir, 'apology.eml'), eml)
    const dry = await cli(['--fix-dry-run', 'apology.eml'], dir)
    expect(dry.stdout).toContain('-Reply-To: noreply@northwind.example')
    expect(dry.stdout).toContain('+Reply-To: support@northwind.example')
    expect(readFileSync(join(dir, 'apology.eml'), 'utf8')).toBe(eml)
    const fixed = await cli(['--fix', 'apology.eml'], dir)
    expect(fixed.code).toBe(0)
    expect(fixed.stderr).toContain('applied 1 fix')
    expect(readFileSync(join(dir, 'apology.eml'), 'utf8')).toBe(eml.replace('Reply-To: noreply@', 'Reply-To: support@'))
  })

  it('prints the checklist with --checklist and in the summary format', async () => {
    const dir = workspace()
    const r = await cli(['--checklist', 'bad.html'], dir)
    expect(r.stdout).toMatch(/✖ fail\s+A sender people can reply to/)
    expect(r.stdout).toMatch(/Readiness: \d+\/100/)
    const summary = await cli(['--format', 'summary', 'bad.html'], dir)
    expect(summary.stdout).toContain('bad.html: 1 error, 0 warnings, 0 info')
  })

  it('--cache reuses results for unchanged files and notices changes', async () => {
    const dir = workspace()
    const first = await cli(['--cache', '-f', 'json', 'bad.html'], dir)
    const second = await cli(['--cache', '-f', 'json', 'bad.html'], dir)
    expect(second.stdout).toBe(first.stdout)
    writeFileSync(join(dir, 'bad.html'), GOOD)
    const third = await cli(['--cache', 'bad.html'], dir)
    expect(third.code).toBe(0)
  })
})

describe('cli output formats', () => {
  it.each(['sarif', 'github', 'junit', 'checkstyle', 'gitlab', 'html'])('--format %s writes a report naming the finding', async (format) => {
    const dir = workspace()
    const r = await cli(['--format', format, 'bad.html'], dir)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('no-reply-sender')
  })
})

describe('cli with many files', () => {
  it('lints more than 50 files (in parallel when built) and keeps their order', async () => {
    const dir = workspace()
    for (let i = 0; i < 60; i++) writeFileSync(join(dir, `m${String(i).padStart(2, '0')}.html`), i % 2 ? BAD : GOOD)
    const r = await cli(['--format', 'json', '.'], dir)
    const json = JSON.parse(r.stdout) as {filePath: string; errorCount: number}[]
    const names = json.map((f) => f.filePath.split('/').pop()!)
    expect(names).toEqual([...names].sort())
    expect(json.filter((f) => /^m\d+\.html$/.test(f.filePath.split('/').pop()!) && f.errorCount === 1)).toHaveLength(30)
    expect(r.code).toBe(1)
  })
})

describe('plugins', () => {
  it('loads a third-party rule package named in config, and its rules run like built-in ones', async () => {
    const dir = workspace()
    const pkg = join(dir, 'node_modules', 'apology-lint-plugin-acme')
    mkdirSync(pkg, {recursive: true})
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({name: 'apology-lint-plugin-acme', type: 'module', main: 'index.js'}))
    // A plugin normally builds its rules with defineRule from apology-lint; this one spells the shape out.
    writeFileSync(
      join(pkg, 'index.js'),
      `export default {rules: [{
        id: 'acme/no-cheers', severity: 'warning', recommended: false,
        languages: {en: {}, pl: {}},
        docs: {summary: 'No cheers.', why: 'Test.', fix: 'Test.'},
        options: {safeParse: (v) => ({success: true, data: v})},
        messages: {cheers: 'Drop the cheers: this is an apology.'},
        create(context) {
          for (const s of context.sentences) for (const t of s.tokens) if (t.norm === 'cheers') context.report({messageId: 'cheers', span: {block: s.block, start: t.start, end: t.end}})
        },
      }]}`,
    )
    writeFileSync(
      join(dir, 'apology-lint.config.json'),
      JSON.stringify({plugins: ['apology-lint-plugin-acme'], rules: {...onlyNoReply(), 'no-reply-sender': 'off', 'acme/no-cheers': 'error'}}),
    )
    writeFileSync(join(dir, 'cheers.html'), '<p>Cheers, we sent the wrong link.</p>')
    const r = await cli(['-f', 'json', 'cheers.html'], dir)
    const json = JSON.parse(r.stdout) as {messages: {ruleId: string; column: number}[]}[]
    expect(json[0]!.messages.map((m) => [m.ruleId, m.column])).toEqual([['acme/no-cheers', 4]])
    expect(r.code).toBe(1)
    writeFileSync(join(dir, 'apology-lint.config.json'), JSON.stringify({plugins: ['apology-lint-plugin-missing']}))
    const missing = await cli(['cheers.html'], dir)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('cannot load "apology-lint-plugin-missing"')
  })
})
