/**
 * The shape of evasive-wording's data per language (en.ts, pl.ts).
 */
import type {PhraseEntry} from '../../src/language.js'

/** The ways an apology dodges responsibility; each has its own message. */
export type EvasiveCategory = 'conditional' | 'feelings' | 'regret' | 'passive' | 'blame' | 'assurance' | 'minimiser'

/** A phrase that is evasive on its own. */
export interface EvasivePhrase extends PhraseEntry {
  category: EvasiveCategory
  /** Replacement for the whole phrase ('' deletes it, with the comma after it). */
  rewrite?: string
  /** Replace one word of the phrase: `['if', 'that']` turns "sorry if" into "sorry that". */
  swap?: [string, string]
  notAfter?: string[]
  notBefore?: string[]
  /** Only in a sentence that apologises or regrets ("if anyone", not "if anyone asks for your password"). */
  needsApology?: boolean
  /** Blame that an owned mistake elsewhere in the email excuses ("due to our provider … it was our fault"). */
  excusedByOwnership?: boolean
}

/** Regret and hedged harm: "we regret any inconvenience this may have caused", "za ewentualne niedogodności". */
export interface HarmLexicon {
  /** Regret without an apology ("regret", "ubolewamy"). */
  regretVerbs: string[]
  /** What the reader suffered, in the sender's euphemism. */
  nouns: string[]
  /** Words right before the noun that doubt the harm ("ewentualne", "possible"): evasive on their own. */
  doubting: string[]
  /** Determiners and adjectives before the noun that belong to the phrase ("any", "the", "wszelkie"). */
  determiners: string[]
  /** Determiners that make the harm phrase vague-wording's ("any inconvenience"): evasive spans leave it out. */
  vagueDeterminers: string[]
  /** Subject pronouns that belong to a regret finding ("We regret"). */
  subjects: string[]
  /** Prepositions that join a regret verb to the noun ("ubolewamy z powodu", "ubolewamy nad"). */
  linkers: string[]
  /** Hedges after the noun ("this may have caused"), looked for within `hedgeWindow` words. */
  hedges: PhraseEntry[]
  hedgeWindow: number
  /** Owned rewrite for the harm phrase ("the trouble we caused"). */
  rewrite: string
  /** Owned rewrite for "<subject> regret <harm>", keyed by the subject word before the verb. */
  regretRewrite: Record<string, string>
}

/** Agentless passives about the mistake. */
export interface PassiveLexicon {
  /** Auxiliaries before a participle ("was", "were", "została"); `perfect` ones need "been" (English). */
  auxiliaries: string[]
  perfect: string[]
  /** Participles of things the sender does wrong (send, show, charge), with the active form to suggest. */
  verbs: {participle: string; active: string}[]
  /** Polish impersonal forms ("podano", "popełniono") with the "we" form ("podaliśmy"). */
  impersonal: {form: string; active: string; alwaysError?: boolean}[]
  /** Words that show the clause is about a mistake ("wrong", "in error", "błędną", "omyłkowo"). */
  cues: string[]
  cuePhrases: PhraseEntry[]
  /** Words after the participle that name the sender as the agent ("by us"), which makes it owned. */
  ownAgents: string[]
  /** Words that negate the auxiliary ("not", "nie"). */
  negations: string[]
  /** Subjects that deny rather than report ("nobody", "no", "nikt", "żadne"). */
  noneWords: string[]
  /** Words that end the subject when looking back from the auxiliary ("and", "that", "which"). */
  subjectStops: string[]
  /** Pronouns as subjects → as objects in the active rewrite ("they" → "them"). */
  objectPronouns: Record<string, string>
  /** The subject to use in the rewrite ("we", "my"). */
  we: string
}

/** Blame on others: a causal connector followed by someone else ("due to a third-party provider"). */
export interface BlameLexicon {
  /** `temporal`: a connector of time ("after our"), which blames only when no first-person actor leads its clause ("we cancelled it after our partner…"). */
  connectors: (PhraseEntry & {temporal?: boolean})[]
  /** First-person subjects that own the action a temporal connector follows ("we", "i"). */
  actors?: string[]
  agents: PhraseEntry[]
  /** How many words may sit between the connector and the agent. */
  window: number
}

