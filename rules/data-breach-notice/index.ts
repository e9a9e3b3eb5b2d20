/**
 * data-breach-notice: an email about exposed personal data must tell readers
 * what data, what happened and when, what the sender is doing, what they
 * should do, and how to reach a person, plus the legal elements of the
 * configured jurisdiction.
 */
import {z} from 'zod'
import {defineRule, type RuleContext} from '../../src/rule.js'
import type {Block, EmailDocument} from '../../src/document.js'
import {PhraseMatcher, type PhraseEntry, type PhraseHit, type Sentence, type Token} from '../../src/language.js'
import {isNoReplyAddress} from '../no-reply-sender/index.js'
import {type ActionStep, findActionSteps, hasMixedStepEvidence} from '../missing-action-steps/detect.js'
import en from './en.js'
import pl from './pl.js'

/** The elements every breach notice needs. */
export const ELEMENTS = ['data', 'happened', 'doing', 'steps', 'contact'] as const
/** One required element of a breach notice. */
export type ElementId = (typeof ELEMENTS)[number]

/**
 * What a term says in a sentence:
 * - `type`: a specific kind of personal data ("email address", "hasło");
 * - `personal`: personal data in general ("your personal data", "Twoje dane");
 * - `generic`: a data noun that is personal only next to a strong exposure ("data", "records");
 * - `strong`: an exposure that only happens to data ("leaked", "stolen", "wyciekły");
 * - `weak`: an exposure that needs a personal-data noun ("could see", "był widoczny");
 * - `involve`: says which data was in it ("included", "showed", "w tym");
 * - `breach`: names a personal-data breach by itself ("data breach", "naruszenie ochrony danych");
 * - `safe`: a reassurance that turns the sentence into "nothing leaked" ("is safe", "są bezpieczne");
 * - `web`: an address that is a web page's, not a person's ("web address", "adres strony"): longer
 *   than the bare data noun, so it wins the match and names no data.
 */
export type TermKind = 'type' | 'personal' | 'generic' | 'strong' | 'weak' | 'involve' | 'breach' | 'safe' | 'web'

/** A phrase of the detection lexicon. */
export interface BreachTerm extends PhraseEntry {
  kind: TermKind
}

/** A heading (or the words a plain-text section starts with) that announces an element. */
export interface SectionHeading extends PhraseEntry {
  element: ElementId
}

/** This rule's data per language. */
export interface BreachLexicon {
  terms: BreachTerm[]
  /** Words that cancel an exposure a few words later ("not", "no", "nie"). */
  negations: string[]
  /** Negating determiners right before a data noun ("no customer data", "żadne dane"). */
  noneWords: string[]
  /** Possessives that make a data noun the sender's own ("our address", "nasz numer telefonu"). */
  ownerWords: string[]
  /** Word endings that negate ("n't"). */
  negationSuffixes: string[]
  /**
   * How routine handling of data is described, which says nothing about an
   * incident: "how customer data is accessed", "your data is only shared with
   * the card processor", "dane są udostępniane wyłącznie kurierowi".
   */
  routine: {
    /** Exposure verbs that also name everyday handling, in the form that follows a present auxiliary ("accessed", "udostępniane"). */
    verbs: string[]
    /** Present-tense auxiliaries that make the verb a habit, not an event ("is", "are", "jest", "są"). */
    auxiliaries: string[]
    /** Words allowed between the auxiliary and the verb: adverbs ("only", "wyłącznie") and other handling verbs in a list ("stored", "and"). */
    between: string[]
    /** Present-tense forms that describe routine sharing by themselves ("udostępniamy"). */
    present: string[]
  }
  /**
   * A file sent by mistake with other people's data: a mistake word, a file
   * word and other people, with personal data, in one sentence ("by mistake,
   * the reminder to 200 patients had a spreadsheet attached listing their
   * names") is an exposure, though no exposure verb says so. Without other
   * people ("by mistake we attached last month's invoice, with your
   * address") the reader only got their own data, and nothing is decided.
   */
  misdirection: {
    /** Words that say it was a mistake ("by mistake", "accidentally", "omyłkowo"). */
    mistakes: PhraseEntry[]
    /** A file sent along ("attached", "spreadsheet", "załącznik", "arkusz"). */
    files: PhraseEntry[]
    /** Other people the file was about or went to ("patients", "another", "innych", "klientów"). */
    others: PhraseEntry[]
  }
  /** Month names (every inflected form); they count as a date next to a number. */
  months: string[]
  /** Weekday names (every inflected form); they count as a date after a cue. */
  weekdays: string[]
  /** Words before a weekday that make it a date ("on", "last", "w"). */
  weekdayCues: string[]
  /** Words before a clock time that make it a point in time ("at", "o"). */
  clockCues: string[]
  /** Relative times that are specific enough ("yesterday", "last night", "wczoraj"). */
  relativeTimes: PhraseEntry[]
  /** First-person subjects before a remedial verb ("we", "we've"). */
  actionSubjects: string[]
  /** Words allowed between the subject and the verb ("have", "now", "already"). */
  actionAuxiliaries: string[]
  /** Remedial verbs after a subject (stems end in `*`). */
  actionVerbs: PhraseEntry[]
  /** Remedial actions that carry their own subject (Polish `zgłosiliśmy`, English passives `been fixed`). */
  actions: PhraseEntry[]
  /** Section headings that announce an element. */
  headings: SectionHeading[]
  /** Invitations to reach a person ("reply to this email", "zadzwoń do nas"). */
  contactPhrases: PhraseEntry[]
  /** Words that make a link in the same block a way to reach someone ("contact", "skontaktuj się"). */
  contactCues: PhraseEntry[]
  /** Words that make a number in the same sentence a phone number ("call", "infolinia"). */
  phoneCues: PhraseEntry[]
  /** The data-protection officer ("data protection officer", "inspektor ochrony danych"). */
  dpo: PhraseEntry[]
  /** Likely consequences for the reader ("could be used to", "phishing", "wyłudzenie"). */
  consequences: PhraseEntry[]
  /** Legal jargon that is not clear and plain language, with a plain rewrite. */
  legalese: (PhraseEntry & {plain: string})[]
  /** The title California requires ("Notice of Data Breach"). */
  caTitle: PhraseEntry[]
  /** The headings California requires, in order; each with its accepted wordings. */
  caHeadings: {heading: string; phrases: string[]}[]
  /** An example sentence for each missing element, in the document's language. */
  examples: Record<ElementId | 'consequences' | 'dpo' | 'caTitle', string>
}

