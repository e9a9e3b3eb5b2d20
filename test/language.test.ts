import {readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {franc} from 'franc'
import {
  cleanText,
  cleanUnits,
  countLetters,
  francOnly,
  normalizeWord,
  PhraseMatcher,
  segmentStarts,
  splitSentences,
  tokenize,
  WORD,
  type PhraseEntry,
} from '../src/language.js'
import {PointMapper, TextBuilder, type Block} from '../src/document.js'

const ONLY = ['eng', 'pol', 'deu', 'fra', 'spa', 'ita', 'por', 'nld', 'ces', 'slk', 'ukr', 'rus']
const reference = (text: string): string => franc(text, {only: ONLY, minLength: 10})

function block(text: string): Block {
  const builder = new TextBuilder()
  builder.appendVerbatim(text, 0)
  return {kind: 'paragraph', text, map: builder.finish(), prose: true, sourceStart: 0, sourceEnd: text.length}
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2007 || c === 0x202f
}

/** What splitSentences returned before the no-terminator shortcut: every segment, trimmed. */
function segmenterSentences(text: string, language: 'en' | 'pl'): [number, number][] {
  const out: [number, number][] = []
  for (const seg of new Intl.Segmenter(language, {granularity: 'sentence'}).segment(text)) {
    const raw = seg.segment
    let s = 0
    let e = raw.length
    while (s < e && isSpace(raw.charCodeAt(s))) s++
    while (e > s && isSpace(raw.charCodeAt(e - 1))) e--
    if (e > s) out.push([seg.index + s, seg.index + e])
  }
  return out
}

const samples = [
  'We are sorry: yesterday’s email had the wrong link. Here is the right one.',
  'Przepraszamy za błędny link w naszym wczorajszym newsletterze. Oto poprawny.',
  'Es tut uns leid, dass wir Ihnen die falsche Rechnung geschickt haben.',
  'Nous sommes désolés pour cette erreur dans notre dernier courriel.',
  'Приносим извинения за ошибку в нашем вчерашнем письме.',
  'Вибачте за помилку в нашому вчорашньому листі.',
  '我们对昨天邮件中的错误表示歉意。',
  'مرحبا بكم في متجرنا الجديد على الإنترنت',
  '1234567890 !!!! ???? 1234',
  '𝐖𝐞 𝐚𝐫𝐞 𝐬𝐨𝐫𝐫𝐲 𝐟𝐨𝐫 𝐭𝐡𝐞 𝐦𝐢𝐬𝐭𝐚𝐤𝐞 𝐢𝐧 𝐨𝐮𝐫 𝐞𝐦𝐚𝐢𝐥',
  'İSTANBUL İZMİR ıııı ǅǈǋ ß ﬁ ẞ',
  'short',
  '',
]

describe('francOnly', () => {
  it('agrees with franc on hand-picked text in many scripts', () => {
    for (const text of samples) expect(francOnly(text), text).toBe(reference(text))
  })

  it('agrees with franc on the example fixtures', () => {
    const dir = new URL('../fixtures/examples/', import.meta.url)
    for (const file of readdirSync(dir)) {
      const text = readFileSync(new URL(file, dir), 'utf8')
      for (const slice of [text, text.slice(200, 2500), text.slice(-1500)]) expect(francOnly(slice), file).toBe(reference(slice))
    }
  })

  it('agrees with franc on arbitrary strings', () => {
    const words = fc.constantFrom(
      'the',
      'we',
      'sorry',
      'przepraszamy',
      'błąd',
      'nie',
      'und',
      'der',
      'que',
      'для',
      'ошибка',
      '错误',
      '!',
      '12',
      'ﬁ',
      '𝐖',
      'İ',
      ' ',
      '\n',
    )
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({unit: 'binary', maxLength: 300}),
          fc.array(words, {maxLength: 200}).map((w) => w.join(' ')),
        ),
        (text) => {
          expect(francOnly(text)).toBe(reference(text))
        },
      ),
      {numRuns: 400},
    )
  })
})

