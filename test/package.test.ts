/**
 * The built package works as users load it: `require` (CommonJS), `import`
 * (ESM), the `./rules` entry and the CLI bin. Needs `npm run build` first (CI
 * and `npm ci` build it); fails, rather than skips, when the build is missing.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {build} from 'esbuild'
import {describe, expect, it} from 'vitest'

const root = new URL('..', import.meta.url).pathname

function node(args: string[]): string {
  return execFileSync(process.execPath, args, {cwd: root, encoding: 'utf8'})
}

describe('built package', {timeout: 60_000}, () => {
  it('has been built', () => {
    expect(existsSync(`${root}dist/index.js`), 'dist/ is missing: run npm run build').toBe(true)
  })

  it('loads with require()', () => {
    const out = node([
      '-e',
      "const {lintSync, builtinRules} = require('./dist/index.cjs'); const r = lintSync('<p>Please do not reply.</p>', {format: 'html', rules: {'no-reply-sender': 'error'}}); console.log(builtinRules.length, r.diagnostics.some((d) => d.ruleId === 'no-reply-sender'))",
    ])
    expect(out.trim()).toBe('14 true')
  })

  it('loads with import, including the ./rules entry', () => {
    const out = node([
      '--input-type=module',
      '-e',
      "import {lint} from './dist/index.js'; import {builtinRules} from './dist/rules.js'; const r = await lint({markdown: 'Przepraszamy za błędny link w porannym newsletterze. Nie odpowiadaj na tę wiadomość.'}); console.log(builtinRules.length, r.language, r.diagnostics.some((d) => d.ruleId === 'no-reply-sender'))",
    ])
    expect(out.trim()).toBe('14 pl true')
  })

  it('declares the types a plugin author needs', () => {
    const types = readFileSync(`${root}dist/index.d.ts`, 'utf8')
    // Every name in the file's export lists (`export {A, b as B, type C}`).
    const exported = new Set([...types.matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((m) => m[1]!.split(',').map((n) => n.trim().split(/\s+/).pop()!)))
    for (const name of [
      'AnyRule',
      'Plugin',
      'Brand',
      'Incident',
      'Checklist',
      'ChecklistItem',
      'Sentence',
      'Token',
      'LanguageSource',
      'RuleContext',
      'Diagnostic',
    ]) {
      expect(exported.has(name), name).toBe(true)
    }
  })

  it('has the core and Node entries, and keeps lintFile in the main entry for Node users', () => {
    const esm = node([
      '--input-type=module',
      '-e',
      "const main = await import('apology-lint'); const core = await import('apology-lint/core'); const nodeOnly = await import('apology-lint/node'); const r = await main.lintFile('fixtures/examples/en-bad-oops-price.eml'); console.log(typeof main.lintFile, typeof core.lintFile, typeof core.lint, typeof nodeOnly.lintFile, r.diagnostics.length > 0)",
    ])
    expect(esm.trim()).toBe('function undefined function function true')
    const cjs = node([
      '-e',
      "const {lintFile} = require('apology-lint/node'); const {lintSync} = require('apology-lint/core'); console.log(typeof lintFile, typeof lintSync, typeof require('apology-lint').lintFile)",
    ])
    expect(cjs.trim()).toBe('function function function')
  })

  it("bundles `import {lint} from 'apology-lint'` for the browser with no Node built-ins and no externals", async () => {
    const app = mkdtempSync(join(tmpdir(), 'apology-lint-bundle-'))
    try {
      mkdirSync(join(app, 'node_modules'))
      symlinkSync(root, join(app, 'node_modules/apology-lint'))
      const result = await build({
        stdin: {contents: "import {lint} from 'apology-lint'; export default lint", resolveDir: app},
        bundle: true,
        platform: 'browser',
        format: 'esm',
        write: false,
        metafile: true,
        logLevel: 'silent',
      })
      const inputs = Object.keys(result.metafile.inputs)
      expect(inputs.some((i) => i.endsWith('dist/core.js'))).toBe(true)
      expect(inputs.some((i) => /dist\/(index|node)\.js$/.test(i))).toBe(false)
    } finally {
      rmSync(app, {recursive: true, force: true})
    }
  })

  it('loads the ./nodemailer entry with import and require()', () => {
    const check =
      "const r = await assertSendable({subject: 'Oops', text: 'Oops! Please do not reply.'}).catch((e) => e); console.log(typeof apologyGuard(), r instanceof UnsendableError)"
    expect(node(['--input-type=module', '-e', `import {apologyGuard, assertSendable, UnsendableError} from './dist/nodemailer.js'; ${check}`]).trim()).toBe(
      'function true',
    )
    expect(node(['-e', `const {apologyGuard, assertSendable, UnsendableError} = require('./dist/nodemailer.cjs'); (async () => { ${check} })()`]).trim()).toBe(
      'function true',
    )
  })

  it('runs the CLI bin', () => {
    expect(node(['bin/apology-lint.js', '--version']).trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })
})
