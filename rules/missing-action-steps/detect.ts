/**
 * Finds the instructions an email gives its reader ("reset your password",
 * "zignoruj poprzednią wiadomość", "you don't need to do anything") and
 * whether each one comes with a way to act (a link, a button, a phone number
 * or a monitored address). Shared by missing-action-steps and part-mismatch,
 * so it works on any list of blocks: the document's, or one MIME part's.
 */
import type {Block, EmailDocument, Link, TextSpan} from '../../src/document.js'
import {sentenceBound, type PhraseEntry, type PhraseHit, type PhraseMatcher, type Sentence, type Token} from '../../src/language.js'
import type {RuleContext} from '../../src/rule.js'
import type {IncidentKind} from '../../src/config.js'
import {findPlaceholders} from '../../src/parse/shared.js'
import {isNoReplyAddress} from '../no-reply-sender/index.js'
import {blockZones, type ZoneKind} from '../../src/zones.js'
import en from './en.js'
import pl from './pl.js'
import {wordList} from '../shared/scan.js'

/** What an instruction needs before the reader can follow it. */
export type Means = 'none' | 'link' | 'contact'

/**
 * How a phrase counts:
 * - `imperative`: a verb telling the reader to act ("reset", "zresetuj");
 * - `modal`: a lead-in that needs a verb after it ("you can", "możesz", "prosimy");
 * - `done`: a whole instruction on its own ("no action is needed", "prosimy o kontakt");
 * - `exclude`: looks like an instruction but is not one ("do not reply", "contact details").
 */
export type StepForm = 'imperative' | 'modal' | 'done' | 'exclude'

/** One phrase of the action-step lexicon. */
export interface StepPhrase extends PhraseEntry {
  form: StepForm
  /** What the reader needs to follow the instruction (default `none`). */
  means?: Means
  /** For a weak modal ("można"): counts only with an infinitive the data lists, not with any verb. */
  strict?: boolean
  /**
   * For an English modal of advice ("you should", "we recommend that you"):
   * any verb after it is a step ("you should create new passwords"), unless
   * the data lists it as no action ("you should receive", "you may have").
   */
  anyVerb?: boolean
  /** True when the sender's own product will prompt the reader ("you will be asked to"): no link is needed. */
  prompted?: boolean
  /**
   * A declarative that is a step only next to a link ("Szczegóły znajdą
   * Państwo pod adresem …", "The new timetable is available at …"); without
   * one it is no step and no finding.
   */
  linkOnly?: boolean
}

/** An infinitive after a Polish modal ("możesz usunąć", "prosimy zadzwonić"). */
export interface InfinitivePhrase extends PhraseEntry {
  means?: Means
  /** True for verbs that stop being an action step when negated ("prosimy nie odpowiadać"). */
  notNegated?: boolean
  /** True for verbs that make no instruction at all ("prosimy przyjąć nasze przeprosiny"). */
  exclude?: boolean
}

/** This rule's data for one language. */
export interface ActionStepsLexicon {
  phrases: StepPhrase[]
  /**
   * True when an imperative counts only at the start of a clause (English,
   * where "call", "book" and "order" are also nouns); false when imperative
   * forms are unambiguous wherever they stand (Polish).
   */
  clauseInitial: boolean
  /** Words that may stand between a clause start and its imperative ("please", "simply", "don't"). */
  leadWords: string[]
  /** Words after an imperative that show it is a verb with an object ("your", "us", "the"). */
  objectWords: string[]
  /** How many tokens may separate a modal from its verb ("you can still use", "prosimy też sprawdzić"). */
  modalGap: number
  /** Infinitives after a modal, with what they need (Polish); empty when modals take imperative entries (English). */
  infinitives: InfinitivePhrase[]
  /** The word that negates a following infinitive ("nie"). */
  negation: string
  /** Words in a link's text or address that mark it as a contact page ("contact", "kontakt"). */
  contactWords: string[]
  /**
   * Words after "contact" / "call" that name someone other than the sender
   * ("your bank", "the card issuer", "bank", "policję"): the reader acts
   * offline, and no link or number from the sender is needed.
   */
  thirdParties: string[]
  /**
   * Objects that turn a link verb into general advice ("only click links you
   * trust", "do not open attachments"): nothing to link to.
   */
  adviceObjects: string[]
  /** Verbs after a modal of advice that are no action ("you should receive", "you may have"). */
  notActions: string[]
  /**
   * Words compromise reads as a verb after a modal of advice whatever the
   * sentence ("What you need to do", "you can ignore it"): it is not asked
   * about them. test/rules-prefilters.test.ts checks each against compromise.
   */
  adviceVerbs: string[]
  /**
   * Words that address the reader about what they might do ("if you", "you
   * can", "jeśli"): when the email has such words but no step was recognised,
   * the evidence is mixed and the rule stays silent.
   */
  readerCues: PhraseEntry[]
  /**
   * Words right after a reader cue that make it a counterfactual, not advice:
   * "you should have received", "informacja nie powinna była trafić".
   */
  counterfactualAfter: string[]
  /**
   * Words that point the reader at a link or button of the email ("the link
   * below", "przycisk poniżej"): a step that says so while the email has no
   * such link is reported even when other steps are complete.
   */
  linkPointers: PhraseEntry[]
  /** A line to add when the email has no instruction at all, by incident kind. */
  suggestions: Record<IncidentKind | 'default', string>
  /** A line that adds a way to act, by means. */
  meansExamples: Record<Exclude<Means, 'none'>, string>
}