describe('splitSentences', () => {
  it('matches Intl.Segmenter whether or not the block has a terminator', () => {
    const texts = [
      'Contact us',
      'Step 1: open the app',
      'Sorry. We sent the wrong link!',
      'Line one\nline two',
      'Wait… what',
      'Ends with a dot.',
      'Dr. Smith called',
      '',
    ]
    for (const language of ['en', 'pl'] as const) {
      for (const text of texts) {
        expect(
          splitSentences(block(text), 0, language).map((s) => [s.start, s.end]),
          text,
        ).toEqual(segmenterSentences(text, language))
      }
    }
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('We', 'are', 'sorry', '.', '!', '?', '…', ' ', '\n', '\u2029', '。', '؟', 'Dr', 'a', '"', ')'), {maxLength: 60}),
        (parts) => {
          const text = parts.join('')
          expect(splitSentences(block(text), 0, 'en').map((s) => [s.start, s.end])).toEqual(segmenterSentences(text, 'en'))
        },
      ),
      {numRuns: 300},
    )
  })
})

describe('segmentStarts: many blocks, one segmenter call', () => {
  const alone = (text: string, language: 'en' | 'pl'): [number, number][] => splitSentences(block(text), 0, language).map((s) => [s.start, s.end])
  const batched = (texts: string[], language: 'en' | 'pl'): [number, number][][] => {
    const starts = segmentStarts(texts, language)
    return texts.map((text, i) => splitSentences(block(text), 0, language, starts[i]).map((s) => [s.start, s.end]))
  }

  it('cuts every block as the segmenter does alone, whatever its neighbours', () => {
    // Each piece tests one way a block's edge could leak into its neighbour: a lower-case start after an
    // abbreviation, a closing quote, a combining mark or a format character first, a carriage return or a
    // paragraph separator last.
    const pieces = fc.constantFrom(
      'a',
      'B',
      ' ',
      '.',
      '!',
      '?',
      ')',
      '"',
      '”',
      '\n',
      '\r',
      '\u2029',
      '1',
      '…',
      '。',
      '\u0301',
      '\u200d',
      'e.g.',
      'Dr.',
      'ą',
      'and ',
      'Pan ',
    )
    for (const language of ['en', 'pl'] as const) {
      fc.assert(
        fc.property(
          fc.array(
            fc.array(pieces, {maxLength: 12}).map((a) => a.join('')),
            {maxLength: 8},
          ),
          (texts) => {
            expect(batched(texts, language)).toEqual(texts.map((t) => alone(t, language)))
          },
        ),
        {numRuns: 1500},
      )
    }
  })

  it('finds the breaks of plain prose without the segmenter, exactly where the segmenter breaks', () => {
    const word = fc.constantFrom('we', 'sent', 'the', 'wrong', 'link', 'We', 'Sorry', 'It', 'Mr', 'U.S', 'e.g', '3.5', 'ok', 'zł', 'Łódź', 'ą')
    const end = fc.constantFrom('. ', '? ', '! ', ' ', ', ', '.  ', '.\u00a0', '.” ', '?! ', '.\n', '… ', '.) ')
    for (const language of ['en', 'pl'] as const) {
      fc.assert(
        fc.property(fc.array(fc.tuple(word, end), {minLength: 1, maxLength: 30}), (parts) => {
          const text = parts
            .map(([w, e]) => w + e)
            .join('')
            .trim()
          expect(batched([text], language)).toEqual([alone(text, language)])
        }),
        {numRuns: 3000},
      )
    }
  })

  it('cuts the blocks of every fixture as the segmenter does alone', async () => {
    const {buildDocument} = await import('../src/parse/index.js')
    for (const dir of ['fixtures/examples', 'fixtures/holdout']) {
      for (const file of readdirSync(dir)) {
        if (!/\.(html?|txt|md|eml)$/.test(file)) continue
        const document = await buildDocument(readFileSync(`${dir}/${file}`, 'utf8'), {filename: file})
        const texts = document.blocks.map((b) => b.text)
        expect(batched(texts, document.language), file).toEqual(texts.map((t) => alone(t, document.language)))
      }
    }
  })

  it('batches blocks up to about a thousand characters and leaves longer ones to splitSentences', () => {
    const sentence = 'We sent the wrong link. '
    const texts = [sentence.repeat(60), sentence.repeat(20), sentence.repeat(20), sentence.repeat(10), 'One line only']
    const starts = segmentStarts(texts, 'en')
    expect(starts[0]).toBeUndefined()
    expect(starts[1]).toHaveLength(20)
    expect(starts[2]).toHaveLength(20)
    expect(starts[3]).toHaveLength(10)
    expect(starts[4]).toBeUndefined()
    expect(batched(texts, 'en')).toEqual(texts.map((t) => alone(t, 'en')))
  })

  it('cuts a long paragraph only where segmentation certainly breaks, so it matches one segmenter call', () => {
    const piece = fc.constantFrom(
      'We sent the wrong link',
      'e.g. the price',
      'Mr. Smith',
      'U.S. Army',
      'it was 3.5 km',
      'really?',
      'ok!',
      'wait…',
      '“Sorry.”',
      'and then',
      'Oto. Poprawny',
    )
    const end = fc.constantFrom('. ', '? ', '! ', ' ', ', ', '.\u00a0', '. (', '.” ')
    for (const language of ['en', 'pl'] as const) {
      fc.assert(
        fc.property(fc.array(fc.tuple(piece, end), {minLength: 60, maxLength: 400}), (parts) => {
          const text = parts.map(([p, e]) => p + e).join('')
          expect(alone(text, language)).toEqual(segmenterSentences(text, language))
        }),
        {numRuns: 60},
      )
    }
  })
})