const NEGATION_WINDOW = 6
/** Most blocks read as one section under a heading. */
const MAX_SECTION_BLOCKS = 12
/** Longest paragraph in capitals that still reads as a heading. */
const MAX_CAPS_HEADING = 60
/** Term kinds that say data was exposed or involved. */
const INVOLVING: ReadonlySet<TermKind> = new Set(['strong', 'weak', 'involve', 'breach'])
const PHONE_MIN_DIGITS = 7
const PHONE_MAX_DIGITS = 15

export default defineRule({
  id: 'data-breach-notice',
  severity: 'error',
  languages: {en, pl},
  // The shared action-step detector asks compromise about English imperatives.
  usesNlp: true,
  docs: {
    summary:
      'An email about exposed personal data must say what data, what happened and when, what you are doing, what the reader should do, and how to reach a person.',
    why: 'Readers whose data leaked need specifics to judge their risk and protect themselves, and in many places the law requires them; a vague notice reads as a cover-up and brings more complaints.',
    fix: 'Name the data involved, the date and what happened, what you have done, the exact steps the reader should take, and a phone number or monitored address where a person answers.',
  },
  options: z
    .object({
      elements: z
        .array(z.enum(ELEMENTS))
        .default([...ELEMENTS])
        .describe(
          'Elements to require: "data", "happened" (what and when), "doing" (your response), "steps" (what the reader should do), "contact" (how to reach a person).',
        ),
      detectFromText: z
        .boolean()
        .default(true)
        .describe(
          'Also treat an email as a breach notice when a sentence says personal data was exposed, leaked or accessed; when false, only incident.kind "data-breach" turns the rule on.',
        ),
    })
    .strict(),
  messages: {
    data: 'This breach notice does not say which personal data was involved.',
    happened: 'This breach notice does not say what happened and when.',
    doing: 'This breach notice does not say what you are doing about it.',
    steps: 'This breach notice does not tell readers what to do, or that they need do nothing.',
    contact: 'This breach notice gives no way to reach a person.',
    consequences: 'GDPR Art. 34: the notice does not say what the breach could mean for the reader.',
    dpo: 'Polish law (GDPR Art. 34): the notice does not name the data-protection officer.',
    plainLanguage: '`{phrase}` is legal jargon: write `{plain}`.',
    caTitle: 'California Civ. Code 1798.82: the notice is not titled "Notice of Data Breach".',
    caHeading: 'California Civ. Code 1798.82: the heading "{heading}" is missing.',
  },
  notes: {
    data: 'Readers cannot judge their risk from "your data" or "some information". Name each kind of data. For example: "{example}"',
    happened: 'Without a date readers cannot tell whether activity they saw is related. Say what happened and when. For example: "{example}"',
    doing: 'Readers need to know the hole is closed and who was told. For example: "{example}"',
    steps: 'Without steps readers are left worried and unprotected. For example: "{example}"',
    contact: 'Worried readers need a phone number or a monitored address. For example: "{example}"',
    consequences: 'Say what someone could do with the data, so readers know what to watch for. For example: "{example}"',
    dpo: 'Name the inspektor ochrony danych and how to reach them. For example: "{example}"',
    plainLanguage: 'GDPR Art. 34 asks for clear and plain language; readers skim past jargon and miss what it means for them.',
    caTitle: 'Put the title in the subject or as the first heading. For example: "{example}"',
    caHeading: 'Readers and regulators look for these sections. Add a heading "{heading}" and put that information under it.',
  },
  create(context) {
    const {document, lexicon, options, settings} = context
    const incident = settings.incident
    const kindBreach = incident?.kind === 'data-breach'
    if (!kindBreach && !options.detectFromText) return
    const scan = new Scanner(context)

    const termMatcher = context.matcher('terms', lexicon.terms)
    // Three passes read each sentence's terms (detection, data, sections): find them once per sentence.
    const termCache = new Map<Sentence, PhraseHit<BreachTerm>[]>()
    const termsOf = (s: Sentence): PhraseHit<BreachTerm>[] => {
      let hits = termCache.get(s)
      if (!hits) {
        hits = termMatcher.find(scan.tokens(s), s.block.text)
        termCache.set(s, hits)
      }
      return hits
    }
    const headSentences = [document.subject, document.preheader, document.title].flatMap((b) => (b ? context.sentencesOf(b) : []))

    // Detection: a personal-data noun and an exposure in one sentence (not negated), or a named breach.
    let isBreach = kindBreach
    if (!isBreach) {
      for (const sentence of [...headSentences, ...scan.sentences]) {
        // "Was my card information stolen?" asks; a question in an FAQ says nothing was exposed.
        if (isQuestion(sentence.text)) continue
        if (isExposure(termsOf(sentence), scan.tokens(sentence), lexicon, sentence.block.text)) {
          isBreach = true
          break
        }
      }
    }
    if (!isBreach) return

    const wanted = new Set<string>(options.elements)
    const present = new Set<string>()
    const sections = findSections(context, scan, termsOf)
    for (const s of sections) if (s.hasContent) present.add(s.element)
    // A data section counts only when it names a kind of data; one that names none the lexicon knows is mixed
    // evidence ("What information was involved" above a list we cannot read): no finding either way.
    const unsure = new Set<string>()
    if (present.has('data') && !sections.some((s) => s.element === 'data' && s.namesData)) {
      present.delete('data')
      unsure.add('data')
    }

    // What data: a kind of data in a sentence that says it was exposed or involved.
    if (!present.has('data')) {
      outer: for (const sentence of scan.sentences) {
        const hits = termsOf(sentence)
        const tokens = scan.tokens(sentence)
        const text = sentence.block.text
        // "It did not include your address, date of birth …" names data that was NOT involved.
        const involved = hits.some((h) => INVOLVING.has(h.entry.kind) && !isNegated(tokens, h.firstToken, lexicon, text))
        if (!involved) continue
        if (hits.some((h) => h.entry.kind === 'type' && !isNoneOf(tokens, h.firstToken, lexicon))) {
          present.add('data')
          break
        }
        // "The attacker copied:" followed by a list of data.
        if (sentence.text.endsWith(':')) {
          for (const block of scan.listAfter(sentence.block)) {
            for (const s of context.sentencesOf(block)) {
              if (termsOf(s).some((h) => h.entry.kind === 'type')) {
                present.add('data')
                break outer
              }
            }
          }
        }
      }
    }

    // When: a concrete date or time in the subject, preheader or body.
    // A "What happened" section without a date still leaves the reader asking when.
    const relativeTimes = context.matcher('relativeTimes', lexicon.relativeTimes)
    if ([...headSentences, ...scan.sentences].some((s) => hasConcreteTime(relativeTimes, scan.tokens(s), s.block.text, lexicon))) present.add('happened')
    else present.delete('happened')

    // What we are doing.
    if (!present.has('doing')) {
      const actions = context.matcher('actions', lexicon.actions)
      const verbs = context.matcher('actionVerbs', lexicon.actionVerbs)
      for (const sentence of scan.sentences) {
        const tokens = scan.tokens(sentence)
        const text = sentence.block.text
        // "i nie usunęliśmy z niego kolumny", "we did not remove": the failure, not a response to it.
        const done = (h: {firstToken: number}): boolean => !isNegated(tokens, h.firstToken, lexicon, text)
        if ((actions.test(tokens) && actions.find(tokens, text, done).length > 0) || hasSubjectAction(tokens, verbs, lexicon)) {
          present.add('doing')
          break
        }
      }
    }

    // What the reader should do.
    // "Call us with questions" is the contact element, not a step that protects the reader.
    if (wanted.has('steps') && !present.has('steps')) {
      // Nor is an invitation to reply ("If you have questions, reply to this email", "proszę odpowiedzieć na tę wiadomość").
      const replies = context.matcher('contactPhrases', lexicon.contactPhrases)
      const invitesReply = ({span}: ActionStep): boolean => {
        const sentence = context.sentencesOf(span.block).find((x) => x.start <= span.start && span.end <= x.end)
        return sentence !== undefined && replies.find(scan.tokens(sentence), span.block.text).some((h) => h.start < span.end && h.end > span.start)
      }
      const isProtective = (s: ActionStep): boolean => s.means !== 'contact' && !invitesReply(s)
      const shared = context as RuleContext<unknown, unknown>
      // A protective step found without new compromise analysis is one the full scan finds too.
      if (
        findActionSteps(shared, document.blocks, undefined, {stopWhen: isProtective, certainOnly: true}).some(isProtective) ||
        findActionSteps(shared, document.blocks, undefined, {stopWhen: isProtective}).some(isProtective)
      )
        present.add('steps')
      // Advice in words the lists do not know, or a page to go to: mixed evidence, so no finding.
      else if (hasMixedStepEvidence(context as RuleContext<unknown, unknown>, document.blocks)) unsure.add('steps')
    }

    // How to reach a person.
    if (!present.has('contact') && hasContact(context, scan)) present.add('contact')

    const report = (messageId: string, example: string): void => {
      context.report({messageId, data: {example}, at: document.bodyStart})
    }
    for (const element of ELEMENTS) {
      if (wanted.has(element) && !present.has(element) && !unsure.has(element)) report(element, lexicon.examples[element])
    }

    const jurisdiction = incident?.jurisdiction
    if (jurisdiction === 'eu-gdpr' || jurisdiction === 'pl') {
      const consequences = context.matcher('consequences', lexicon.consequences)
      if (!scan.sentences.some((s) => consequences.test(scan.tokens(s)))) report('consequences', lexicon.examples.consequences)
      if (jurisdiction === 'pl') {
        const dpo = context.matcher('dpo', lexicon.dpo)
        if (!scan.sentences.some((s) => dpo.test(scan.tokens(s)))) report('dpo', lexicon.examples.dpo)
      }
      const legalese = context.matcher('legalese', lexicon.legalese)
      for (const sentence of scan.sentences) {
        for (const hit of legalese.find(scan.tokens(sentence), sentence.block.text)) {
          context.report({
            messageId: 'plainLanguage',
            data: {phrase: hit.text, plain: hit.entry.plain},
            span: {block: sentence.block, start: hit.start, end: hit.end},
          })
        }
      }
    }
    if (jurisdiction === 'us-ca') {
      const title = context.matcher('caTitle', lexicon.caTitle)
      const titled = [...headSentences, ...scan.sentences.slice(0, 3)].some((s) => title.test(scan.tokens(s)))
      if (!titled) report('caTitle', lexicon.examples.caTitle)
      for (const {heading, phrases} of lexicon.caHeadings) {
        const matcher = context.matcher(
          `ca:${heading}`,
          phrases.map((phrase) => ({phrase})),
        )
        if (!scan.blocks.some((b) => startsWithPhrase(context, b, matcher))) {
          context.report({messageId: 'caHeading', data: {heading}, at: document.bodyStart})
        }
      }
    }
  },
})

