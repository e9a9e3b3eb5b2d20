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
