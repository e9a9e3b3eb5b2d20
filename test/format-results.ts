/**
 * Lint results for the output-format tests: real `lint()` runs with a plugin
 * rule whose messages carry every character a format has to escape, plus a
 * suppressed finding, a clean file, standard input and a parse error.
 */
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {Parser} from 'htmlparser2'
import {SaxesParser} from 'saxes'
import {expect} from 'vitest'
import {z} from 'zod'
import {allRules, lint, parseErrorResult, type LintResult} from '../src/lint.js'
import {defineRule, type AnyRule, type Severity} from '../src/rule.js'
import {tokenize} from '../src/language.js'
import {builtinRules} from '../rules/index.js'

/** Flags the configured words; `extra` is appended to the message, so tests can put hostile characters in it. */
export const flagWord = defineRule({
  id: 'flag-word',
  languages: {en: {}, pl: {}},
  docs: {
    summary: 'Flags chosen words <for tests> & "quotes".',
    why: 'Tests need findings at exact places.',
    fix: 'Remove the word.',
  },
  options: z
    .object({
      words: z.array(z.string()).default([]),
      info: z.array(z.string()).default([]),
      errors: z.array(z.string()).default([]),
      extra: z.string().default(''),
      phrases: z.array(z.string()).default([]),
    })
    .strict(),
  messages: {found: 'Flagged `{word}`{extra}'},
  create(context) {
    const {words, info, errors, extra, phrases} = context.options
    // Every body part of an .eml, not only the primary one, so that tests get findings in the plain-text part too.
    const blocks = new Set([...context.document.blocks, ...context.document.parts.flatMap((p) => p.blocks)])
    for (const block of blocks) {
      // Phrases match the visible text, so they may cross tags in the source.
      for (const phrase of phrases) {
        const at = block.text.indexOf(phrase)
        if (at >= 0) context.report({messageId: 'found', data: {word: phrase, extra}, span: {block, start: at, end: at + phrase.length}})
      }
      for (const token of tokenize(block.text)) {
        const word = block.text.slice(token.start, token.end)
        const key = word.toLowerCase()
        let severity: Severity | undefined
        if (errors.includes(key)) severity = 'error'
        else if (info.includes(key)) severity = 'info'
        else if (!words.includes(key)) continue
        context.report({
          messageId: 'found',
          data: {word, extra},
          span: {block, start: token.start, end: token.end},
          ...(severity ? {severity} : {}),
        })
      }
    }
  },
})

/** Every built-in rule off, so that the tests do not depend on the rules' wording. */
export const allOff: Record<string, 'off'> = Object.fromEntries(builtinRules.map((r) => [r.id, 'off']))

/** What a hostile message carries: markup, quotes, a percent sign, property separators, a newline, CR and control characters. */
export const HOSTILE = ` <b>"it's" & 100%</b>, a:b\r\nnext\u0001\u001b[31m\u0007`

export const CWD = '/work/project'

/** The plugin list and every rule the run knows. */
export const plugins: readonly AnyRule[] = [flagWord]
export const rules: readonly AnyRule[] = allRules(plugins)

/** The HTML email of the fixtures: an astral character before a flagged word, a flagged word across a tag, and a suppressed one. */
export const HTML_SOURCE = [
  '<!doctype html>',
  '<html><head><title>Sorry</title></head><body>',
  '<p>Hi Ana 😀 we are sorry: oops, the <b>price</b> was wrong.</p>',
  '<!-- apology-lint-disable-next-block flag-word -- legal asked for "oops" & <this> -->',
  '<p>Another oops here.</p>',
  '<p>Please do not reply.</p>',
  '</body></html>',
  '',
].join('\n')

/** Builds the sample results (fresh each call). */
export async function sampleResults(): Promise<LintResult[]> {
  const html = await lint(HTML_SOURCE, {
    filename: `${CWD}/emails/sorry now.html`,
    from: 'Acme <noreply@acme.example>',
    subject: 'About your order',
    plugins,
    rules: {...allOff, 'no-reply-sender': 'error', 'flag-word': ['warn', {words: ['oops'], info: ['price'], phrases: ['price was wrong'], extra: HOSTILE}]},
  })
  const text = await lint('Hello,\nWe are sorry. Maybe oops.\n', {
    filename: `${CWD}/emails/plain.txt`,
    plugins,
    rules: {...allOff, 'flag-word': ['warn', {errors: ['maybe'], words: ['oops']}]},
  })
  const clean = await lint('<p>We are sorry: the price in yesterday’s email was wrong.</p>', {
    filename: `${CWD}/emails/clean.html`,
    plugins,
    rules: {...allOff, 'flag-word': ['warn', {words: ['oops']}]},
  })
  const stdin = await lint('Oops, sorry.', {format: 'text', plugins, rules: {...allOff, 'flag-word': ['warn', {words: ['oops']}]}})
  const broken = parseErrorResult('\u0000\u0001 binary', 'eml', 'not an RFC 5322 message: no headers found', '/elsewhere/broken.eml')
  return [html, text, clean, stdin, broken]
}

/** The well-formedness errors a strict XML 1.0 parser (saxes) finds; empty when the document is well-formed. */
export function xmlErrors(xml: string): string[] {
  const errors: string[] = []
  const parser = new SaxesParser({xmlns: false})
  parser.on('error', (error) => void errors.push(error.message))
  parser.write(xml).close()
  return errors
}

/** Parses XML: strict well-formedness first (saxes, fast-xml-parser's validator), then a tree with attributes. */
export function parseXml(xml: string, arrays: readonly string[] = ['testsuite', 'testcase']): Record<string, unknown> {
  expect(xmlErrors(xml)).toEqual([])
  expect(XMLValidator.validate(xml)).toBe(true)
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name, _path, _leaf, isAttribute) => !isAttribute && arrays.includes(name),
    htmlEntities: true,
    trimValues: false,
  })
  return parser.parse(xml) as Record<string, unknown>
}

/** Collects every element's attributes with htmlparser2 in XML mode (a second, independent parser). */
export function elementsOf(xml: string, name: string): Record<string, string>[] {
  const found: Record<string, string>[] = []
  const parser = new Parser({onopentag: (tag, attrs) => void (tag === name && found.push(attrs))}, {xmlMode: true, decodeEntities: true})
  parser.end(xml)
  return found
}