type Context = RuleContext<unknown, BreachLexicon>

/** The body's prose blocks and sentences, with template placeholders taken out of their tokens. */
class Scanner {
  readonly blocks: Block[]
  readonly sentences: Sentence[]
  /** Placeholder spans per block: starts ascending, and the largest end up to each one. */
  private readonly placeholders = new Map<Block, {starts: number[]; maxEnds: number[]}>()
  private readonly filtered = new Map<Sentence, Token[]>()

  constructor(context: Context) {
    const document: EmailDocument = context.document
    const spans = new Map<Block, [number, number][]>()
    for (const p of document.placeholders) {
      let list = spans.get(p.block)
      if (!list) spans.set(p.block, (list = []))
      list.push([p.start, p.end])
    }
    for (const [block, list] of spans) {
      list.sort((a, b) => a[0] - b[0])
      const maxEnds: number[] = []
      let max = -1
      for (const [, end] of list) maxEnds.push((max = Math.max(max, end)))
      this.placeholders.set(block, {starts: list.map(([start]) => start), maxEnds})
    }
    this.blocks = document.blocks.filter((b) => b.prose && !b.boilerplate)
    this.sentences = this.blocks.flatMap((b) => [...context.sentencesOf(b)])
  }

  /** The sentence's tokens without the words of template placeholders (`{{first_name}}` is not a name). */
  tokens(sentence: Sentence): readonly Token[] {
    const spans = this.placeholders.get(sentence.block)
    if (!spans) return sentence.tokens
    let tokens = this.filtered.get(sentence)
    if (!tokens) {
      // A token is inside a placeholder when one that starts before the token ends reaches past its start:
      // a binary search and a running maximum, not every placeholder for every token.
      const {starts, maxEnds} = spans
      tokens = sentence.tokens.filter((t) => {
        let lo = 0
        let hi = starts.length
        while (lo < hi) {
          const mid = (lo + hi) >> 1
          if (starts[mid]! < t.end) lo = mid + 1
          else hi = mid
        }
        return !(lo > 0 && maxEnds[lo - 1]! > t.start)
      })
      this.filtered.set(sentence, tokens)
    }
    return tokens
  }

