/**
 * Cheap prefilters and rewritten helpers in rules must agree with the definitions they replace:
 * a prefilter may only skip text in which the full check finds nothing.
 */
import {readdirSync, readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {PhraseMatcher, splitSentences, tokenize} from '../src/language.js'
import {mayHoldPhrase, phraseKeys} from '../rules/no-reply-sender/index.js'
import noReplyEn from '../rules/no-reply-sender/en.js'
import noReplyPl from '../rules/no-reply-sender/pl.js'
import {textHasUrl} from '../rules/missing-action-steps/detect.js'
import humourEn from '../rules/humour/en.js'
import vagueEn from '../rules/vague-wording/en.js'
import vaguePl from '../rules/vague-wording/pl.js'

/** Every email fixture, by path. */
function fixtureFiles(): string[] {
  const out: string[] = []
  for (const dir of readdirSync('fixtures', {withFileTypes: true})) {
    if (!dir.isDirectory()) continue
    for (const file of readdirSync(`fixtures/${dir.name}`)) if (/\.(html?|txt|md|eml)$/.test(file)) out.push(`fixtures/${dir.name}/${file}`)
  }
  return out
}

describe('no-reply-sender block prefilter', () => {
  const lexicons = [noReplyEn, noReplyPl]

  it('builds keys for both languages', () => {
    for (const lexicon of lexicons) expect(phraseKeys(lexicon.phrases)?.length).toBeGreaterThan(0)
  })

  it('never skips a text in which the matcher finds a phrase', () => {
    for (const lexicon of lexicons) {
      const matcher = new PhraseMatcher(lexicon.phrases)
      const keys = phraseKeys(lexicon.phrases)!
      const words = [...new Set(lexicon.phrases.flatMap((p) => p.phrase.split(/\s+/)).map((w) => w.replace('*', '')))]
      const variants = fc
        .constantFrom(...words)
        .chain((w) =>
          fc.constantFrom(
            w,
            w.toUpperCase(),
            w[0]!.toUpperCase() + w.slice(1),
            w.replace("'", '’'),
            `${w}ing`,
            w.replace(/i/g, 'İ'),
            w.replace(/k/g, '\u212a'),
          ),
        )
      fc.assert(
        fc.property(fc.array(fc.oneof(variants, fc.constantFrom('the', 'a', '.', ',', ' ', '!', 'x')), {maxLength: 12}), (parts) => {
          const text = parts.join(' ')
          if (matcher.find(tokenize(text), text).length > 0) expect(mayHoldPhrase(text, keys), text).toBe(true)
        }),
        {numRuns: 3000},
      )
    }
  })

  it('passes every fixture block in which the matcher finds a phrase', async () => {
    const {buildDocument} = await import('../src/parse/index.js')
    for (const file of fixtureFiles()) {
      const document = await buildDocument(readFileSync(file, 'utf8'), {filename: file})
      const lexicon = document.language === 'pl' ? noReplyPl : noReplyEn
      const matcher = new PhraseMatcher(lexicon.phrases)
      const keys = phraseKeys(lexicon.phrases)!
      document.blocks.forEach((block, i) => {
        const found = splitSentences(block, i, document.language).some((s) => matcher.find(s.tokens, block.text).length > 0)
        if (found) expect(mayHoldPhrase(block.text, keys), `${file}: ${block.text}`).toBe(true)
      })
    }
  })
})

describe("PhraseMatcher.find with an accept test, on the rules' lexicons", () => {
  it('gives the plain longest-match hits when accept keeps them all, and only accepted hits otherwise', () => {
    const lists = [noReplyEn.phrases, noReplyPl.phrases, humourEn.phrases, vagueEn.phrases, vagueEn.quantifiers, vaguePl.phrases]
    for (const entries of lists) {
      const matcher = new PhraseMatcher(entries)
      const words = [...new Set(entries.flatMap((p) => p.phrase.split(/\s+/)).map((w) => w.replace('*', '')))]
      fc.assert(
        fc.property(
          fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom('the', 'x', 'ing', ',')), {maxLength: 16}),
          fc.integer({min: 0, max: 1 << 30}),
          (parts, seed) => {
            const text = parts.join(' ')
            const tokens = tokenize(text)
            // A deterministic accept that rejects some hits by where they start and end.
            const accept = (h: {start: number; end: number; firstToken: number}): boolean => ((h.start * 31 + h.end + seed) & 3) !== 0
            expect(matcher.find(tokens, text, () => true)).toEqual(matcher.find(tokens, text))
            const kept = matcher.find(tokens, text, accept)
            for (const hit of kept) expect(accept(hit)).toBe(true)
            // A plain hit that accept keeps is found with accept too, unless an accepted hit overlaps it.
            for (const hit of matcher.find(tokens, text).filter(accept))
              expect(kept.some((k) => k.firstToken < hit.lastToken && hit.firstToken < k.lastToken)).toBe(true)
          },
        ),
        {numRuns: 1500},
      )
    }
  })
})

