/**
 * The shared finders (rules/shared/apology.ts, rules/shared/errors.ts) answer
 * once per block or sentence and reuse the answer for every rule that asks.
 * These tests compare them with their old, uncached definitions over every
 * fixture, asked in different orders.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {defineRule, lint} from '../src/index.js'
import type {Block} from '../src/document.js'
import {PhraseMatcher, type PhraseHit} from '../src/language.js'
import type {RuleContext} from '../src/rule.js'
import {apologyPhrases, findApologyHits, isApology, type ApologyHit, type ApologyPhrase, type FindApologyOptions} from '../rules/shared/apology.js'
import {errorStatementBefore, findErrorStatements, isErrorStatement} from '../rules/shared/errors.js'

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname

function fixtureFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...fixtureFiles(path))
    else if (/\.(html?|txt|md|eml)$/i.test(name) && name !== 'README.md' && name !== 'LABELLING.md') out.push(path)
  }
  return out
}

const matchers = new Map<string, PhraseMatcher<ApologyPhrase>>()
const plain = (key: string, entries: readonly ApologyPhrase[]): PhraseMatcher<ApologyPhrase> => {
  let m = matchers.get(key)
  if (!m) matchers.set(key, (m = new PhraseMatcher(entries)))
  return m
}

/** findApologyHits as it was before answers were cached per block: a plain matcher, every sentence searched each time. */
function oldFindApologyHits(context: RuleContext<unknown, unknown>, blocks: readonly Block[], options: FindApologyOptions = {}): ApologyHit[] {
  const language = context.language
  const matcher = plain(`apology:${language}`, apologyPhrases[language])
  const extra = options.extra && options.extra.length > 0 ? options.extra : undefined
  const extraMatcher = extra ? plain(`extra:${language}:${extra.map((e) => e.phrase).join('|')}`, extra) : undefined
  const hits: ApologyHit[] = []
  for (const block of blocks) {
    if (!block.prose) continue
    for (const sentence of context.sentencesOf(block)) {
      const accept = (hit: PhraseHit<ApologyPhrase>): boolean =>
        !(options.explicitOnly && hit.entry.explicit === false) && isApology(hit, sentence.tokens, block.text, language)
      const found = matcher.find(sentence.tokens, block.text, accept)
      if (extraMatcher) found.push(...extraMatcher.find(sentence.tokens, block.text, accept))
      if (found.length === 0) continue
      if (extraMatcher) found.sort((a, b) => a.start - b.start)
      for (const hit of found) hits.push({block, start: hit.start, end: hit.end, entry: hit.entry})
    }
  }
  return hits
}

const plainHits = (hits: readonly ApologyHit[]) => hits.map((h) => [h.block.text.slice(h.start, h.end), h.start, h.end, h.entry.phrase, h.block.kind])

/** Runs `check` with the context of a test rule over every fixture, collecting what it returns. */
async function overFixtures(id: string, check: (context: RuleContext<unknown, unknown>) => unknown): Promise<number> {
  let checked = 0
  const probe = defineRule({
    id,
    languages: {en: {}, pl: {}},
    usesNlp: true,
    docs: {summary: 'Test.', why: 'Test.', fix: 'Test.'},
    messages: {never: 'never'},
    create(context) {
      check(context as RuleContext<unknown, unknown>)
      checked++
    },
  })
  const ids = (await import('../rules/index.js')).builtinRules.map((r) => r.id)
  for (const file of fixtureFiles(FIXTURES)) {
    const source = readFileSync(file, 'utf8')
    await lint(source, {filename: file, plugins: [probe], rules: {...Object.fromEntries(ids.map((r) => [r, 'off'] as const)), [id]: 'warn'}})
  }
  return checked
}

function allBlocks(context: RuleContext<unknown, unknown>): Block[] {
  const {document} = context
  const blocks: Block[] = []
  if (document.subject) blocks.push(document.subject)
  if (document.preheader) blocks.push(document.preheader)
  blocks.push(...document.blocks)
  for (const part of document.parts) blocks.push(...part.blocks)
  return blocks
}