describe('tokenize', () => {
  /** The definition: every match of WORD. */
  const reference = (text: string): [string, number, number][] => [...text.matchAll(WORD)].map((m) => [m[0], m.index, m.index + m[0].length])

  it('finds exactly the matches of the WORD pattern', () => {
    const texts = [
      "We're sorry, don't worry: d'oh!",
      'Przepraszamy za błąd’ ’x x’’y',
      '𝐖𝐞 𝐚𝐫𝐞 café naïve e\u0301',
      '\ud835 lone \udc00 surrogates',
      "''a'' 'b' c'",
      '12,5 zł — 3rd',
    ]
    for (const text of texts)
      expect(
        tokenize(text).map((t) => [t.text, t.start, t.end]),
        text,
      ).toEqual(reference(text))
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({unit: 'binary', maxLength: 200}),
          fc.array(fc.constantFrom('a', 'Ł', "'", '’', ' ', '1', '\u0301', '𝐖', '\ud835', '\udc00', '-', '.'), {maxLength: 60}).map((x) => x.join('')),
        ),
        (text) => {
          const tokens = tokenize(text, 7)
          expect(tokens.map((t) => [t.text, t.start - 7, t.end - 7])).toEqual(reference(text))
          for (const t of tokens) expect(t.norm).toBe(normalizeWord(t.text))
        },
      ),
      {numRuns: 1000},
    )
  })
})

describe('splitSentences fast path', () => {
  it('splits exactly like Intl.Segmenter, in English and Polish', () => {
    const pieces = fc.constantFrom(
      'a',
      'B',
      ' ',
      '.',
      '!',
      '?',
      ')',
      '"',
      '”',
      '’',
      '\n',
      '1',
      '…',
      '。',
      '»',
      'e.g.',
      ' x',
      'ą',
      'Pan ',
      '\u{11047}',
      '\ud804',
    )
    for (const language of ['en', 'pl'] as const) {
      const segmenter = new Intl.Segmenter(language, {granularity: 'sentence'})
      fc.assert(
        fc.property(
          fc.array(pieces, {maxLength: 30}).map((a) => a.join('')),
          (text) => {
            const want: string[] = []
            for (const s of segmenter.segment(text)) {
              const t = s.segment.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '')
              if (t) want.push(t)
            }
            const block = {kind: 'paragraph', text, map: new PointMapper(0), prose: true, sourceStart: 0, sourceEnd: 0} as Block
            expect(splitSentences(block, 0, language).map((s) => s.text)).toEqual(want)
          },
        ),
        {numRuns: 3000},
      )
    }
  })
})

