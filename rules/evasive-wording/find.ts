/**
 * Finds evasive wording. Rules report independently: where vague-wording's
 * finding overlaps one of this rule's ("only a small number of users" is a
 * minimiser, not also vague), the engine keeps this one (vague-wording
 * declares `yieldsTo: ['evasive-wording']`).
 */
import type {Block, EmailDocument, Language} from '../../src/document.js'
import type {PhraseEntry, PhraseHit, Sentence, Token} from '../../src/language.js'
import type {RuleContext, SuggestionInput} from '../../src/rule.js'
import {findApologyHits} from '../shared/apology.js'
import {
  afterWord,
  allowMatcher,
  clauseStart,
  deletion,
  isAllowed,
  joined,
  longestFirst,
  matchCase,
  proseBlocks,
  tokenTags,
  touchesPlaceholder,
  wordList,
  wordListEntry,
  type ProseBlock,
} from '../shared/scan.js'
import type {EvasiveCategory, EvasiveLexicon, EvasivePhrase} from './lexicon.js'
import en from './en.js'
import pl from './pl.js'

/** evasive-wording's data per language. */
export const evasiveLexicons: Record<Language, EvasiveLexicon> = {en, pl}

/** One evasive phrase in a block. */
export interface EvasiveFinding {
  category: EvasiveCategory | 'extra'
  block: Block
  sentence: Sentence
  /** Offsets in the block's text. */
  start: number
  end: number
  firstToken: number
  lastToken: number
  /** An owned rewrite of this very phrase, when one can be built ("We sent an incorrect email"). */
  example?: string
  suggestions: SuggestionInput[]
}

/** What to look for. */
export interface FindEvasiveOptions {
  /** Agentless passives (English uses compromise for them). */
  passives: boolean
  /** More evasive phrases (any language). */
  extraPhrases: readonly string[]
  /** Phrases to accept. */
  allow: readonly string[]
}

/** The defaults: everything the lexicon knows, nothing extra. */
export const DEFAULT_FIND_OPTIONS: FindEvasiveOptions = {passives: true, extraPhrases: [], allow: []}

/**
 * Every evasive phrase in the subject, preheader and body prose, one finding
 * per span (the longest wins where two overlap), in reading order.
 *
 * @example
 * for (const f of findEvasive(context, DEFAULT_FIND_OPTIONS)) console.log(f.category, f.block.text.slice(f.start, f.end))
 */
export function findEvasive(context: RuleContext<unknown, unknown>, options: FindEvasiveOptions = DEFAULT_FIND_OPTIONS): EvasiveFinding[] {
  // evasive-wording and vague-wording both ask (vague-wording to stay off evasive spans): compute once per document.
  const key = JSON.stringify([options.passives, options.extraPhrases, options.allow])
  let byOptions = cache.get(context.document)
  if (!byOptions) {
    byOptions = new Map()
    cache.set(context.document, byOptions)
  }
  const cached = byOptions.get(key)
  if (cached) return cached
  const lexicon = evasiveLexicons[context.language]
  const blocks = proseBlocks(context)
  const scan = new Scanner(context, lexicon, blocks, options)
  const out: EvasiveFinding[] = []
  for (const {sentences} of blocks) {
    for (const sentence of sentences) out.push(...scan.sentence(sentence))
  }
  byOptions.set(key, out)
  return out
}

const cache = new WeakMap<EmailDocument, Map<string, EvasiveFinding[]>>()

/** The word lists a sentence's tokens are looked up in, one bit each (see {@link Triggers}). */
const REGRET = 1
const CUE = 2
const HARM_NOUN = 4
const ADVERB = 8
const ADJECTIVE = 16
const COMPANY = 32
const INFORM_VERB = 64
const THING = 128
/** The bits by list (for tests). */
export const TRIGGER_BITS = {REGRET, CUE, HARM_NOUN, ADVERB, ADJECTIVE, COMPANY, INFORM_VERB, THING} as const

/**
 * The lists every token is looked up in, merged: one map look-up per token
 * gives its bit for each list, the same answer as each list's
 * {@link wordList}`.has` (same lower-casing, apostrophes and `*` stems).
 * Built once per lexicon.
 */
export class Triggers {
  private readonly exact = new Map<string, number>()
  /** Stems by their first code unit, with their bits. */
  private readonly stems = new Map<number, {stem: string; bits: number}[]>()
  /**
   * A filter on the first two code units (low bytes) of exact words and stems,
   * and on the first one of one-letter words and stems: most tokens are in no
   * list and are answered without a map look-up.
   */
  private readonly pairs = new Uint8Array(65536)
  private readonly oneWord = new Uint8Array(256)
  private readonly oneStem = new Uint8Array(256)
  /** Participle → active form, for English passives. */
  readonly passiveVerbs: ReadonlyMap<string, string>

  constructor(lexicon: EvasiveLexicon) {
    const lists: [readonly string[], number][] = [
      [lexicon.harm.regretVerbs, REGRET],
      [lexicon.passive.cues, CUE],
      [lexicon.harm.nouns, HARM_NOUN],
      [lexicon.minimiser.adverbs, ADVERB],
      [lexicon.minimiser.adjectives, ADJECTIVE],
      [lexicon.informant.companies, COMPANY],
      [lexicon.informant.verbs, INFORM_VERB],
      [lexicon.actor.things, THING],
    ]
    for (const [words, bit] of lists) {
      for (const raw of words) {
        const {word, stem: isStem} = wordListEntry(raw)
        if (isStem) {
          const stem = word // the entry without its `*`
          const first = stem.charCodeAt(0)
          let list = this.stems.get(first)
          if (!list) this.stems.set(first, (list = []))
          list.push({stem, bits: bit})
          if (stem.length >= 2) this.pairs[pairSlot(stem)] = 1
          else this.oneStem[first & 255] = 1
        } else {
          this.exact.set(word, (this.exact.get(word) ?? 0) | bit)
          if (word.length >= 2) this.pairs[pairSlot(word)] = 1
          else this.oneWord[word.length === 1 ? word.charCodeAt(0) & 255 : 0] = 1
        }
      }
    }
    this.passiveVerbs = new Map(lexicon.passive.verbs.map((v) => [v.participle, v.active]))
  }