/** Minimisers: words that shrink the mistake or its impact, only when they are about it. */
export interface MinimiserLexicon {
  /** "just", "only", "tylko": minimisers only before an error, an impact or an amount of people. */
  adverbs: string[]
  /** "minor", "drobny": minimisers only before an error noun. */
  adjectives: string[]
  /** Apology words that "just"/"tylko" can shrink ("we just wanted to say sorry"). */
  apologies: string[]
  /** Words between the adverb and the apology ("wanted to say", "chcieliśmy"). */
  apologyLeads: string[]
  /** Error nouns ("mistake", "błąd"). */
  errors: string[]
  /** Amounts ("few", "kilku") that count when a noun for people or things follows ("only a few customers"). */
  amounts: string[]
  amountNouns: string[]
  /** Words that may sit in between without changing the meaning ("a", "an", "the", "security"). */
  between: string[]
  /** How many in-between words are allowed. */
  window: number
}

/**
 * Someone else tells the story: a third party as the informant ("our vendor
 * told us that…", "we were notified by our provider") instead of the sender
 * saying what happened and what it is doing.
 */
export interface InformantLexicon {
  /** Verbs of telling ("told", "informed", "poinformował*"); `*` stems allowed. */
  verbs: string[]
  /** The sender as the object right after the verb ("us", "nas", "nam"). */
  objects: string[]
  /** The sender as the subject of a passive ("we were", "zostaliśmy"), then a verb of telling and `by`. */
  passiveLeads: PhraseEntry[]
  /** The preposition naming the teller in a passive ("by", "przez", "od"). */
  by: string[]
  /** Third parties besides the blame agents ("company", "firma"): they count only when not "our"/"nasza" (that is the sender). */
  companies: string[]
  /** First-person possessives that make a company word the sender itself ("our company"). */
  own: string[]
  /** How many words may sit between `by` and the teller, or between the teller and the verb. */
  window: number
}

/**
 * The website or system as the actor of the mistake: "our website disclosed
 * your address", "nasz system wysłał błędną fakturę". The people who built and
 * ran it disappear behind it.
 */
export interface ActorLexicon {
  /** Possessives or articles before the thing ("our", "the", "nasz*"). */
  determiners: string[]
  /** Things that cannot be responsible ("website", "system", "system*"). */
  things: string[]
  /** Verbs of doing the harm, past tense; `*` stems allowed. */
  verbs: string[]
  /** Verbs that are the harm themselves ("disclosed", "leaked"): no mistake cue needed. */
  harmful: string[]
  /** How many words (adjectives, adverbs) may sit between the thing and the verb. */
  window: number
}

/** evasive-wording's data for one language. */
export interface EvasiveLexicon {
  phrases: EvasivePhrase[]
  informant: InformantLexicon
  actor: ActorLexicon
  harm: HarmLexicon
  passive: PassiveLexicon
  blame: BlameLexicon
  minimiser: MinimiserLexicon
  /** Phrases that own the mistake ("our fault", "nasza wina"); negated ones ("not our fault") do not count. */
  ownership: PhraseEntry[]
  ownershipNegations: string[]
  /**
   * A sentence that says "we" did the wrong thing also owns it ("we sent the
   * wrong price"): a subject pronoun followed by a past verb (English), or a
   * first-person past ending (Polish "-liśmy"), plus a mistake cue.
   */
  ownedAction: {pronouns: string[]; verbEndings: string[]; irregularPast: string[]; notOwning: string[]}
  /** Single words that open a condition ("if", "jeśli"): a passive inside one is about the reader's case. */
  conditions: string[]
  /** An owned sentence to offer as a quick fix per category, with `[…]` for the writer to fill in. */
  templates: Record<EvasiveCategory | 'extra', string>
  /** A concrete owned rewrite per category, quoted in the message. */
  examples: Record<EvasiveCategory | 'extra', string>
}
