/**
 * Where an email states what went wrong, shared by missing-explanation,
 * buried-lede and any rule that needs "the statement of the error".
 *
 * A statement of the error is an error cue (an error word: "wrong",
 * "didn't work", "by mistake", "instead of", "błędny", "nie działał",
 * "zamiast") together with the thing that went wrong (its object: "the
 * wrong LINK", "the CODE didn't work", "błędną CENĘ"). A cue with no object
 * ("something went wrong", "we made a mistake in yesterday's email", "przepraszamy
 * za błąd") is vague and does not count.
 *
 * The cue is found by a {@link PhraseMatcher} (stems cover Polish
 * inflection). The object is confirmed only in sentences that have a cue: in
 * English with compromise (a noun that is not a pronoun, a possessive, a date,
 * a vague noun or the email itself), in Polish, which compromise does not read,
 * with word lists (any word that is not a function word, a vague noun, a time
 * word or the email itself).
 */
import type {Block, EmailDocument, Language, TextSpan} from '../../src/document.js'
import {PhraseMatcher, type PhraseEntry, type PhraseHit, type Sentence, type Token} from '../../src/language.js'
import type {RuleContext} from '../../src/rule.js'
import {findPlaceholders} from '../../src/parse/shared.js'

/** What kind of error an error cue signals; `vague` entries mask cues they contain. */
export type ErrorCueKind =
  /** An error adjective on the thing: "wrong price", "broken link", "błędny kod". */
  | 'modifier'
  /** A failure verb: "didn't work", "was down", "nie działał". */
  | 'predicate'
  /** A failure verb whose subject must be the word right before it: "the template didn't pull…". */
  | 'subject-predicate'
  /** An action done by mistake: "sent … by mistake", "omyłkowo". */
  | 'mistaken'
  /** What it said against what is right: "instead of", "zamiast", "£159, not £59". */
  | 'contrast'
  /** A duplicate send: "twice", "dwa razy". */
  | 'duplicate'
  /** Data seen or taken by others: "was visible to", "accessed", "wyciek". */
  | 'exposure'
  /** The wrong people got it: "meant for", "who had unsubscribed", "przeznaczony dla". */
  | 'recipient'
  /** An error noun that needs a specific object: "a typo in the price", "awaria aplikacji". */
  | 'fault'
  /** The sender owns a failure: "we didn't check", "we forgot to". */
  | 'owned'
  /** The correct value of a thing, which implies the old one was wrong: "the correct price is". */
  | 'correction'
  /** Vague wording that contains a cue word: "something went wrong". Never a statement. */
  | 'vague'

/** One error cue of the lexicon. */
export interface ErrorCue extends PhraseEntry {
  kind: ErrorCueKind
  /**
   * Where the object must be: anywhere in the sentence (default), after the
   * cue, within the two words after it ("the correct PRICE"), or before it,
   * as the subject of a state ("the SITE was offline", not "offline playlists").
   */
  object?: 'sentence' | 'after' | 'next' | 'before'
  /** True when the email itself is object enough: "we sent this email twice", "wysłaliśmy newsletter omyłkowo". */
  container?: boolean
  /** True when the cue counts only after a comma or a dash: "it is £159, not £59". */
  afterComma?: boolean
  /** True when only a number or date can be the object ("1899 zł, nie 1299 zł", not "spokojnie, nie musisz nic robić"). */
  valueOnly?: boolean
}

/** The error-statement data of one language. */
export interface ErrorLexicon {
  /**
   * How objects are recognised: with compromise's part-of-speech tags
   * (English), or with word lists alone (Polish, which compromise does not read).
   */
  reader: 'compromise' | 'word-lists'
  cues: ErrorCue[]
  /** Things that commonly go wrong in an email ("link", "price"): an object without asking the tagger; `*` marks a stem. */
  objectWords: string[]
  /** Nouns too vague to name what went wrong ("issue", "problem*"); `*` marks a stem. */
  vagueWords: string[]
  /** Words for the email itself ("email", "wiadomoś*"): an object only for cues that allow it. */
  containerWords: string[]
  /**
   * Words that never name the object: function words, pronouns, time words,
   * apology words; `*` marks a stem. For a language read without compromise
   * (Polish) they are how the object is found. For one read with compromise
   * (English) only words compromise never tags as a noun, number or date
   * belong here: when the only words that could be a cue's object are these,
   * the sentence is settled without asking compromise.
   */
  functionWords: string[]
  /** Word endings of verbs, which never name the object (Polish, read without a tagger). */
  verbEndings: string[]
  /** Endings of first-person plural past verbs: the negation word before one is an owned failure ("nie sprawdziliśmy"). */
  negatedPastEndings: string[]
  /** Verbs of wish and plan that are no failure after the negation word ("nie chcieliśmy"). */
  negatedPastExceptions: string[]
  /**
   * Words compromise reads as a date, never a thing ("yesterday's", "Friday"), and
   * units it reads as one after "last", "next" or "this" ("last week's"). Like
   * {@link functionWords}, they settle a sentence without compromise, except
   * where a date can be the object (a contrast: "Friday, not Thursday").
   * Languages read without compromise leave them empty.
   */
  dateWords: string[]
  dateUnits: string[]
  /**
   * Words that, a few words after a first-person past verb, make the action
   * the mistake ("ustawiliśmy kod TYLKO dla nowych klientów").
   */
  restrictionWords?: string[]
  /** The negation word for {@link ErrorLexicon.negatedPastEndings}. */
  negation?: string
  /** Hedges that make every cue of their clause a guess rather than a statement ("data may have been accessed"). */
  hedges: PhraseEntry[]
  /** Words that start a new clause, which a hedge does not reach ("and", "but", "which"). */
  clauseWords: string[]
  /**
   * Words that deny an exposure earlier in its clause ("no data was
   * accessed", "we have no sign that anything was copied", "nie doszło do
   * wycieku"): a denial is not an explanation of what went wrong.
   */
  denials: string[]
}