describe('findApologyHits answers once per block', () => {
  it('finds what the uncached definition finds on every fixture, whichever variant is asked first', async () => {
    const checked = await overFixtures('apology-cache-test', (context) => {
      const blocks = allBlocks(context)
      const variants: FindApologyOptions[] = [
        {explicitOnly: true},
        {},
        {extra: [{phrase: 'mea culpa'}, {phrase: 'our bad'}]},
        {explicitOnly: true, extra: [{phrase: 'sorry*'}]},
      ]
      // Explicit first for half of the blocks, all first for the other half; then whole lists, twice.
      blocks.forEach((block, i) => {
        const order = i % 2 === 0 ? variants : [...variants].reverse()
        for (const options of order)
          expect(plainHits(findApologyHits(context, [block], options))).toEqual(plainHits(oldFindApologyHits(context, [block], options)))
      })
      for (let round = 0; round < 2; round++) {
        for (const options of variants)
          expect(plainHits(findApologyHits(context, blocks, options))).toEqual(plainHits(oldFindApologyHits(context, blocks, options)))
      }
      // Every call returns new hit objects.
      const a = findApologyHits(context, blocks)
      const b = findApologyHits(context, blocks)
      a.forEach((hit, i) => expect(hit).not.toBe(b[i]))
    })
    expect(checked).toBeGreaterThan(100)
  })

  it('keeps negated, sarcastic and look-alike phrases out, and ownership out of the explicit variant', async () => {
    const cases: [string, number, number][] = [
      ['We regret to inform you that the sale has ended. Our mistake, we are sorry.', 2, 1],
      ["We're not sorry. Sorry not sorry. We can't apologise enough for this.", 1, 1],
      ['Sorry to hear that. We regret the error and our mistake.', 2, 0],
    ]
    for (const [text, all, explicit] of cases) {
      let got: [number, number] | undefined
      const probe = defineRule({
        id: 'apology-cases-test',
        languages: {en: {}, pl: {}},
        docs: {summary: 'Test.', why: 'Test.', fix: 'Test.'},
        messages: {never: 'never'},
        create(context) {
          const blocks = context.document.blocks
          const e = findApologyHits(context as RuleContext<unknown, unknown>, blocks, {explicitOnly: true})
          const a = findApologyHits(context as RuleContext<unknown, unknown>, blocks)
          expect(plainHits(e)).toEqual(plainHits(oldFindApologyHits(context as RuleContext<unknown, unknown>, blocks, {explicitOnly: true})))
          expect(plainHits(a)).toEqual(plainHits(oldFindApologyHits(context as RuleContext<unknown, unknown>, blocks)))
          got = [a.length, e.length]
        },
      })
      await lint(text, {format: 'text', language: 'en', plugins: [probe], rules: {'apology-cases-test': 'warn'}})
      expect(got).toEqual([all, explicit])
    }
  })
})

describe('isErrorStatement answers once per sentence', () => {
  it('gives the same answers asked again, in any order and through findErrorStatements', async () => {
    const checked = await overFixtures('errors-cache-test', (context) => {
      const sentences = allBlocks(context)
        .filter((b) => b.prose)
        .flatMap((b) => context.sentencesOf(b))
      const first = sentences.map((s) => isErrorStatement(context, s))
      expect([...sentences].reverse().map((s) => isErrorStatement(context, s))).toEqual([...first].reverse())
      const blocks = context.document.blocks
      const spans = findErrorStatements(context, blocks).map((s) => [s.block.text, s.start, s.end])
      const expected = blocks
        .filter((b) => b.prose)
        .flatMap((b) => context.sentencesOf(b).filter((s) => first[sentences.indexOf(s)]))
        .map((s) => [s.block.text, s.start, s.end])
      expect(spans).toEqual(expected)
    })
    expect(checked).toBeGreaterThan(100)
  })
})

describe('errorStatementBefore', () => {
  it('returns the first statement of the block when it starts before the offset, on every fixture', async () => {
    let compared = 0
    await overFixtures('errors-before-test', (context) => {
      for (const block of allBlocks(context)) {
        const offsets = [0, block.text.length, ...context.sentencesOf(block).flatMap((s) => [s.start, s.start + 1, s.end])]
        for (const before of offsets) {
          const old = findErrorStatements(context, [block], 1)[0]
          const expected = old && old.start < before ? old : undefined
          expect(errorStatementBefore(context, block, before)).toEqual(expected)
          compared++
        }
      }
    })
    expect(compared).toBeGreaterThan(1000)
  })
})