describe('textHasUrl', () => {
  /** The definition it replaces. */
  const reference = (text: string): boolean => {
    const lower = text.toLowerCase()
    return lower.includes('http://') || lower.includes('https://') || lower.includes('www.')
  }

  it('agrees with lower-casing and searching', () => {
    const pieces = fc.constantFrom(
      'h',
      'H',
      't',
      'T',
      'p',
      'P',
      's',
      'S',
      'w',
      'W',
      ':',
      '/',
      '.',
      'İ',
      '\u212a',
      'x',
      ' ',
      'http',
      'HTTPS://',
      'www',
      'WwW.',
      'ß',
      'Σ',
    )
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(pieces, {maxLength: 20}).map((a) => a.join('')),
          fc.string({unit: 'binary', maxLength: 40}),
        ),
        (text) => {
          expect(textHasUrl(text), text).toBe(reference(text))
        },
      ),
      {numRuns: 5000},
    )
  })
})

describe('findActionSteps certainOnly', () => {
  /** Every fixture, the bench emails and, with many sentences, a fixture repeated (the budget guard must then return nothing). */
  function emails(): string[] {
    const out = fixtureFiles()
    for (const file of readdirSync('bench/emails')) if (/\.(html?|txt|md|eml)$/.test(file)) out.push(`bench/emails/${file}`)
    return out
  }

  it('finds only steps the full scan finds, and settles an email only as the full scan does', async () => {
    const {defineRule, lint} = await import('../src/index.js')
    const {findActionSteps} = await import('../rules/missing-action-steps/detect.js')
    const {builtinRules} = await import('../rules/index.js')
    type Step = {span: {block: {text: string}; start: number; end: number}; hasMeans: boolean; means: string}
    const key = (s: Step) => `${s.span.block.text}|${s.span.start}|${s.span.end}|${s.hasMeans}|${s.means}`
    let compared = 0
    let settled = 0
    const probe = defineRule({
      id: 'certain-probe',
      languages: {en: {}, pl: {}},
      usesNlp: true,
      docs: {summary: 'Test.', why: 'Test.', fix: 'Test.'},
      messages: {never: 'never'},
      create(context) {
        const shared = context as never
        const blocks = context.document.blocks
        const rules: ((s: Step) => boolean)[] = [(s) => s.hasMeans, () => true, (s) => s.means !== 'contact']
        // The certain scan first, as the rules run it: the full scans after it see the same caches.
        const certain = rules.map((stopWhen) => findActionSteps(shared, blocks, undefined, {stopWhen, certainOnly: true}) as Step[])
        const all = (findActionSteps(shared, blocks) as Step[]).map(key)
        rules.forEach((stopWhen, i) => {
          for (const step of certain[i]!) expect(all, key(step)).toContain(key(step))
          if (certain[i]!.some(stopWhen)) {
            settled++
            expect((findActionSteps(shared, blocks, undefined, {stopWhen}) as Step[]).some(stopWhen)).toBe(true)
          }
        })
        compared++
      },
    })
    const ids = builtinRules.map((r) => r.id)
    for (const file of emails()) {
      const source = readFileSync(file, 'utf8')
      await lint(source, {filename: file, plugins: [probe], rules: {...Object.fromEntries(ids.map((r) => [r, 'off'] as const)), 'certain-probe': 'warn'}})
    }
    expect(compared).toBeGreaterThan(100)
    expect(settled).toBeGreaterThan(20)
  })
})

describe('sentenceBound', () => {
  it('is never below the number of sentences a block splits into', async () => {
    const {sentenceBound} = await import('../src/language.js')
    const {buildDocument} = await import('../src/parse/index.js')
    const block = (text: string) => ({text, kind: 'paragraph', prose: true}) as never
    const pieces = fc.constantFrom(
      'We',
      'are',
      'sorry',
      '.',
      '!',
      '?',
      '…',
      ' ',
      '\n',
      '\r\n',
      '\u2029',
      '\u0085',
      '。',
      '؟',
      '।',
      'Dr',
      'e.g',
      '"',
      ')',
      '1.5',
      '🙈',
      '\u000b',
      '‼',
    )
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(pieces, {maxLength: 60}).map((a) => a.join('')),
          fc.string({unit: 'binary', maxLength: 200}),
        ),
        (text) => {
          expect(sentenceBound(text)).toBeGreaterThanOrEqual(splitSentences(block(text), 0, 'en').length)
          expect(sentenceBound(text)).toBeGreaterThanOrEqual(splitSentences(block(text), 0, 'pl').length)
        },
      ),
      {numRuns: 3000},
    )
    for (const file of fixtureFiles()) {
      const document = await buildDocument(readFileSync(file, 'utf8'), {filename: file})
      document.blocks.forEach((b, i) => {
        expect(sentenceBound(b.text), `${file}: ${b.text}`).toBeGreaterThanOrEqual(splitSentences(b, i, document.language).length)
      })
    }
  })
})
