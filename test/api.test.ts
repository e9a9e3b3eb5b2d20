import {describe, expect, it} from 'vitest'
import * as api from '../src/index.js'

describe('public API', () => {
  it('exports exactly the documented names', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'ConfigError',
        'InputError',
        'allRules',
        'builtinRules',
        'configJsonSchema',
        'configSchema',
        'defineRule',
        'diagnosticSchema',
        'documentZones',
        'lint',
        'lintFile',
        'lintSync',
        'ready',
        'parseConfig',
        'resolveConfig',
        'sniffFormat',
        'zoneOf',
      ].sort(),
    )
  })

  it('lints each input field', async () => {
    const from = 'Acme <noreply@acme.example>'
    for (const input of [
      {html: '<p>Hi</p>', from},
      {text: 'Hi', from},
      {markdown: 'Hi', from},
    ]) {
      const result = await api.lint(input, {rules: {'no-reply-sender': 'error'}})
      expect(result.diagnostics.filter((d) => d.ruleId === 'no-reply-sender')).toHaveLength(1)
    }
  })
})