/** Lexicons by language; part-mismatch calls {@link findActionSteps} with its own context, so the data is read here. */
export const actionLexicons = {en, pl}

/** One instruction to the reader. */
export interface ActionStep {
  /** The instruction's words ("reset your password" → the verb phrase the lexicon matched). */
  span: TextSpan
  /** True when the reader needs a link, button, phone number or address to follow it. */
  needsMeans: boolean
  /** True when such a way to act is given (always true when none is needed). */
  hasMeans: boolean
  /** Which way to act it needs. */
  means: Means
}

/** Block kinds that never carry an instruction to the reader about the incident. */
const NOT_INSTRUCTIONS = new Set(['quote', 'code', 'footer', 'signature', 'subject', 'preheader', 'title'])

/** Most sentences handed to compromise in one call; a real email needs a handful. */
const MAX_NLP_SENTENCES = 40

/** Zones that hold no instruction about the incident: an unsubscribe line in the footer, a signature, a quoted message, a promotion. */
const NOT_INSTRUCTION_ZONES: ReadonlySet<ZoneKind> = new Set(['footer', 'signature', 'quote', 'promo'])

/** Block kinds whose links and contact details are not the sender's offer to act (a quoted reply, a code sample). */
const NOT_MEANS = new Set(['quote', 'code'])

/** How many blocks before and after an instruction a link may sit ("Here is the right link:" then a button). */
const LINK_WINDOW_BEFORE = 1
const LINK_WINDOW_AFTER = 3
/** Phone numbers have 9–15 digits (E.164); dates and prices have fewer or use dots. */
const PHONE_MIN_DIGITS = 9
const PHONE_MAX_DIGITS = 15

/** Words in a link that mark it as an unsubscribe or preferences link, which is not a way to act on the incident. */
const UNSUBSCRIBE_WORDS = ['unsubscribe', 'opt-out', 'optout', 'preferences', 'wypisz', 'rezygn', 'preferencj', 'powiadomie']

/** Options for {@link findActionSteps}. */
export interface FindOptions {
  /**
   * Stop at the first step for which this returns true. Callers that only need
   * to know whether a usable step exists pass it, so that compromise is not
   * asked about the rest of a long email.
   */
  stopWhen?: (step: ActionStep) => boolean
  /**
   * Find only the steps that need no new compromise analysis: where a step
   * would hang on compromise (and its verbs are not known yet), the rest of
   * that sentence is left out. Every step returned is one the full scan finds
   * too (before the first such point a sentence is read the same way), so a
   * caller that needs one step of a kind may skip the full scan when this
   * finds one. Returns no steps when the blocks hold more sentences than the
   * compromise budget, where a skipped analysis could change another caller's
   * budget (see {@link mayDecideWithoutNlp}).
   */
  certainOnly?: boolean
}

/** A decision that needs compromise, in a {@link FindOptions.certainOnly} scan. */
const UNDECIDED = Symbol('undecided')
type Undecided = typeof UNDECIDED
/** Where compromise found verbs in a sentence, or undefined past the budget, or UNDECIDED when not asked. */
type VerbLookup = (sentence: Sentence) => [number, number][] | undefined | Undecided

/**
 * Every instruction to the reader in `blocks`, in reading order, with whether
 * it needs and has a way to act. `links` defaults to the links of the list the
 * blocks come from (the document's or the matching MIME part's).
 *
 * @example
 * const html = context.document.parts[0]
 * const steps = findActionSteps(context, html.blocks, html.links)
 * const complete = steps.some((s) => s.hasMeans)
 */
export function findActionSteps(
  context: RuleContext<unknown, unknown>,
  blocks: readonly Block[],
  links?: readonly Link[],
  options: FindOptions = {},
): ActionStep[] {
  const found: ActionStep[] = []
  for (const step of actionSteps(context, blocks, links, options.certainOnly === true)) {
    found.push(step)
    if (options.stopWhen?.(step)) break
  }
  return found
}