const en: ErrorLexicon = {
  reader: 'compromise',
  objectWords: [
    'link',
    'links',
    'button',
    'buttons',
    'url',
    'page',
    'pages',
    'website',
    'site',
    'app',
    'form',
    'price',
    'prices',
    'fare',
    'fares',
    'fee',
    'fees',
    'amount',
    'total',
    'cost',
    'code',
    'codes',
    'coupon',
    'voucher',
    'discount',
    'offer',
    'date',
    'dates',
    'day',
    'deadline',
    'name',
    'names',
    'greeting',
    'address',
    'addresses',
    'number',
    'numbers',
    'password',
    'passwords',
    'data',
    'details',
    'account',
    'accounts',
    'order',
    'orders',
    'invoice',
    'invoices',
    'receipt',
    'receipts',
    'booking',
    'bookings',
    'ticket',
    'tickets',
    'reminder',
    'attachment',
    'image',
    'images',
    'photo',
    'subject',
    'recipients',
    'list',
    'delivery',
    'payment',
    'payments',
    'product',
    'item',
    'size',
    'colour',
    'color',
    'location',
    'venue',
    'event',
    'start',
    'figures',
    'statement',
    'notice',
    'login',
    'checkout',
    'basket',
    'cart',
    // What a service notice is about: settled here, compromise is not asked.
    'flight',
    'flights',
    'train',
    'trains',
    'parcel',
    'parcels',
    'package',
    'shipment',
    'bill',
    'bills',
    'file',
    'files',
    'class',
    'classes',
    'lesson',
    'lessons',
    'appointment',
    'appointments',
    'reservation',
    'reservations',
    'concert',
    'exam',
    'exams',
    'timetable',
    'schedule',
    'collection',
    'collections',
    'bin',
    'bins',
    'card',
    'cards',
    'balance',
    'charge',
    'charges',
    'subscription',
    'policy',
    'premium',
    'refund',
    'refunds',
    'transfer',
    'transaction',
    'transactions',
    'database',
    'server',
    'service',
    'repair',
    'repairs',
    'works',
    'renovation',
    'upgrade',
    'maintenance',
    'construction',
    'building',
    'broadband',
    'internet',
    'connection',
    'network',
    'platform',
    'prescription',
    'prescriptions',
    'membership',
    'box',
    'invitation',
    'alert',
    'alerts',
    'figure',
    'figures',
    'chart',
    'exhibition',
    'sailing',
    'sailings',
    'crossing',
    'journey',
    'trip',
    'tour',
    'performance',
    'screening',
    'session',
    'sessions',
    'meeting',
    'webinar',
    'course',
    'lecture',
    'cable',
  ],
  cues: [
    // Error adjectives on the thing that went wrong.
    {phrase: 'wrong', kind: 'modifier'},
    {phrase: 'incorrect', kind: 'modifier'},
    {phrase: 'incorrectly', kind: 'mistaken', container: true},
    {phrase: 'inaccurate', kind: 'modifier'},
    {phrase: 'invalid', kind: 'modifier'},
    {phrase: 'broken', kind: 'modifier'},
    {phrase: 'faulty', kind: 'modifier'},
    {phrase: 'erroneous', kind: 'modifier'},
    {phrase: 'mistaken', kind: 'modifier'},
    {phrase: 'misspelled', kind: 'modifier'},
    {phrase: 'misspelt', kind: 'modifier'},
    {phrase: 'outdated', kind: 'modifier'},
    {phrase: 'out of date', kind: 'modifier'},
    {phrase: 'expired', kind: 'modifier'},
    {phrase: 'dead link', kind: 'modifier', container: true},
    {phrase: 'empty page', kind: 'modifier', container: true},
    {phrase: 'blank page', kind: 'modifier', container: true},
    {phrase: 'unfinished', kind: 'modifier'},
    {phrase: "last year's", kind: 'modifier'},
    {phrase: 'missing', kind: 'modifier'},
    {phrase: 'left out', kind: 'predicate'},
    {phrase: 'omitted', kind: 'predicate'},
    {phrase: 'overcharged', kind: 'predicate', container: true},
    {phrase: 'undercharged', kind: 'predicate', container: true},
    {phrase: 'too much', kind: 'predicate'},
    {phrase: "doesn't exist", kind: 'predicate'},
    {phrase: 'does not exist', kind: 'predicate'},
    {phrase: "didn't load", kind: 'predicate'},
    {phrase: 'did not load', kind: 'predicate'},
    {phrase: 'arrived late', kind: 'predicate'},
    {phrase: 'was late', kind: 'predicate'},
    {phrase: 'were late', kind: 'predicate'},
    {phrase: 'too late', kind: 'predicate'},
    // The mirror of "za wysoka", and the wrong moment: "a balance ten times too high", "sent the code two days early".
    {phrase: 'too high', kind: 'predicate'},
    {phrase: 'too low', kind: 'predicate'},
    {phrase: 'too early', kind: 'predicate', container: true},
    {phrase: 'a day early', kind: 'predicate', container: true},
    {phrase: 'days early', kind: 'predicate', container: true},
    {phrase: 'hours early', kind: 'predicate', container: true},
    {phrase: 'a week early', kind: 'predicate', container: true},
    {phrase: 'weeks early', kind: 'predicate', container: true},
    {phrase: 'delayed', kind: 'predicate'},
    // A delay against a promise: "your parcel will leave three days later than we promised".
    ...['later than we promised', 'later than promised', 'later than we said', 'later than planned', 'later than we planned'].map(
      (phrase): ErrorCue => ({phrase, kind: 'predicate'}),
    ),
    // Work that will not be done by the date it was needed: "roof repairs won't be finished in time".
    ...['finished', 'ready', 'completed', 'done'].flatMap((state) =>
      ["won't be", 'will not be', "wasn't", 'was not', "weren't", 'were not', 'not'].map(
        (not): ErrorCue => ({phrase: `${not} ${state} in time`, kind: 'predicate'}),
      ),
    ),
    {phrase: 'delay', kind: 'fault'},
    {phrase: 'delays', kind: 'fault'},
    {phrase: 'incomplete', kind: 'modifier'},
    {phrase: 'duplicate', kind: 'duplicate', container: true},
    {phrase: 'duplicated', kind: 'duplicate', container: true},
    // Failure verbs.
    {phrase: "didn't work", kind: 'predicate'},
    {phrase: 'did not work', kind: 'predicate'},
    {phrase: "doesn't work", kind: 'predicate'},
    {phrase: 'does not work', kind: 'predicate'},
    {phrase: "won't work", kind: 'predicate'},
    {phrase: "wasn't working", kind: 'predicate'},
    {phrase: "weren't working", kind: 'predicate'},
    {phrase: 'was not working', kind: 'predicate'},
    {phrase: 'were not working', kind: 'predicate'},
    {phrase: 'not working', kind: 'predicate'},
    {phrase: 'stopped working', kind: 'predicate'},
    {phrase: 'no longer works', kind: 'predicate'},
    {phrase: 'no longer exists', kind: 'predicate'},
    {phrase: 'not found', kind: 'predicate', container: true},
    {phrase: '404', kind: 'predicate', container: true},
    {phrase: 'failed', kind: 'predicate'},
    {phrase: 'fails', kind: 'predicate'},
    {phrase: 'failing', kind: 'predicate'},
    {phrase: 'was down', kind: 'predicate'},
    {phrase: 'were down', kind: 'predicate'},
    {phrase: 'went down', kind: 'predicate'},
    {phrase: 'is down', kind: 'predicate'},
    {phrase: 'unavailable', kind: 'predicate'},
    // The subject was offline ("the shop went offline"); before a noun it is a feature ("offline playlists").
    {phrase: 'offline', kind: 'predicate', object: 'before'},
    {phrase: 'crashed', kind: 'predicate'},
    {phrase: 'overheated', kind: 'predicate'},
    // Called off: "your trip on 14 June will not take place".
    {phrase: 'will not take place', kind: 'predicate'},
    {phrase: "won't take place", kind: 'predicate'},
    {phrase: 'did not take place', kind: 'predicate'},
    {phrase: "didn't take place", kind: 'predicate'},
    {phrase: 'will not go ahead', kind: 'predicate'},
    {phrase: "won't go ahead", kind: 'predicate'},
    {phrase: 'jammed', kind: 'predicate'},
    {phrase: 'was interrupted', kind: 'predicate'},
    {phrase: 'were interrupted', kind: 'predicate'},
    {phrase: 'broke', kind: 'predicate'},
    {phrase: 'timed out', kind: 'predicate'},
    {phrase: 'went wrong', kind: 'predicate'},
    {phrase: "couldn't", kind: 'predicate'},
    {phrase: 'could not', kind: 'predicate'},
    {phrase: 'were unable to', kind: 'predicate'},
    {phrase: 'was unable to', kind: 'predicate'},
    {phrase: "weren't able to", kind: 'predicate'},
    {phrase: "wasn't able to", kind: 'predicate'},
    {phrase: 'was rejected', kind: 'predicate'},
    {phrase: 'were rejected', kind: 'predicate'},
    {phrase: 'were charged twice', kind: 'duplicate'},
    {phrase: 'was charged twice', kind: 'duplicate'},
    // A failure verb whose subject is the thing: "the template didn't pull names".
    {phrase: "didn't", kind: 'subject-predicate'},
    {phrase: 'did not', kind: 'subject-predicate'},
    {phrase: "wasn't", kind: 'subject-predicate'},
    {phrase: 'was not', kind: 'subject-predicate'},
    {phrase: "weren't", kind: 'subject-predicate'},
    {phrase: 'were not', kind: 'subject-predicate'},
    {phrase: "hadn't", kind: 'subject-predicate'},
    {phrase: 'had not', kind: 'subject-predicate'},
    // Done by mistake.
    {phrase: 'by mistake', kind: 'mistaken', container: true},
    {phrase: 'in error', kind: 'mistaken', container: true},
    {phrase: 'by accident', kind: 'mistaken', container: true},
    {phrase: 'accidentally', kind: 'mistaken', container: true},
    {phrase: 'mistakenly', kind: 'mistaken', container: true},
    {phrase: 'inadvertently', kind: 'mistaken', container: true},
    {phrase: 'erroneously', kind: 'mistaken', container: true},
    {phrase: 'unintentionally', kind: 'mistaken', container: true},
    {phrase: 'should not have', kind: 'mistaken', container: true},
    {phrase: "shouldn't have", kind: 'mistaken', container: true},
    // What it said against what is right.
    {phrase: 'instead of', kind: 'contrast', container: true},
    {phrase: 'rather than', kind: 'contrast', container: true},
    {phrase: 'in place of', kind: 'contrast', container: true},
    {phrase: 'not', kind: 'contrast', afterComma: true, object: 'next'},
    {phrase: 'as we wrote', kind: 'contrast'},
    {phrase: 'as we said', kind: 'contrast'},
    {phrase: 'as stated', kind: 'contrast'},
    {phrase: 'as it said', kind: 'contrast'},
    {phrase: 'should have said', kind: 'contrast', container: true},
    {phrase: 'should have read', kind: 'contrast', container: true},
    {phrase: 'should have been', kind: 'contrast'},
    // Sent more than once.
    {phrase: 'twice', kind: 'duplicate', container: true},
    {phrase: 'two copies', kind: 'duplicate', container: true},
    {phrase: 'three copies', kind: 'duplicate', container: true},
    {phrase: 'more than once', kind: 'duplicate', container: true},
    {phrase: 'several times', kind: 'duplicate', container: true},
    {phrase: 'multiple times', kind: 'duplicate', container: true},
    {phrase: 'multiple copies', kind: 'duplicate', container: true},
    // Seen or taken by others.
    {phrase: 'exposed', kind: 'exposure', container: true},
    {phrase: 'leaked', kind: 'exposure', container: true},
    {phrase: 'leak', kind: 'exposure', container: true},
    {phrase: 'was visible', kind: 'exposure', container: true},
    {phrase: 'were visible', kind: 'exposure', container: true},
    {phrase: 'visible to', kind: 'exposure', container: true},
    // Open to the world: "the spreadsheet was open to anyone with the link".
    {phrase: 'open to anyone', kind: 'exposure', container: true},
    {phrase: 'accessible to anyone', kind: 'exposure', container: true},
    {phrase: 'anyone with the link', kind: 'exposure', container: true},
    {phrase: 'publicly accessible', kind: 'exposure', container: true},
    {phrase: 'publicly visible', kind: 'exposure', container: true},
    {phrase: 'could see', kind: 'exposure', container: true},
    {phrase: 'could view', kind: 'exposure', container: true},
    {phrase: 'accessed', kind: 'exposure'},
    {phrase: 'gained access', kind: 'exposure'},
    {phrase: 'got into', kind: 'exposure'},
    {phrase: 'broke into', kind: 'exposure'},
    {phrase: 'unauthorised', kind: 'exposure'},
    {phrase: 'unauthorized', kind: 'exposure'},
    {phrase: 'attacker', kind: 'exposure'},
    {phrase: 'attackers', kind: 'exposure'},
    {phrase: 'hacked', kind: 'exposure'},
    {phrase: 'stolen', kind: 'exposure'},
    {phrase: 'compromised', kind: 'exposure'},
    {phrase: 'breach', kind: 'exposure'},
    {phrase: 'shared your', kind: 'exposure', container: true},
    // Passive data loss: "names and addresses were copied from the server".
    {phrase: 'was copied', kind: 'exposure'},
    {phrase: 'were copied', kind: 'exposure'},
    {phrase: 'was taken', kind: 'exposure'},
    {phrase: 'were taken', kind: 'exposure'},
    {phrase: 'was downloaded', kind: 'exposure'},
    {phrase: 'were downloaded', kind: 'exposure'},
    {phrase: 'was posted', kind: 'exposure'},
    {phrase: 'were posted', kind: 'exposure'},
    {phrase: 'was published', kind: 'exposure'},
    {phrase: 'were published', kind: 'exposure'},
    {phrase: 'disclosed', kind: 'exposure', container: true},
    {phrase: 'disclosure', kind: 'exposure'},
    {phrase: 'was lost', kind: 'exposure'},
    {phrase: 'were lost', kind: 'exposure'},
    {phrase: 'was deleted', kind: 'exposure'},
    {phrase: 'were deleted', kind: 'exposure'},
    // Cause and effect: "the storm grounded the fleet, which cancelled…", "this caused wide-scale cancellations".
    {phrase: 'caused', kind: 'predicate', object: 'after'},
    {phrase: 'resulted in', kind: 'predicate', object: 'after'},
    {phrase: 'led to', kind: 'predicate', object: 'after'},
    {phrase: 'leading to', kind: 'predicate', object: 'after'},
    {phrase: 'grounded', kind: 'predicate', object: 'after'},
    {phrase: 'cancelled', kind: 'predicate'},
    {phrase: 'canceled', kind: 'predicate'},
    {phrase: 'delayed', kind: 'predicate'},
    // Sent to the wrong people.
    {phrase: 'meant for', kind: 'recipient', container: true},
    {phrase: 'intended for', kind: 'recipient', container: true},
    {phrase: 'to another customer', kind: 'recipient', container: true},
    {phrase: 'to another patient', kind: 'recipient', container: true},
    {phrase: 'to another member', kind: 'recipient', container: true},
    {phrase: 'to another person', kind: 'recipient', container: true},
    {phrase: 'to another recipient', kind: 'recipient', container: true},
    {phrase: 'to other customers', kind: 'recipient', container: true},
    {phrase: 'to other patients', kind: 'recipient', container: true},
    {phrase: 'to other members', kind: 'recipient', container: true},
    {phrase: 'to other recipients', kind: 'recipient', container: true},
    {phrase: "another customer's", kind: 'recipient', container: true},
    {phrase: "another patient's", kind: 'recipient', container: true},
    {phrase: 'someone else', kind: 'recipient', container: true},
    {phrase: 'somebody else', kind: 'recipient', container: true},
    {phrase: 'to the wrong', kind: 'recipient', container: true},
    {phrase: 'unsubscribed', kind: 'recipient', container: true},
    {phrase: 'opted out', kind: 'recipient', container: true},
    // Error nouns: they need a specific object ("a typo in the price").
    {phrase: 'mistake', kind: 'fault'},
    {phrase: 'mistakes', kind: 'fault'},
    {phrase: 'error', kind: 'fault'},
    {phrase: 'errors', kind: 'fault'},
    {phrase: 'typo', kind: 'fault'},
    {phrase: 'bug', kind: 'fault'},
    {phrase: 'outage', kind: 'fault'},
    {phrase: 'misprint', kind: 'fault'},
    // The sender owns a failure.
    {phrase: "we didn't", kind: 'owned', object: 'after'},
    {phrase: 'we did not', kind: 'owned', object: 'after'},
    {phrase: "we hadn't", kind: 'owned', object: 'after'},
    {phrase: 'we had not', kind: 'owned', object: 'after'},
    {phrase: 'we forgot', kind: 'owned', object: 'after'},
    {phrase: 'we failed to', kind: 'owned', object: 'after'},
    {phrase: 'we missed', kind: 'owned', object: 'after'},
    {phrase: 'we neglected', kind: 'owned', object: 'after'},
    {phrase: 'we overlooked', kind: 'owned', object: 'after'},
    {phrase: 'we mixed up', kind: 'owned', object: 'after'},
    {phrase: 'we mistyped', kind: 'owned', object: 'after'},
    // First-person admissions: "I broke the signup form", "we lacked respect in the way we announced…".
    {phrase: "i didn't", kind: 'owned', object: 'after'},
    {phrase: 'i did not', kind: 'owned', object: 'after'},
    {phrase: 'i forgot', kind: 'owned', object: 'after'},
    {phrase: 'i failed to', kind: 'owned', object: 'after'},
    {phrase: 'i missed', kind: 'owned', object: 'after'},
    {phrase: 'i neglected', kind: 'owned', object: 'after'},
    {phrase: 'i overlooked', kind: 'owned', object: 'after'},
    {phrase: 'i broke', kind: 'owned', object: 'after'},
    {phrase: 'we broke', kind: 'owned', object: 'after'},
    {phrase: 'i mixed up', kind: 'owned', object: 'after'},
    {phrase: 'we lacked', kind: 'owned', object: 'after'},
    {phrase: 'i lacked', kind: 'owned', object: 'after'},
    {phrase: 'i should have', kind: 'owned', object: 'after'},
    {phrase: 'we should have', kind: 'owned', object: 'after'},
    {phrase: 'we charged', kind: 'owned', object: 'after'},
    {phrase: 'we deleted', kind: 'owned', object: 'after'},
    {phrase: 'we lost', kind: 'owned', object: 'after'},
    {phrase: 'we published', kind: 'owned', object: 'after'},
    {phrase: 'we cancelled', kind: 'owned', object: 'after'},
    {phrase: 'we canceled', kind: 'owned', object: 'after'},
    {phrase: 'nobody caught', kind: 'owned', object: 'sentence'},
    {phrase: 'no one caught', kind: 'owned', object: 'sentence'},
    // The correct value of a thing.
    {phrase: 'correct', kind: 'correction', object: 'next'},
    {phrase: 'the right', kind: 'correction', object: 'next'},
    {phrase: 'corrected', kind: 'correction', object: 'next'},
    {phrase: 'correction', kind: 'correction', object: 'next'},
    // Vague wording that contains a cue word.
    {phrase: 'something went wrong', kind: 'vague'},
    {phrase: 'something was wrong', kind: 'vague'},
    {phrase: 'something wrong', kind: 'vague'},
    {phrase: 'anything wrong', kind: 'vague'},
    {phrase: 'nothing wrong', kind: 'vague'},
    {phrase: 'what went wrong', kind: 'vague'},
    {phrase: 'things went wrong', kind: 'vague'},
    {phrase: 'technical error', kind: 'vague'},
    {phrase: 'system error', kind: 'vague'},
    {phrase: 'human error', kind: 'vague'},
    {phrase: 'an error occurred', kind: 'vague'},
    {phrase: 'on our end', kind: 'vague'},
    {phrase: 'on our side', kind: 'vague'},
    {phrase: 'on our part', kind: 'vague'},
    {phrase: 'the right to', kind: 'vague'},
    {phrase: 'correct me', kind: 'vague'},
    // The effect's cause follows: "confusion caused by a glitch" says nothing about what went wrong.
    {phrase: 'caused by', kind: 'vague'},
    {phrase: 'technical glitch', kind: 'vague'},
  ],
  vagueWords: [
    'issue*',
    'problem*',
    'glitch*',
    'hiccup*',
    'error*',
    'mistake*',
    'incident*',
    'situation*',
    'thing*',
    'something',
    'anything',
    'anyone',
    'someone',
    'everyone',
    'nobody',
    'somebody',
    'anybody',
    'everybody',
    'everything',
    'nothing',
    'inconvenience*',
    'confusion',
    'trouble',
    'difficult*',
    'way',
    'ways',
    'time',
    'times',
    'moment',
    'lot',
    'bit',
    'fact',
    'reason*',
    'apolog*',
    'sorry',
    'regret',
    'concern*',
    'worry',
    'hi',
    'hello',
    'dear',
    'thanks',
  ],
  containerWords: ['email*', 'e-mail*', 'mail', 'mailing*', 'message*', 'newsletter*', 'campaign*', 'send', 'sends'],
  // Closed classes only: test/statements.test.ts checks with compromise that none is ever tagged a noun, number or date.
  // Not "will", "can", "may", "last", "one", "us", "am", "this", "being": each is a noun, month, number, country or time somewhere.
  functionWords: [
    ...['me', 'we', 'you', 'he', 'him', 'she', 'her', 'it', 'they', 'them'],
    ...['my', 'our', 'your', 'his', 'its', 'their'],
    ...["i'm", "we're", "you're", "it's", "they're", "we've", "you've", "i've", "we'll", "you'll", "i'll", "we'd", "you'd", "i'd"],
    ...['a', 'an', 'the'],
    ...['to', 'of', 'in', 'on', 'for', 'with', 'at', 'by', 'from', 'about', 'into', 'onto', 'than', 'via'],
    ...['and', 'or', 'but', 'nor', 'because', 'although', 'though', 'if', 'whether'],
    ...['is', 'are', 'was', 'were', 'been', 'has', 'have', 'had', 'do', 'does', 'did'],
    ...['would', 'should', 'could', 'might', 'must'],
    ...[
      "isn't",
      "aren't",
      "wasn't",
      "weren't",
      "don't",
      "doesn't",
      "didn't",
      "hasn't",
      "haven't",
      "hadn't",
      "won't",
      "wouldn't",
      "shouldn't",
      "couldn't",
      "can't",
    ],
    ...['not', 'also', 'just', 'very', 'still', 'only', 'even', 'really', 'already', 'obviously'],
  ],
  verbEndings: [],
  negatedPastEndings: [],
  negatedPastExceptions: [],
  // Not "tonight" or "night", "morning": compromise reads "last night's" and "this morning's" as things in some sentences.
  dateWords: ['yesterday', 'today', 'tomorrow', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].flatMap((w) => [w, `${w}'s`]),
  dateUnits: ['week', 'month', 'year', 'weekend'].flatMap((w) => [w, `${w}'s`]),
  hedges: [
    {phrase: 'may have'},
    {phrase: 'might have'},
    {phrase: 'could have'},
    {phrase: 'may be'},
    {phrase: 'might be'},
    {phrase: 'may not'},
    {phrase: 'might not'},
    {phrase: 'may well'},
    {phrase: 'possibly'},
    {phrase: 'potentially'},
    {phrase: 'perhaps'},
    {phrase: 'it seems'},
    {phrase: 'appears to'},
    {phrase: 'appear to'},
  ],
  clauseWords: ['and', 'but', 'so', 'because', 'which', 'who', 'that', 'while', 'although', 'though', 'when', 'then', 'or'],
  denials: ['no', 'not', 'never', 'nothing', 'none', 'nobody', 'without', "didn't", "wasn't", "weren't", "hasn't", "haven't", "isn't", "aren't"],
}

