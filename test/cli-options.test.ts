import {existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {BAD, GOOD, cli, onlyNoReply, workspace} from './cli-helpers.js'

const NO_STACK = /\n\s+at /

describe('flags, as ESLint users expect them', () => {
  it('an unknown flag gets one line with a suggestion, not parseArgs text', async () => {
    const dir = workspace()
    const r = await cli(['--fromm', 'a@b.example', 'good.html'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('unknown option --fromm (did you mean "--from"?)')
    expect(r.stderr).not.toContain('positional')
    const missing = await cli(['good.html', '-f'], dir)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--format needs a value')
  })

  it('- reads standard input', async () => {
    const dir = workspace()
    const r = await cli(['-', '--stdin-filename', 'x.html'], dir, BAD)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('no-reply-sender')
  })

  it('--fix-dry-run works with --stdin', async () => {
    const dir = workspace({rules: onlyNoReply(), brand: {supportAddress: 'help@shop.example'}})
    const eml = 'From: Shop <help@shop.example>\nReply-To: noreply@shop.example\nSubject: Correction\n\nSorry: the link we sent was wrong.\n'
    const r = await cli(['--stdin', '--stdin-filename', 'x.eml', '--fix-dry-run'], dir, eml)
    expect(r.stdout).toContain('-Reply-To: noreply@shop.example')
    expect(r.stdout).toContain('+Reply-To: help@shop.example')
    expect((await cli(['--stdin', '--fix'], dir, eml)).stderr).toContain('--fix-dry-run')
  })

  it('--max-warnings -1 means no limit, and one warning is "1 warning"', async () => {
    const dir = workspace({rules: {...onlyNoReply(), 'no-reply-sender': 'warn'}})
    expect((await cli(['--max-warnings', '-1', 'bad.html'], dir)).code).toBe(0)
    const over = await cli(['--max-warnings', '0', 'bad.html'], dir)
    expect(over.code).toBe(1)
    expect(over.stderr).toContain('1 warning, more than --max-warnings 0')
  })

  it('FORCE_COLOR forces colour without a terminal, and FORCE_COLOR=0 turns it off on one', async () => {
    const dir = workspace()
    expect((await cli(['bad.html'], dir, '', {FORCE_COLOR: '1'})).stdout).toContain('\u001b[')
    expect((await cli(['bad.html'], dir, '', {FORCE_COLOR: '0'}, true)).stdout).not.toContain('\u001b[')
    expect((await cli(['bad.html'], dir, '', {}, true)).stdout).toContain('\u001b[')
  })

  it('--rule with an unknown id suggests the close one', async () => {
    const dir = workspace()
    const r = await cli(['--rule', 'humor:off', 'good.html'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--rule humor: unknown rule (did you mean "humour"?)')
  })
})

describe('ignoring files', () => {
  it('a file named explicitly that matches ignores is skipped with a notice', async () => {
    const dir = workspace({rules: onlyNoReply(), ignores: ['bad.html']})
    const r = await cli(['bad.html'], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/bad\.html: ignored because of a matching ignore pattern \(use --no-ignore/)
    expect((await cli(['--no-ignore', 'bad.html'], dir)).code).toBe(1)
  })

  it('.apologylintignore and --ignore-pattern skip files in folders; --no-ignore lints them', async () => {
    const dir = workspace()
    mkdirSync(join(dir, 'drafts'))
    writeFileSync(join(dir, 'drafts', 'old.html'), BAD)
    writeFileSync(join(dir, '.apologylintignore'), '# old drafts\ndrafts/\n')
    const names = async (args: string[]): Promise<string[]> =>
      (JSON.parse((await cli(['-f', 'json', ...args], dir)).stdout) as {filePath: string}[]).map((f) => f.filePath.slice(dir.length + 1))
    expect(await names(['.'])).toEqual(['bad.html', 'good.html'])
    expect(await names(['--ignore-pattern', 'bad.*', '.'])).toEqual(['good.html'])
    expect(await names(['--no-ignore', '.'])).toEqual(['bad.html', 'drafts/old.html', 'good.html'])
  })

  it('absolute globs match', async () => {
    const dir = workspace()
    const r = await cli(['-f', 'json', `${dir}/*.html`], dir)
    expect(r.code).toBe(1)
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(2)
  })
})

describe('config lookup', () => {
  it('--no-config-lookup ignores config files', async () => {
    const dir = workspace({rules: {'no-such-rule': 'error'}})
    expect((await cli(['good.html'], dir)).code).toBe(2)
    const r = await cli(['--no-config-lookup', '--rule', 'no-reply-sender:error', '-f', 'json', 'bad.html'], dir)
    expect(r.stderr).not.toContain('no-such-rule')
    expect(r.code).toBe(1)
  })

  it('stops at the repository root: a config above a folder with .git is not used', async () => {
    const outer = workspace({rules: {'no-such-rule': 'error'}})
    const repo = join(outer, 'repo')
    mkdirSync(join(repo, '.git'), {recursive: true})
    writeFileSync(join(repo, 'good.html'), GOOD)
    const r = await cli(['good.html'], repo)
    expect(r.stderr).not.toContain('no-such-rule')
    expect(r.code).toBe(0)
  })

  it('reports every config problem in one round, with the file path, rule options included', async () => {
    const dir = workspace({rules: {humour: ['warn', {nope: true}], 'vage-wording': 'warn'}, language: 'Klingon!'})
    const r = await cli(['good.html'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(join(dir, 'apology-lint.config.json'))
    expect(r.stderr).toContain('rules.humour')
    expect(r.stderr).toContain('nope')
    expect(r.stderr).toContain('rules.vage-wording: unknown rule')
    expect(r.stderr).toContain('language')
    expect(r.stderr).not.toMatch(NO_STACK)
  })
})

describe('output', () => {
  it('-o creates parent folders, and a folder is a clear usage error', async () => {
    const dir = workspace()
    const r = await cli(['-f', 'json', '-o', 'missing/dir/out.json', 'bad.html'], dir)
    expect(r.code).toBe(1)
    expect(JSON.parse(readFileSync(join(dir, 'missing/dir/out.json'), 'utf8'))).toHaveLength(1)
    mkdirSync(join(dir, 'reports'))
    for (const target of ['reports', 'reports/', 'new-folder/']) {
      const folder = await cli(['-o', target, 'bad.html'], dir)
      expect(folder.code, target).toBe(2)
      expect(folder.stderr).toContain('is a folder; name a file')
      expect(folder.stderr).not.toMatch(NO_STACK)
    }
  })

  it('--cache-location creates parent folders, and a trailing slash names a folder', async () => {
    const dir = workspace()
    expect((await cli(['--cache', '--cache-location', 'missing/dir/cache.json', 'good.html'], dir)).code).toBe(0)
    expect(existsSync(join(dir, 'missing/dir/cache.json'))).toBe(true)
    expect((await cli(['--cache', '--cache-location', 'cachedir/', 'good.html'], dir)).code).toBe(0)
    expect(existsSync(join(dir, 'cachedir', '.apology-lint-cache'))).toBe(true)
  })

  it('-f ./my-formatter.js runs a custom formatter with ESLint-shaped results', async () => {
    const dir = workspace()
    writeFileSync(
      join(dir, 'my-formatter.mjs'),
      'export default (results, context) => results.map((r) => `${r.filePath.slice(context.cwd.length + 1)}:${r.messages.map((m) => m.ruleId).join(",")}`).join("\\n") + "\\n"\n',
    )
    const r = await cli(['-f', './my-formatter.mjs', 'bad.html'], dir)
    expect(r.stdout).toBe('bad.html:no-reply-sender\n')
    expect(r.code).toBe(1)
    const missing = await cli(['-f', './nope.js', 'bad.html'], dir)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('cannot load formatter ./nope.js')
  })
})

describe('--init and placeholders', () => {
  it('--init without a terminal invents no brand, and --fix never writes a placeholder address', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apology-lint-init-'))
    const r = await cli(['--init'], dir)
    expect(r.code).toBe(0)
    const config = JSON.parse(readFileSync(join(dir, 'apology-lint.config.json'), 'utf8')) as {brand?: unknown}
    expect(config.brand).toBeUndefined()
    expect(r.stdout).toContain('Add your brand')
    // An old starter config with the made-up brand: the fix is refused.
    writeFileSync(join(dir, 'apology-lint.config.json'), JSON.stringify({rules: onlyNoReply(), brand: {name: 'Acme', supportAddress: 'support@acme.example'}}))
    const eml = 'From: Shop <help@shop.example>\nReply-To: noreply@shop.example\nSubject: Correction\n\nSorry: the link we sent was wrong.\n'
    writeFileSync(join(dir, 'a.eml'), eml)
    const fixed = await cli(['--fix', 'a.eml'], dir)
    expect(fixed.stderr).toContain('placeholder')
    expect(readFileSync(join(dir, 'a.eml'), 'utf8')).toBe(eml)
  })
})

describe('explain', () => {
  it('knows plugin rules named in the config', async () => {
    const dir = workspace()
    const pkg = join(dir, 'node_modules', 'apology-lint-plugin-acme')
    mkdirSync(pkg, {recursive: true})
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({name: 'apology-lint-plugin-acme', type: 'module', main: 'index.js'}))
    writeFileSync(
      join(pkg, 'index.js'),
      `export default {rules: [{id: 'acme/no-cheers', severity: 'warning', languages: {en: {}}, docs: {summary: 'No cheers in apologies.', why: 'It reads as flippant.', fix: 'Remove it.'}, options: {safeParse: (v) => ({success: true, data: v})}, messages: {cheers: 'Drop the cheers.'}, create() {}}]}`,
    )
    writeFileSync(join(dir, 'apology-lint.config.json'), JSON.stringify({plugins: ['apology-lint-plugin-acme']}))
    const r = await cli(['explain', 'acme/no-cheers'], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('No cheers in apologies.')
  })
})