/**
 * {@link findActionSteps} one step at a time: each step is found (and
 * compromise asked about its sentence) only when the caller pulls it, so a
 * caller that compares two lists can stop as soon as it knows the answer.
 * The steps come in the same order as {@link findActionSteps} returns them.
 *
 * With `only`, just the steps that need that way to act ('link' or
 * 'contact'), the same ones in the same order as the full list filtered:
 * a candidate that could only be a step needing something else (advice such
 * as "you should check your statement", a command whose phrase needs no
 * link) is passed over before compromise is asked about it. (Past the
 * compromise budget of a call, which no real email reaches, the two may
 * differ: this one spends less of it.)
 *
 * @example
 * const first = actionSteps(context, html.blocks, html.links).next().value
 * const button = actionSteps(context, html.blocks, html.links, false, 'link')
 */
export function* actionSteps(
  context: RuleContext<unknown, unknown>,
  blocks: readonly Block[],
  links?: readonly Link[],
  certainOnly = false,
  only?: Exclude<Means, 'none'>,
): Generator<ActionStep, void, undefined> {
  if (certainOnly && !mayDecideWithoutNlp(context, blocks)) return
  const lexicon = actionLexicons[context.language]
  const matcher = context.matcher<StepPhrase>('missing-action-steps:phrases', lexicon.phrases)
  const infinitives = context.matcher<InfinitivePhrase>('missing-action-steps:infinitives', lexicon.infinitives)
  const leadWords = new Set(lexicon.leadWords)
  const objectWords = new Set(lexicon.objectWords)
  const placeholders = placeholderSpans(context.document, blocks)
  const budget = {left: MAX_NLP_SENTENCES}
  const verbsFor: VerbLookup = certainOnly ? (sentence) => verbCache.get(sentence) ?? UNDECIDED : (sentence) => verbsOf(context, sentence, budget)
  const zones = blockZones(context.document, blocks, links ?? linksOf(context.document, blocks))

  // The ways to act are known before the scan, so that each step is complete when found.
  let means: BlockMeans[] | undefined
  let contactAnywhere = false
  const linkNear = (index: number): boolean => {
    for (let i = Math.max(0, index - LINK_WINDOW_BEFORE); i <= Math.min(blocks.length - 1, index + LINK_WINDOW_AFTER); i++) {
      if (means![i]!.link || (i === index && means![i]!.contact)) return true
    }
    return false
  }
  const complete = (step: Omit<ActionStep, 'hasMeans'>, index: number): ActionStep => {
    if (!means) {
      means = cachedBlockMeans(context.document, blocks, links, lexicon)
      contactAnywhere = means.some((m) => m.contact) || hasMonitoredSender(context.document)
    }
    let hasMeans = true
    if (step.means === 'link') hasMeans = linkNear(index)
    else if (step.means === 'contact') hasMeans = contactAnywhere || linkNear(index)
    return {...step, hasMeans}
  }
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!
    if (!block.prose || block.boilerplate || NOT_INSTRUCTIONS.has(block.kind) || NOT_INSTRUCTION_ZONES.has(zones.kinds[index]!)) continue
    for (const sentence of context.sentencesOf(block)) {
      const quoted = quotedSpans(sentence)
      const templated = placeholders.get(block)
      const skip = templated ? [...quoted, ...templated] : quoted
      // A quoted or placeholder span rejects the candidate there, not an overlapping step after it.
      const hits = skip.length === 0 ? matcher.find(sentence.tokens, block.text) : matcher.find(sentence.tokens, block.text, (h) => !inside(skip, h.start))
      for (let h = 0; h < hits.length; h++) {
        const hit = hits[h]!
        const entry = hit.entry
        let step: {start: number; end: number; means: Means} | undefined
        // Only a phrase that needs this way to act can give a step of it (a prompted one never needs one).
        const passed = only !== undefined && ((entry.means ?? 'none') !== only || entry.prompted === true)
        if (entry.form === 'done') step = {start: hit.start, end: hit.end, means: entry.means ?? 'none'}
        else if (entry.form === 'imperative') {
          if (passed) continue
          const imperative = !lexicon.clauseInitial || isEnglishImperative(sentence, hit, leadWords, objectWords, verbsFor)
          // A certain-only scan leaves the rest of the sentence to the full scan.
          if (imperative === UNDECIDED) break
          if (imperative) step = {start: hit.start, end: hit.end, means: entry.means ?? 'none'}
        } else if (entry.form === 'modal') {
          step = modalStep(sentence, hit, hits[h + 1], lexicon, infinitives, skip)
          if (!step && entry.anyVerb) {
            // Advice needs nothing from the sender. It is decided here only when it would take in the next
            // candidate (the h++ below); otherwise that candidate is read the same either way.
            if (only !== undefined) {
              const verb = adviceVerb(sentence, hit, lexicon)
              if (verb === undefined || !hits[h + 1] || hits[h + 1]!.end > verb.end) continue
            }
            const advice = adviceStep(sentence, hit, lexicon, verbsFor)
            if (advice === UNDECIDED) break
            step = advice
          }
          // The verb that completes the modal is part of this step, not a second one.
          if (step && hits[h + 1] && hits[h + 1]!.end <= step.end) h++
        }
        if (!step) continue
        if (entry.linkOnly) {
          complete({span: {block, start: step.start, end: step.end}, needsMeans: true, means: 'link'}, index)
          if (!linkNear(index)) continue
        }
        if (entry.prompted) step.means = 'none'
        if (step.means !== 'none') step.means = offlineOr(sentence, step, lexicon)
        if (only !== undefined && step.means !== only) continue
        yield complete({span: {block, start: step.start, end: step.end}, needsMeans: step.means !== 'none', means: step.means}, index)
      }
    }
  }
}