  /** The list items right after `block`. */
  listAfter(block: Block): Block[] {
    const out: Block[] = []
    let i = this.blocks.indexOf(block) + 1
    while (i < this.blocks.length && this.blocks[i]!.kind === 'list-item') out.push(this.blocks[i++]!)
    return out
  }
}

/** True when a sentence ends in a question mark (before any closing quotes or brackets). */
function isQuestion(text: string): boolean {
  let i = text.length - 1
  while (i >= 0 && ')]"\'”’»'.includes(text[i]!)) i--
  return i >= 0 && (text[i] === '?' || text[i] === '？')
}

/**
 * True when the hits name exposed personal data (or a breach). Conservative:
 * a sentence that negates any exposure ("but nobody accessed customer data")
 * or reassures ("your information is safe") is not an exposure statement.
 */
function isExposure(hits: PhraseHit<BreachTerm>[], tokens: readonly Token[], lexicon: BreachLexicon, text: string): boolean {
  let specific = false
  let generic = false
  let strong = false
  let weak = false
  let breach = false
  /** Where the last personal-data noun starts. */
  let lastData = -1
  for (const hit of hits) {
    const kind = hit.entry.kind
    if (kind === 'safe') return false
    if ((kind === 'strong' || kind === 'weak' || kind === 'breach') && isNegated(tokens, hit.firstToken, lexicon, text)) return false
    // "How customer data is accessed": routine handling, not an event; the sentence may still name one elsewhere.
    if ((kind === 'strong' || kind === 'weak') && isRoutine(tokens, hit.firstToken, lexicon, text)) continue
    if (kind === 'breach') breach = true
    else if (kind === 'strong') strong = true
    else if (kind === 'weak') weak = true
    else if ((kind === 'type' || kind === 'personal') && isOwnData(tokens, hit.firstToken, lexicon)) {
      specific = true
      lastData = hit.firstToken
    } else if (kind === 'generic' && !isNoneOf(tokens, hit.firstToken, lexicon)) generic = true
  }
  if (breach || (strong && (specific || generic)) || (weak && specific)) return true
  return specific && isMisdirected(tokens, lexicon, text, lastData)
}