  /** The bits of every list that has `norm`. */
  of(norm: string): number {
    const c0 = norm.charCodeAt(0) & 255
    if (this.oneStem[c0] === 0 && (norm.length >= 2 ? this.pairs[pairSlot(norm)] === 0 : this.oneWord[c0] === 0)) return 0
    let bits = this.exact.get(norm) ?? 0
    const stems = this.stems.get(norm.charCodeAt(0))
    if (stems) for (const s of stems) if (norm.startsWith(s.stem)) bits |= s.bits
    return bits
  }

  /** The bits of every token of a sentence. */
  ofTokens(tokens: readonly Token[]): number[] {
    // A plain array of small integers: cheaper to create than a typed array, for a few words.
    const out: number[] = []
    for (let i = 0; i < tokens.length; i++) out.push(this.of(tokens[i]!.norm))
    return out
  }
}

/** Slot of a word's first two code units in {@link Triggers}' filter. */
function pairSlot(word: string): number {
  return ((word.charCodeAt(0) & 255) << 8) | (word.charCodeAt(1) & 255)
}

const triggers = new WeakMap<EvasiveLexicon, Triggers>()

/** True when some token has `bit`. */
function anyBit(bits: readonly number[], bit: number): boolean {
  for (let i = 0; i < bits.length; i++) if ((bits[i]! & bit) !== 0) return true
  return false
}

/** The {@link Triggers} of a lexicon, built once. */
export function triggersOf(lexicon: EvasiveLexicon): Triggers {
  let t = triggers.get(lexicon)
  if (!t) {
    t = new Triggers(lexicon)
    triggers.set(lexicon, t)
  }
  return t
}

class Scanner {
  private readonly phrases
  private readonly harmHedges
  private readonly connectors
  private readonly agents
  private readonly cuePhrases
  private readonly informantLeads
  private readonly firstPerson
  private readonly extra
  private readonly allow
  private readonly conditions
  /** Sentences that apologise or regret (for phrases that need one). */
  private readonly apologetic = new Set<Sentence>()
  /** True when the email owns the mistake somewhere ("our fault"): blame is then context, not deflection. */
  private readonly owned: boolean
  private readonly triggers: Triggers
  /** The list bits of every sentence's tokens (see {@link Triggers}). */
  private readonly bitsOf = new Map<Sentence, number[]>()
  /** The bits of the sentence being read. */
  private bits: readonly number[] = []
  /** Whether the body says in the first person what the sender did ("we sent", "wysłaliśmy"); computed on first need. */
  private bodyActs: boolean | undefined

  constructor(
    private readonly context: RuleContext<unknown, unknown>,
    private readonly lexicon: EvasiveLexicon,
    private readonly blocks: readonly ProseBlock[],
    private readonly options: FindEvasiveOptions,
  ) {
    this.phrases = context.matcher<EvasivePhrase>('evasive:phrases', lexicon.phrases)
    this.harmHedges = context.matcher('evasive:harm-hedges', lexicon.harm.hedges)
    this.connectors = context.matcher('evasive:connectors', lexicon.blame.connectors)
    this.agents = context.matcher('evasive:agents', lexicon.blame.agents)
    this.cuePhrases = context.matcher('evasive:cue-phrases', lexicon.passive.cuePhrases)
    this.informantLeads = context.matcher('evasive:informant-leads', lexicon.informant.passiveLeads)
    this.firstPerson = wordList(lexicon.ownedAction.pronouns)
    this.triggers = triggersOf(lexicon)
    const extra = options.extraPhrases.map((p) => p.trim()).filter((p) => p.length > 0)
    this.extra =
      extra.length > 0
        ? context.matcher(
            `evasive:extra:${JSON.stringify(extra)}`,
            extra.map((phrase) => ({phrase})),
          )
        : undefined
    this.allow = allowMatcher(context, options.allow)
    this.conditions = wordList(lexicon.conditions)

    const hits = findApologyHits(
      context,
      blocks.map((b) => b.block),
    )
    const ownership = context.matcher('evasive:ownership', lexicon.ownership)
    const negations = wordList(lexicon.ownershipNegations)
    let owned = false
    // Apology hits by block, in order: one forward pass per block instead of every hit for every sentence.
    const hitsByBlock = new Map<Block, typeof hits>()
    for (const h of hits) {
      const list = hitsByBlock.get(h.block)
      if (list) list.push(h)
      else hitsByBlock.set(h.block, [h])
    }
    for (const {block, sentences} of blocks) {
      const blockHits = hitsByBlock.get(block) ?? []
      let next = 0
      // "We sent you an offer email yesterday. That email was sent in error.": the act is owned in one sentence and the
      // mistake named in the next, with the same verb ("Mistakes were made" after "we sent the update" owns nothing).
      let previous: Sentence | undefined
      for (const sentence of sentences) {
        while (next < blockHits.length && blockHits[next]!.start < sentence.start) next++
        let apologetic = false
        for (let k = next; k < blockHits.length && blockHits[k]!.start < sentence.end; k++) {
          if (blockHits[k]!.end <= sentence.end) {
            apologetic = true
            break
          }
        }
        const bits = this.triggers.ofTokens(sentence.tokens)
        this.bitsOf.set(sentence, bits)
        this.bits = bits
        if (apologetic) this.apologetic.add(sentence)
        else if (anyBit(bits, REGRET)) this.apologetic.add(sentence)
        if (owned) continue
        // "not our fault" does not own it, and must not hide an owning phrase that overlaps it.
        const notNegated = (hit: {firstToken: number}): boolean => {
          const before = sentence.tokens[hit.firstToken - 1]
          return !before || !negations.has(before.norm)
        }
        if (ownership.find(sentence.tokens, block.text, notNegated).length > 0) owned = true
        if (owned) continue
        // The verbs are looked for only in a sentence with a mistake cue (and then in the one before it).
        if (this.hasCue(sentence)) {
          const before = previous ? this.pastVerbOf(previous) : undefined
          if (this.actedInPast(sentence) || (before !== undefined && repeatsVerb(sentence.tokens, before))) owned = true
        }
        previous = sentence
      }
    }
    this.owned = owned
  }

