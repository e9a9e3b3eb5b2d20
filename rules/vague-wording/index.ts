/**
 * vague-wording: say what went wrong, who was affected, when, and what data.
 */
import {z} from 'zod'
import {defineRule, type RuleContext} from '../../src/rule.js'
import type {PhraseEntry, PhraseHit, PhraseMatcher, Sentence, Token} from '../../src/language.js'
import {findApologyHits} from '../shared/apology.js'
import {allowMatcher, isAllowed, joined, longestFirst, proseBlocks, tokenTags, touchesPlaceholder, wordList, type WordList} from '../shared/scan.js'
import type {HedgedHarm, ModalPerfect, Quantifier, VagueCategory, VagueLexicon, VaguePhrase} from './lexicon.js'
import en from './en.js'
import pl from './pl.js'
import {incidentExamples} from '../shared/incident-examples.js'

export type {VagueLexicon, VaguePhrase, VagueCategory, Quantifier} from './lexicon.js'

/** One vague phrase: tokens `[first, last)` of a sentence. */
interface Finding {
  category: VagueCategory | 'extra'
  sentence: Sentence
  first: number
  last: number
  start: number
  end: number
}

interface Options {
  extraPhrases: string[]
  allow: string[]
}

export default defineRule({
  id: 'vague-wording',
  severity: 'warning',
  usesNlp: true,
  // "only a small number of customers" is a minimiser, "this may have caused" doubts the harm: where evasive-wording
  // reports the same words, its finding says more. An unnamed error ("what") or cause ("reason") is its own problem:
  // "only a minor glitch" minimises and still does not say what went wrong, so both rules report it.
  yieldsTo: [{rule: 'evasive-wording', ownMessageIds: ['who', 'when', 'data', 'hedge', 'euphemism', 'extra']}],
  languages: {en, pl} satisfies Record<'en' | 'pl', VagueLexicon>,
  docs: {
    summary: 'Say exactly what went wrong, who was affected, when, and what data, instead of hedging.',
    why: 'Hedged, unspecific wording ("an issue", "some users", "may have been affected", "recently", "any inconvenience") leaves every reader guessing whether the mistake touches them, reads as evasion, and makes people assume the worst.',
    fix: 'Name the mistake, the people or data it touched, and the time: "On 3 March we emailed 1,204 customers a sign-in link that did not work."',
  },
  options: z
    .object({
      extraPhrases: z
        .array(z.string())
        .default([])
        .describe(
          'More phrases to flag as vague, whatever the email\'s language (a word ending in `*` matches by prefix), e.g. ["a small subset", "pewn* okoliczności"].',
        ),
      allow: z
        .array(z.string())
        .default([])
        .describe(
          'Phrases to accept: a finding that contains one of them is not reported (same syntax), e.g. ["recently"] for a team that always gives the date next to it.',
        ),
    })
    .strict(),
  messages: {
    what: '`{phrase}` does not say what went wrong.',
    who: '`{phrase}` hides who or what was affected.',
    when: '`{phrase}` does not say when it happened.',
    data: '`{phrase}` does not say which data.',
    hedge: '`{phrase}` hedges about what happened.',
    euphemism: '`{phrase}` is a stock phrase that names no harm.',
    reason: '`{phrase}` gives no reason at all.',
    extra: "`{phrase}` is on this project's list of vague phrases.",
  },
  notes: {
    what: 'Readers cannot tell whether it affects them and assume the worst. Name the mistake. For example: "{example}"',
    who: 'Every reader has to guess whether they are one of them. Say who, or how many. For example: "{example}"',
    when: 'Readers cannot match it to what they saw. Give the date and time. For example: "{example}"',
    data: 'Readers cannot judge their risk. List the data. For example: "{example}"',
    hedge: 'It reads as not knowing or not telling. State what you know, and say plainly what you do not know yet. For example: "{example}"',
    euphemism: 'It reads as a form letter. Name what the reader went through. For example: "{example}"',
    reason: 'It reads as hiding one. Say why it happened. For example: "{example}"',
    extra: 'Be specific instead. For example: "{example}"',
  },
  incidentExamples: incidentExamples['vague-wording'],
  create(context) {
    const {lexicon, options, document} = context
    const blocks = proseBlocks(context)
    if (blocks.length === 0) return
    const phrases = context.matcher<VaguePhrase>('vague:phrases', lexicon.phrases)
    const quantifiers = context.matcher<Quantifier>('vague:quantifiers', lexicon.quantifiers)
    const extra = extraMatcher(context, options)
    const allow = allowMatcher(context, options.allow)
    const conditions = context.matcher(
      'vague:conditions',
      lexicon.conditions.map((phrase) => ({phrase})),
    )

    const words = quantifierWords(lexicon)
    const cleared = context.matcher('vague:cleared', clearedEntries(lexicon.clearedBy))
    const modal = lexicon.modalPerfect ? modalWords(lexicon.modalPerfect) : undefined

    const apologies = findApologyHits(
      context,
      blocks.map((b) => b.block),
    )

    for (const {block, sentences} of blocks) {
      for (const sentence of sentences) {
        const tokens = sentence.tokens
        if (tokens.length === 0) continue
        const found: Finding[] = []
        const add = (category: Finding['category'], first: number, last: number): void => {
          found.push({category, sentence, first, last, start: tokens[first]!.start, end: tokens[last - 1]!.end})
        }
        const conditionAt = firstCondition(conditions.find(tokens, block.text))
        let apologetic: boolean | undefined
        const isApologetic = (): boolean => {
          apologetic ??= apologies.some((h) => h.block === block && h.start >= sentence.start && h.end <= sentence.end)
          return apologetic
        }

        // Each entry's conditions decide on the candidate itself, so a longer entry they reject hides no shorter one.
        const vague = (hit: PhraseHit<VaguePhrase>): boolean => {
          const entry = hit.entry
          if (entry.notAfter && hit.firstToken > 0 && wordList(entry.notAfter).has(tokens[hit.firstToken - 1]!.norm)) return false
          if (entry.notBefore && hit.lastToken < tokens.length && wordList(entry.notBefore).has(tokens[hit.lastToken]!.norm)) return false
          if (entry.skipInCondition && conditionAt < hit.firstToken) return false
          if (entry.needsApology && !isApologetic()) return false
          if (entry.skipInHedgedHarm && inHedgedHarm(lexicon.hedgedHarm, tokens, hit.firstToken, hit.lastToken)) return false
          return true
        }
        for (const hit of phrases.find(tokens, block.text, vague)) add(hit.entry.category, hit.firstToken, hit.lastToken)
        quantified(context, lexicon, words, sentence, quantifiers, cleared, add)
        if (modal) modalPerfect(context, modal, sentence, conditionAt, add)
        if (extra) for (const hit of extra.find(tokens, block.text)) add('extra', hit.firstToken, hit.lastToken)

        // Placeholders and allowed phrases drop a finding before overlaps are settled, so that it hides no other finding.
        const candidates = found.filter((f) => !touchesPlaceholder(document, block, f.start, f.end) && !isAllowed(allow, sentence, f.first, f.last))
        for (const f of longestFirst(candidates)) {
          context.report({
            messageId: f.category,
            data: {phrase: block.text.slice(f.start, f.end), example: lexicon.examples[f.category]},
            span: {block, start: f.start, end: f.end},
          })
        }
      }
    }
  },
})