/**
 * An English imperative: the verb opens a clause (after optional lead words
 * such as "please" or "don't"), and compromise reads it as a verb, or an object
 * follows it ("Reset your password", which compromise takes for a noun).
 */
function isEnglishImperative(
  sentence: Sentence,
  hit: PhraseHit<StepPhrase>,
  leadWords: ReadonlySet<string>,
  objectWords: ReadonlySet<string>,
  verbsFor: VerbLookup,
): boolean | Undecided {
  const tokens = sentence.tokens
  let first = hit.firstToken
  while (first > 0 && leadWords.has(tokens[first - 1]!.norm)) first--
  if (first > 0 && !isClauseBreak(sentence.block.text, tokens[first - 1]!.end, tokens[first]!.start)) return false
  const next = tokens[hit.lastToken]
  if (hit.lastToken - hit.firstToken > 1 || (next && objectWords.has(next.norm))) return true
  // A web address, email address or phone number right after the verb is its object ("Visit https://…",
  // "Email help@…", "Call 1-877-…"), where compromise takes the verb for a noun.
  if (addressFollows(sentence.block.text, hit.end)) return true
  // Only now, on a sentence the lexicon selected, is compromise asked (once per sentence). Past a
  // bound (a hostile input of thousands of short commands) the clause position alone decides.
  const verbs = verbsFor(sentence)
  if (verbs === UNDECIDED) return UNDECIDED
  if (!verbs) return true
  return inside(verbs, tokens[hit.firstToken]!.start - sentence.start)
}

/**
 * True when no scan of this document can run out of its compromise budget:
 * the instruction blocks of the document and of every MIME part hold at most
 * {@link MAX_NLP_SENTENCES} sentences together. Only then may a scan skip an
 * analysis (and leave {@link verbCache} unfilled): the cache changes an answer
 * only for a scan whose budget is spent. Counted by {@link sentenceBound}, so
 * that no block is split into sentences for this alone.
 */
function mayDecideWithoutNlp(context: RuleContext<unknown, unknown>, blocks: readonly Block[]): boolean {
  const document = context.document
  const seen = new Set<Block>()
  let sentences = 0
  for (const list of [blocks, document.blocks, ...document.parts.map((p) => p.blocks)]) {
    for (const block of list) {
      if (seen.has(block)) continue
      seen.add(block)
      if (!block.prose || block.boilerplate || NOT_INSTRUCTIONS.has(block.kind)) continue
      sentences += sentenceBound(block.text)
      if (sentences > MAX_NLP_SENTENCES) return false
    }
  }
  return true
}

/** Where compromise found verbs in a sentence, relative to its start; shared by every rule that asks. */
const verbCache = new WeakMap<Sentence, [number, number][]>()

function verbsOf(context: RuleContext<unknown, unknown>, sentence: Sentence, budget: {left: number}): [number, number][] | undefined {
  let verbs = verbCache.get(sentence)
  if (!verbs) {
    if (budget.left <= 0) return undefined
    budget.left--
    verbs = context
      .nlp(sentence)
      .match('#Verb')
      .out('offset')
      .map((v) => [v.offset.start, v.offset.start + v.offset.length] as [number, number])
    verbCache.set(sentence, verbs)
  }
  return verbs
}

/** Adverbs that may stand between a modal of advice and its verb ("you should also change", "we recommend that you immediately"). */
const ADVICE_FILLERS = new Set([
  'also',
  'still',
  'immediately',
  'now',
  'always',
  'then',
  'simply',
  'just',
  'promptly',
  'urgently',
  'first',
  'consider',
  'to',
  'that',
  'you',
  'please',
  'carefully',
  'regularly',
  'remain',
])

/**
 * A modal of advice and the verb after it, whatever the verb: "you should
 * create new passwords", "we recommend changing it". compromise confirms the
 * verb (once per sentence, only for sentences the lexicon selected).
 */