  /** True when a body sentence says in the first person what the sender did (see {@link pastVerbOf}). */
  private bodySaysWhatWeDid(): boolean {
    if (this.bodyActs === undefined) {
      this.bodyActs = this.blocks.some(({block, sentences}) => !isHeadline(block) && sentences.some((s) => this.pastVerbOf(s) !== undefined))
    }
    return this.bodyActs
  }

  /** A first-person subject: "we", "I", or a Polish first-person past form ("wysłaliśmy"), which carries its subject. */
  private isFirstPerson(norm: string): boolean {
    if (this.firstPerson.has(norm)) return true
    return this.lexicon.ownedAction.pronouns.length === 0 && this.lexicon.ownedAction.verbEndings.some((e) => norm.endsWith(e))
  }

  /**
   * True when the sentence says "we" did the wrong thing: "we sent the wrong
   * price", "podaliśmy błędną cenę". A first-person verb in the past and a
   * mistake cue in the same sentence.
   */
  private ownsAction(sentence: Sentence): boolean {
    // this.bits are the sentence's (set by the caller).
    return this.hasCue(sentence) && this.actedInPast(sentence)
  }

  /** A mistake cue in the sentence ("wrong", "by mistake", "in error"); this.bits are the sentence's. */
  private hasCue(sentence: Sentence): boolean {
    return anyBit(this.bits, CUE) || this.cuePhrases.test(sentence.tokens)
  }

  /** A first-person subject with a past verb: "we sent", "we accidentally sent", "wysłaliśmy". */
  private actedInPast(sentence: Sentence): boolean {
    return this.pastVerbOf(sentence) !== undefined
  }

  /** The past verb of {@link actedInPast} ("sent", "wysłaliśmy"), or undefined. */
  private pastVerbOf(sentence: Sentence): string | undefined {
    const o = this.lexicon.ownedAction
    const tokens = sentence.tokens
    const pronouns = wordList(o.pronouns)
    const endings = o.verbEndings
    const irregular = wordList(o.irregularPast)
    const notOwning = wordList(o.notOwning)
    const isPast = (norm: string): boolean => !notOwning.has(norm) && (irregular.has(norm) || endings.some((e) => norm.endsWith(e)))
    for (let i = 0; i < tokens.length; i++) {
      const norm = tokens[i]!.norm
      if (o.pronouns.length === 0) {
        if (isPast(norm)) return norm
        continue
      }
      if (!pronouns.has(norm)) continue
      // "we sent", "we accidentally sent", "we had sent"
      for (let j = i + 1; j < tokens.length && j <= i + 3; j++) if (isPast(tokens[j]!.norm)) return tokens[j]!.norm
    }
    return undefined
  }

  sentence(sentence: Sentence): EvasiveFinding[] {
    this.bits = this.bitsOf.get(sentence) ?? this.triggers.ofTokens(sentence.tokens)
    const found: EvasiveFinding[] = []
    this.lexiconPhrases(sentence, found)
    this.harm(sentence, found)
    if (!this.owned) {
      this.blame(sentence, found)
      this.informants(sentence, found)
      this.actors(sentence, found)
    }
    this.minimisers(sentence, found)
    // Once the email owns the mistake, a passive that reports its impact ("1,214 customers were charged twice") is a fact, not a dodge.
    // A subject or preview is a headline ("Webhook sent twice on 4 March"): its passive hides nobody when the body says, in the
    // first person, what the sender did ("we sent", "wysłaliśmy").
    if (this.options.passives && !this.owned && !(isHeadline(sentence.block) && this.bodySaysWhatWeDid())) {
      if (this.context.language === 'en') this.englishPassives(sentence, found)
      else this.polishPassives(sentence, found)
    }
    if (this.extra) {
      for (const hit of this.extra.find(sentence.tokens, sentence.block.text)) found.push(this.finding('extra', sentence, hit.firstToken, hit.lastToken))
    }
    if (found.length === 0) return found
    const document = this.context.document
    // Placeholders and allowed phrases drop a finding before overlaps are settled, so that it hides no other finding.
    return longestFirst(
      found.filter((f) => !touchesPlaceholder(document, f.block, f.start, f.end) && !isAllowed(this.allow, sentence, f.firstToken, f.lastToken)),
    )
  }