const pl: ErrorLexicon = {
  reader: 'word-lists',
  objectWords: [],
  cues: [
    // Error adjectives (inflected by stems); the adverb `błędnie` is listed before the stem so it wins.
    {phrase: 'błędnie', kind: 'mistaken', container: true},
    {phrase: 'błędn*', kind: 'modifier'},
    {phrase: 'nieprawidłowo', kind: 'mistaken', container: true},
    {phrase: 'nieprawidłow*', kind: 'modifier'},
    {phrase: 'niepoprawn*', kind: 'modifier'},
    {phrase: 'niewłaściw*', kind: 'modifier'},
    {phrase: 'zły', kind: 'modifier'},
    {phrase: 'zła', kind: 'modifier'},
    {phrase: 'złe', kind: 'modifier'},
    {phrase: 'złą', kind: 'modifier'},
    {phrase: 'złego', kind: 'modifier'},
    {phrase: 'złej', kind: 'modifier'},
    {phrase: 'złym', kind: 'modifier'},
    {phrase: 'złych', kind: 'modifier'},
    {phrase: 'złymi', kind: 'modifier'},
    {phrase: 'myln*', kind: 'modifier'},
    {phrase: 'pomylon*', kind: 'modifier'},
    {phrase: 'nieaktualn*', kind: 'modifier'},
    {phrase: 'nieaktywn*', kind: 'modifier'},
    {phrase: 'niedziałając*', kind: 'modifier', container: true},
    {phrase: 'wygasł*', kind: 'modifier'},
    {phrase: 'przeterminowan*', kind: 'modifier'},
    {phrase: 'zepsut*', kind: 'modifier'},
    {phrase: 'nieistniejąc*', kind: 'modifier', container: true},
    {phrase: 'brakował*', kind: 'predicate'},
    {phrase: 'zabrakło', kind: 'predicate'},
    {phrase: 'pominięt*', kind: 'predicate'},
    {phrase: 'za wysok*', kind: 'predicate'},
    {phrase: 'za nisk*', kind: 'predicate'},
    {phrase: 'powinn* być', kind: 'contrast'},
    {phrase: 'powinien być', kind: 'contrast'},
    // An expectation, not the right value: "środki powinny być widoczne w ciągu 2 dni" (longer, so it wins the match).
    ...['powinn* być', 'powinien być'].flatMap((should) =>
      ['widoczn*', 'dostępn*', 'gotow*', 'aktywn*', 'zaksięgowan*', 'na koncie', 'na rachunku', 'u ciebie', 'u pana', 'u pani', 'u państwa'].map(
        (state): ErrorCue => ({phrase: `${should} ${state}`, kind: 'vague'}),
      ),
    ),
    {phrase: 'uszkodzon*', kind: 'modifier'},
    // A value set too high or too low: "faktura była zawyżona o 57,54 zł".
    {phrase: 'zawyżon*', kind: 'modifier'},
    {phrase: 'zaniżon*', kind: 'modifier'},
    {phrase: 'niedokończon*', kind: 'modifier', container: true},
    {phrase: 'zeszłoroczn*', kind: 'modifier'},
    {phrase: 'ubiegłoroczn*', kind: 'modifier'},
    {phrase: 'opóźnion*', kind: 'predicate'},
    {phrase: 'spóźnion*', kind: 'predicate'},
    {phrase: 'z opóźnieniem', kind: 'predicate'},
    // A delay against a promise: "paczkę wyślemy o 3 dni później, niż obiecaliśmy".
    ...['obiecaliśmy', 'zapowiadaliśmy', 'zapowiedzieliśmy', 'planowaliśmy', 'pisaliśmy'].map(
      (said): ErrorCue => ({phrase: `później niż ${said}`, kind: 'predicate'}),
    ),
    // Work that will not be done by the date it was needed: "remont dachu nie zostanie ukończony na czas".
    ...['nie zostanie', 'nie zostały', 'nie został*', 'nie będzie', 'nie będą', 'nie był*', 'nie jest', 'nie są'].flatMap((not) =>
      ['ukończon* na czas', 'zakończon* na czas', 'gotow* na czas', 'gotow* w terminie', 'ukończon* w terminie'].map(
        (state): ErrorCue => ({phrase: `${not} ${state}`, kind: 'predicate'}),
      ),
    ),
    // Not in time (said of us or a supplier, never a condition on the reader: "jeśli nie zdążysz").
    {phrase: 'nie zdążył*', kind: 'predicate'},
    // Called off: "Państwa wyjazd 14–21 czerwca nie odbędzie się".
    {phrase: 'nie odbędzie się', kind: 'predicate'},
    {phrase: 'nie odbędą się', kind: 'predicate'},
    {phrase: 'nie odbył* się', kind: 'predicate'},
    {phrase: 'nie zdążyli*', kind: 'predicate'},
    {phrase: 'nie zdążymy', kind: 'predicate'},
    {phrase: 'nie zdąży', kind: 'predicate'},
    {phrase: 'opóźnieni*', kind: 'fault'},
    {phrase: 'pust* stron*', kind: 'modifier', container: true},
    {phrase: 'pust* pol*', kind: 'modifier', container: true},
    {phrase: 'podwójn*', kind: 'duplicate', container: true},
    {phrase: 'zdublowan*', kind: 'duplicate', container: true},
    // Failure verbs.
    {phrase: 'nie działa*', kind: 'predicate'},
    // A machine that broke: "w projektorze przegrzał się moduł", "zepsuła się klimatyzacja", "seans został przerwany".
    {phrase: 'zepsuł*', kind: 'predicate'},
    {phrase: 'zepsut*', kind: 'modifier'},
    {phrase: 'przegrzał*', kind: 'predicate'},
    {phrase: 'zawiesił* się', kind: 'predicate'},
    {phrase: 'zaciął się', kind: 'predicate'},
    {phrase: 'zacięła się', kind: 'predicate'},
    {phrase: 'wyłączył* się', kind: 'predicate'},
    {phrase: 'przerwan*', kind: 'predicate'},
    {phrase: 'przerwaliśmy', kind: 'predicate'},
    {phrase: 'nie udało się', kind: 'predicate'},
    {phrase: 'nie udało nam się', kind: 'predicate'},
    {phrase: 'nie zadziała*', kind: 'predicate'},
    {phrase: 'przestał* działać', kind: 'predicate'},
    {phrase: 'nie otwiera*', kind: 'predicate'},
    {phrase: 'nie otworzy*', kind: 'predicate'},
    {phrase: 'nie otwierał*', kind: 'predicate'},
    {phrase: 'nie ładował*', kind: 'predicate'},
    {phrase: 'nie wczytywał*', kind: 'predicate'},
    {phrase: 'nie był dostępny', kind: 'predicate'},
    {phrase: 'nie była dostępna', kind: 'predicate'},
    {phrase: 'nie było dostępne', kind: 'predicate'},
    {phrase: 'nie były dostępne', kind: 'predicate'},
    {phrase: 'niedostępn*', kind: 'predicate'},
    {phrase: 'nie można było', kind: 'predicate'},
    {phrase: 'nie dało się', kind: 'predicate'},
    {phrase: 'nie mogli*', kind: 'predicate'},
    {phrase: 'nie mogł*', kind: 'predicate'},
    {phrase: 'nie dotarł*', kind: 'predicate'},
    {phrase: 'nie doszł*', kind: 'predicate'},
    {phrase: 'odrzuca*', kind: 'predicate'},
    {phrase: 'odrzucon*', kind: 'predicate'},
    {phrase: 'poszło nie tak', kind: 'predicate'},
    {phrase: 'awari*', kind: 'fault'},
    {phrase: 'przerw* w działaniu', kind: 'fault'},
    {phrase: '404', kind: 'predicate', container: true},
    // Done by mistake.
    {phrase: 'omyłkowo', kind: 'mistaken', container: true},
    {phrase: 'przez pomyłkę', kind: 'mistaken', container: true},
    {phrase: 'przez przypadek', kind: 'mistaken', container: true},
    {phrase: 'przypadkowo', kind: 'mistaken', container: true},
    {phrase: 'przez nieuwagę', kind: 'mistaken', container: true},
    {phrase: 'niechcący', kind: 'mistaken', container: true},
    {phrase: 'nie powinn*', kind: 'mistaken', container: true},
    {phrase: 'miał* trafić', kind: 'recipient', container: true},
    // What it said against what is right.
    {phrase: 'zamiast', kind: 'contrast', container: true},
    {phrase: 'a nie', kind: 'contrast', container: true},
    // "1899 zł, nie 1299 zł": the right value, then the wrong one after a comma or dash.
    {phrase: 'nie', kind: 'contrast', afterComma: true, object: 'next', valueOnly: true},
    {phrase: 'nie zaś', kind: 'contrast', container: true},
    {phrase: 'jak napisaliśmy', kind: 'contrast'},
    {phrase: 'jak napisano', kind: 'contrast'},
    {phrase: 'jak podaliśmy', kind: 'contrast'},
    {phrase: 'jak podano', kind: 'contrast'},
    // Sent more than once.
    {phrase: 'dwa razy', kind: 'duplicate', container: true},
    {phrase: 'trzy razy', kind: 'duplicate', container: true},
    {phrase: 'kilka razy', kind: 'duplicate', container: true},
    {phrase: 'dwukrotnie', kind: 'duplicate', container: true},
    {phrase: 'wielokrotnie', kind: 'duplicate', container: true},
    {phrase: 'duplikat*', kind: 'duplicate', container: true},
    // Seen or taken by others.
    {phrase: 'wyciek*', kind: 'exposure', container: true},
    {phrase: 'wyciekł*', kind: 'exposure', container: true},
    {phrase: 'ujawni*', kind: 'exposure', container: true},
    {phrase: 'widoczn*', kind: 'exposure', container: true},
    // Otwarte dla wszystkich: „arkusz był dostępny dla każdego, kto miał link”.
    {phrase: 'dostępn* dla każdego', kind: 'exposure', container: true},
    {phrase: 'dostępn* przez link', kind: 'exposure', container: true},
    {phrase: 'dostępn* pod linkiem', kind: 'exposure', container: true},
    {phrase: 'dostępn* dla wszystkich', kind: 'exposure', container: true},
    {phrase: 'publicznie dostępn*', kind: 'exposure', container: true},
    {phrase: 'każdy kto miał link', kind: 'exposure', container: true},
    {phrase: 'widział*', kind: 'exposure', container: true},
    {phrase: 'widzieli', kind: 'exposure', container: true},
    {phrase: 'nieuprawnion*', kind: 'exposure'},
    {phrase: 'nieautoryzowan*', kind: 'exposure'},
    {phrase: 'włama*', kind: 'exposure'},
    {phrase: 'skopiowa*', kind: 'exposure'},
    {phrase: 'wykradzion*', kind: 'exposure'},
    {phrase: 'wykradł*', kind: 'exposure'},
    {phrase: 'atakując*', kind: 'exposure'},
    {phrase: 'naruszeni* ochrony', kind: 'exposure'},
    {phrase: 'naruszeni* bezpieczeństwa', kind: 'exposure'},
    // Sent to the wrong people.
    {phrase: 'przeznaczon* dla', kind: 'recipient', container: true},
    {phrase: 'do innego klienta', kind: 'recipient', container: true},
    {phrase: 'do innej osoby', kind: 'recipient', container: true},
    {phrase: 'do innych klientów', kind: 'recipient', container: true},
    {phrase: 'do innych osób', kind: 'recipient', container: true},
    {phrase: 'do innych odbiorców', kind: 'recipient', container: true},
    {phrase: 'innemu klientowi', kind: 'recipient', container: true},
    {phrase: 'innym klientom', kind: 'recipient', container: true},
    {phrase: 'innym odbiorcom', kind: 'recipient', container: true},
    {phrase: 'komuś innemu', kind: 'recipient', container: true},
    // Sent to someone (dative): "wysłaliśmy dokument Pani polisy innej osobie".
    ...[
      'innej osobie',
      'innym osobom',
      'innemu odbiorcy',
      'innej klientce',
      'innemu pacjentowi',
      'innej pacjentce',
      'niewłaściwej osobie',
      'niewłaściwemu odbiorcy',
      'niewłaściwym odbiorcom',
      'obcej osobie',
    ].map((phrase): ErrorCue => ({phrase, kind: 'recipient', container: true})),
    {phrase: 'wypisał* się', kind: 'recipient', container: true},
    {phrase: 'wypisan*', kind: 'recipient', container: true},
    // Error nouns: they need a specific object ("błąd w cenie").
    {phrase: 'błąd', kind: 'fault'},
    {phrase: 'błędu', kind: 'fault'},
    {phrase: 'błędem', kind: 'fault'},
    {phrase: 'błędzie', kind: 'fault'},
    {phrase: 'błędy', kind: 'fault'},
    {phrase: 'błędów', kind: 'fault'},
    {phrase: 'błędami', kind: 'fault'},
    {phrase: 'pomył*', kind: 'fault'},
    {phrase: 'pomyliliśmy się', kind: 'fault'},
    {phrase: 'pomyliliśmy', kind: 'fault'},
    {phrase: 'literówk*', kind: 'fault'},
    // The sender owns a failure (with `nie` + a first-person plural past verb, see negatedPastEndings).
    {phrase: 'zapomnieliśmy', kind: 'owned', object: 'after'},
    {phrase: 'przeoczyliśmy', kind: 'owned', object: 'after'},
    {phrase: 'pominęliśmy', kind: 'owned', object: 'after'},
    // The correct value of a thing.
    {phrase: 'prawidłow*', kind: 'correction', object: 'next'},
    {phrase: 'poprawn*', kind: 'correction', object: 'next'},
    {phrase: 'właściw*', kind: 'correction', object: 'next'},
    {phrase: 'korekt*', kind: 'correction', object: 'next'},
    {phrase: 'sprostowani*', kind: 'correction', object: 'next'},
    // Vague wording that contains a cue word.
    {phrase: 'coś poszło nie tak', kind: 'vague'},
    {phrase: 'coś nie działało', kind: 'vague'},
    {phrase: 'coś nie zadziałało', kind: 'vague'},
    {phrase: 'błąd techniczny', kind: 'vague'},
    {phrase: 'błędu technicznego', kind: 'vague'},
    {phrase: 'błąd systemu', kind: 'vague'},
    {phrase: 'błędu systemu', kind: 'vague'},
    {phrase: 'błąd systemowy', kind: 'vague'},
    {phrase: 'błędu systemowego', kind: 'vague'},
    {phrase: 'z naszej strony', kind: 'vague'},
    {phrase: 'po naszej stronie', kind: 'vague'},
    {phrase: 'w błąd', kind: 'vague'},
  ],
  vagueWords: [
    'problem*',
    'kłopot*',
    'usterk*',
    'sytuacj*',
    'niedogodnoś*',
    'incydent*',
    'zdarzeni*',
    'kwesti*',
    'rzecz*',
    'coś',
    'cokolwiek',
    'wszystko',
    'nic',
    'pomył*',
    'błąd',
    'błęd*',
    'zamieszani*',
    'trudnoś*',
    'niedociągnię*',
    'wpadk*',
    'sprawa',
    'sprawy',
    'sprawie',
    'sprawę',
    'przeprasz*',
    'przeprosin*',
    'przykro',
    'wybacz*',
    'dziękuj*',
    'dzień',
    'dobry',
    'cześć',
  ],
  containerWords: ['wiadomoś*', 'e', 'mail*', 'email*', 'newsletter*', 'mailing*', 'kampani*', 'wysyłk*', 'list', 'listu', 'liście'],
  functionWords: [
    // Conjunctions, particles, prepositions.
    'a',
    'i',
    'oraz',
    'lub',
    'albo',
    'czy',
    'ale',
    'lecz',
    'że',
    'żeby',
    'aby',
    'bo',
    'więc',
    'gdyż',
    'ponieważ',
    'jednak',
    'w',
    'we',
    'z',
    'ze',
    'na',
    'do',
    'od',
    'po',
    'o',
    'u',
    'przy',
    'za',
    'przez',
    'dla',
    'bez',
    'pod',
    'nad',
    'przed',
    'między',
    'jak',
    'jako',
    'się',
    'nie',
    'już',
    'jeszcze',
    'też',
    'także',
    'również',
    'tylko',
    'nawet',
    'bardzo',
    'niestety',
    'tak',
    'to',
    'tam',
    'tu',
    'tutaj',
    'teraz',
    'wtedy',
    'potem',
    'kiedy',
    'gdy',
    'gdzie',
    'co',
    'kto',
    'czego',
    'czym',
    'kogo',
    'komu',
    'np',
    'itp',
    'tj',
    'r',
    'godz',
    'ok',
    'mniej',
    'więcej',
    'bardziej',
    'prawie',
    'około',
    'tym',
    'razem',
    // Pronouns and determiners.
    'ten',
    'ta',
    'te',
    'tego',
    'tej',
    'tych',
    'tę',
    'tą',
    'temu',
    'tymi',
    'tamt*',
    'któr*',
    'jak*',
    'każd*',
    'wszyst*',
    'niektór*',
    'pewn*',
    'część',
    'części',
    'ci',
    'cię',
    'ciebie',
    'tobie',
    'tobą',
    'mnie',
    'mi',
    'nam',
    'nas',
    'nami',
    'wam',
    'was',
    'my',
    'wy',
    'oni',
    'one',
    'ono',
    'on',
    'ona',
    'go',
    'jej',
    'jego',
    'ich',
    'im',
    'mu',
    'je',
    'nim',
    'niej',
    'nich',
    'nią',
    'nasz*',
    'twoj*',
    'twój',
    'twoi*',
    'wasz*',
    'swo*',
    'swój',
    'państw*',
    'pan',
    'pani',
    'pana',
    'panu',
    'sam',
    'sama',
    'samo',
    'sami',
    // Forms of "be", "become", "can", "have".
    'był',
    'była',
    'było',
    'byli',
    'były',
    'być',
    'jest',
    'są',
    'będzie',
    'będą',
    'został*',
    'zostan*',
    'zostać',
    'mógł',
    'mogła',
    'mogło',
    'mogli',
    'mogły',
    'może',
    'mogą',
    'ma',
    'mają',
    'miał',
    'miała',
    'miało',
    'mieli',
    'miały',
    // Time words: a date is not what went wrong.
    'wczoraj*',
    'dziś',
    'dzisiaj',
    'dzisiejsz*',
    'jutro',
    'rano',
    'wieczorem',
    'ostatni*',
    'ostatnio',
    'poprzedni*',
    'wcześniej',
    'niedawno',
    'poniedział*',
    'wtor*',
    'środ*',
    'czwart*',
    'piąt*',
    'sobot*',
    'niedziel*',
    'stycz*',
    'lut*',
    'marc*',
    'kwie*',
    'maj*',
    'czerw*',
    'lip*',
    'sierp*',
    'wrze*',
    'paździer*',
    'listopad*',
    'grud*',
    'tydzień',
    'tygodni*',
    'dni',
    'dnia',
    'godzin*',
  ],
  verbEndings: ['liśmy', 'łyśmy', 'iśmy', 'amy', 'emy', 'imy', 'ymy', 'ować', 'ać', 'ić', 'yć', 'eć'],
  // "nie sprawdziliśmy", and a person writing for themselves: "nie sprawdziłem", "nie poprosiłam".
  negatedPastEndings: ['liśmy', 'łyśmy', 'łem', 'łam'],
  restrictionWords: ['tylko', 'wyłącznie', 'jedynie'],
  negatedPastExceptions: [
    'chcieliśmy',
    'chciałyśmy',
    'zamierzaliśmy',
    'planowaliśmy',
    'musieliśmy',
    'mieliśmy',
    'mogliśmy',
    'chciałem',
    'chciałam',
    'zamierzałem',
    'zamierzałam',
    'planowałem',
    'planowałam',
    'musiałem',
    'musiałam',
    'miałem',
    'miałam',
    'mogłem',
    'mogłam',
  ],
  dateWords: [],
  dateUnits: [],
  negation: 'nie',
  hedges: [
    {phrase: 'mogł* zostać'},
    {phrase: 'mógł zostać'},
    {phrase: 'mogli zostać'},
    {phrase: 'mogł* być'},
    {phrase: 'mógł być'},
    {phrase: 'mogli być'},
    {phrase: 'mogło dojść'},
    {phrase: 'mogł*'},
    {phrase: 'mógł'},
    {phrase: 'mogli'},
    {phrase: 'prawdopodobnie'},
    {phrase: 'być może'},
    {phrase: 'możliwe że'},
    {phrase: 'potencjalnie'},
    {phrase: 'najprawdopodobniej'},
  ],
  clauseWords: ['i', 'oraz', 'a', 'ale', 'lecz', 'więc', 'bo', 'ponieważ', 'gdyż', 'który', 'która', 'które', 'którzy', 'kiedy', 'gdy', 'lub', 'albo'],
  denials: ['nie', 'żadne', 'żadnych', 'żaden', 'żadna', 'brak', 'bez', 'nikt', 'nic'],
}