function adviceStep(
  sentence: Sentence,
  hit: PhraseHit<StepPhrase>,
  lexicon: ActionStepsLexicon,
  verbsFor: VerbLookup,
): {start: number; end: number; means: Means} | undefined | Undecided {
  const token = adviceVerb(sentence, hit, lexicon)
  if (!token) return undefined
  if (lexicon.adviceVerbs.includes(token.norm)) return {start: hit.start, end: token.end, means: 'none'}
  const verbs = verbsFor(sentence)
  if (verbs === UNDECIDED) return UNDECIDED
  const isVerb = verbs ? inside(verbs, token.start - sentence.start) : token.norm.endsWith('ing')
  if (!isVerb) return undefined
  return {start: hit.start, end: token.end, means: 'none'}
}

/** The word that may be the verb of a modal of advice ("you should [also] create"), before compromise is asked about it. */
function adviceVerb(sentence: Sentence, hit: PhraseHit<StepPhrase>, lexicon: ActionStepsLexicon): Token | undefined {
  const tokens = sentence.tokens
  let i = hit.lastToken
  while (i < tokens.length && i - hit.lastToken < 4 && ADVICE_FILLERS.has(tokens[i]!.norm)) i++
  const token = tokens[i]
  if (!token || lexicon.notActions.includes(token.norm) || token.norm === lexicon.negation) return undefined
  // Not across a clause: "you should, if …" gives no verb here.
  if (isClauseBreak(sentence.block.text, tokens[i - 1]!.end, token.start)) return undefined
  return token
}

/**
 * A step that would need a link or contact from the sender, but is done
 * elsewhere: "contact your bank", "call the card issuer", "only click links
 * you trust" (general advice). Those need nothing from the sender.
 */
function offlineOr(sentence: Sentence, step: {start: number; end: number; means: Means}, lexicon: ActionStepsLexicon): Means {
  const tokens = sentence.tokens
  let i = 0
  while (i < tokens.length && tokens[i]!.start < step.end) i++
  const after = tokens.slice(i, i + 4).map((t) => t.norm)
  if (step.means === 'contact' && after.some((w) => listHas(lexicon.thirdParties, w))) return 'none'
  if (step.means === 'link' && after.slice(0, 2).some((w) => listHas(lexicon.adviceObjects, w))) return 'none'
  return step.means
}

/** True when `word` is in the list, where an entry ending in `*` matches by prefix. */
function listHas(list: readonly string[], word: string): boolean {
  for (const entry of list) {
    if (entry.endsWith('*') ? word.startsWith(entry.slice(0, -1)) : word === entry) return true
  }
  return false
}

/**
 * True when the email's own message (lede and body zones) addresses the
 * reader about what they might do, or offers a link, address or number, in
 * a way no step was recognised in: the evidence of a missing step is mixed.
 */
export function hasMixedStepEvidence(context: RuleContext<unknown, unknown>, blocks: readonly Block[]): boolean {
  const lexicon = actionLexicons[context.language]
  const document = context.document
  const zones = blockZones(document, blocks, linksOf(document, blocks))
  const cues = context.matcher<PhraseEntry>('missing-action-steps:readerCues', lexicon.readerCues)
  const counterfactual = wordList(lexicon.counterfactualAfter)
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!
    const zone = zones.kinds[i]!
    if (zone !== 'lede' && zone !== 'body') continue
    if (!block.prose || block.boilerplate || NOT_MEANS.has(block.kind)) continue
    // A page to go to is a way to act; an address or number alone is how to reach the sender, not a step.
    if (textHasUrl(block.text)) return true
    for (const sentence of context.sentencesOf(block)) {
      const tokens = sentence.tokens
      if (cues.find(tokens, block.text, (hit) => !counterfactual.has(tokens[hit.lastToken]?.norm ?? '')).length > 0) return true
    }
  }
  for (const link of linksOf(document, blocks)) {
    const block = link.blockIndex === undefined ? undefined : blocks[link.blockIndex]
    if (block && (zones.kinds[link.blockIndex!] === 'lede' || zones.kinds[link.blockIndex!] === 'body') && linkMeans(link, lexicon) === 'link') return true
  }
  return false
}

/** The links of the list `blocks` belongs to (the document's, or its MIME part's). */
function linksOf(document: EmailDocument, blocks: readonly Block[]): readonly Link[] {
  if (blocks === document.blocks) return document.links
  return document.parts.find((p) => p.blocks === blocks)?.links ?? document.links
}

/** True when the characters between two tokens end one clause and start another. */
function isClauseBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text[i]!
    if (',;:?!()–—•·|.'.includes(c)) return true
  }
  return false
}

