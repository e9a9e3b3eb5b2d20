/**
 * Every rule carries its documentation: a README with the agreed sections,
 * examples in English and Polish, every option documented, and data for both
 * languages.
 */
import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {z} from 'zod'
import {builtinRules} from '../rules/index.js'

const SECTIONS = ['## Why', '## How to fix', '## Options', '## Examples', '### Incorrect', '### Correct', '## When not to use it']

describe.each(builtinRules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  const path = new URL(`../rules/${id}/README.md`, import.meta.url)

  it('has a README with every section, in order', () => {
    expect(existsSync(path), `rules/${id}/README.md is missing`).toBe(true)
    const readme = readFileSync(path, 'utf8')
    expect(readme.startsWith(`# ${id}`)).toBe(true)
    let at = 0
    for (const section of SECTIONS) {
      const i = readme.indexOf(section, at)
      expect(i, `missing or out of order: ${section}`).toBeGreaterThan(at - 1)
      at = i
    }
    expect(readme).toContain(rule.docs.summary)
  })

  it('shows English and Polish examples', () => {
    const readme = readFileSync(path, 'utf8')
    const examples = readme.slice(readme.indexOf('## Examples'))
    expect(examples).toMatch(/English/)
    expect(examples).toMatch(/Polish/)
  })

  it('documents every option', () => {
    const readme = readFileSync(path, 'utf8')
    const shape = rule.options instanceof z.ZodObject ? Object.keys(rule.options.shape) : []
    for (const key of shape) expect(readme, `option ${key} is not in the README`).toContain(key)
  })

  it('has data for both languages and complete docs', () => {
    expect(Object.keys(rule.languages).sort()).toEqual(['en', 'pl'])
    for (const field of ['summary', 'why', 'fix'] as const) expect(rule.docs[field].length).toBeGreaterThan(15)
    for (const message of Object.values(rule.messages)) expect(message.length).toBeGreaterThan(20)
  })
})