/** The error-statement lexicon per language. */
export const errorLexicons: Record<Language, ErrorLexicon> = {en, pl}

/** A set of words where an entry ending in `*` matches by prefix. */
class WordList {
  private readonly exact = new Set<string>()
  private readonly stems: string[] = []
  constructor(words: readonly string[]) {
    for (const word of words) {
      const w = word.toLowerCase()
      if (w.endsWith('*') && w.length > 1) this.stems.push(w.slice(0, -1))
      else this.exact.add(w)
    }
  }
  has(norm: string): boolean {
    if (this.exact.has(norm)) return true
    for (const stem of this.stems) if (norm.startsWith(stem)) return true
    return false
  }
}

interface Compiled {
  vague: WordList
  container: WordList
  function: WordList
  dateWords: ReadonlySet<string>
  dateUnits: ReadonlySet<string>
  objects: WordList
  verbEndings: readonly string[]
  reader: ErrorLexicon['reader']
  clauseWords: ReadonlySet<string>
  /**
   * The cue and hedge matchers. Not the engine's per-rule matchers: each sentence is judged once per
   * document (see isErrorStatement), so the engine's per-document memo would only add work.
   */
  cues: PhraseMatcher<ErrorCue>
  hedges: PhraseMatcher<PhraseEntry>
}