/** A modal lead-in with the verb that completes it ("you can ignore", "prosimy sprawdzić"). */
function modalStep(
  sentence: Sentence,
  hit: PhraseHit<StepPhrase>,
  nextHit: PhraseHit<StepPhrase> | undefined,
  lexicon: ActionStepsLexicon,
  infinitives: PhraseMatcher<InfinitivePhrase>,
  skip: readonly [number, number][],
): {start: number; end: number; means: Means} | undefined {
  const gap = lexicon.modalGap
  if (lexicon.infinitives.length === 0) {
    // English: the verb is an imperative entry of the lexicon ("you can still use the link").
    if (!nextHit || nextHit.entry.form !== 'imperative' || nextHit.firstToken - hit.lastToken > gap) return undefined
    return {start: hit.start, end: nextHit.end, means: nextHit.entry.means ?? 'none'}
  }
  // Polish: an infinitive within a few words; the data says what it needs.
  const tokens = sentence.tokens
  for (let i = hit.lastToken; i < tokens.length && i <= hit.lastToken + gap; i++) {
    const token = tokens[i]!
    if (!isInfinitive(token) || inside(skip, token.start)) continue
    const entry = infinitives.find(tokens.slice(i, i + 4), sentence.block.text)[0]
    const known = entry && entry.firstToken === 0 ? entry : undefined
    const negated = i > 0 && tokens[i - 1]!.norm === lexicon.negation
    if (known?.entry.exclude || (negated && known?.entry.notNegated) || (hit.entry.strict && !known)) return undefined
    const end = known ? tokens[i + known.lastToken - 1]!.end : token.end
    return {start: hit.start, end, means: known?.entry.means ?? 'none'}
  }
  return undefined
}

/** A Polish infinitive ends in -ć (zadzwonić, usunąć) or -c (móc, pomóc). */
function isInfinitive(token: Token): boolean {
  const w = token.norm
  return w.length >= 3 && (w.endsWith('ć') || w.endsWith('óc'))
}

/** Ways to act found in each block: a working link, or contact details. */
interface BlockMeans {
  link: boolean
  contact: boolean
}

/**
 * Steps that send the reader to a link or button of the email ("re-confirm
 * using the link below", "wystarczy kliknąć przycisk poniżej") when the email
 * has no link or button to act on after the sentence (before it, for "above"
 * words too): the promised way to act is missing, whatever other steps say.
 */
export function promisedLinksMissing(context: RuleContext<unknown, unknown>): ActionStep[] {
  const document = context.document
  const lexicon = actionLexicons[context.language]
  const pointers = context.matcher<PhraseEntry>('missing-action-steps:linkPointers', lexicon.linkPointers)
  if (!context.sentences.some((s) => pointers.test(s.tokens))) return []
  // Any link to act on anywhere in the body keeps the rule silent: "below" may be further down than a step's own window.
  const blocks = document.blocks
  const zones = blockZones(document, blocks, document.links)
  const actionable = document.links.some(
    (link) => link.blockIndex !== undefined && !NOT_INSTRUCTION_ZONES.has(zones.kinds[link.blockIndex]!) && linkMeans(link, lexicon) !== 'none',
  )
  if (actionable || blocks.some((b, i) => !NOT_INSTRUCTION_ZONES.has(zones.kinds[i]!) && textHasUrl(b.text))) return []
  const missing: ActionStep[] = []
  for (const step of actionSteps(context, blocks, undefined, false, 'link')) {
    if (step.hasMeans) continue
    const {block, start, end} = step.span
    const sentence = context.sentencesOf(block).find((x) => x.start <= start && end <= x.end)
    if (sentence && pointers.test(sentence.tokens)) missing.push(step)
  }
  return missing
}

/**
 * True when every contact step in `blocks` has its way to act: the blocks give
 * an email address or phone number somewhere, or the sender takes replies.
 * The same answer the steps of {@link actionSteps} carry, without finding them.
 */
export function contactEverywhere(context: RuleContext<unknown, unknown>, blocks: readonly Block[], links?: readonly Link[]): boolean {
  const lexicon = actionLexicons[context.language]
  return cachedBlockMeans(context.document, blocks, links, lexicon).some((m) => m.contact) || hasMonitoredSender(context.document)
}

/** {@link blockMeans} by block list, links and lexicon: every scan of a lint (certain-only and full, each rule's) reads the same answer, never changed. */
const meansCache = new WeakMap<
  readonly Block[],
  {document: EmailDocument; links: readonly Link[] | undefined; lexicon: ActionStepsLexicon; means: BlockMeans[]}[]
>()

function cachedBlockMeans(document: EmailDocument, blocks: readonly Block[], links: readonly Link[] | undefined, lexicon: ActionStepsLexicon): BlockMeans[] {
  let list = meansCache.get(blocks)
  if (!list) meansCache.set(blocks, (list = []))
  for (const c of list) if (c.document === document && c.links === links && c.lexicon === lexicon) return c.means
  const means = blockMeans(document, blocks, links, lexicon)
  list.push({document, links, lexicon, means})
  return means
}

