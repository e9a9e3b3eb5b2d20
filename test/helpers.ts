/**
 * Test helpers: the position property every parser must keep, and fixture loading.
 */
import {decodeHTML} from 'entities'
import type {Block} from '../src/document.js'
import {tokenize} from '../src/language.js'
import {defineRule, type RuleContext} from '../src/rule.js'

/** Collapses white space (and no-break spaces) the way visible text does. */
export function squashSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim()
}

/** What a reader sees of an HTML source fragment: tags and comments removed, entities decoded. */
export function visibleHtml(fragment: string): string {
  return squashSpace(
    decodeHTML(
      fragment
        .replace(/<!--[^]*?-->/g, ' ')
        .replace(/<br\b[^>]*>/gi, ' ')
        .replace(/<[^>]*>/g, ''),
    ).replace(/\u00a0/g, ' '),
  )
}

/**
 * Checks the position property on a block: every word, and every run of up to
 * four words, maps to a source span that reads as the same text once decoded.
 * Returns the failures (empty when the property holds).
 */
export function positionFailures(source: string, block: Block, decode: (fragment: string) => string): string[] {
  const failures: string[] = []
  const tokens = tokenize(block.text)
  for (let i = 0; i < tokens.length; i++) {
    for (let n = 1; n <= 4 && i + n <= tokens.length; n++) {
      const a = tokens[i]!.start
      const b = tokens[i + n - 1]!.end
      const s = block.map.start(a)
      const e = block.map.end(b)
      const want = squashSpace(block.text.slice(a, b))
      if (!(s >= 0 && s <= e && e <= source.length)) {
        failures.push(`bad range [${s}, ${e}) for "${want}"`)
        continue
      }
      const got = decode(source.slice(s, e))
      if (got !== want) failures.push(`"${want}" → source [${s}, ${e}) reads "${got}"`)
    }
  }
  return failures
}

/**
 * A rule for tests that reports nothing and only runs `create` with the rule
 * context, so a test can call the shared detectors (statements, steps) the way
 * the rules do. Pass it as a plugin with `rules: {[id]: 'warn'}`.
 */
export function probeRule(id: string, create: (context: RuleContext<unknown, unknown>) => void) {
  return defineRule({
    id,
    languages: {en: {}, pl: {}},
    usesNlp: true,
    docs: {summary: 'Test.', why: 'Test.', fix: 'Test.'},
    messages: {never: 'never'},
    create: (context) => create(context as RuleContext<unknown, unknown>),
  })
}