  /** A finding over tokens `[first, last)` with the sentence-level owned template as a fallback quick fix. */
  private finding(category: EvasiveFinding['category'], sentence: Sentence, first: number, last: number, suggestions: SuggestionInput[] = []): EvasiveFinding {
    const tokens = sentence.tokens
    const block = sentence.block
    // A subject line is not a sentence to rewrite into an apology; the body is.
    const template: SuggestionInput[] =
      block.kind === 'subject' || block.kind === 'preheader'
        ? []
        : [
            {
              text: 'Replace the sentence with an owned apology (fill in the brackets)',
              replacement: this.lexicon.templates[category],
              span: {block, start: sentence.start, end: sentence.end},
            },
          ]
    return {
      category,
      block,
      sentence,
      start: tokens[first]!.start,
      end: tokens[last - 1]!.end,
      firstToken: first,
      lastToken: last,
      suggestions: [...suggestions, ...template],
    }
  }

  private lexiconPhrases(sentence: Sentence, found: EvasiveFinding[]): void {
    const tokens = sentence.tokens
    const text = sentence.block.text
    // Each entry's conditions decide on the candidate itself, so a longer entry they reject hides no shorter one.
    const evasive = (hit: PhraseHit<EvasivePhrase>): boolean => {
      const entry = hit.entry
      if (entry.notAfter && hit.firstToken > 0 && wordList(entry.notAfter).has(tokens[hit.firstToken - 1]!.norm)) return false
      if (entry.notBefore && hit.lastToken < tokens.length && wordList(entry.notBefore).has(tokens[hit.lastToken]!.norm)) return false
      if (entry.needsApology && !this.apologetic.has(sentence)) return false
      if (entry.excusedByOwnership && this.owned) return false
      // Agentless idioms ("doszło do błędu") are passives: the `passives` option turns them off too.
      if (entry.category === 'passive' && !this.options.passives) return false
      return true
    }
    for (const hit of this.phrases.find(tokens, text, evasive)) {
      const entry = hit.entry
      const suggestions: SuggestionInput[] = []
      if (entry.swap) {
        const [from, to] = entry.swap
        for (let k = hit.firstToken; k < hit.lastToken; k++) {
          const token = tokens[k]!
          if (token.norm !== from) continue
          suggestions.push({
            text: `Apologise without the condition: replace "${token.text}" with "${to}"`,
            replacement: matchCase(token.text, to),
            span: {block: sentence.block, start: token.start, end: token.end},
          })
          break
        }
      } else if (entry.rewrite === '') {
        const cut = deletion(sentence, hit.start, hit.end)
        suggestions.push({text: `Remove "${hit.text}"`, replacement: cut.replacement, span: {block: sentence.block, start: cut.start, end: cut.end}})
      } else if (entry.rewrite) {
        suggestions.push({
          text: `Replace with "${entry.rewrite}"`,
          replacement: matchCase(hit.text, entry.rewrite),
          span: {block: sentence.block, start: hit.start, end: hit.end},
        })
      }
      found.push(this.finding(entry.category, sentence, hit.firstToken, hit.lastToken, suggestions))
    }
  }

  /**
   * Regret without an apology ("we regret the inconvenience") and harm the
   * sender doubts ("any inconvenience this may have caused", "ewentualne
   * niedogodności"). A plain "we apologise for any inconvenience" is not
   * evasive: it is vague, and vague-wording reports it.
   *
   * When the harm is a vague stock phrase ("any inconvenience", "wszelkie
   * niedogodności"), it is left out of these spans: "We regret" and "this may
   * have caused" are reported, the words between them are not. vague-wording
   * leaves a stock harm phrase inside such a formula alone (its
   * `skipInHedgedHarm`), so the formula is reported once, here.
   */
  private harm(sentence: Sentence, found: EvasiveFinding[]): void {
    const harm = this.lexicon.harm
    const tokens = sentence.tokens
    const text = sentence.block.text
    const block = sentence.block
    const determiners = wordList(harm.determiners)
    const vagueDeterminers = wordList(harm.vagueDeterminers)
    const doubting = wordList(harm.doubting)
    const linkers = wordList(harm.linkers)
    const subjects = wordList(harm.subjects)
    for (let i = 0; i < tokens.length; i++) {
      if ((this.bits[i]! & HARM_NOUN) === 0) continue
      // Back over "any", "the", "wszelkie": the harm phrase starts at the first of them.
      let start = i
      while (start > 0 && i - start < 3 && determiners.has(tokens[start - 1]!.norm) && joined(text, tokens[start - 1]!, tokens[start]!)) start--
      const doubted = i > 0 && doubting.has(tokens[i - 1]!.norm)
      let regretAt = -1
      let k = start
      while (k > 0 && start - k < 2 && linkers.has(tokens[k - 1]!.norm)) k--
      if (k > 0 && (this.bits[k - 1]! & REGRET) !== 0) regretAt = k - 1
      let end = i + 1
      let hedgeStart = -1
      for (let j = i + 1; j <= i + 1 + harm.hedgeWindow && j < tokens.length; j++) {
        const hit = this.harmHedges.find(tokens.slice(j, j + 8), text)[0]
        if (hit && hit.firstToken === 0) {
          hedgeStart = j
          end = j + hit.lastToken
          break
        }
      }
      if (regretAt < 0 && !doubted && hedgeStart < 0) continue
      const regretFirst = regretAt > 0 && subjects.has(tokens[regretAt - 1]!.norm) ? regretAt - 1 : regretAt
      const subject = regretAt > 0 ? tokens[regretAt - 1]!.norm : ''
      const regretRewrite = harm.regretRewrite[subject]
      // The owned rewrite covers the whole formula, whatever the findings cover.
      const whole = regretAt >= 0 ? regretAt : start
      const suggestions: SuggestionInput[] = []
      const vagueHarm = !doubted && vagueDeterminers.has(tokens[start]!.norm)
      if (regretAt >= 0 && regretRewrite) {
        // "We regret the oversight" → "We are sorry for the oversight"; a stock or hedged harm becomes "the trouble we caused".
        const named = !vagueHarm && !doubted && hedgeStart < 0
        const harmText = named ? text.slice(tokens[start]!.start, tokens[i]!.end) : harm.rewrite
        suggestions.push({
          text: `Apologise and own it: "${regretRewrite} ${harmText}"`,
          replacement: `${regretRewrite} ${harmText}`,
          span: {block, start: tokens[whole]!.start, end: tokens[end - 1]!.end},
        })
      } else if (regretAt < 0) {
        // Without a regret verb the sentence already apologises ("sorry for any inconvenience this may have caused"): own the harm.
        suggestions.push({
          text: `Own the harm: "${matchCase(tokens[start]!.text, harm.rewrite)}"`,
          replacement: matchCase(tokens[start]!.text, harm.rewrite),
          span: {block, start: tokens[start]!.start, end: tokens[end - 1]!.end},
        })
      }
      const example = regretAt > 0 && regretRewrite ? `${matchCase(tokens[regretAt - 1]!.text, subject)} ${suggestions[0]!.replacement}.` : undefined
      if (!vagueHarm) {
        const finding = this.finding(regretAt >= 0 ? 'regret' : 'conditional', sentence, regretAt >= 0 ? regretFirst : start, end, suggestions)
        if (example) finding.example = example
        found.push(finding)
      } else {
        if (regretAt >= 0) {
          const finding = this.finding('regret', sentence, regretFirst, start, suggestions)
          if (example) finding.example = example
          found.push(finding)
        }
        if (hedgeStart > 0) found.push(this.finding('conditional', sentence, hedgeStart, end, suggestions))
      }
      i = end - 1
    }
  }