function blockMeans(document: EmailDocument, blocks: readonly Block[], links: readonly Link[] | undefined, lexicon: ActionStepsLexicon): BlockMeans[] {
  // A quoted reply or a code sample may show the old, wrong link: it is no way to act.
  const means = blocks.map((block): BlockMeans => {
    if (NOT_MEANS.has(block.kind)) return {link: false, contact: false}
    return {link: textHasUrl(block.text), contact: textHasEmail(block.text) || textHasPhone(block.text)}
  })
  // Link block indexes point into the full list the links came with.
  const part = document.parts.find((p) => p.blocks === blocks || (blocks.length > 0 && p.blocks.includes(blocks[0]!)))
  const owner: readonly Block[] = blocks === document.blocks || !part ? document.blocks : part.blocks
  const list = links ?? (owner === document.blocks ? document.links : part!.links)
  const position = new Map<Block, number>()
  blocks.forEach((b, i) => position.set(b, i))
  for (const link of list) {
    if (link.blockIndex === undefined) continue
    const block = owner[link.blockIndex]
    const i = block ? position.get(block) : undefined
    if (i === undefined || NOT_MEANS.has(block!.kind)) continue
    const kind = linkMeans(link, lexicon)
    if (kind === 'link') means[i]!.link = true
    else if (kind === 'contact') {
      means[i]!.contact = true
      means[i]!.link = true
    }
  }
  return means
}

/** What a link offers the reader: a page, a way to reach a person, or nothing that helps (`#`, unsubscribe). */
function linkMeans(link: Link, lexicon: ActionStepsLexicon): Means {
  const href = link.href.trim().toLowerCase()
  if (href.startsWith('mailto:')) return href.includes('unsubscribe') ? 'none' : 'contact'
  if (href.startsWith('tel:') || href.startsWith('sms:')) return 'contact'
  const templated = findPlaceholders(href).length > 0
  if (!templated && !href.startsWith('http:') && !href.startsWith('https:') && !href.startsWith('www.') && !href.startsWith('//')) return 'none'
  const text = link.text.toLowerCase()
  if (UNSUBSCRIBE_WORDS.some((w) => href.includes(w) || text.includes(w))) return 'none'
  if (lexicon.contactWords.some((w) => href.includes(w) || text.includes(w))) return 'contact'
  return 'link'
}

/** True when a From or Reply-To address can take replies, so "contact us" has a way to act. */
function hasMonitoredSender(document: EmailDocument): boolean {
  return document.addresses.some((a) => (a.header === 'from' || a.header === 'reply-to') && a.address.includes('@') && !isNoReplyAddress(a.address))
}

/**
 * True when the lower-cased text contains `http://`, `https://` or `www.`,
 * without lower-casing it: only `H` and `h` (`W`, `T`, `P`, `S` likewise)
 * lower-case to those letters (the Kelvin sign is the one non-ASCII letter
 * that lower-cases to ASCII, to `k`).
 */
export function textHasUrl(text: string): boolean {
  const n = text.length
  for (let i = 0; i + 4 <= n; i++) {
    const c = text.charCodeAt(i) | 32
    if (c === 104 /* h */) {
      if ((text.charCodeAt(i + 1) | 32) !== 116 || (text.charCodeAt(i + 2) | 32) !== 116 || (text.charCodeAt(i + 3) | 32) !== 112) continue
      let j = i + 4
      if ((text.charCodeAt(j) | 32) === 115 /* s */) j++
      if (text.charCodeAt(j) === 58 && text.charCodeAt(j + 1) === 47 && text.charCodeAt(j + 2) === 47) return true
    } else if (c === 119 /* w */) {
      if ((text.charCodeAt(i + 1) | 32) === 119 && (text.charCodeAt(i + 2) | 32) === 119 && text.charCodeAt(i + 3) === 46) return true
    }
  }
  return hasBareWebAddress(text)
}

/**
 * True for a web address written without scheme or `www.` but with a path, as
 * plain-text parts often do ("renew them at libraries.example.gov.uk/renew"):
 * a host of two or more labels ending in a top-level domain of letters, then
 * `/` and a character. Each `/` looks back only to the previous one: linear.
 */
function hasBareWebAddress(text: string): boolean {
  let from = 0
  for (let slash = text.indexOf('/', from); slash >= 0; slash = text.indexOf('/', from)) {
    from = slash + 1
    const next = text.charCodeAt(slash + 1)
    if (!((isHostChar(next) || next === 35 /* # */ || next === 63) /* ? */)) continue
    let start = slash
    while (start > 0 && (isHostChar(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === 46)) start--
    // Not part of an address with a scheme, an email address or a path ("a/b.pl/c").
    if (start > 0) {
      const before = text.charCodeAt(start - 1)
      if (before === 64 /* @ */ || before === 47 /* / */ || before === 58 /* : */ || before === 92 /* \ */) continue
    }
    const host = text.slice(start, slash)
    const dot = host.lastIndexOf('.')
    if (dot <= 0 || host.startsWith('.') || host.includes('..')) continue
    const tld = host.slice(dot + 1)
    if (tld.length >= 2 && /^[a-z]+$/i.test(tld)) return true
  }
  return false
}

/** ASCII letter, digit or hyphen. */
function isHostChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45
}

