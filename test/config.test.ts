import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {ConfigError, configJsonSchema, parseConfig, resolveConfig} from '../src/config.js'
import {builtinRules} from '../rules/index.js'
import {lintSync} from '../src/index.js'

const ids = builtinRules.map((r) => r.id)

describe('config', () => {
  it('lists every problem by key path in one error', () => {
    let error: unknown
    try {
      parseConfig(
        {rules: {'vague-wording': 'loud', 'vage-wording': 'warn'}, language: 'German', brand: {domains: [3]}, extra: true},
        'apology-lint.config.json',
        ids,
      )
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    const problems = (error as ConfigError).problems.join('\n')
    expect(problems).toContain('rules.vague-wording')
    expect(problems).toContain('language')
    expect(problems).toContain('brand.domains[0]')
    expect(problems).toMatch(/extra/)
    expect((error as ConfigError).message).toContain('apology-lint.config.json')
  })

  it('suggests the closest rule ids for an unknown one', () => {
    expect(() => parseConfig({rules: {'vage-wording': 'warn'}}, undefined, ids)).toThrow(/did you mean "vague-wording"/)
    expect(() => parseConfig({extends: 'recomended'}, undefined, ids)).toThrow(/did you mean "recommended"/)
  })

  it('resolves presets, rules and overrides by glob', () => {
    const config = parseConfig(
      {extends: 'recommended', rules: {humour: 'error'}, overrides: [{files: ['*.txt'], rules: {'unbranded-layout': 'off', humour: ['warn', {}]}}]},
      undefined,
      ids,
    )
    const html = resolveConfig(config, builtinRules, 'emails/a.html')
    expect(html.rules.humour?.severity).toBe('error')
    expect(html.rules['no-reply-sender']?.severity).toBe('error')
    const txt = resolveConfig(config, builtinRules, 'emails/a.txt')
    expect(txt.rules.humour?.severity).toBe('warning')
    expect(txt.rules['unbranded-layout']).toBeUndefined()
    const strict = resolveConfig(parseConfig({extends: 'strict'}, undefined, ids), builtinRules)
    expect(Object.values(strict.rules).every((r) => r.severity === 'error' || r.severity === 'warning')).toBe(true)
    expect(Object.keys(strict.rules).sort()).toEqual([...ids].sort())
  })

  it('lint() rejects an invalid config object with a ConfigError', () => {
    expect(() => lintSync('<p>x</p>', {config: {rules: {nope: 'warn'}}})).toThrow(ConfigError)
  })

  it('ships a JSON Schema generated from the zod schema (run `npm run schema` when this fails)', () => {
    const committed = JSON.parse(readFileSync(new URL('../schema/config.schema.json', import.meta.url), 'utf8')) as unknown
    expect(committed).toEqual(JSON.parse(JSON.stringify(configJsonSchema(builtinRules))))
  })
})