describe('PhraseMatcher against a plain definition', () => {
  /**
   * The definition, without tries or filter tables: at each token, every entry
   * whose words all match there (a word ending in `*` by prefix); the longest
   * wins, then an exact word before a stem at the first position they differ,
   * then lexicon order; matching resumes after it.
   */
  const reference = (entries: {phrase: string}[], tokens: {norm: string}[]): [number, number, string][] => {
    const out: [number, number, string][] = []
    const words = entries.map((e) => e.phrase.split(' '))
    const matches = (w: string, norm: string): boolean => (w.length > 1 && w.endsWith('*') ? norm.startsWith(w.slice(0, -1)) : norm === w)
    let i = 0
    while (i < tokens.length) {
      let best: {k: number; len: number} | undefined
      words.forEach((ws, k) => {
        if (i + ws.length > tokens.length || !ws.every((w, j) => matches(w, tokens[i + j]!.norm))) return
        if (!best || ws.length > best.len) best = {k, len: ws.length}
      })
      if (best) {
        out.push([i, i + best.len, entries[best.k]!.phrase])
        i += best.len
      } else i++
    }
    return out
  }

  it('finds the longest phrases at each token, for any lexicon and text', () => {
    const vocabulary = ['we', 'were', 'the', 'they', 'sorry', 'so', 's', 'a', 'an', 'any', 'inconvenience', 'in', 'błąd', 'błędy', 'x']
    const word = fc.constantFrom(...vocabulary)
    const lexiconWord = fc.oneof(
      word,
      word.map((w) => `${w.slice(0, Math.max(1, w.length - 1))}*`),
    )
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.array(lexiconWord, {minLength: 1, maxLength: 3}).map((ws) => ws.join(' ')),
          {minLength: 1, maxLength: 8},
        ),
        fc.array(word, {maxLength: 20}),
        (phrases, textWords) => {
          // Entries whose words differ only in exact-versus-stem order are left to the tie rule test above.
          const entries = phrases.map((phrase) => ({phrase}))
          const text = textWords.join(' ')
          const tokens = tokenize(text)
          const found = new PhraseMatcher(entries).find(tokens, text).map((h) => [h.firstToken, h.lastToken] as [number, number])
          expect(found).toEqual(reference(entries, tokens).map(([a, b]) => [a, b]))
        },
      ),
      {numRuns: 2000},
    )
  })

  it('offers the candidates at a token in the order of the breadth-first definition (longest first, stable)', () => {
    type Node = {exact: Map<string, Node>; stems: {stem: string; node: Node}[]; entries: {phrase: string}[]}
    // The earlier implementation: a frontier from the root, every node's entries per step, then a stable sort by length.
    const previous = (m: PhraseMatcher, tokens: {norm: string}[], i: number): [string, number][] => {
      const out: {entry: {phrase: string}; end: number}[] = []
      const maxWords = (m as unknown as {maxWords: number}).maxWords
      let frontier: Node[] = [(m as unknown as {root: Node}).root]
      for (let j = i; j < tokens.length && j - i < maxWords && frontier.length > 0; j++) {
        const word = tokens[j]!.norm
        const next: Node[] = []
        for (const n of frontier) {
          const exact = n.exact.get(word)
          if (exact) next.push(exact)
          for (const s of n.stems) if (word.startsWith(s.stem)) next.push(s.node)
        }
        for (const n of next) for (const entry of n.entries) out.push({entry, end: j + 1})
        frontier = next
      }
      return out.sort((a, b) => b.end - a.end).map((c) => [c.entry.phrase, c.end])
    }
    const word = fc.constantFrom('we', 'were', 'the', 'they', 'sorry', 'so', 's', 'a', 'an', 'any')
    const lexiconWord = fc.oneof(
      word,
      word.map((w) => `${w.slice(0, Math.max(1, w.length - 1))}*`),
    )
    fc.assert(
      fc.property(
        fc.array(
          fc.array(lexiconWord, {minLength: 1, maxLength: 3}).map((ws) => ws.join(' ')),
          {minLength: 1, maxLength: 10},
        ),
        fc.array(word, {minLength: 1, maxLength: 8}),
        (phrases, textWords) => {
          const m = new PhraseMatcher(phrases.map((phrase) => ({phrase})))
          const tokens = tokenize(textWords.join(' '))
          for (let i = 0; i < tokens.length; i++) {
            expect(m.candidatesAt(tokens, i).map((c) => [c.entry.phrase, c.end])).toEqual(previous(m, tokens, i))
          }
        },
      ),
      {numRuns: 2000},
    )
  })
})

