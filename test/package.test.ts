/**
 * The built package works as users load it: `require` (CommonJS), `import`
 * (ESM), the `./rules` entry and the CLI bin. Needs `npm run build` first (CI
 * and `npm ci` build it); fails, rather than skips, when the build is missing.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'

const root = new URL('..', import.meta.url).pathname

function node(args: string[]): string {
  return execFileSync(process.execPath, args, {cwd: root, encoding: 'utf8'})
}

describe('built package', () => {
  it('has been built', () => {
    expect(existsSync(`${root}dist/index.js`), 'dist/ is missing: run npm run build').toBe(true)
  })

  it('loads with require()', () => {
    const out = node(['-e', "const {lintSync, builtinRules} = require('./dist/index.cjs'); const r = lintSync('<p>Please do not reply.</p>', {format: 'html', rules: {'no-reply-sender': 'error'}}); console.log(builtinRules.length, r.diagnostics.some((d) => d.ruleId === 'no-reply-sender'))"])
    expect(out.trim()).toBe('14 true')
  })

  it('loads with import, including the ./rules entry', () => {
    const out = node(['--input-type=module', '-e', "import {lint} from './dist/index.js'; import {builtinRules} from './dist/rules.js'; const r = await lint({markdown: 'Przepraszamy za błędny link w porannym newsletterze. Nie odpowiadaj na tę wiadomość.'}); console.log(builtinRules.length, r.language, r.diagnostics.some((d) => d.ruleId === 'no-reply-sender'))"])
    expect(out.trim()).toBe('14 pl true')
  })

  it('declares the types a plugin author needs', () => {
    const types = readFileSync(`${root}dist/index.d.ts`, 'utf8')
    // Every name in the file's export lists (`export {A, b as B, type C}`).
    const exported = new Set([...types.matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((m) => m[1]!.split(',').map((n) => n.trim().split(/\s+/).pop()!)))
    for (const name of ['AnyRule', 'Plugin', 'Brand', 'Incident', 'Checklist', 'ChecklistItem', 'Sentence', 'Token', 'LanguageSource', 'RuleContext', 'Diagnostic']) {
      expect(exported.has(name), name).toBe(true)
    }
  })

  it('runs the CLI bin', () => {
    expect(node(['bin/apology-lint.js', '--version']).trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })
})
