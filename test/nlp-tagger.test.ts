import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import nlp from 'compromise'
import {describe, expect, it} from 'vitest'
import {splitSentences} from '../src/language.js'
import {type Compromise, fastBulkMatch, MAX_NLP_CHARS, tagger} from '../src/nlp-tagger.js'
import {buildDocument} from '../src/parse/index.js'
import {readingEnd} from '../src/engine.js'

type Term = {text: string; tags: string[]}

const terms = (json: unknown[]): Term[] => (json as {terms: Term[]}[]).flatMap((s) => s.terms.map((t) => ({text: t.text, tags: [...t.tags].sort()})))

/** Every English prose sentence of the bundled fixtures (the examples and the held-out set). */
async function fixtureSentences(): Promise<string[]> {
  const out: string[] = []
  for (const dir of ['fixtures/examples', 'fixtures/holdout']) {
    for (const file of readdirSync(dir).sort()) {
      if (!/\.(html?|txt|md|eml)$/.test(file)) continue
      const document = await buildDocument(readFileSync(join(dir, file), 'utf8'), {filename: file})
      if (document.language !== 'en') continue
      document.blocks.forEach((block, i) => {
        if (block.prose) for (const s of splitSentences(block, i, 'en')) out.push(s.text)
      })
    }
  }
  return out
}

/** Every English prose sentence of ../shared/corpus, when that folder is beside the project (CI has it). */
async function corpusSentences(): Promise<string[]> {
  const dir = '../shared/corpus'
  let files: string[]
  try {
    files = readdirSync(dir).sort()
  } catch {
    return []
  }
  const out: string[] = []
  for (const file of files) {
    if (!/\.(html?|txt|md|eml)$/.test(file) || file === 'README.md') continue
    const document = await buildDocument(readFileSync(join(dir, file), 'utf8'), {filename: file})
    if (document.language !== 'en') continue
    document.blocks.forEach((block, i) => {
      if (block.prose) for (const s of splitSentences(block, i, 'en')) out.push(s.text)
    })
  }
  return out
}

describe('the tagger handed to rules', () => {
  const analyse = tagger(nlp as unknown as Compromise)

  it('gives every term the tags of compromise’s full pipeline, on every English sentence of the fixtures', async () => {
    const sentences = await fixtureSentences()
    expect(sentences.length).toBeGreaterThan(500)
    const differing: string[] = []
    for (const text of sentences) {
      const ours = terms(analyse(text).json())
      const theirs = terms(nlp(text).json())
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) differing.push(text)
    }
    expect(differing).toEqual([])
  })

  it('picks the same post-tagger patterns in the same order as compromise’s own bulkMatch, on every English sentence of the fixtures and the corpus', async () => {
    const sentences = [...(await fixtureSentences()), ...(await corpusSentences())]
    type Sweep = (document: unknown[][], net: unknown, methods: unknown, opts?: unknown) => unknown[]
    const one = (nlp.world() as unknown as {methods: {one: {bulkMatch: Sweep}}}).methods.one
    const original = one.bulkMatch
    const summary = (found: unknown[]): string =>
      JSON.stringify(
        found.map((f) => {
          const {match, pointer, tag, unTag} = f as {match: string; pointer: number[]; tag?: unknown; unTag?: unknown}
          return [match, pointer, tag, unTag]
        }),
      )
    let sweeps = 0
    let nonEmpty = 0
    const differing: string[] = []
    let current = ''
    one.bulkMatch = (document, net, methods, opts) => {
      const theirs = original(document, net, methods, opts)
      const ours = fastBulkMatch(document as never, net as never, methods as never, opts as never)
      sweeps++
      if (theirs.length > 0) nonEmpty++
      if (summary(ours) !== summary(theirs)) differing.push(current)
      return theirs
    }
    try {
      for (const text of sentences) {
        current = text
        nlp(text).match('#Verb').found
      }
    } finally {
      one.bulkMatch = original
    }
    // Every sentence goes through the post-tagger's sweep and .match()'s; most post-tagger sweeps find something.
    expect(sweeps).toBeGreaterThanOrEqual(2 * sentences.length)
    expect(nonEmpty).toBeGreaterThan(sentences.length / 2)
    expect(differing).toEqual([])
  })

  it('finds the same matches and offsets as compromise for the patterns rules use', () => {
    const text = 'Reply to this email or call us on 0117 555 0160 if the wrong price was charged on 4 March.'
    for (const pattern of ['#Verb', '(#Noun && !#Pronoun && !#Possessive && !#Date)', '(#Value|#Date)']) {
      const offsets = (out: {text: string; offset: {start: number; length: number}}[]) => out.map((o) => [o.text, o.offset.start, o.offset.length])
      expect(offsets(analyse(text).match(pattern).out('offset'))).toEqual(offsets(nlp(text).match(pattern).out('offset')))
    }
    expect(analyse(text).has('#Imperative')).toBe(true)
  })

  it('leaves compromise’s own pipeline as it was, for other users of compromise in the same process', () => {
    const world = nlp.world() as unknown as {hooks: string[]; methods: {one: {bulkMatch: unknown}}}
    const hooks = (): string[] => world.hooks
    const before = [...hooks()]
    const bulkMatch = world.methods.one.bulkMatch
    analyse('We sent the wrong receipt.')
    expect(hooks()).toEqual(before)
    expect(world.methods.one.bulkMatch).toBe(bulkMatch)
    expect(bulkMatch).not.toBe(fastBulkMatch)
    expect(before).toContain('chunks')
  })

  it('cuts a run-on sentence to the longest that compromise is given', () => {
    const long = `${'word '.repeat(MAX_NLP_CHARS)}end`
    expect(analyse(long).text().length).toBeLessThanOrEqual(MAX_NLP_CHARS)
  })
})

describe('what of a sentence compromise reads (readingEnd)', () => {
  const read = (text: string): string => text.slice(0, readingEnd(text))

  it('drops white space and invisible padding at the end', () => {
    expect(read('A correction to last week’s email. \u200c\u00a0\u200c\u00a0\u200c ')).toBe('A correction to last week’s email.')
    expect(read('Sorry\u200b\u2060\ufeff\u034f\u00ad\u3000')).toBe('Sorry')
  })

  it('drops a heading’s underline of three or more of one character, set apart from the words', () => {
    expect(read('What you need to do -------------------')).toBe('What you need to do')
    expect(read('What happened\n=============  ')).toBe('What happened')
    expect(read('Steps ___ *** ~~~')).toBe('Steps')
  })

  it('keeps what is part of the words', () => {
    for (const text of ['Call us on 0800 555 0100 --', 'It was broken---', 'Use code SPRING-- today', 'e-mail', 'ok ==', 'Read this -=-=-=', 'We are sorry.']) {
      expect(read(text)).toBe(text.trimEnd())
    }
    expect(read('')).toBe('')
    expect(read(' \u200c ----- ')).toBe('')
  })

  it('is linear on a long run of padding and rules', () => {
    const text = `word ${'- '.repeat(50_000)}${'-'.repeat(100_000)}`
    // Every step moves the end left: this returns at once (a quadratic scan would take minutes).
    expect(read(text)).toBe(`word ${'- '.repeat(50_000)}`.trimEnd())
  })
})