/**
 * True when a sentence tells of a file sent by mistake about or to other
 * people (see {@link BreachLexicon.misdirection}), with personal data after
 * the file word (what the file held): "the reminder to our patients had the
 * wrong leaflet attached" names no data in the file.
 */
function isMisdirected(tokens: readonly Token[], lexicon: BreachLexicon, text: string, lastData: number): boolean {
  const {mistakes, files, others} = wordSets(lexicon).misdirection
  if (!others.test(tokens)) return false
  const sent = (hit: PhraseHit<PhraseEntry>): boolean => !isNegated(tokens, hit.firstToken, lexicon, text)
  if (!files.find(tokens, text).some((hit) => hit.firstToken < lastData && sent(hit))) return false
  return mistakes.find(tokens, text).some(sent)
}

/** True for a data noun that is the reader's or customers' ("your email address"), not none ("no card data") or the sender's ("our address"). */
function isOwnData(tokens: readonly Token[], at: number, lexicon: BreachLexicon): boolean {
  if (isNoneOf(tokens, at, lexicon)) return false
  const previous = tokens[at - 1]?.norm
  return previous === undefined || !wordSets(lexicon).ownerWords.has(previous)
}

/**
 * True when a negation sits within a few words before token `at`, in the same
 * clause: "no customer data was accessed", but not "…that we did not protect, which leaked".
 */