  /** "due to a third-party provider", "w wyniku błędu systemu naszego dostawcy": a cause that is someone else. */
  private blame(sentence: Sentence, found: EvasiveFinding[]): void {
    const tokens = sentence.tokens
    const text = sentence.block.text
    const window = this.lexicon.blame.window
    // A connector counts only with an agent after it: one without ("due to the storm") hides no connector that overlaps it.
    const ends = new Map<number, number>()
    const actors = this.lexicon.blame.actors ?? []
    const withAgent = (hit: PhraseHit<PhraseEntry & {temporal?: boolean}>): boolean => {
      // "We cancelled the exhibition after our partner withdrew the loans": we own the act; the partner is the reason.
      if (hit.entry.temporal && ownedBefore(tokens, text, hit.firstToken, actors)) return false
      // Look for the agent in the same clause, a few words on; the last one wins ("błędu systemu naszego dostawcy").
      let stop = hit.lastToken
      while (stop < tokens.length && stop - hit.lastToken < window + 2 && (stop === hit.lastToken || joinedLoose(text, tokens[stop - 1]!, tokens[stop]!)))
        stop++
      let end = -1
      for (const agent of this.agents.find(tokens.slice(hit.lastToken, stop), text)) {
        if (agent.firstToken <= window) end = hit.lastToken + agent.lastToken
      }
      if (end < 0) return false
      ends.set(hit.firstToken, end)
      return true
    }
    for (const hit of this.connectors.find(tokens, text, withAgent)) found.push(this.finding('blame', sentence, hit.firstToken, ends.get(hit.firstToken)!))
  }

  /**
   * A third party tells the story: "our vendor told us that…", "Acme, a
   * marketing company we use, informed us…", "we were notified by our
   * provider", "zostaliśmy poinformowani przez dostawcę". The reader hears
   * what someone else said instead of what the sender did and is doing. Not
   * when the teller is the sender ("our company") or the readers ("customers
   * told us"): only blame agents and outside companies count.
   */
  private informants(sentence: Sentence, found: EvasiveFinding[]): void {
    const inf = this.lexicon.informant
    const tokens = sentence.tokens
    const text = sentence.block.text
    const objects = wordList(inf.objects)
    const by = wordList(inf.by)
    const own = wordList(inf.own)
    // Tellers: agent phrases ("our database marketing vendor"), and company words that are not the sender's own.
    const tellers: {first: number; last: number}[] = this.agents.find(tokens, text).map((h) => ({first: h.firstToken, last: h.lastToken}))
    for (let k = 0; k < tokens.length; k++) {
      if ((this.bits[k]! & COMPANY) !== 0 && !(k > 0 && own.has(tokens[k - 1]!.norm))) tellers.push({first: k, last: k + 1})
    }
    if (tellers.length === 0) return
    // Passive: "we were notified by our vendor", "zostaliśmy poinformowani przez dostawcę".
    for (const lead of this.informantLeads.find(tokens, text)) {
      let b = lead.lastToken
      if (b < tokens.length && tokens[b]!.norm.endsWith('ly')) b++
      if (b >= tokens.length || !by.has(tokens[b]!.norm)) continue
      const teller = tellers.find((t) => t.first > b && t.first - b <= inf.window)
      if (teller) found.push(this.finding('blame', sentence, lead.firstToken, teller.last))
    }
    // Active: "our vendor told us", "Acme … informed us", "dostawca poinformował nas", "dostawca nas poinformował".
    for (let v = 1; v < tokens.length; v++) {
      if ((this.bits[v]! & INFORM_VERB) === 0) continue
      let object = -1
      if (v + 1 < tokens.length && objects.has(tokens[v + 1]!.norm)) object = v + 1
      else if (objects.has(tokens[v - 1]!.norm)) object = v - 1
      if (object < 0) continue
      const before = Math.min(v, object)
      // The nearest teller before the verb, within the sentence's subject (a long apposition is allowed).
      let teller: {first: number; last: number} | undefined
      for (const t of tellers) if (t.last <= before && before - t.last <= inf.window * 2 && (!teller || t.first > teller.first)) teller = t
      if (!teller) continue
      const start = before - teller.last <= inf.window ? teller.first : before
      found.push(this.finding('blame', sentence, start, Math.max(v, object) + 1))
    }
  }