function extraMatcher(context: RuleContext<Options, VagueLexicon>, options: Options) {
  const phrases = options.extraPhrases.map((p) => p.trim()).filter((p) => p.length > 0)
  if (phrases.length === 0) return undefined
  return context.matcher(
    `vague:extra:${JSON.stringify(phrases)}`,
    phrases.map((phrase) => ({phrase})),
  )
}

/** Index of the first token of the first condition ("if", "w razie"), or Infinity. */
function firstCondition(hits: readonly {firstToken: number}[]): number {
  return hits.length > 0 ? hits[0]!.firstToken : Number.POSITIVE_INFINITY
}

type Add = (category: VagueCategory, first: number, last: number) => void

/**
 * Indefinite quantifiers before a people, data or event noun: "some users",
 * "Certain data", "niektórzy klienci", "części naszych systemów". "Some of your
 * order history" stays clean: after "your", only data nouns are vague. In
 * English, compromise confirms that the words in between are adjectives or
 * nouns and the head is a noun.
 */
/** The word lists {@link quantified} reads, built once per lexicon. */
interface QuantifierWords {
  fillers: WordList
  reader: WordList
  people: WordList
  data: WordList
  things: WordList
  events: WordList
}

const quantifierWordsCache = new WeakMap<VagueLexicon, QuantifierWords>()

function quantifierWords(lexicon: VagueLexicon): QuantifierWords {
  let words = quantifierWordsCache.get(lexicon)
  if (!words) {
    words = {
      fillers: wordList(lexicon.fillers),
      reader: wordList(lexicon.readerWords),
      people: wordList(lexicon.nouns.people),
      data: wordList(lexicon.nouns.data),
      things: wordList(lexicon.nouns.things),
      events: wordList(lexicon.nouns.events),
    }
    quantifierWordsCache.set(lexicon, words)
  }
  return words
}

const clearedCache = new WeakMap<readonly string[], {phrase: string}[]>()

