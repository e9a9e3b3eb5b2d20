/**
 * The shape of vague-wording's data per language (en.ts, pl.ts).
 */
import type {PhraseEntry} from '../../src/language.js'

/** What a vague phrase leaves out; each has its own message. */
export type VagueCategory = 'what' | 'who' | 'when' | 'data' | 'hedge' | 'euphemism' | 'reason'

/** A phrase that is vague on its own. */
export interface VaguePhrase extends PhraseEntry {
  category: VagueCategory
  /** Not vague right after one of these words ("not an issue", "nie mogły zostać"). */
  notAfter?: string[]
  /** Not vague right before one of these words ("at this time of year"). */
  notBefore?: string[]
  /**
   * Only vague about the incident when no condition opens the sentence: "if
   * you have an issue, reply" is about the reader, not what went wrong.
   */
  skipInCondition?: boolean
  /** Only counts in a sentence that apologises ("sorry for any trouble", not "if you have any trouble"). */
  needsApology?: boolean
  /**
   * Not reported inside a regret or a hedged harm ("we regret any
   * inconvenience", "any inconvenience this may have caused"): the whole
   * formula is evasive, and evasive-wording reports it (see {@link HedgedHarm}).
   */
  skipInHedgedHarm?: boolean
}

/**
 * The formula around a stock harm phrase that makes it evasion rather than
 * vagueness: a regret verb before it in the sentence ("We regret any
 * inconvenience"), or a modal followed by a cause verb just after it ("any
 * inconvenience this may have caused", "jakie mogło to spowodować").
 */
export interface HedgedHarm {
  /** Regret verbs ("regret", "ubolewamy"). */
  regret: string[]
  /** Modals of doubt ("may", "might", "mogło"). */
  modals: string[]
  /** Cause verbs up to three words after the modal ("caused", "spowodować"). */
  causes: string[]
}

/**
 * An indefinite quantifier ("some", "certain", "niektórzy"). It is vague
 * before a people, data or event noun; `alone` ones ("a small number of") are
 * vague whatever follows.
 */
export interface Quantifier extends PhraseEntry {
  alone?: boolean
  /** Not a quantifier after these words ("we are certain"). */
  notAfter?: string[]
}

/** Nouns a quantifier makes vague, by what the reader cannot tell. */
export interface TargetNouns {
  /** Who was affected: customers, users, klienci. */
  people: string[]
  /** What data: data, information, dane. Vague even after "your" ("some of your data"). */
  data: string[]
  /** What was affected: orders, systems, zamówienia. */
  things: string[]
  /** What went wrong: issues, errors, problemy. */
  events: string[]
}

/** English grammar checks made with compromise (modal + perfect: "may have been affected"). */
export interface ModalPerfect {
  /** Modals that hedge ("may", "might"); `couldBeen` modals only count before "have been" + participle. */
  modals: string[]
  couldBeen: string[]
  /** Perception verbs after "may have" are a figure of speech, not a hedge ("you may have noticed"). */
  skipVerbs: string[]
  /** Irregular past participles (regular ones end in -ed). */
  participles: string[]
  /**
   * Words that, later in the sentence, make a bare "may have been" a
   * concession, not a hedge: "it may have been funny when we wrote it, but
   * it is not now".
   */
  concessions: string[]
}

/** vague-wording's data for one language. */
export interface VagueLexicon {
  phrases: VaguePhrase[]
  quantifiers: Quantifier[]
  nouns: TargetNouns
  /** Words allowed between a quantifier and its noun without changing the meaning ("of", "our", "z", "naszych"). */
  fillers: string[]
  /** Words that make what follows the reader's own ("your", "Twoich"): then only data nouns stay vague. */
  readerWords: string[]
  /** How many other words (adjectives) may sit between a quantifier and its noun. */
  maxModifiers: number
  /** Endings an in-between word must have to count as an adjective (Polish, where there is no tagger); empty: any. */
  modifierEndings: string[]
  /** Words right after a quantified noun that tell the reader they are affected ("some orders, including yours"). */
  clearedBy: string[]
  /**
   * Words right before a quantifier that make it what the reader handed over, not what was affected
   * ("you trusted us with some of your most sensitive information"): the amount is not the point there.
   */
  entrustedBy: string[]
  /** Words that open a condition ("if", "jeśli"). */
  conditions: string[]
  hedgedHarm: HedgedHarm
  modalPerfect?: ModalPerfect
  /** A concrete rewrite per category, quoted in the message. */
  examples: Record<VagueCategory | 'extra', string>
}