  /**
   * The website or system as the actor of the mistake: "our website
   * inadvertently disclosed your address", "the system sent a duplicate
   * invoice", "nasz system omyłkowo naliczył opłatę". A verb that is the harm
   * itself ("disclosed", "leaked") needs nothing more; any other needs a
   * mistake cue in the clause ("duplicate", "wrong", "omyłkowo").
   */
  private actors(sentence: Sentence, found: EvasiveFinding[]): void {
    const a = this.lexicon.actor
    const tokens = sentence.tokens
    const text = sentence.block.text
    const determiners = wordList(a.determiners)
    const verbs = wordList(a.verbs)
    const harmful = wordList(a.harmful)
    const cues = wordList(this.lexicon.passive.cues)
    const negations = wordList(this.lexicon.passive.negations)
    for (let t = 0; t < tokens.length; t++) {
      if ((this.bits[t]! & THING) === 0) continue
      let first = t
      if (a.determiners.length > 0) {
        // "our website", "the booking system": a determiner one or two words before.
        if (t > 0 && determiners.has(tokens[t - 1]!.norm)) first = t - 1
        else if (t > 1 && determiners.has(tokens[t - 2]!.norm) && joined(text, tokens[t - 2]!, tokens[t - 1]!) && joined(text, tokens[t - 1]!, tokens[t]!))
          first = t - 2
        else continue
      }
      let v = -1
      for (let j = t + 1; j < tokens.length && j - t <= a.window; j++) {
        if (!joinedLoose(text, tokens[j - 1]!, tokens[j]!)) break
        const norm = tokens[j]!.norm
        if (negations.has(norm)) break
        // A verb stem also matches the "we" form ("wysłał*" → "wysłaliśmy"): then the sender is the actor.
        if (verbs.has(norm) && !this.isFirstPerson(norm)) {
          v = j
          break
        }
      }
      if (v < 0) continue
      const clause = clauseStart(text, tokens, first)
      if (afterWordIn(tokens, clause, first, this.conditions)) continue
      let cue = harmful.has(tokens[v]!.norm)
      for (let k = t + 1; !cue && k < tokens.length && k - v <= 8; k++) {
        if (k > v && !joinedLoose(text, tokens[k - 1]!, tokens[k]!)) break
        if (cues.has(tokens[k]!.norm)) cue = true
      }
      if (!cue && this.cuePhrases.test(tokens.slice(t + 1, Math.min(tokens.length, v + 9)))) cue = true
      if (!cue) continue
      found.push(this.finding('blame', sentence, first, v + 1))
      t = v
    }
  }

  /** "just a small mistake", "only a few customers", "a minor security incident", "drobny błąd", "tylko kilku klientów". */
  private minimisers(sentence: Sentence, found: EvasiveFinding[]): void {
    const m = this.lexicon.minimiser
    const tokens = sentence.tokens
    const text = sentence.block.text
    const adverbs = wordList(m.adverbs)
    const adjectives = wordList(m.adjectives)
    const errors = wordList(m.errors)
    const amounts = wordList(m.amounts)
    const amountNouns = wordList(m.amountNouns)
    const between = wordList(m.between)
    const apologies = wordList(m.apologies)
    const leads = wordList(m.apologyLeads)
    const negations = wordList(this.lexicon.passive.negations)
    for (let i = 0; i < tokens.length; i++) {
      const bits = this.bits[i]!
      if ((bits & (ADVERB | ADJECTIVE)) === 0) continue
      const isAdverb = (bits & ADVERB) !== 0
      // "not just a mistake" makes it bigger, not smaller.
      if (i > 0 && negations.has(tokens[i - 1]!.norm)) continue
      let end = -1
      // "we just wanted to say sorry": the adverb shrinks the apology itself.
      if (isAdverb) {
        for (let j = i + 1; j < tokens.length && j <= i + 6 && joined(text, tokens[j - 1]!, tokens[j]!); j++) {
          if (apologies.has(tokens[j]!.norm)) {
            end = j + 1
            break
          }
          if (!leads.has(tokens[j]!.norm)) break
        }
      }
      let skipped = 0
      for (let j = i + 1; end < 0 && j < tokens.length && skipped <= m.window; j++) {
        const t = tokens[j]!
        if (!joined(text, tokens[j - 1]!, t)) break
        if (errors.has(t.norm)) {
          end = j + 1
          break
        }
        if (isAdverb && amounts.has(t.norm)) {
          // An amount minimises only the people or things affected ("only a few customers", not "only a few seats left").
          for (let k = j + 1; k < tokens.length && k <= j + 3; k++) {
            if (!joined(text, tokens[k - 1]!, tokens[k]!)) break
            if (amountNouns.has(tokens[k]!.norm)) {
              end = tokens[k]!.norm === 'of' || tokens[k]!.norm === 'z' ? k : k + 1
              break
            }
          }
          break
        }
        if (between.has(t.norm) || adjectives.has(t.norm)) {
          skipped++
          continue
        }
        break
      }
      if (end < 0) continue
      const suggestions: SuggestionInput[] = []
      const stripped = strip(text, tokens, i, end, (t) => adverbs.has(t.norm) || adjectives.has(t.norm))
      if (stripped.length > 0) {
        const replacement = matchCase(tokens[i]!.text, stripped)
        suggestions.push({
          text: `Drop the minimiser: "${replacement}"`,
          replacement,
          span: {block: sentence.block, start: tokens[i]!.start, end: tokens[end - 1]!.end},
        })
      }
      found.push(this.finding('minimiser', sentence, i, end, suggestions))
      i = end - 1
    }
  }