/** {@link VagueLexicon.entrustedBy} as word lists, built once per lexicon. */
const entrustedCache = new WeakMap<VagueLexicon, string[][]>()

function entrusted(lexicon: VagueLexicon): string[][] {
  let phrases = entrustedCache.get(lexicon)
  if (!phrases) {
    phrases = lexicon.entrustedBy.map((p) => p.toLowerCase().replace(/’/g, "'").split(/\s+/))
    entrustedCache.set(lexicon, phrases)
  }
  return phrases
}

/** True when the words right before token `at` are one of `phrases` ("trusted us with" before "some of your…"). */
function endsWithPhrase(tokens: readonly Token[], at: number, phrases: readonly string[][]): boolean {
  return phrases.some((words) => {
    if (words.length > at) return false
    for (let k = 0; k < words.length; k++) if (tokens[at - words.length + k]!.norm !== words[k]) return false
    return true
  })
}

/** The `clearedBy` words as phrase entries, one array per lexicon list. */
function clearedEntries(clearedBy: readonly string[]): {phrase: string}[] {
  let entries = clearedCache.get(clearedBy)
  if (!entries) {
    entries = clearedBy.map((phrase) => ({phrase}))
    clearedCache.set(clearedBy, entries)
  }
  return entries
}

function quantified(
  context: RuleContext<Options, VagueLexicon>,
  lexicon: VagueLexicon,
  words: QuantifierWords,
  sentence: Sentence,
  quantifiers: PhraseMatcher<Quantifier>,
  cleared: PhraseMatcher<PhraseEntry>,
  add: Add,
): void {
  const tokens = sentence.tokens
  const text = sentence.block.text
  const {fillers, reader, people, data, things, events} = words
  const isTarget = (norm: string): boolean => people.has(norm) || things.has(norm) || events.has(norm) || data.has(norm)
  // A quantifier counts when it is vague where it stands: a longer one that is not ("a few of", then no noun) hides no shorter one.
  const vagueAt = new Map<number, {category: VagueCategory; last: number}>()
  const accept = (hit: PhraseHit<Quantifier>): boolean => {
    const entry = hit.entry
    if (entry.notAfter && hit.firstToken > 0 && wordList(entry.notAfter).has(tokens[hit.firstToken - 1]!.norm)) return false
    if (endsWithPhrase(tokens, hit.firstToken, entrusted(lexicon))) return false
    let isReader = false
    let modifiers = 0
    let target = -1
    let category: VagueCategory = 'who'
    for (let j = hit.lastToken; j < tokens.length && j - hit.lastToken < 6; j++) {
      const t = tokens[j]!
      if (!joined(text, tokens[j - 1]!, t)) break
      const norm = t.norm
      if (people.has(norm) || things.has(norm) || events.has(norm) || data.has(norm)) {
        // A compound ends at its last noun: "some member data" is about data, "some account holders" about people.
        let head = j
        while (head + 1 < tokens.length && head - j < 2 && joined(text, tokens[head]!, tokens[head + 1]!) && isTarget(tokens[head + 1]!.norm)) head++
        const headNorm = tokens[head]!.norm
        category = data.has(headNorm) ? 'data' : events.has(headNorm) ? 'what' : 'who'
        target = head
        break
      }
      if (reader.has(norm)) {
        isReader = true
        continue
      }
      if (fillers.has(norm)) continue
      if (modifiers < lexicon.maxModifiers && isModifier(lexicon, t)) {
        modifiers++
        continue
      }
      break
    }
    if (target >= 0 && isReader && category !== 'data') target = -1
    // "some orders, including yours": the reader is told they are affected.
    if (target >= 0 && cleared.test(tokens.slice(target + 1, target + 5))) target = -1
    // Only words in between need compromise ("some long-standing customers"); "some users" is plain.
    if (target >= 0 && modifiers > 0 && context.language === 'en' && !confirmedNounPhrase(context, sentence, hit.lastToken, target)) target = -1
    if (target >= 0) vagueAt.set(hit.firstToken, {category, last: target + 1})
    else if (entry.alone) vagueAt.set(hit.firstToken, {category: 'who', last: hit.lastToken})
    else return false
    return true
  }
  for (const hit of quantifiers.find(tokens, text, accept)) {
    const found = vagueAt.get(hit.firstToken)!
    add(found.category, hit.firstToken, found.last)
  }
}

function isModifier(lexicon: VagueLexicon, token: Token): boolean {
  if (/^\p{N}/u.test(token.text)) return false
  if (lexicon.modifierEndings.length === 0) return true
  return lexicon.modifierEndings.some((e) => token.norm.endsWith(e))
}