/** An e-mail address: a word character before `@` and a dotted domain after it. */
function textHasEmail(text: string): boolean {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at === 0 || !isWordChar(text.charCodeAt(at - 1))) continue
    let i = at + 1
    let dot = false
    let letters = 0
    while (i < text.length && i - at < 254) {
      const c = text.charCodeAt(i)
      if (c === 46 /* . */) dot = true
      else if (isWordChar(c) || c === 45 /* - */) letters++
      else break
      i++
    }
    if (dot && letters >= 3 && text.charCodeAt(i - 1) !== 46) return true
  }
  return false
}

/**
 * True when a web address, an email address or a phone number starts right
 * after `at`, past a space. Not after a colon: "Phone: 0800…" is a label.
 */
export function addressFollows(text: string, at: number): boolean {
  let i = at
  while (i < text.length && i - at < 3 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 0xa0)) i++
  if (i === at || i >= text.length) return false
  const head = text.slice(i, i + 8).toLowerCase()
  if (head.startsWith('http://') || head.startsWith('https://') || head.startsWith('www.')) return true
  let end = i
  while (end < text.length && end - i < 254 && text.charCodeAt(end) !== 32 && text.charCodeAt(end) !== 0xa0 && text.charCodeAt(end) !== 10) end++
  if (textHasEmail(text.slice(i, end))) return true
  // A number that starts here: digits, separators and `+`, up to the first letter.
  const c = text.charCodeAt(i)
  if (!((c >= 48 && c <= 57) || c === 43 || c === 40)) return false
  let stop = i
  while (stop < text.length && stop - i < 24) {
    const d = text.charCodeAt(stop)
    if (!((d >= 48 && d <= 57) || d === 32 || d === 0xa0 || d === 45 || d === 40 || d === 41 || d === 43)) break
    stop++
  }
  return textHasPhone(text.slice(i, stop))
}

/** A phone number: 9–15 digits in groups separated by single spaces, hyphens or brackets, optionally after `+`. */
function textHasPhone(text: string): boolean {
  let digits = 0
  let separated = false
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1
    if (c >= 48 && c <= 57) {
      digits++
      separated = false
      continue
    }
    const isSeparator = c === 32 || c === 0xa0 || c === 45 || c === 40 || c === 41 || (c === 43 && digits === 0)
    if (isSeparator && !separated && (digits > 0 || c === 43 || c === 40)) {
      separated = c !== 40 && c !== 41
      continue
    }
    if (digits >= PHONE_MIN_DIGITS && digits <= PHONE_MAX_DIGITS) return true
    digits = 0
    separated = false
  }
  return false
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 43 || c === 46 || c === 45
}

/** Template placeholders per block: the document's own, or found afresh for a MIME part's copies. */
function placeholderSpans(document: EmailDocument, blocks: readonly Block[]): Map<Block, [number, number][]> {
  const spans = new Map<Block, [number, number][]>()
  for (const p of document.placeholders) {
    let list = spans.get(p.block)
    if (!list) spans.set(p.block, (list = []))
    list.push([p.start, p.end])
  }
  // A MIME part's blocks are copies: find their placeholders afresh (a Set keeps this linear in a huge email).
  if (blocks !== document.blocks) {
    const own = new Set(document.blocks)
    for (const block of blocks) if (!spans.has(block) && !own.has(block)) spans.set(block, findPlaceholders(block.text))
  }
  return spans
}

/** Quotation pairs: a button name quoted in a sentence ("the “Book your seat” link") is not an instruction. */
const QUOTES: readonly [string, string][] = [
  ['„', '”'],
  ['“', '”'],
  ['«', '»'],
  ['»', '«'],
  ['"', '"'],
]

/** The spans inside quotation marks in a sentence, in block-text offsets (scans only the sentence). */
function quotedSpans(sentence: Sentence): [number, number][] {
  const text = sentence.text
  const spans: [number, number][] = []
  for (const [open, close] of QUOTES) {
    let from = 0
    for (;;) {
      const s = text.indexOf(open, from)
      if (s === -1) break
      const e = text.indexOf(close, s + 1)
      // No closing mark after this opener means none after a later one either: stop.
      if (e === -1) break
      spans.push([sentence.start + s, sentence.start + e + 1])
      from = e + 1
    }
  }
  return spans
}

function inside(spans: readonly (readonly [number, number])[], offset: number): boolean {
  for (const [s, e] of spans) if (offset >= s && offset < e) return true
  return false
}