/** Word lists are compiled once per lexicon and reused for every document. */
const compiled = new WeakMap<ErrorLexicon, Compiled>()

function compile(lexicon: ErrorLexicon): Compiled {
  let c = compiled.get(lexicon)
  if (!c) {
    c = {
      vague: new WordList(lexicon.vagueWords),
      container: new WordList(lexicon.containerWords),
      function: new WordList(lexicon.functionWords),
      dateWords: new Set(lexicon.dateWords),
      dateUnits: new Set(lexicon.dateUnits),
      objects: new WordList(lexicon.objectWords),
      verbEndings: lexicon.verbEndings,
      reader: lexicon.reader,
      clauseWords: new Set(lexicon.clauseWords),
      cues: new PhraseMatcher(lexicon.cues),
      hedges: new PhraseMatcher(lexicon.hedges),
    }
    compiled.set(lexicon, c)
  }
  return c
}

/** How a token may serve as the object of a cue: not at all, as the email itself, as a date or number, as a thing. */
type Role = 0 | 1 | 2 | 3
const NONE: Role = 0
const CONTAINER: Role = 1
const VALUE: Role = 2
const THING: Role = 3

/** Anything that can check one sentence; shared with rules that hold their own context type. */
type AnyContext = RuleContext<unknown, unknown>