function isNegated(tokens: readonly Token[], at: number, lexicon: BreachLexicon, text: string): boolean {
  const negations = wordSets(lexicon).negations
  for (let i = at - 1; i >= 0 && i >= at - NEGATION_WINDOW; i--) {
    const token = tokens[i]!
    if (hasClauseBreakIn(text, token.end, tokens[i + 1]!.start)) return false
    const norm = token.norm
    if (negations.has(norm)) return true
    if (lexicon.negationSuffixes.some((s) => norm.endsWith(s))) return true
  }
  return false
}

/** Furthest an auxiliary may stand before a routine verb ("is stored, backed up and accessed"). */
const ROUTINE_WINDOW = 6

/**
 * True when the exposure word at `at` describes everyday handling: a routine
 * verb after a present auxiliary, with only adverbs and other handling verbs
 * between ("is only shared with", "are stored and accessed"), or a present
 * form of its own ("udostępniamy"). "Was accessed", "has been accessed" and
 * "is being accessed" are events and stay exposures.
 */
function isRoutine(tokens: readonly Token[], at: number, lexicon: BreachLexicon, text: string): boolean {
  const sets = wordSets(lexicon)
  const word = tokens[at]!.norm
  if (sets.routinePresent.has(word)) return true
  if (!sets.routineVerbs.has(word)) return false
  for (let i = at - 1; i >= 0 && at - i <= ROUTINE_WINDOW; i--) {
    const norm = tokens[i]!.norm
    if (sets.routineAuxiliaries.has(norm)) return true
    // A comma may separate listed verbs ("stored, accessed"); any other break ends the clause.
    if (hasClauseBreakIn(text, tokens[i]!.end, tokens[i + 1]!.start) && !onlyCommaIn(text, tokens[i]!.end, tokens[i + 1]!.start)) return false
    if (!sets.routineBetween.has(norm)) return false
  }
  return false
}

/** True when `text[from, to)` holds commas and white space only. */
function onlyCommaIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c !== 44 && c !== 32 && c !== 0xa0) return false
  }
  return true
}

/** True when the data noun at `at` is preceded by "no" / "none of" ("no customer data", "żadne dane"). */
function isNoneOf(tokens: readonly Token[], at: number, lexicon: BreachLexicon): boolean {
  const previous = tokens[at - 1]?.norm
  if (previous === undefined) return false
  const noneWords = wordSets(lexicon).noneWords
  if (noneWords.has(previous)) return true
  return previous === 'of' && noneWords.has(tokens[at - 2]?.norm ?? '')
}

/** True when `text[from, to)` holds a clause break (`,;:—–()`, all single code units: no slice needed). */
function hasClauseBreakIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === 44 || c === 59 || c === 58 || c === 0x2014 || c === 0x2013 || c === 40 || c === 41) return true
  }
  return false
}

/** The lexicon's word lists as sets, built once per lexicon (`includes` on long inflection lists was per token). */
interface WordSets {
  negations: ReadonlySet<string>
  noneWords: ReadonlySet<string>
  ownerWords: ReadonlySet<string>
  months: ReadonlySet<string>
  weekdays: ReadonlySet<string>
  weekdayCues: ReadonlySet<string>
  clockCues: ReadonlySet<string>
  actionSubjects: ReadonlySet<string>
  actionAuxiliaries: ReadonlySet<string>
  routineVerbs: ReadonlySet<string>
  routineAuxiliaries: ReadonlySet<string>
  routineBetween: ReadonlySet<string>
  routinePresent: ReadonlySet<string>
  misdirection: {mistakes: PhraseMatcher; files: PhraseMatcher; others: PhraseMatcher}
}

const wordSetsCache = new WeakMap<BreachLexicon, WordSets>()

function wordSets(lexicon: BreachLexicon): WordSets {
  let sets = wordSetsCache.get(lexicon)
  if (!sets) {
    sets = {
      negations: new Set(lexicon.negations),
      noneWords: new Set(lexicon.noneWords),
      ownerWords: new Set(lexicon.ownerWords),
      months: new Set(lexicon.months),
      weekdays: new Set(lexicon.weekdays),
      weekdayCues: new Set(lexicon.weekdayCues),
      clockCues: new Set(lexicon.clockCues),
      actionSubjects: new Set(lexicon.actionSubjects),
      actionAuxiliaries: new Set(lexicon.actionAuxiliaries),
      routineVerbs: new Set(lexicon.routine.verbs),
      routineAuxiliaries: new Set(lexicon.routine.auxiliaries),
      routineBetween: new Set([...lexicon.routine.between, ...lexicon.routine.verbs]),
      routinePresent: new Set(lexicon.routine.present),
      misdirection: {
        mistakes: new PhraseMatcher(lexicon.misdirection.mistakes),
        files: new PhraseMatcher(lexicon.misdirection.files),
        others: new PhraseMatcher(lexicon.misdirection.others),
      },
    }
    wordSetsCache.set(lexicon, sets)
  }
  return sets
}