  /**
   * English agentless passives about the mistake: "mistakes were made", "an
   * incorrect email was sent", "it was sent in error". compromise confirms the
   * participle is a verb; a cue in the clause ("wrong", "in error") shows it is
   * about the mistake; "by us" makes it owned.
   */
  private englishPassives(sentence: Sentence, found: EvasiveFinding[]): void {
    const p = this.lexicon.passive
    const tokens = sentence.tokens
    const text = sentence.block.text
    const verbs = this.triggers.passiveVerbs
    const auxiliaries = wordList(p.auxiliaries)
    const perfect = wordList(p.perfect)
    const negations = wordList(p.negations)
    const cues = wordList(p.cues)
    const ownAgents = wordList(p.ownAgents)
    const stops = wordList(p.subjectStops)
    const noneWords = wordList(p.noneWords)
    for (let v = 1; v < tokens.length; v++) {
      const active = verbs.get(tokens[v]!.norm)
      if (active === undefined) continue
      // Back from the participle: one adverb ("was accidentally sent"), then the auxiliary.
      let b = v - 1
      let adverb = false
      if (b > 0 && (tokens[b]!.norm.endsWith('ly') || cues.has(tokens[b]!.norm))) {
        adverb = true
        b--
      }
      let aux = -1
      let isPerfect = false
      if (tokens[b]!.norm === 'been' && b > 0 && perfect.has(tokens[b - 1]!.norm)) {
        aux = b - 1
        isPerfect = true
      } else if (auxiliaries.has(tokens[b]!.norm)) aux = b
      if (aux < 0) continue
      if (negations.has(tokens[aux]!.norm) || (aux + 1 < v && negations.has(tokens[aux + 1]!.norm))) continue
      const clause = clauseStart(text, tokens, aux)
      if (afterWordIn(tokens, clause, aux, this.conditions)) continue
      // This clause only: back to a joining word ("sent in error and has been cancelled" has two), on to a comma or a few words.
      let from = aux
      while (from > clause && aux - from < 6 && !stops.has(tokens[from - 1]!.norm)) from--
      let after = v + 1
      while (after < tokens.length && after - v <= 6 && !stops.has(tokens[after]!.norm) && joinedLoose(text, tokens[after - 1]!, tokens[after]!)) after++
      let cue = adverb && cues.has(tokens[v - 1]!.norm)
      for (let k = from; k < after && !cue; k++) if (cues.has(tokens[k]!.norm)) cue = true
      if (!cue && this.cuePhrases.test(tokens.slice(from, after))) cue = true
      if (!cue) continue
      if (v + 2 < tokens.length && tokens[v + 1]!.norm === 'by' && ownAgents.has(tokens[v + 2]!.norm)) continue
      // "Nobody was charged twice", "no card details were exposed": a denial, not a dodge.
      if (tokens.slice(clause, aux).some((t) => noneWords.has(t.norm))) continue
      const tags = tokenTags(this.context, sentence)
      if (!tags || !tags[v]!.has('Verb')) continue
      // The subject: back from the auxiliary to a clause start or a joining word, at most six words.
      let s = aux
      while (s > clause && aux - s < 6 && !stops.has(tokens[s - 1]!.norm)) {
        s--
        // A pronoun is a whole subject ("we're sorry you were charged": the subject is "you").
        if (tags[s]!.has('Pronoun') && !tags[s]!.has('Possessive')) break
        if (tags[s]!.has('Verb') || tags[s]!.has('Copula')) {
          s++
          break
        }
      }
      const hasSubject = s < aux && (s === clause || !isRelative(tokens[s - 1]!.norm))
      // The finding is the verb that hides the agent ("was sent"); the subject may be vague-wording's ("some customers").
      const first = aux
      const suggestions: SuggestionInput[] = []
      let example: string | undefined
      if (hasSubject) {
        const subject = tokens.slice(s, aux)
        const object = objectOf(text, subject, tags.slice(s, aux), p.objectPronouns)
        const verb = isPerfect ? `have ${tokens[v]!.text}` : active
        const rewrite = `${p.we} ${verb} ${object}`
        const replacement = tokens[s]!.start === sentence.start ? matchCase('W', rewrite) : rewrite
        suggestions.push({text: `Say who did it: "${replacement}"`, replacement, span: {block: sentence.block, start: tokens[s]!.start, end: tokens[v]!.end}})
        example = matchCase('W', rewrite)
      }
      const finding = this.finding('passive', sentence, first, v + 1, suggestions)
      if (example) finding.example = example
      found.push(finding)
    }
  }

