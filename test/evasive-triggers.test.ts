/**
 * evasive-wording looks every token up in its word lists once, through one
 * merged table (Triggers); it must answer as each list's wordList().has.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {tokenize} from '../src/language.js'
import {evasiveLexicons, TRIGGER_BITS, triggersOf} from '../rules/evasive-wording/find.js'
import type {EvasiveLexicon} from '../rules/evasive-wording/lexicon.js'
import {wordList} from '../rules/shared/scan.js'

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname

function fixtureText(dir: string): string {
  let out = ''
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out += fixtureText(path)
    else if (/\.(html?|txt|md|eml)$/i.test(name)) out += `${readFileSync(path, 'utf8')}\n`
  }
  return out
}

const lists = (lexicon: EvasiveLexicon): [readonly string[], number][] => [
  [lexicon.harm.regretVerbs, TRIGGER_BITS.REGRET],
  [lexicon.passive.cues, TRIGGER_BITS.CUE],
  [lexicon.harm.nouns, TRIGGER_BITS.HARM_NOUN],
  [lexicon.minimiser.adverbs, TRIGGER_BITS.ADVERB],
  [lexicon.minimiser.adjectives, TRIGGER_BITS.ADJECTIVE],
  [lexicon.informant.companies, TRIGGER_BITS.COMPANY],
  [lexicon.informant.verbs, TRIGGER_BITS.INFORM_VERB],
  [lexicon.actor.things, TRIGGER_BITS.THING],
]

describe('evasive-wording triggers', () => {
  const words = new Set(tokenize(fixtureText(FIXTURES)).map((t) => t.norm))
  for (const [language, lexicon] of Object.entries(evasiveLexicons)) {
    for (const [list] of lists(lexicon)) {
      for (const w of list) {
        const word = w.toLowerCase().replace(/’/g, "'").replace(/\*$/, '')
        words.add(word)
        words.add(`${word}s`)
        words.add(word.slice(0, -1))
      }
    }
    const triggers = triggersOf(lexicon)
    const check = (norm: string): void => {
      const bits = triggers.of(norm)
      for (const [list, bit] of lists(lexicon)) expect([norm, (bits & bit) !== 0]).toEqual([norm, wordList(list).has(norm)])
    }

    it(`answers as every word list on every fixture word and lexicon word (${language})`, () => {
      expect(words.size).toBeGreaterThan(1000)
      for (const norm of words) check(norm)
    })

    it(`answers as every word list on any word (${language})`, () => {
      const pieces = [...words].slice(0, 400)
      fc.assert(
        fc.property(fc.constantFrom(...pieces), fc.string({maxLength: 4}), (word, tail) => check(word + tail.toLowerCase())),
        {numRuns: 3000},
      )
    })
  }
})