/** compromise: the words after the quantifier are adjectives, nouns or possessives, and the head is a noun. */
function confirmedNounPhrase(context: RuleContext<Options, VagueLexicon>, sentence: Sentence, from: number, head: number): boolean {
  const tags = tokenTags(context, sentence)
  if (!tags) return false
  if (!tags[head]!.has('Noun') && !tags[head]!.has('Plural')) return false
  for (let k = from; k < head; k++) {
    const t = tags[k]!
    if (t.has('Verb') && !t.has('Adjective') && !t.has('Participle') && !t.has('PastTense')) return false
  }
  return true
}

/**
 * English modal + perfect: "may have been accessed", "might have received",
 * "could have been exposed". compromise tells the participle from a noun
 * ("you may have questions" is not a hedge).
 */
/** The word lists {@link modalPerfect} reads, built once per lexicon. */
interface ModalWords {
  modals: WordList
  couldBeen: WordList
  skip: WordList
  irregular: WordList
  concessions: WordList
}

const modalWordsCache = new WeakMap<ModalPerfect, ModalWords>()

function modalWords(m: ModalPerfect): ModalWords {
  let words = modalWordsCache.get(m)
  if (!words) {
    words = {
      modals: wordList(m.modals),
      couldBeen: wordList(m.couldBeen),
      skip: wordList(m.skipVerbs),
      irregular: wordList(m.participles),
      concessions: wordList(m.concessions),
    }
    modalWordsCache.set(m, words)
  }
  return words
}

function modalPerfect(context: RuleContext<Options, VagueLexicon>, words: ModalWords, sentence: Sentence, conditionAt: number, add: Add): void {
  const tokens = sentence.tokens
  const {modals, couldBeen, skip, irregular, concessions} = words
  const isParticiple = (norm: string): boolean => norm.endsWith('ed') || irregular.has(norm)
  for (let i = 0; i < tokens.length; i++) {
    const norm = tokens[i]!.norm
    const hedging = modals.has(norm)
    if (!hedging && !couldBeen.has(norm)) continue
    // "If you are the policyholder, your name may have been in the mailbox": the hedge is the reader's case, not evasion.
    if (conditionAt < i) continue
    let j = i + 1
    if (!norm.endsWith("'ve")) {
      if (tokens[j]?.norm === 'not') j++
      if (tokens[j]?.norm !== 'have') continue
      j++
    }
    // Cheap checks first: the next word must look like a participle before compromise is asked.
    let k = j
    while (k < tokens.length && k - j < 2 && tokens[k]!.norm.endsWith('ly')) k++
    const verb = tokens[k]
    if (!verb || !isParticiple(verb.norm)) continue
    if (verb.norm === 'been') {
      // "may have been accessed", "could have been exposed": the participle's shape is enough here.
      let v = k + 1
      while (v < tokens.length && v - k <= 2 && tokens[v]!.norm.endsWith('ly')) v++
      const next = tokens[v]
      if (next && isParticiple(next.norm) && !skip.has(next.norm)) add('hedge', i, v + 1)
      // A bare "may have been" conceded before a "but" ("it may have been funny then, but it is not now") is not a hedge.
      else if (hedging && !tokens.slice(k + 1).some((t) => concessions.has(t.norm))) add('hedge', i, k + 1)
      i = k
      continue
    }
    if (!hedging || skip.has(verb.norm)) continue
    // "you may have received" is a hedge; "you may have mixed feelings" and "you may have questions" are not: ask compromise.
    const tags = tokenTags(context, sentence)
    if (!tags || !tags[k]!.has('Verb') || tags[k]!.has('Adjective')) continue
    add('hedge', i, k + 1)
    i = k
  }
}

/** How far after a harm phrase its hedge may start ("any inconvenience or concern this incident may cause"). */
const HEDGE_WINDOW = 6

/** True when tokens `[first, last)` sit in a regret or a hedged harm (see {@link HedgedHarm}). */
function inHedgedHarm(harm: HedgedHarm, tokens: readonly Token[], first: number, last: number): boolean {
  const regret = wordList(harm.regret)
  for (let i = 0; i < first; i++) if (regret.has(tokens[i]!.norm)) return true
  const modals = wordList(harm.modals)
  const causes = wordList(harm.causes)
  for (let i = last; i < tokens.length && i < last + HEDGE_WINDOW; i++) {
    if (!modals.has(tokens[i]!.norm)) continue
    // "may have caused", "mogły z tego wyniknąć": the cause verb within three words of the modal.
    for (let j = i + 1; j <= i + 3 && j < tokens.length; j++) if (causes.has(tokens[j]!.norm)) return true
  }
  return false
}