function isNumberToken(token: Token | undefined): boolean {
  if (!token) return false
  const c = token.norm.charCodeAt(0)
  return c >= 48 && c <= 57
}

/** A date or time a reader can place: "4 March", "on Tuesday", "o 9:14", "12.11.2025", "yesterday". */
function hasConcreteTime(relativeTimes: {test(tokens: readonly Token[]): boolean}, tokens: readonly Token[], text: string, lexicon: BreachLexicon): boolean {
  if (relativeTimes.test(tokens)) return true
  const sets = wordSets(lexicon)
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    const norm = token.norm
    if (sets.months.has(norm) && (isNumberToken(tokens[i - 1]) || isNumberToken(tokens[i + 1]))) return true
    if (sets.weekdays.has(norm) && i > 0 && sets.weekdayCues.has(tokens[i - 1]!.norm)) return true
    if (isNumberToken(token)) {
      const sep = text.charAt(token.end)
      const next = tokens[i + 1]
      if (!next || next.start !== token.end + 1 || !isNumberToken(next)) continue
      // A clock time after a cue: "at 11:42", "o 9:14".
      if (sep === ':' && i > 0 && sets.clockCues.has(tokens[i - 1]!.norm)) return true
      // A numeric date: 12.11.2025, 12/11/2025, 2025-11-12.
      const third = tokens[i + 2]
      if ((sep === '.' || sep === '/' || sep === '-') && third && isNumberToken(third) && third.start === next.end + 1 && text.charAt(next.end) === sep) {
        const a = token.norm.length
        const b = next.norm.length
        const c = third.norm.length
        if (b <= 2 && ((a <= 2 && (c === 2 || c === 4)) || (a === 4 && c <= 2))) return true
      }
    }
  }
  return false
}

/** "We have reported …", "we disabled …": a first-person subject, optional auxiliaries, then a remedial verb. */
function hasSubjectAction(tokens: readonly Token[], verbs: {test(tokens: readonly Token[]): boolean}, lexicon: BreachLexicon): boolean {
  if (lexicon.actionSubjects.length === 0) return false
  const {actionSubjects, actionAuxiliaries} = wordSets(lexicon)
  for (let i = 0; i < tokens.length; i++) {
    if (!actionSubjects.has(tokens[i]!.norm)) continue
    let j = i + 1
    while (j < tokens.length && j - i <= 3 && actionAuxiliaries.has(tokens[j]!.norm)) j++
    if (j < tokens.length && verbs.test([tokens[j]!])) return true
  }
  return false
}

interface Section {
  element: ElementId
  hasContent: boolean
  namesData: boolean
}

/** Section headings ("What we are doing", "CO JUŻ ZROBILIŚMY") and what their sections say. */
function findSections(context: Context, scan: Scanner, termsOf: (s: Sentence) => PhraseHit<BreachTerm>[]): Section[] {
  const {lexicon} = context
  const headings = context.matcher('headings', lexicon.headings)
  const blocks = scan.blocks
  const starts = blocks.map((block) => {
    const first = context.sentencesOf(block)[0]
    const hit = first ? headings.find(scan.tokens(first), block.text)[0] : undefined
    // Only a heading, or the words a plain-text block starts with ("WHAT WE HAVE DONE At 12:05 …").
    return hit && hit.firstToken === 0 && (block.kind === 'heading' || isHeadingLike(block, hit.end)) ? hit : undefined
  })
  const out: Section[] = []
  starts.forEach((hit, i) => {
    if (!hit) return
    const block = blocks[i]!
    const body: Block[] = hasTextAfter(block.text, hit.end) ? [block] : []
    // The section runs to the next heading.
    for (let j = i + 1; j < blocks.length && body.length < MAX_SECTION_BLOCKS; j++) {
      const next = blocks[j]!
      if (starts[j] || isUntitledHeading(next)) break
      body.push(next)
    }
    const namesData = body.some((b) => context.sentencesOf(b).some((s) => termsOf(s).some((h) => h.entry.kind === 'type')))
    out.push({element: hit.entry.element, hasContent: body.length > 0, namesData})
  })
  return out
}

/** True when a letter or digit follows `end` in the text. */
function hasTextAfter(text: string, end: number): boolean {
  for (let i = end; i < text.length; i++) if (/[\p{L}\p{N}]/u.test(text.charAt(i))) return true
  return false
}

/** A heading the lexicon does not know: a heading element, or a short line in capitals ("WHO TO TALK TO"). */
function isUntitledHeading(block: Block): boolean {
  if (block.kind === 'heading') return true
  const text = block.text
  return text.length <= MAX_CAPS_HEADING && text === text.toUpperCase() && text !== text.toLowerCase()
}