  /**
   * Polish agentless passives about the mistake: "wiadomość została wysłana
   * omyłkowo", and the impersonal "podano błędną datę", "popełniono błąd".
   * Polish word order is free, so the mistake cue may sit anywhere in the sentence.
   */
  private polishPassives(sentence: Sentence, found: EvasiveFinding[]): void {
    const p = this.lexicon.passive
    const tokens = sentence.tokens
    const text = sentence.block.text
    const auxiliaries = wordList(p.auxiliaries)
    const negations = wordList(p.negations)
    const cues = wordList(p.cues)
    const ownAgents = wordList(p.ownAgents)
    const noneWords = wordList(p.noneWords)
    let cue: boolean | undefined
    const hasCue = (): boolean => {
      if (cue === undefined) cue = tokens.some((t) => cues.has(t.norm)) || this.cuePhrases.test(tokens)
      return cue
    }
    for (let i = 0; i < tokens.length; i++) {
      const norm = tokens[i]!.norm
      if (i > 0 && negations.has(tokens[i - 1]!.norm)) continue
      const impersonal = p.impersonal.find((f) => f.form === norm)
      if (impersonal) {
        if (!impersonal.alwaysError && !hasCue()) continue
        if (afterWordIn(tokens, clauseStart(text, tokens, i), i, this.conditions)) continue
        const replacement = matchCase(tokens[i]!.text, impersonal.active)
        const finding = this.finding('passive', sentence, i, i + 1, [
          {text: `Say who did it: "${replacement}"`, replacement, span: {block: sentence.block, start: tokens[i]!.start, end: tokens[i]!.end}},
        ])
        finding.example = matchCase('P', replacement)
        found.push(finding)
        continue
      }
      if (!auxiliaries.has(norm)) continue
      // The participle right after the auxiliary, or after one adverb ("została omyłkowo wysłana").
      let v = -1
      let active = ''
      for (let j = i + 1; j < tokens.length && j <= i + 2; j++) {
        const verb = p.verbs.find((x) => tokens[j]!.norm.startsWith(x.participle.endsWith('*') ? x.participle.slice(0, -1) : x.participle))
        if (verb) {
          v = j
          active = verb.active
          break
        }
        if (!(tokens[j]!.norm.endsWith('o') || tokens[j]!.norm.endsWith('ie') || cues.has(tokens[j]!.norm))) break
      }
      if (v < 0 || !hasCue()) continue
      const clause = clauseStart(text, tokens, i)
      if (afterWordIn(tokens, clause, i, this.conditions)) continue
      if (tokens.slice(clause, i).some((t) => noneWords.has(t.norm))) continue
      if (v + 2 < tokens.length && tokens[v + 1]!.norm === 'przez' && ownAgents.has(tokens[v + 2]!.norm)) continue
      const replacement = matchCase(tokens[i]!.text, active)
      const finding = this.finding('passive', sentence, i, v + 1, [
        {text: `Say who did it: "${replacement}"`, replacement, span: {block: sentence.block, start: tokens[i]!.start, end: tokens[v]!.end}},
      ])
      finding.example = matchCase('P', replacement)
      found.push(finding)
      i = v
    }
  }
}

/** Like {@link joined}, but quotes, apostrophes and slashes inside a clause do not break it; commas and full stops do. */
function joinedLoose(text: string, a: Token, b: Token): boolean {
  for (let i = a.end; i < b.start; i++) {
    const c = text[i]
    if (c === ',' || c === ';' || c === ':' || c === '.' || c === '!' || c === '?' || c === '(' || c === ')' || c === '—' || c === '–') return false
  }
  return true
}

function afterWordIn(tokens: readonly Token[], from: number, to: number, words: ReturnType<typeof wordList>): boolean {
  return afterWord(tokens.slice(from, to), to - from, words)
}

function isRelative(norm: string): boolean {
  return norm === 'that' || norm === 'which' || norm === 'who' || norm === 'który' || norm === 'która' || norm === 'które'
}

/** True when a word of the sentence is `verb` or shares its stem ("sent"/"sent", "wysłaliśmy"/"wysłana"). */
function repeatsVerb(tokens: readonly Token[], verb: string): boolean {
  const stem = verb.slice(0, 5)
  return tokens.some((t) => t.norm === verb || (verb.length >= 5 && t.norm.length >= 5 && t.norm.startsWith(stem)))
}

/** The subject of a passive as the object of the active rewrite: pronouns change case, a sentence-initial capital goes. */
function objectOf(text: string, subject: readonly Token[], tags: ReadonlyArray<ReadonlySet<string>>, pronouns: Record<string, string>): string {
  const phrase = text.slice(subject[0]!.start, subject[subject.length - 1]!.end)
  if (subject.length === 1) {
    const pronoun = pronouns[subject[0]!.norm]
    if (pronoun) return pronoun
  }
  const first = subject[0]!
  if (first.text === 'I' || tags[0]?.has('ProperNoun') || tags[0]?.has('Acronym')) return phrase
  return first.text.charAt(0).toLowerCase() + phrase.slice(1)
}

/** The text of tokens `[from, to)` without the tokens `drop` selects (and the space after each). */
function strip(text: string, tokens: readonly Token[], from: number, to: number, drop: (t: Token) => boolean): string {
  let out = ''
  let at = tokens[from]!.start
  const end = tokens[to - 1]!.end
  for (let k = from; k < to; k++) {
    const t = tokens[k]!
    if (!drop(t)) continue
    out += text.slice(at, t.start)
    at = k + 1 < to ? tokens[k + 1]!.start : t.end
  }
  out += text.slice(at, end)
  return out.trim()
}

/** How far back a first-person actor is looked for before a temporal connector (a bounded look keeps floods linear). */
const ACTOR_WINDOW = 15

/** True when a first-person actor ("we", "I") opens the clause that ends at token `at`: no clause break between them. */
function ownedBefore(tokens: readonly Token[], text: string, at: number, actors: readonly string[]): boolean {
  for (let i = at - 1; i >= 0 && at - i <= ACTOR_WINDOW; i--) {
    const between = text.slice(tokens[i]!.end, tokens[i + 1]!.start)
    if (/[.;:!?\u2013\u2014]/.test(between)) return false
    if (actors.includes(tokens[i]!.norm)) return true
  }
  return false
}

/** The subject line and the inbox preview: headlines, not sentences of the letter. */
function isHeadline(block: Block): boolean {
  return block.kind === 'subject' || block.kind === 'preheader'
}