/**
 * Statements of what went wrong in `blocks`, one span per sentence (the whole
 * sentence), in reading order; at most `limit` of them, so that a rule that
 * only needs the first one stops there (English sentences cost a compromise
 * analysis each). Quoted replies and code are skipped, and so are template
 * placeholders and web addresses.
 *
 * @example
 * const [first] = findErrorStatements(context, context.document.blocks, 1)
 * if (!first) context.report({messageId: 'missing', at: context.document.bodyStart})
 */
export function findErrorStatements(context: AnyContext, blocks: readonly Block[], limit = Number.POSITIVE_INFINITY): TextSpan[] {
  const spans: TextSpan[] = []
  for (const block of blocks) {
    if (!block.prose) continue
    for (const sentence of context.sentencesOf(block)) {
      if (spans.length >= limit) return spans
      if (isErrorStatement(context, sentence)) spans.push({block, start: sentence.start, end: sentence.end})
    }
  }
  return spans
}

/**
 * The first statement of what went wrong in `block` that starts before offset
 * `before`: what `findErrorStatements(context, [block], 1)[0]` returns when it
 * starts there, else undefined. Sentences from `before` on are not judged
 * when that cannot change a later answer: when the tagger's budget can never
 * refuse a sentence of this document (see withinBudget), judging a sentence
 * has no effect on any other. Otherwise they are judged as before.
 */
export function errorStatementBefore(context: AnyContext, block: Block, before: number): TextSpan | undefined {
  if (!budgetNeverBinds(context)) {
    const statement = findErrorStatements(context, [block], 1)[0]
    return statement && statement.start < before ? statement : undefined
  }
  if (!block.prose) return undefined
  for (const sentence of context.sentencesOf(block)) {
    if (sentence.start >= before) return undefined
    if (isErrorStatement(context, sentence)) return {block, start: sentence.start, end: sentence.end}
  }
  return undefined
}