/** A paragraph that reads as a heading: the phrase is the whole block, is followed by `:`, `?`, `.` or a dash, or is written in capitals. */
function isHeadingLike(block: Block, end: number): boolean {
  const text = block.text
  const rest = text.slice(end).trim()
  if (rest.length === 0 || ':?.-–—'.includes(rest.charAt(0))) return true
  const head = text.slice(0, end)
  return head === head.toUpperCase() && head !== head.toLowerCase()
}

/** True when the block starts with one of the matcher's phrases (a heading, or a plain-text section). */
function startsWithPhrase(context: Context, block: Block, matcher: {find(tokens: readonly Token[], text: string): PhraseHit[]}): boolean {
  const first = context.sentencesOf(block)[0]
  if (!first) return false
  const hit = matcher.find(first.tokens, block.text)[0]
  return hit !== undefined && hit.firstToken === 0 && (block.kind === 'heading' || isHeadingLike(block, hit.end))
}

/** A reply invitation, a (non-no-reply) e-mail address, a phone number next to a cue, or a `tel:` link. */
function hasContact(context: Context, scan: Scanner): boolean {
  const {document, lexicon} = context
  const phrases = context.matcher('contactPhrases', lexicon.contactPhrases)
  const cues = context.matcher('phoneCues', lexicon.phoneCues)
  const proseBlocks = new Set(scan.blocks)
  for (const link of document.links) {
    if (link.blockIndex === undefined) continue
    const block = document.blocks[link.blockIndex]
    if (!block || !proseBlocks.has(block)) continue
    const href = link.href.toLowerCase()
    if (href.startsWith('tel:')) return true
    if (href.startsWith('mailto:') && !isNoReplyAddress(href.slice(7).split('?')[0]!)) return true
  }
  for (const block of scan.blocks) {
    for (const address of emailAddresses(block.text)) if (!isNoReplyAddress(address)) return true
  }
  const contactCues = context.matcher('contactCues', lexicon.contactCues)
  const linked = new Set<Block>()
  for (const link of document.links) {
    const block = link.blockIndex === undefined ? undefined : document.blocks[link.blockIndex]
    if (block && /^https?:/i.test(link.href)) linked.add(block)
  }
  for (const sentence of scan.sentences) {
    const tokens = scan.tokens(sentence)
    const text = sentence.block.text
    // Negation is a condition on each candidate: a negated longer phrase hides no plain contact phrase overlapping it.
    const plain = (h: {firstToken: number}): boolean => !isNegated(tokens, h.firstToken, lexicon, text)
    if (phrases.find(tokens, text, plain).length > 0) return true
    if (cues.test(tokens) && hasPhoneNumber(tokens, text)) return true
    // "Contact our privacy team: https://acme.example/privacy" — a contact page in the same block.
    if (linked.has(sentence.block) && contactCues.find(tokens, text, plain).length > 0) return true
  }
  return false
}

/** E-mail addresses in text, found around each `@` without a regular expression. */
function emailAddresses(text: string): string[] {
  const out: string[] = []
  let at = text.indexOf('@')
  while (at !== -1) {
    let s = at
    while (s > 0 && isLocalChar(text.charCodeAt(s - 1))) s--
    let e = at + 1
    while (e < text.length && isDomainChar(text.charCodeAt(e))) e++
    while (e > at + 1 && text.charCodeAt(e - 1) === 46) e--
    const domain = text.slice(at + 1, e)
    if (s < at && domain.includes('.')) out.push(text.slice(s, e))
    at = text.indexOf('@', at + 1)
  }
  return out
}

function isLocalChar(c: number): boolean {
  return isDomainChar(c) || c === 95 || c === 43 || c === 37
}

function isDomainChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 46
}

/** A run of digit groups joined by spaces, dashes, brackets or `+`, with 7–15 digits in all. */
function hasPhoneNumber(tokens: readonly Token[], text: string): boolean {
  let digits = 0
  let previousEnd = -1
  for (const token of tokens) {
    if (!isNumberToken(token) || !/^\d+$/.test(token.norm)) {
      digits = 0
      previousEnd = -1
      continue
    }
    const gap = previousEnd < 0 ? '' : text.slice(previousEnd, token.start)
    if (previousEnd >= 0 && !isPhoneGap(gap)) digits = 0
    digits += token.norm.length
    previousEnd = token.end
    if (digits >= PHONE_MIN_DIGITS && digits <= PHONE_MAX_DIGITS) return true
  }
  return false
}

function isPhoneGap(gap: string): boolean {
  if (gap.length === 0 || gap.length > 3) return false
  for (const ch of gap) if (!' \u00a0-()+'.includes(ch)) return false
  return true
}
