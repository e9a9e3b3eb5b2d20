/**
 * Messages are short and about this email; the note carries why, the fix and an
 * example, and the example fits the incident: a breach notice is never told
 * about a wrong price.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {lint, lintSync} from '../src/lint.js'
import {builtinRules} from '../rules/index.js'
import {explainRule} from '../src/cli.js'
import {incidentExamples} from '../rules/shared/incident-examples.js'
import {readMarkers} from './fixture-markers.js'
import type {Diagnostic} from '../src/rule.js'

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname
const EMAIL = /\.(?:eml|html|txt|md)$/

/** A message without the text it quotes from the email (`…`, "…", “…”), which can be any length. */
function ownWords(message: string): string {
  return message
    .replace(/`[^`]*`/g, '``')
    .replace(/"[^"]*"/g, '""')
    .replace(/“[^”]*”/g, '“”')
}

describe('message templates', () => {
  for (const rule of builtinRules) {
    it(`${rule.id}: every message is short and has a note`, () => {
      for (const [id, template] of Object.entries(rule.messages)) {
        expect(ownWords(template).length, `${rule.id}/${id}: "${template}"`).toBeLessThanOrEqual(110)
        expect(rule.notes?.[id], `${rule.id}/${id} has no note`).toBeTruthy()
        // The example belongs in the note, not in the one-line message.
        expect(template, `${rule.id}/${id}`).not.toContain('{example}')
      }
    })
  }
})

describe('messages in every bad fixture', () => {
  // One test per email: the whole corpus in one test would sit near the timeout on a busy machine.
  const files: {folder: string; file: string}[] = []
  for (const folder of readdirSync(FIXTURES, {withFileTypes: true})) {
    if (!folder.isDirectory() || folder.name === 'holdout') continue
    for (const file of readdirSync(join(FIXTURES, folder.name)).filter((f) => EMAIL.test(f) && !f.includes('good-'))) files.push({folder: folder.name, file})
  }

  it('finds the bad fixtures', () => {
    expect(files.length).toBeGreaterThan(100)
  })

  it.each(files)('$folder/$file: rendered without leftover placeholders, and short', async ({folder, file}) => {
    const {source} = readMarkers(readFileSync(join(FIXTURES, folder, file), 'utf8'))
    const result = await lint(source, {filename: file, config: {extends: 'strict'}})
    for (const d of result.diagnostics) {
      expect(`${d.message}\n${d.note ?? ''}`, d.ruleId).not.toMatch(/\{\w+\}/)
      expect(ownWords(d.message).length, d.message).toBeLessThanOrEqual(160)
    }
  })
})

// A breach notice of our own, with a joke, a conditional apology, vague wording and no apology in the first lines.
const BREACH = `Subject: Security update

Hi Maja,

Oops! Some information may have been accessed recently. We apologise if this caused any concern.

Only a small number of accounts were affected. Please change your password at https://shop.example/reset.

Call us on 0800 555 0142 if you have questions.

The Fernhill Books team
`

const BREACH_PL = `Temat: Aktualizacja bezpieczeństwa

Dzień dobry,

Ups! Niedawno ktoś mógł uzyskać dostęp do niektórych informacji. Przepraszamy, jeśli to Cię zaniepokoiło.

Dotyczy to tylko niewielkiej liczby kont. Zmień hasło na https://sklep.example/haslo.

Zadzwoń pod 800 555 014, jeśli masz pytania.

Zespół Księgarni Paproć
`

function lintBreach(source: string, language: 'en' | 'pl', kind?: 'data-breach'): Diagnostic[] {
  return lintSync(source, {format: 'text', language, config: {extends: 'strict'}, ...(kind ? {incident: {kind}} : {})}).diagnostics
}

describe('examples fit the incident', () => {
  it('a breach notice gets breach examples, never a price', () => {
    const found = lintBreach(BREACH, 'en', 'data-breach')
    const humour = found.find((d) => d.ruleId === 'humour')
    expect(humour?.note).toContain(incidentExamples.humour.en['data-breach'] as string)
    const evasive = found.filter((d) => d.ruleId === 'evasive-wording')
    expect(evasive.length).toBeGreaterThan(0)
    for (const d of found) expect(`${d.message} ${d.note ?? ''}`, d.ruleId).not.toMatch(/\bpric(e|es|ed|ing)\b/i)
  })

  it('without an incident kind the rule keeps its own example', () => {
    const humour = lintBreach(BREACH, 'en').find((d) => d.ruleId === 'humour')
    expect(humour?.note).toBeDefined()
    expect(humour!.note).not.toContain(incidentExamples.humour.en['data-breach'] as string)
  })

  it('a Polish breach notice gets Polish breach examples, never a price', () => {
    const found = lintBreach(BREACH_PL, 'pl', 'data-breach')
    const humour = found.find((d) => d.ruleId === 'humour')
    expect(humour?.note).toContain(incidentExamples.humour.pl['data-breach'] as string)
    for (const d of found) expect(`${d.message} ${d.note ?? ''}`, d.ruleId).not.toMatch(/\bcen(a|y|ie|ę|ą)\b/i)
  })

  it('every incident kind has examples in both languages for the same messages', () => {
    for (const [id, table] of Object.entries(incidentExamples)) {
      const rule = builtinRules.find((r) => r.id === id)!
      expect(rule.incidentExamples, id).toBe(table)
      expect(Object.keys(table.pl), id).toEqual(Object.keys(table.en))
      for (const [kind, en] of Object.entries(table.en)) {
        const pl = table.pl[kind as keyof typeof table.pl]
        const keys = (e: unknown): string[] => (typeof e === 'string' ? [] : Object.keys(e as object).sort())
        expect(keys(pl), `${id} ${kind}`).toEqual(keys(en))
      }
    }
  })

  // An example that the same rule would flag teaches the wrong thing.
  for (const id of ['humour', 'evasive-wording', 'vague-wording', 'missing-apology', 'missing-explanation'] as const) {
    it(`${id}: its incident examples pass the rule`, () => {
      for (const language of ['en', 'pl'] as const) {
        for (const examples of Object.values(incidentExamples[id][language])) {
          for (const example of typeof examples === 'string' ? [examples] : Object.values(examples ?? {})) {
            const flagged = lintSync(example, {format: 'text', language, rules: {[id]: 'error'}}).diagnostics.filter((d) => d.ruleId === id)
            expect(
              flagged.map((d) => d.message),
              example,
            ).toEqual([])
          }
        }
      }
    })
  }
})

describe('incident subject examples', () => {
  it('pass unclear-subject as subjects', () => {
    for (const language of ['en', 'pl'] as const) {
      for (const subject of Object.values(incidentExamples['unclear-subject'][language]) as string[]) {
        const body = incidentExamples['missing-apology'][language]['wrong-link'] as string
        const flagged = lintSync(body, {format: 'text', language, subject, rules: {'unclear-subject': 'error'}}).diagnostics.filter(
          (d) => d.ruleId === 'unclear-subject',
        )
        expect(
          flagged.map((d) => d.message),
          subject,
        ).toEqual([])
      }
    }
  })
})

describe('explain', () => {
  it('shows each message with its note, and the examples by incident kind', () => {
    const text = explainRule('humour')!
    const rule = builtinRules.find((r) => r.id === 'humour')!
    for (const [id, message] of Object.entries(rule.messages)) {
      expect(text).toContain(`${id}: ${message}`)
      expect(text).toContain(rule.notes![id]!)
    }
    expect(text).toContain(incidentExamples.humour.en['data-breach'] as string)
  })
})
