/**
 * Cheap prefilters and rewritten helpers in rules must agree with the definitions they replace:
 * a prefilter may only skip text in which the full check finds nothing.
 */
import {readdirSync, readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {probeRule} from './helpers.js'
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
  /**
   * The definition: a scheme or `www.`, or a bare host with a path ("libraries.example.gov.uk/renew"): a whole run of
   * host characters, not after `@`, `/`, `:` or a backslash, not starting with a dot or holding two, whose last label is
   * letters, then `/` and a host character, `#` or `?`.
   */
  const BARE = /(?:^|[^A-Za-z0-9.\-@/:\\])(?!\.)(?![A-Za-z0-9.-]*\.\.)[A-Za-z0-9.-]*\.[A-Za-z]{2,}\/[A-Za-z0-9#?-]/
  const reference = (text: string): boolean => {
    const lower = text.toLowerCase()
    return lower.includes('http://') || lower.includes('https://') || lower.includes('www.') || BARE.test(text)
  }

  it('reads a bare address with a path as a web address, and not dates, versions, paths or email addresses', () => {
    expect(textHasUrl('Renew them at libraries.example.gov.uk/renew or in the app.')).toBe(true)
    expect(textHasUrl('Go to acme.example/refunds?order=1 to claim.')).toBe(true)
    for (const text of [
      'Pay 1.5/10 of it',
      'and/or',
      'e.g. this/that',
      'v1.2.3/notes',
      'docs/readme.md',
      'mail ana@acme.example/x',
      'a//b.pl/c',
      'x..pl/y',
      'shop.example/ now',
    ])
      expect(textHasUrl(text), text).toBe(false)
  })

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
      'a.co/x',
      'ex',
      'pl',
      '-',
      '@',
      '#',
      '?',
      '9',
      '\\',
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
    const {lint} = await import('../src/index.js')
    const {findActionSteps} = await import('../rules/missing-action-steps/detect.js')
    const {builtinRules} = await import('../rules/index.js')
    type Step = {span: {block: {text: string}; start: number; end: number}; hasMeans: boolean; means: string}
    const key = (s: Step) => `${s.span.block.text}|${s.span.start}|${s.span.end}|${s.hasMeans}|${s.means}`
    let compared = 0
    let settled = 0
    const probe = probeRule('certain-probe', (context) => {
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
    })
    const ids = builtinRules.map((r) => r.id)
    for (const file of emails()) {
      const source = readFileSync(file, 'utf8')
      await lint(source, {
        filename: file,
        plugins: [probe],
        rules: {...Object.fromEntries(ids.map((r) => [r, 'off'] as const)), 'certain-probe': 'warn'},
        throwOnRuleError: true,
      })
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

describe('part-mismatch finds steps lazily', () => {
  /** The rule's decision as first written: both parts' steps listed in full, then compared. */
  async function eagerProbe() {
    const {defineRule} = await import('../src/index.js')
    const {findActionSteps} = await import('../rules/missing-action-steps/detect.js')
    type Step = {span: {block: {text: string}; start: number; end: number}; hasMeans: boolean; means: string}
    const stepKey = (s: Step) => s.span.block.text.slice(s.span.start, s.span.end).toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ')
    return defineRule({
      id: 'eager-part-mismatch',
      languages: {en: {}, pl: {}},
      usesNlp: true,
      docs: {summary: 'Test.', why: 'Test.', fix: 'Test.'},
      messages: {steps: 'steps', link: 'link'},
      create(context) {
        const shared = context as never
        const html = context.document.parts.find((p) => p.kind === 'html')
        const text = context.document.parts.find((p) => p.kind === 'text')
        if (!html || !text) return
        const at = text.blocks[0]?.sourceStart ?? text.sourceStart
        const htmlSteps = findActionSteps(shared, html.blocks, html.links) as Step[]
        if (htmlSteps.length === 0) return
        const textSteps = findActionSteps(shared, text.blocks, text.links) as Step[]
        const htmlKeys = new Set(htmlSteps.map(stepKey))
        if (!textSteps.some((s) => htmlKeys.has(stepKey(s)))) {
          context.report({messageId: 'steps', at, part: 'text'})
          return
        }
        for (const means of ['link', 'contact']) {
          const acted = htmlSteps.find((s) => s.means === means && s.hasMeans)
          const bare = textSteps.filter((s) => s.means === means)
          if (!acted || bare.length === 0 || bare.some((s) => s.hasMeans)) continue
          context.report({messageId: 'link', span: bare[0]!.span as never, part: 'text'})
        }
      },
    })
  }

  async function compare(source: string, filename: string, probe: Awaited<ReturnType<typeof eagerProbe>>): Promise<number> {
    const {lint} = await import('../src/index.js')
    const result = await lint(source, {
      filename,
      plugins: [probe],
      rules: {'part-mismatch': ['warn', {checkApology: false}], 'eager-part-mismatch': 'warn'},
    })
    const seen = (prefix: string) =>
      result.diagnostics
        .filter((d) => d.ruleId === prefix)
        .map((d) => `${d.messageId}@${d.range.start.offset}-${d.range.end.offset}`)
        .sort()
    const eager = seen('eager-part-mismatch')
    expect(seen('part-mismatch'), `${filename}\n${source}`).toEqual(eager)
    return eager.length
  }

  it('reports what listing every step of both parts reports, on every fixture', async () => {
    const probe = await eagerProbe()
    let reported = 0
    for (const file of fixtureFiles().filter((f) => f.endsWith('.eml'))) reported += await compare(readFileSync(file, 'utf8'), file, probe)
    expect(reported).toBeGreaterThan(3)
  })

  it('reports what listing every step reports, whatever steps each part holds and in any order', async () => {
    const probe = await eagerProbe()
    // Steps with and without a way to act, a step only the text part can have, and sentences that are no step.
    const sentences = [
      'Please reset your password.',
      'Reset your password at https://acme.example/reset today.',
      'Contact our support team.',
      'Call us on 0800 123 4567.',
      'You should check your statement.',
      'You can also reply to this email.',
      'You can use the new link at https://acme.example/sale now.',
      'You should update your saved card.',
      'We recommend that you contact your bank.',
      'We ask you to please contact our support team.',
      'Use the new link below.',
      'Open this email in your browser.',
      'We are sorry for the wrong price in our last email.',
      'The sale ends on Friday.',
    ]
    const html = (picks: number[]) =>
      picks
        .map((i) => (i === 10 ? '<p>Use the new link below.</p><p><a href="https://acme.example/sale">Shop the sale</a></p>' : `<p>${sentences[i]}</p>`))
        .join('\n')
    // A no-reply sender gives "contact us" no way to act by itself, so contact steps are compared too.
    const email = (h: number[], t: number[], noReply: boolean) =>
      [
        `From: Acme <${noReply ? 'no-reply' : 'news'}@acme.example>`,
        'Subject: A correction to our last email',
        'MIME-Version: 1.0',
        'Content-Type: multipart/alternative; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain; charset=utf-8',
        '',
        t.map((i) => sentences[i]).join('\n\n'),
        '',
        '--b',
        'Content-Type: text/html; charset=utf-8',
        '',
        `<html><body>${html(h)}</body></html>`,
        '',
        '--b--',
        '',
      ].join('\r\n')
    const picks = fc.array(fc.integer({min: 0, max: sentences.length - 1}), {maxLength: 6})
    let reported = 0
    await fc.assert(
      fc.asyncProperty(picks, picks, fc.boolean(), async (h, t, noReply) => {
        reported += await compare(email(h, t, noReply), 'generated.eml', probe)
      }),
      {numRuns: 300},
    )
    expect(reported).toBeGreaterThan(10)
  })
})

describe('missing-action-steps adviceVerbs', () => {
  it('are verbs to compromise in every English fixture sentence and after every modal of advice', async () => {
    const {lint} = await import('../src/index.js')
    const {default: en} = await import('../rules/missing-action-steps/en.js')
    const words = new Set(en.adviceVerbs)
    let checked = 0
    const probe = probeRule('advice-verb-probe', (context) => {
      if (context.language !== 'en') return
      const blocks = [...context.document.blocks, ...context.document.parts.flatMap((p) => p.blocks)]
      for (const block of new Set(blocks)) {
        for (const sentence of context.sentencesOf(block)) {
          const verbs = context
            .nlp(sentence)
            .match('#Verb')
            .out('offset')
            .map((o) => [sentence.start + o.offset.start, sentence.start + o.offset.start + o.offset.length])
          for (const token of sentence.tokens) {
            if (!words.has(token.norm)) continue
            // A word inside a web address ("/do-it-yourself/", "?do=details") is no word of the sentence.
            const before = block.text.lastIndexOf(' ', token.start) + 1
            const after = block.text.indexOf(' ', token.end)
            const chunk = block.text.slice(before, after < 0 ? block.text.length : after)
            if (chunk.includes('/') || chunk.includes('=')) continue
            checked++
            expect(
              verbs.some(([s, e]) => s! <= token.start && token.start < e!),
              `${token.norm} in ${sentence.text}`,
            ).toBe(true)
          }
        }
      }
    })
    const options = {plugins: [probe], rules: {'advice-verb-probe': 'warn' as const}, throwOnRuleError: true}
    for (const file of fixtureFiles()) await lint(readFileSync(file, 'utf8'), {filename: file, ...options})
    // After each modal of advice the lexicon knows, in a heading, in capitals, in a question and in a command.
    const modals = ['you can', 'you should', 'you need to', 'you may want to', 'we recommend that you', 'we ask you to', 'remember to']
    for (const word of words) {
      const lines = modals.flatMap((m) => [`<h2>What ${m} ${word}</h2>`, `<h2>${`What ${m} ${word}`.toUpperCase()}</h2>`, `<p>${m} ${word} it now.</p>`])
      lines.push(`<p>What should you ${word}?</p>`, `<p>Do you need to ${word} anything?</p>`)
      await lint(`<html lang="en"><body>${lines.join('')}</body></html>`, {filename: 'frames.html', ...options})
    }
    expect(checked).toBeGreaterThan(words.size * 20)
  })
})