/** True when one sentence states what went wrong: an error cue together with its object. */
export function isErrorStatement(context: AnyContext, sentence: Sentence): boolean {
  // buried-lede, missing-explanation and the checklist ask about the same sentences: judge each once per
  // document. The answer cannot change within a document: the tagger's budget only grows, and a sentence
  // it once admitted stays admitted (see withinBudget).
  const known = statementCache[context.language]
  const cached = known.get(sentence)
  if (cached !== undefined) return cached
  const answer = judgeSentence(context, sentence)
  known.set(sentence, answer)
  return answer
}

/** {@link isErrorStatement}'s answers by sentence (sentences are built once per block and document). */
const statementCache: Record<Language, WeakMap<Sentence, boolean>> = {en: new WeakMap(), pl: new WeakMap()}

/**
 * {@link isErrorStatement} without its cache. With `shortcut: false` compromise
 * is asked whenever the word lists leave a sentence open, even where only
 * function words could be the object: the test suite compares the two answers.
 */
export function judgeStatement(context: AnyContext, sentence: Sentence, options: {shortcut: boolean}): boolean {
  return judgeSentence(context, sentence, options.shortcut)
}

function judgeSentence(context: AnyContext, sentence: Sentence, shortcut = true): boolean {
  const lexicon = errorLexicons[context.language]
  const c = compile(lexicon)
  const matcher = c.cues
  const {tokens} = sentence
  const text = sentence.block.text
  const placeholders = placeholderSpans(sentence)
  const cues: PhraseHit<ErrorCue>[] = []
  /** Tokens inside vague phrases ("on our side") are never the object. */
  const masked = new Set<number>()
  // Placeholders and the after-comma condition decide on each candidate, so a rejected cue hides no shorter one.
  const hits = matcher.find(
    tokens,
    text,
    (hit) =>
      hit.entry.kind === 'vague' ||
      (!overlapsAny(placeholders, hit.start, hit.end) &&
        (!hit.entry.afterComma || afterComma(text, hit.start, tokens[hit.firstToken - 1]?.end ?? sentence.start))),
  )
  for (const hit of hits) {
    if (hit.entry.kind === 'vague') for (let i = hit.firstToken; i < hit.lastToken; i++) masked.add(i)
  }
  for (const hit of hits) {
    if (hit.entry.kind === 'vague') continue
    // A cue inside vague wording ("went wrong" in "something went wrong") is that wording, not a statement.
    if (masked.has(hit.firstToken)) continue
    if (overlapsAny(placeholders, hit.start, hit.end)) continue
    if (hit.entry.afterComma && !afterComma(text, hit.start, tokens[hit.firstToken - 1]?.end ?? sentence.start)) continue
    // "1899 zł, nie 1299 zł": a number within the next two words.
    if (hit.entry.valueOnly && !(hasDigit(tokens[hit.lastToken]?.norm ?? '') || hasDigit(tokens[hit.lastToken + 1]?.norm ?? ''))) continue
    cues.push(hit)
  }
  if (cues.length > 0) {
    const hedges = c.hedges.find(tokens, text)
    if (hedges.length > 0) {
      // A hedge weakens every cue of its clause, before or after it.
      const clause = clauses(tokens, text, c.clauseWords)
      const guessed = new Set(hedges.map((h) => clause[h.firstToken]))
      const kept = cues.filter((cue) => !guessed.has(clause[cue.firstToken]) && !guessed.has(clause[cue.lastToken - 1]))
      cues.length = 0
      cues.push(...kept)
    }
  }
  if (cues.some((cue) => cue.entry.kind === 'exposure')) {
    // "We have no sign that any data was accessed": an exposure denied in its own clause is no statement.
    const clause = clauses(tokens, text, c.clauseWords)
    const denials = lexicon.denials
    const kept = cues.filter((cue) => {
      if (cue.entry.kind !== 'exposure') return true
      for (let i = cue.firstToken - 1; i >= 0 && clause[i] === clause[cue.firstToken]; i--) if (denials.includes(tokens[i]!.norm)) return false
      // "no sign that … was accessed": the denial governs the clause the cue's "that" opens.
      for (let i = cue.firstToken - 1; i >= 0 && cue.firstToken - i <= 8; i--)
        if (denials.includes(tokens[i]!.norm) && !/[.;]/.test(text.slice(tokens[i]!.end, tokens[cue.firstToken]!.start))) return false
      return true
    })
    cues.length = 0
    cues.push(...kept)
  }
  const owned = negatedPast(lexicon, tokens)
  if (cues.length === 0 && owned < 0) return false

  const judge = (roles: readonly Role[]): boolean => {
    const index = new RoleIndex(roles)
    if (owned >= 0 && index.has(owned + 2, tokens.length, false)) return true
    return cues.some((hit) => hasCueObject(hit, index, tokens.length))
  }
  // Common things that go wrong ("link", "price", "code") settle most sentences without a tagger.
  if (judge(tokenRoles(sentence, c, placeholders, masked, (token) => quickRole(c, token)))) return true
  if (lexicon.reader !== 'compromise' || !withinBudget(context.document, sentence)) return false
  // compromise changes the answer only by finding a thing or value where a cue looks for its object. Where every
  // word there is a function word ("a correction to the", "we're sorry for"), the word lists' answer stands.
  if (shortcut && !taggerMayDecide(sentence, c, placeholders, masked, cues, owned)) return false
  return judge(tokenRoles(sentence, c, placeholders, masked, nlpRoles(context, sentence)))
}

/**
 * True when compromise could give a role that changes the judgement: some
 * word where a cue (or an owned failure) looks for its object is one that
 * compromise is asked about (not masked, a placeholder, a container or vague
 * word, which keep their roles) and is not a function word. The windows are
 * those {@link hasCueObject} reads; prefix counts keep many cues linear.
 */
function taggerMayDecide(
  sentence: Sentence,
  c: Compiled,
  placeholders: readonly [number, number][],
  masked: ReadonlySet<number>,
  cues: readonly PhraseHit<ErrorCue>[],
  owned: number,
): boolean {
  const {tokens} = sentence
  const n = tokens.length
  // Prefix counts of the words compromise is asked about: as a thing (dates settled), or also as a value.
  const things = new Int32Array(n + 1)
  const values = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) {
    const token = tokens[i]!
    const asked =
      !masked.has(i) &&
      !overlapsAny(placeholders, token.start, token.end) &&
      !c.container.has(token.norm) &&
      !c.vague.has(token.norm) &&
      !c.function.has(token.norm)
    values[i + 1] = values[i]! + (asked ? 1 : 0)
    things[i + 1] = things[i]! + (asked && !isDate(c, tokens, i) ? 1 : 0)
  }
  const open = (counts: Int32Array, from: number, to: number): boolean => {
    const a = Math.max(0, from)
    const b = Math.min(n, to)
    return b > a && counts[b]! - counts[a]! > 0
  }
  if (owned >= 0 && open(things, owned + 2, n)) return true
  for (const hit of cues) {
    const {entry} = hit
    // A contrast's object may be a date or number ("Friday, not Thursday").
    const counts = entry.kind === 'contrast' ? values : things
    const any = (from: number, to: number): boolean => open(counts, from, to)
    if (entry.kind === 'subject-predicate') {
      if (any(hit.firstToken - 1, hit.firstToken)) return true
    } else if (entry.object === 'next') {
      if (any(hit.lastToken, hit.lastToken + 2)) return true
    } else if (entry.object === 'after') {
      if (any(hit.lastToken, n)) return true
    } else if (entry.object === 'before') {
      if (any(0, hit.firstToken)) return true
    } else if (any(0, hit.firstToken) || any(hit.lastToken, n)) return true
  }
  return false
}

/** A word compromise reads as a date: "yesterday's", "Friday", or "last week's" (both words). */
function isDate(c: Compiled, tokens: readonly Token[], i: number): boolean {
  const word = tokens[i]!.norm
  if (c.dateWords.has(word)) return true
  const relative = (w: string | undefined): boolean => w === 'last' || w === 'next' || w === 'this'
  if (c.dateUnits.has(word)) return relative(tokens[i - 1]?.norm)
  return relative(word) && c.dateUnits.has(tokens[i + 1]?.norm ?? '')
}

/**
 * How much of one document is handed to compromise (about 40 µs a word): a
 * hostile or huge email full of error words must not turn into thousands of
 * analyses. Past the budget, and for run-on "sentences" no reader parses
 * either, only the word lists decide.
 */
const MAX_NLP_WORDS = 1200
const MAX_NLP_SENTENCES = 60
const MAX_NLP_SENTENCE_WORDS = 80
const nlpWords = new WeakMap<EmailDocument, {words: number; seen: Set<Sentence>}>()

function withinBudget(document: EmailDocument, sentence: Sentence): boolean {
  const words = sentence.tokens.length
  if (words > MAX_NLP_SENTENCE_WORDS) return false
  let budget = nlpWords.get(document)
  if (!budget) {
    budget = {words: 0, seen: new Set()}
    nlpWords.set(document, budget)
  }
  if (budget.seen.has(sentence)) return true
  if (budget.words + words > MAX_NLP_WORDS || budget.seen.size >= MAX_NLP_SENTENCES) return false
  budget.words += words
  budget.seen.add(sentence)
  return true
}

