import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ConfigError, lint, lintSync} from '../src/index.js'
import {clearConfigCache, configFor} from '../src/node/lint-file.js'

const HTML = '<p>We are sorry: the link in our last email was wrong. Here is the right one.</p>'

describe('the library checks its input as strictly as the CLI', () => {
  it('lint(null) says what it expects instead of a raw TypeError', async () => {
    await expect(lint(null as never)).rejects.toThrow(/lint\(\) expects the email as a string, or an object with one of html, text, markdown or eml; got null/)
    expect(() => lintSync(42 as never)).toThrow(/got number/)
  })

  it('rejects a language that is not a language code, and an unknown incident kind', async () => {
    await expect(lint(HTML, {format: 'html', language: 'Klingon!' as never})).rejects.toThrow(/options\.language/)
    await expect(lint(HTML, {format: 'html', incident: {kind: 'breach' as never}})).rejects.toThrow(/options\.incident\.kind/)
    await expect(lint(HTML, {format: 'html', brand: {nme: 'Shop'} as never})).rejects.toThrow(/options\.brand/)
  })

  it('suggests the close rule id for options.rules, and checks rule options', async () => {
    await expect(lint(HTML, {format: 'html', rules: {humor: 'off'}})).rejects.toThrow('options.rules.humor: unknown rule (did you mean "humour"?)')
    await expect(lint(HTML, {format: 'html', rules: {humour: ['warn', {nope: true}] as never}})).rejects.toThrow(/options\.rules\.humour/)
  })

  it('lists option and config problems together, in one error', async () => {
    const error = await lint(HTML, {
      format: 'html',
      incident: {kind: 'breach' as never},
      config: {rules: {humour: ['warn', {nope: true}], 'vage-wording': 'warn'}},
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigError)
    const problems = (error as ConfigError).problems.join('\n')
    expect(problems).toContain('options.incident.kind')
    expect(problems).toContain('config.rules.humour')
    expect(problems).toContain('config.rules.vage-wording: unknown rule (did you mean "vague-wording"')
  })
})

describe('configFor trust', () => {
  it('refuses a code config or plugins outside the opened folders, and loads them inside', async () => {
    const top = mkdtempSync(join(tmpdir(), 'apology-lint-trust-'))
    const opened = join(top, 'project')
    mkdirSync(opened)
    writeFileSync(join(top, 'apology-lint.config.mjs'), 'globalThis.__ranConfig = true; export default {}\n')
    const file = join(opened, 'a.html')
    clearConfigCache()
    await expect(configFor(file, undefined, {roots: [opened]})).rejects.toThrow(/outside the opened folders/)
    expect((globalThis as {__ranConfig?: boolean}).__ranConfig).toBeUndefined()
    await expect(configFor(file, undefined, {allowCode: false})).rejects.toThrow(/turned off/)
    expect((await configFor(file, undefined, {roots: [top]})).path).toBe(join(top, 'apology-lint.config.mjs'))
    writeFileSync(join(opened, 'apology-lint.config.json'), JSON.stringify({plugins: ['some-plugin']}))
    await expect(configFor(file, undefined, {allowCode: false})).rejects.toThrow(/plugins: not loaded/)
    // A JSON config without plugins runs no code: it loads anywhere.
    writeFileSync(join(opened, 'apology-lint.config.json'), JSON.stringify({rules: {humour: 'off'}}))
    clearConfigCache()
    expect((await configFor(file, undefined, {roots: []})).config?.rules).toEqual({humour: 'off'})
  })
})