describe('PhraseMatcher.find with an acceptance test, against its definition', () => {
  it('keeps at each token the first candidate (longest first) that the test accepts, else moves on one token', () => {
    const word = fc.constantFrom('we', 'were', 'the', 'they', 'sorry', 'so', 's', 'a', 'an', 'any')
    const lexiconWord = fc.oneof(
      word,
      word.map((w) => `${w.slice(0, Math.max(1, w.length - 1))}*`),
    )
    fc.assert(
      fc.property(
        fc.array(
          fc.array(lexiconWord, {minLength: 1, maxLength: 3}).map((ws) => ws.join(' ')),
          {minLength: 1, maxLength: 10},
        ),
        fc.array(word, {maxLength: 16}),
        fc.integer({min: 1, max: 5}),
        (phrases, textWords, modulus) => {
          const m = new PhraseMatcher(phrases.map((phrase, k) => ({phrase, k})))
          const text = textWords.join(' ')
          const tokens = tokenize(text)
          // Rejects some candidates by their entry and position, so that shorter ones get their turn.
          const accept = (hit: {entry: {k: number}; firstToken: number; lastToken: number}): boolean =>
            (hit.entry.k + hit.firstToken + hit.lastToken) % modulus !== 0
          const want: [number, number, number][] = []
          let i = 0
          while (i < tokens.length) {
            const kept = m.candidatesAt(tokens, i).find((c) => accept({entry: c.entry, firstToken: i, lastToken: c.end}))
            if (kept) {
              want.push([i, kept.end, kept.entry.k])
              i = kept.end
            } else i++
          }
          expect(m.find(tokens, text, accept).map((h) => [h.firstToken, h.lastToken, h.entry.k])).toEqual(want)
        },
      ),
      {numRuns: 2000},
    )
  })
})

describe('PhraseMatcher.find with an acceptance test', () => {
  interface Entry extends PhraseEntry {
    end?: boolean
  }
  const matcher = new PhraseMatcher<Entry>([{phrase: 'please do not reply', end: true}, {phrase: 'do not reply to this'}, {phrase: 'do not reply', end: true}])
  const atEnd = (tokens: readonly unknown[]) => (hit: {entry: Entry; lastToken: number}) => !hit.entry.end || hit.lastToken === tokens.length
  const found = (text: string): string[] => {
    const tokens = tokenize(text)
    return matcher.find(tokens, text, atEnd(tokens)).map((h) => h.text)
  }

  it('does not let a longer rejected entry hide a shorter overlapping one', () => {
    expect(found('Please do not reply to this email.')).toEqual(['do not reply to this'])
    expect(found('Do not reply to this email.')).toEqual(['Do not reply to this'])
  })

  it('tries shorter entries at the same token when the longest is rejected', () => {
    const m = new PhraseMatcher([
      {phrase: 'small number of', tag: 'long'},
      {phrase: 'small number', tag: 'short'},
    ])
    const text = 'a small number of orders'
    const tokens = tokenize(text)
    expect(m.find(tokens, text, (h) => h.entry.tag === 'short').map((h) => h.text)).toEqual(['small number'])
    expect(m.find(tokens, text).map((h) => h.text)).toEqual(['small number of'])
  })

  it('keeps the longest accepted phrase and its end, and finds nothing when everything is rejected', () => {
    expect(found('Please do not reply')).toEqual(['Please do not reply'])
    expect(found('please do not reply, we ask')).toEqual([])
    const text = 'Please do not reply to this.'
    const tokens = tokenize(text)
    expect(matcher.find(tokens, text, () => false)).toEqual([])
  })

  it('offers every entry of the same phrase, stems included, longest first', () => {
    const m = new PhraseMatcher([
      {phrase: 'nie odpowiada*', tag: 'stem'},
      {phrase: 'nie odpowiadaj', tag: 'exact'},
      {phrase: 'nie', tag: 'one'},
    ])
    const tokens = tokenize('nie odpowiadaj')
    expect(m.candidatesAt(tokens, 0).map((c) => [c.entry.tag, c.end])).toEqual([
      ['exact', 2],
      ['stem', 2],
      ['one', 1],
    ])
  })
})