const neverBinds = new WeakMap<EmailDocument, boolean>()

/**
 * True when all the prose of the document (subject, preheader, every body
 * part) is within the tagger's budget: then no sentence is ever refused for
 * the budget, whatever was analysed before it.
 */
function budgetNeverBinds(context: AnyContext): boolean {
  const {document} = context
  let answer = neverBinds.get(document)
  if (answer === undefined) {
    let words = 0
    let sentences = 0
    const count = (block: Block | undefined): void => {
      if (!block?.prose) return
      for (const sentence of context.sentencesOf(block)) {
        words += sentence.tokens.length
        sentences++
      }
    }
    count(document.subject)
    count(document.preheader)
    for (const block of document.blocks) count(block)
    for (const part of document.parts) if (part.blocks !== document.blocks) for (const block of part.blocks) count(block)
    answer = words <= MAX_NLP_WORDS && sentences <= MAX_NLP_SENTENCES
    neverBinds.set(document, answer)
  }
  return answer
}

/** True when a cue has an object where its kind wants one. The cue's own words are never its object. */
function hasCueObject(hit: PhraseHit<ErrorCue>, roles: RoleIndex, length: number): boolean {
  const {entry} = hit
  const container = entry.container === true
  // Dates and amounts are what a contrast is about: "£159, not £59", "Thursday, not Wednesday".
  const value = entry.kind === 'contrast'
  if (entry.kind === 'subject-predicate') return hit.firstToken > 0 && roles.roles[hit.firstToken - 1] === THING
  if (entry.object === 'next') return roles.has(hit.lastToken, Math.min(length, hit.lastToken + 2), false, value)
  if (entry.object === 'after') return roles.has(hit.lastToken, length, container, value)
  if (entry.object === 'before') return roles.has(0, hit.firstToken, container, value)
  if (roles.has(0, hit.firstToken, container, value)) return true
  if (roles.has(hit.lastToken, length, container, value)) return true
  // An error adjective right before the email itself: "we sent you the wrong email".
  return entry.kind === 'modifier' && roles.has(hit.lastToken, Math.min(length, hit.lastToken + 2), true)
}

/**
 * Prefix counts of the roles, so that "is there an object in [from, to)" costs
 * O(1) whatever the number of cues: a run-on sentence full of error words stays linear.
 */
class RoleIndex {
  private readonly things: Int32Array
  private readonly containers: Int32Array
  private readonly values: Int32Array
  constructor(readonly roles: readonly Role[]) {
    const n = roles.length
    this.things = new Int32Array(n + 1)
    this.containers = new Int32Array(n + 1)
    this.values = new Int32Array(n + 1)
    for (let i = 0; i < n; i++) {
      const role = roles[i]
      this.things[i + 1] = this.things[i]! + (role === THING ? 1 : 0)
      this.containers[i + 1] = this.containers[i]! + (role === CONTAINER ? 1 : 0)
      this.values[i + 1] = this.values[i]! + (role === VALUE ? 1 : 0)
    }
  }

  /** True when a token in `[from, to)` can be the object; `container` and `value` widen what counts. */
  has(from: number, to: number, container: boolean, value = false): boolean {
    if (to <= from) return false
    const count = (a: Int32Array): number => a[to]! - a[from]!
    return count(this.things) > 0 || (container && count(this.containers) > 0) || (value && count(this.values) > 0)
  }
}

/**
 * The clause number of every token: a new clause starts after clause
 * punctuation or at a clause word ("data may have been accessed | and the
 * attacker copied…").
 */
function clauses(tokens: readonly Token[], text: string, clauseWords: ReadonlySet<string>): Int32Array {
  const out = new Int32Array(tokens.length)
  let clause = 0
  for (let i = 1; i < tokens.length; i++) {
    const between = text.slice(tokens[i - 1]!.end, tokens[i]!.start)
    if (clauseWords.has(tokens[i]!.norm) || /[,;:\u2013\u2014]/.test(between)) clause++
    out[i] = clause
  }
  return out
}

/**
 * Index of `nie` in "nie sprawdziliśmy"-like owned failures, or of the
 * restriction word in a wrong action ("ustawiliśmy kod tylko dla nowych
 * klientów"), or -1. The object must follow the returned index.
 */
function negatedPast(lexicon: ErrorLexicon, tokens: readonly Token[]): number {
  if (!lexicon.negation || lexicon.negatedPastEndings.length === 0) return -1
  const isPast = (word: string): boolean =>
    lexicon.negatedPastEndings.some((e) => word.endsWith(e) && word.length > e.length + 1) && !lexicon.negatedPastExceptions.includes(word)
  const restrictions = lexicon.restrictionWords ?? []
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!restrictions.includes(tokens[i]!.norm)) continue
    for (let j = i - 1; j >= 0 && i - j <= 4; j--) if (isPast(tokens[j]!.norm)) return i - 1
  }
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.norm !== lexicon.negation) continue
    const next = tokens[i + 1]!.norm
    if (lexicon.negatedPastExceptions.includes(next)) continue
    if (lexicon.negatedPastEndings.some((e) => next.endsWith(e) && next.length > e.length + 1)) return i
  }
  return -1
}

/**
 * The role every token of the sentence could play as an object: masked,
 * placeholder and vague words play none, words for the email itself are
 * containers, and `classify` decides the rest.
 */
function tokenRoles(
  sentence: Sentence,
  c: Compiled,
  placeholders: readonly [number, number][],
  masked: ReadonlySet<number>,
  classify: (token: Token) => Role,
): Role[] {
  return sentence.tokens.map((token, i) => {
    if (masked.has(i) || overlapsAny(placeholders, token.start, token.end)) return NONE
    if (c.container.has(token.norm)) return CONTAINER
    if (c.vague.has(token.norm)) return NONE
    return classify(token)
  })
}

/**
 * Roles from word lists alone. Languages read with compromise keep only the
 * common object words and numbers here (compromise settles the rest); the
 * others keep every word that is not a function word or a verb form.
 */
function quickRole(c: Compiled, token: Token): Role {
  const n = token.norm
  if (c.objects.has(n)) return THING
  if (c.reader === 'compromise') return hasDigit(n) ? VALUE : NONE
  if (c.function.has(n)) return NONE
  if (c.verbEndings.some((e) => n.endsWith(e) && n.length > e.length + 1)) return NONE
  return n.length >= 3 || hasDigit(n) ? THING : NONE
}

/** Roles from compromise: nouns that are not pronouns, possessives or dates are things; dates and numbers are values. */
function nlpRoles(context: AnyContext, sentence: Sentence): (token: Token) => Role {
  const view = context.nlp(sentence)
  const spans = (match: string): (readonly [number, number])[] =>
    view
      .match(match)
      .out('offset')
      .map((o) => [sentence.start + o.offset.start, sentence.start + o.offset.start + o.offset.length] as const)
  const nouns = spans('(#Noun && !#Pronoun && !#Possessive && !#Date)')
  const values = spans('(#Value|#Date)')
  const overlaps = (token: Token, list: readonly (readonly [number, number])[]): boolean => list.some(([s, e]) => token.start < e && token.end > s)
  return (token) => (overlaps(token, nouns) ? THING : overlaps(token, values) ? VALUE : NONE)
}

function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i)
    if (c >= 48 && c <= 57) return true
  }
  return false
}

/*
 * A web address: a scheme or `www.` and everything up to white space. One
 * quantifier over a class that cannot overlap what precedes it: linear.
 */
const WEB_ADDRESS = /(?:https?:\/\/|www\.)\S+/g

const ignoredCache = new WeakMap<Block, [number, number][]>()

/**
 * Spans of a block's text that are not prose: template placeholders
 * (`{{first_name}}`, `*|FNAME|*`) and web addresses. Computed once per block.
 */
export function ignoredSpans(block: Block): [number, number][] {
  let spans = ignoredCache.get(block)
  if (!spans) {
    spans = findPlaceholders(block.text)
    const text = block.text
    if (text.includes('http') || text.includes('www.')) {
      WEB_ADDRESS.lastIndex = 0
      let m: RegExpExecArray | null
      while ((m = WEB_ADDRESS.exec(text)) !== null) spans.push([m.index, m.index + m[0].length])
    }
    ignoredCache.set(block, spans)
  }
  return spans
}

/** Ignored spans that reach into the sentence. */
function placeholderSpans(sentence: Sentence): [number, number][] {
  return ignoredSpans(sentence.block).filter(([s, e]) => e > sentence.start && s < sentence.end)
}

/** True when `[start, end)` touches one of `spans`. */
export function overlapsAny(spans: readonly [number, number][], start: number, end: number): boolean {
  return spans.some(([s, e]) => start < e && end > s)
}

/** True when the text between the previous word and `at` holds a comma or a dash ("£159, not £59"). */
function afterComma(text: string, at: number, previousEnd: number): boolean {
  for (let i = at - 1; i >= previousEnd; i--) {
    const ch = text[i]
    if (ch === ',' || ch === '–' || ch === '—' || ch === '-' || ch === ';') return true
  }
  return false
}