describe('src/franc-data.ts', () => {
  it("is franc's data for our languages, as scripts/franc-data.ts writes it (re-run it after upgrading franc)", async () => {
    const {data} = await import('../src/franc-data.js')
    const {trimmedFrancData} = await import('../scripts/franc-data.js')
    expect(data).toEqual(trimmedFrancData())
  })
})

describe('countLetters and cleanUnits', () => {
  /** The letter count detectLanguage made before the table: a Unicode property test per code point. */
  const letterReference = (text: string, max: number): number => {
    let letters = 0
    for (const ch of text) {
      if (/\p{L}/u.test(ch)) letters++
      if (letters >= max) break
    }
    return letters
  }
  const texts = fc.oneof(
    fc.string({unit: 'binary', maxLength: 300}),
    fc.string({unit: 'binary-ascii', maxLength: 300}),
    fc
      .array(
        fc.constantFrom(
          'We',
          'ARE',
          'Sorry',
          'ΣΟΦΊΑ',
          'İzmir',
          'Żółć',
          '\u00a0',
          ' ',
          '  ',
          '\n',
          '1.5',
          '!?',
          '’',
          '𝐖𝐞',
          '\ud800',
          '\udc00',
          'ǅ',
          'ẞ',
          '😀',
          '🙏🏽',
          '𐐀𐐨',
          '𞤀',
          '𝔄',
        ),
        {
          maxLength: 80,
        },
      )
      .map((w) => w.join('')),
  )

  it('countLetters counts as a \\p{L} test per code point does', () => {
    for (const text of samples) for (const max of [1, 24, 60, 1000]) expect(countLetters(text, max), text).toBe(letterReference(text, max))
    fc.assert(
      fc.property(texts, fc.integer({min: 1, max: 400}), (text, max) => {
        expect(countLetters(text, max)).toBe(letterReference(text, max))
      }),
      {numRuns: 2000},
    )
  })

  it('cleanUnits writes the code units of trigram-utils clean, or declines', () => {
    const out = new Uint16Array(2 * 2048 + 2)
    const check = (text: string): void => {
      const n = cleanUnits(text, out)
      if (n < 0) return
      expect(String.fromCharCode(...out.subarray(0, n)), text).toBe(cleanText(text))
    }
    for (const text of samples) check(text)
    // Every BMP code unit on its own and between letters.
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c)
      check(ch)
      check(`Ab${ch}cD ${ch}`)
    }
    fc.assert(
      fc.property(texts, (text) => check(text)),
      {numRuns: 2000},
    )
    // Every astral code point of the first astral plane, between letters.
    for (let cp = 0x10000; cp < 0x20000; cp++) {
      const ch = String.fromCodePoint(cp)
      check(`Ab ${ch}cD${ch}`)
    }
    expect(cleanUnits('We are sorry 😀 about 𐐀.', out)).toBeGreaterThan(0)
    expect(cleanUnits('We are sorry, İzmir.', out)).toBe(-1)
    expect(cleanUnits('ΣΟΦΊΑ', out)).toBe(-1)
  })
})
