/** English evasive wording: non-apologies, agentless passives, blame on others and minimisers. */
import type {EvasiveLexicon, EvasivePhrase} from './lexicon.js'

const FEELINGS = ['offended', 'upset', 'hurt', 'disappointed', 'frustrated', 'annoyed', 'bothered', 'inconvenienced', 'confused', 'affected', 'impacted', 'troubled', 'distressed']

const conditional: EvasivePhrase[] = [
  {phrase: 'sorry if', category: 'conditional', swap: ['if', 'that']},
  {phrase: 'sorry to anyone who', category: 'conditional'},
  {phrase: 'sorry to anybody who', category: 'conditional'},
  {phrase: 'sorry to those who', category: 'conditional'},
  {phrase: 'apolog* if', category: 'conditional', swap: ['if', 'that']},
  {phrase: 'apolog* to anyone who', category: 'conditional'},
  {phrase: 'apolog* to those who', category: 'conditional'},
  {phrase: 'apolog* to anybody who', category: 'conditional'},
  {phrase: 'regret if', category: 'conditional', swap: ['if', 'that']},
  ...['anyone', 'anybody', 'any of you', 'you', 'someone', 'some of you'].flatMap((who) =>
    ['was', 'were', 'felt', 'has been', 'have been', 'may have been', 'might have been'].flatMap((verb) =>
      FEELINGS.filter((f) => !(who === 'you' && (f === 'affected' || f === 'impacted'))).map((feeling): EvasivePhrase => ({
        phrase: `if ${who} ${verb} ${feeling}`,
        category: 'conditional',
      })),
    ),
  ),
  ...['this', 'it', 'that', 'we', 'our email', 'the email', 'this email', 'our message', 'our newsletter'].flatMap((what) =>
    ['offended', 'upset', 'hurt', 'confused', 'caused', 'inconvenienced', 'bothered', 'annoyed', 'disappointed', 'troubled', 'alarmed', 'worried', 'misled'].map(
      (verb): EvasivePhrase => ({phrase: `if ${what} ${verb}`, category: 'conditional'}),
    ),
  ),
  {phrase: 'if anyone', category: 'conditional', needsApology: true},
  {phrase: 'if anybody', category: 'conditional', needsApology: true},
  {phrase: 'if there was any inconvenience', category: 'conditional'},
  {phrase: 'if any inconvenience was caused', category: 'conditional'},
  {phrase: 'if we have offended', category: 'conditional'},
  {phrase: 'if we have upset', category: 'conditional'},
  {phrase: 'if you feel', category: 'conditional', needsApology: true},
  {phrase: 'if you felt', category: 'conditional', needsApology: true},
]

const feelings: EvasivePhrase[] = [
  ...['sorry', 'sorry that', 'sorry to hear', 'sorry to hear that', 'regret that', 'apologise that', 'apologize that'].flatMap((head) => [
    {phrase: `${head} you feel`, category: 'feelings' as const},
    {phrase: `${head} you felt`, category: 'feelings' as const},
    ...['offended', 'upset', 'hurt', 'disappointed', 'frustrated', 'annoyed', 'unhappy', 'bothered'].flatMap((f) => [
      {phrase: `${head} you were ${f}`, category: 'feelings' as const},
      {phrase: `${head} you are ${f}`, category: 'feelings' as const},
      {phrase: `${head} you're ${f}`, category: 'feelings' as const},
    ]),
  ]),
  {phrase: 'sorry for how you feel', category: 'feelings'},
  {phrase: 'sorry for how you felt', category: 'feelings'},
  {phrase: 'sorry you see it that way', category: 'feelings'},
  {phrase: 'sorry you see it this way', category: 'feelings'},
  {phrase: 'sorry you took it that way', category: 'feelings'},
  {phrase: 'regret you feel', category: 'feelings'},
  {phrase: 'regret that you feel', category: 'feelings'},
  {phrase: 'sorry for any offence', category: 'feelings'},
  {phrase: 'sorry for any offense', category: 'feelings'},
  {phrase: 'sorry for any offence taken', category: 'feelings'},
  {phrase: 'sorry for any offense taken', category: 'feelings'},
  {phrase: 'any offence taken', category: 'feelings'},
  {phrase: 'any offense taken', category: 'feelings'},
]

const blame: EvasivePhrase[] = [
  {phrase: 'a system error', category: 'blame', excusedByOwnership: true},
  {phrase: 'system error*', category: 'blame', excusedByOwnership: true},
  {phrase: 'a systems error', category: 'blame', excusedByOwnership: true},
  {phrase: 'a computer error', category: 'blame', excusedByOwnership: true},
  {phrase: 'computer error*', category: 'blame', excusedByOwnership: true},
  {phrase: 'a software error', category: 'blame', excusedByOwnership: true},
  {phrase: 'software error*', category: 'blame', excusedByOwnership: true},
  {phrase: 'human error', category: 'blame', excusedByOwnership: true},
  {phrase: 'beyond our control', category: 'blame'},
  {phrase: 'outside our control', category: 'blame'},
  {phrase: 'out of our control', category: 'blame'},
  {phrase: 'outside of our control', category: 'blame'},
  {phrase: 'out of our hands', category: 'blame'},
  {phrase: 'not our fault', category: 'blame'},
  {phrase: 'no fault of our own', category: 'blame'},
  {phrase: 'through no fault of ours', category: 'blame'},
  {phrase: 'through no fault of our own', category: 'blame'},
  {phrase: 'the computer did it', category: 'blame'},
  // Inevitability: the cause is the world, not the sender.
  {phrase: 'an unavoidable part of', category: 'blame', excusedByOwnership: true},
  {phrase: 'an inevitable part of', category: 'blame', excusedByOwnership: true},
  {phrase: 'a fact of life', category: 'blame', excusedByOwnership: true},
]

/** Agentless idioms: the error happened by itself. */
const happened: EvasivePhrase[] = [
  ...['an error', 'a mistake', 'a glitch'].flatMap((what) =>
    ['occurred', 'has occurred', 'crept in', 'has crept in', 'was made'].map((verb): EvasivePhrase => ({phrase: `${what} ${verb}`, category: 'passive', excusedByOwnership: true})),
  ),
]

/** Regret for having to write, not for what happened: "regrets that we have to write to you", "we regret to inform you". */
const regretWriting: EvasivePhrase[] = [
  ...['regret', 'regrets'].flatMap((verb) => [
    ...['inform', 'tell', 'advise', 'announce', 'notify', 'say'].map((to): EvasivePhrase => ({phrase: `${verb} to ${to}`, category: 'regret'})),
    ...['that we have to', 'that we had to', 'that we must', 'that we need to', 'having to', 'that i have to', 'that i must'].map(
      (rest): EvasivePhrase => ({phrase: `${verb} ${rest}`, category: 'regret'}),
    ),
  ]),
  {phrase: 'it is with regret that', category: 'regret'},
  {phrase: "it's with regret that", category: 'regret'},
]

/** Harm played down: "the only information accessed was…", "the most likely impact, if any". */
const playedDown: EvasivePhrase[] = [
  ...['data', 'information', 'info', 'details', 'personal data', 'personal information'].flatMap((what) =>
    ['accessed', 'exposed', 'taken', 'affected', 'involved', 'copied', 'compromised', 'viewed', 'stolen', 'obtained', 'disclosed', 'at risk'].flatMap(
      (how): EvasivePhrase[] => [
        {phrase: `the only ${what} ${how}`, category: 'minimiser'},
        {phrase: `the only ${what} that was ${how}`, category: 'minimiser'},
        {phrase: `the only ${what} which was ${how}`, category: 'minimiser'},
        {phrase: `the only ${what} that were ${how}`, category: 'minimiser'},
      ],
    ),
  ),
  // "if any" after the harm doubts there was any ("the most likely impact, if any, …").
  ...['impact', 'impacts', 'effect', 'effects', 'risk', 'risks', 'harm', 'damage', 'consequence', 'consequences', 'exposure', 'inconvenience'].map(
    (what): EvasivePhrase => ({phrase: `${what} if any`, category: 'minimiser'}),
  ),
]

const assurance: EvasivePhrase[] = [
  {phrase: 'has assured us', category: 'assurance'},
  {phrase: 'have assured us', category: 'assurance'},
  {phrase: 'assured us that', category: 'assurance'},
  {phrase: 'assures us', category: 'assurance'},
  {phrase: 'we have been assured', category: 'assurance'},
  {phrase: "we've been assured", category: 'assurance'},
  {phrase: 'we were assured', category: 'assurance'},
]

const minimiser: EvasivePhrase[] = [
  {phrase: 'out of an abundance of caution', category: 'minimiser', rewrite: ''},
  {phrase: 'out of abundance of caution', category: 'minimiser', rewrite: ''},
  {phrase: 'in an abundance of caution', category: 'minimiser', rewrite: ''},
  {phrase: 'out of an excess of caution', category: 'minimiser', rewrite: ''},
  {phrase: 'nothing to worry about', category: 'minimiser'},
  {phrase: 'no cause for concern', category: 'minimiser'},
  {phrase: 'no cause for alarm', category: 'minimiser'},
  {phrase: 'no reason to worry', category: 'minimiser'},
  {phrase: 'no reason for concern', category: 'minimiser'},
  {phrase: 'not a big deal', category: 'minimiser'},
  {phrase: 'no big deal', category: 'minimiser'},
  {phrase: 'no harm done', category: 'minimiser'},
  {phrase: 'these things happen', category: 'minimiser'},
  {phrase: 'mistakes happen', category: 'minimiser'},
  {phrase: 'it happens to the best of us', category: 'minimiser'},
  {phrase: 'just a test', category: 'minimiser'},
  {phrase: 'only a test', category: 'minimiser'},
  {phrase: 'merely a test', category: 'minimiser'},
]

/** Participles of what a sender does wrong, with the simple past to suggest ("was shown" → "we showed"). */
const VERBS: [string, string][] = [
  ['sent', 'sent'], ['made', 'made'], ['given', 'gave'], ['shown', 'showed'], ['displayed', 'displayed'], ['listed', 'listed'],
  ['published', 'published'], ['entered', 'entered'], ['typed', 'typed'], ['included', 'included'], ['charged', 'charged'],
  ['billed', 'billed'], ['priced', 'priced'], ['set', 'set'], ['configured', 'configured'], ['applied', 'applied'], ['issued', 'issued'],
  ['emailed', 'emailed'], ['mailed', 'mailed'], ['posted', 'posted'], ['stated', 'stated'], ['printed', 'printed'], ['quoted', 'quoted'],
  ['advertised', 'advertised'], ['labelled', 'labelled'], ['labeled', 'labeled'], ['linked', 'linked'], ['missed', 'missed'],
  ['overlooked', 'overlooked'], ['omitted', 'omitted'], ['delivered', 'delivered'], ['dispatched', 'dispatched'], ['distributed', 'distributed'],
  ['forwarded', 'forwarded'], ['shared', 'shared'], ['disclosed', 'disclosed'], ['attached', 'attached'], ['communicated', 'communicated'],
  ['provided', 'provided'], ['written', 'wrote'], ['taken', 'took'], ['done', 'did'], ['chosen', 'chose'], ['selected', 'selected'],
  ['used', 'used'], ['uploaded', 'uploaded'], ['scheduled', 'scheduled'], ['triggered', 'triggered'], ['processed', 'processed'],
  ['deducted', 'deducted'], ['added', 'added'], ['mislabelled', 'mislabelled'], ['mispriced', 'mispriced'], ['misprinted', 'misprinted'],
  ['overcharged', 'overcharged'], ['double-charged', 'double-charged'], ['addressed', 'addressed'], ['told', 'told'], ['promised', 'promised'],
]

const en: EvasiveLexicon = {
  phrases: [...conditional, ...feelings, ...blame, ...assurance, ...minimiser, ...happened, ...regretWriting, ...playedDown],
  harm: {
    regretVerbs: ['regret', 'regrets'],
    nouns: ['inconvenience', 'inconveniences', 'confusion', 'disruption', 'trouble', 'distress', 'upset', 'concern', 'frustration', 'disappointment', 'worry', 'issues', 'problems', 'difficulties', 'hassle',
      'error', 'errors', 'mistake', 'mistakes', 'situation', 'incident', 'oversight'],
    doubting: ['possible', 'potential'],
    determiners: ['any', 'the', 'all', 'possible', 'potential'],
    vagueDeterminers: ['any', 'all'],
    subjects: ['we', 'i'],
    linkers: [],
    hedges: [
      ...['this', 'that', 'it', 'which', 'we', 'our email', 'the email', 'our mistake', 'the error', 'this error', 'this email', 'this message', 'this issue', 'this situation', 'the situation']
        .flatMap((who) =>
          ['may', 'might', 'could'].flatMap((modal) => [
            {phrase: `${who} ${modal} have caused`},
            {phrase: `${who} ${modal} have created`},
            {phrase: `${who} ${modal} cause`},
            {phrase: `${who} ${modal} have caused you`},
          ]),
        ),
      {phrase: 'that may have been caused'},
      {phrase: 'which may have been caused'},
      {phrase: 'that might have been caused'},
      {phrase: 'that may have arisen'},
      {phrase: 'which may have arisen'},
      {phrase: 'that may have resulted'},
      {phrase: 'this may have caused'},
    ],
    hedgeWindow: 1,
    rewrite: 'the trouble we caused',
    regretRewrite: {we: 'are sorry for', i: 'am sorry for'},
  },
  passive: {
    auxiliaries: ['was', 'were', 'is', 'are', 'got'],
    perfect: ['has', 'have', 'had'],
    verbs: VERBS.map(([participle, active]) => ({participle, active})),
    impersonal: [],
    cues: [
      'mistake', 'mistakes', 'error', 'errors', 'wrong', 'wrongly', 'incorrect', 'incorrectly', 'inaccurate', 'inaccurately', 'erroneous',
      'erroneously', 'mistaken', 'mistakenly', 'accidentally', 'inadvertently', 'unintentionally', 'faulty', 'broken', 'outdated', 'invalid',
      'twice', 'duplicate', 'prematurely', 'unintended', 'incomplete',
    ],
    cuePhrases: [{phrase: 'in error'}, {phrase: 'by mistake'}, {phrase: 'by accident'}, {phrase: 'too early'}, {phrase: 'too soon'}],
    ownAgents: ['us', 'our', 'me', 'my', 'we'],
    negations: ['not', 'never', "n't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "isn't", "aren't"],
    noneWords: ['nobody', 'no', 'none', 'nothing', 'neither', 'nor'],
    subjectStops: ['and', 'but', 'so', 'because', 'as', 'when', 'while', 'after', 'before', 'since', 'which', 'that', 'who', 'if', 'although', 'though', 'where', 'or', 'we', 'i', 'then'],
    objectPronouns: {it: 'it', they: 'them', he: 'him', she: 'her', you: 'you', i: 'me', we: 'us', this: 'this', these: 'these', that: 'that', those: 'those'},
    we: 'we',
  },
  blame: {
    connectors: [
      {phrase: 'due to'}, {phrase: 'because of'}, {phrase: 'caused by'}, {phrase: 'as a result of'}, {phrase: 'owing to'},
      {phrase: 'the result of'}, {phrase: 'on the part of'}, {phrase: 'on the side of'}, {phrase: 'resulting from'}, {phrase: 'blamed on'},
      {phrase: 'at the hands of'}, {phrase: 'triggered by'}, {phrase: 'because our'}, {phrase: 'after our'},
    ],
    agents: [
      {phrase: 'third party'}, {phrase: 'third parties'}, {phrase: 'provider*'}, {phrase: 'supplier*'}, {phrase: 'vendor*'}, {phrase: 'partner'},
      {phrase: 'partners'}, {phrase: "partner's"}, {phrase: "partners'"},
      {phrase: 'contractor*'}, {phrase: 'subcontractor*'}, {phrase: 'intern'}, {phrase: 'interns'}, {phrase: 'courier*'}, {phrase: 'processor*'},
      {phrase: 'system error*'}, {phrase: 'computer error*'}, {phrase: 'software error*'}, {phrase: 'human error'}, {phrase: 'external'},
      {phrase: 'outsourced'}, {phrase: 'agency'}, {phrase: 'printer'}, {phrase: 'carrier*'},
      // A technical error as the cause names no one: "due to a technical error".
      {phrase: 'technical error*'}, {phrase: 'technical issue*'}, {phrase: 'technical problem*'}, {phrase: 'technical glitch*'},
      {phrase: 'technical fault*'}, {phrase: 'technical difficult*'}, {phrase: 'technical failure*'}, {phrase: 'glitch'}, {phrase: 'glitches'},
      {phrase: 'system issue*'}, {phrase: 'system failure*'}, {phrase: 'system fault*'}, {phrase: 'system glitch*'},
    ],
    window: 6,
  },
  informant: {
    verbs: ['told', 'tells', 'informed', 'informs', 'notified', 'notifies', 'advised', 'advises', 'alerted', 'alerts'],
    objects: ['us'],
    passiveLeads: ['we', 'i'].flatMap((who) =>
      ['were', 'was', 'have been', 'had been', "'ve been"].flatMap((aux) =>
        ['told', 'informed', 'notified', 'advised', 'alerted', 'contacted'].map((verb) => ({phrase: `${who} ${aux} ${verb}`})),
      ),
    ),
    by: ['by', 'from'],
    companies: ['company', 'companies', 'firm', 'firms'],
    own: ['our', 'my', 'we', 'this'],
    window: 6,
  },
  actor: {
    determiners: ['our', 'the'],
    things: ['website', 'websites', 'site', 'system', 'systems', 'app', 'application', 'platform', 'server', 'servers', 'software', 'database', 'algorithm', 'computer', 'computers', 'checkout', 'portal'],
    verbs: [
      'disclosed', 'exposed', 'leaked', 'revealed', 'shared', 'sent', 'emailed', 'mailed', 'showed', 'displayed', 'listed', 'charged', 'billed',
      'double-charged', 'overcharged', 'applied', 'cancelled', 'canceled', 'deleted', 'removed', 'generated', 'created', 'published', 'posted',
      'issued', 'triggered', 'assigned', 'processed', 'priced', 'calculated', 'miscalculated', 'unsubscribed', 'included', 'attached', 'added',
      'dropped', 'lost', 'skipped', 'made',
    ],
    harmful: ['disclosed', 'exposed', 'leaked', 'revealed', 'overcharged', 'double-charged', 'miscalculated', 'lost'],
    window: 3,
  },
  minimiser: {
    adverbs: ['just', 'only', 'merely', 'simply', 'barely', 'slightly'],
    apologies: ['sorry', 'apologise', 'apologize', 'apologies', 'apology', 'apologising', 'apologizing'],
    apologyLeads: ['wanted', 'want', 'wish', 'wished', 'to', 'say', 'said', 'a', 'quick', 'note', 'line', 'drop', 'let', 'you', 'know', 'like', "we'd", 'would', 'write', 'writing', 'send', 'sending', 'offer', 'an', 'our', 'small'],
    adjectives: ['minor', 'small', 'tiny', 'little', 'slight', 'trivial', 'insignificant', 'harmless', 'negligible', 'teeny', 'innocent', 'honest'],
    errors: [
      'mistake', 'mistakes', 'error', 'errors', 'typo', 'typos', 'glitch', 'glitches', 'hiccup', 'hiccups', 'slip', 'slip-up', 'oversight',
      'mix', 'blip', 'bug', 'bugs', 'issue', 'issues', 'problem', 'problems', 'incident', 'inconvenience', 'misunderstanding', 'snag',
      'outage', 'breach', 'leak',
    ],
    amounts: ['few', 'handful', 'fraction', 'minority', 'couple', 'number', 'percentage', 'portion', 'subset', 'some'],
    amountNouns: [
      'of', 'customer*', 'user*', 'client*', 'member*', 'subscriber*', 'recipient*', 'reader*', 'people', 'person*', 'account*', 'order*',
      'patient*', 'passenger*', 'guest*', 'merchant*', 'household*', 'home*', 'transaction*', 'payment*', 'booking*', 'email*', 'record*',
    ],
    between: [
      'a', 'an', 'the', 'one', 'single', 'very', 'small', 'tiny', 'minor', 'little', 'slight', 'technical', 'security', 'data', 'pricing',
      'formatting', 'display', 'system', 'website', 'clerical', 'administrative', 'temporary', 'honest', 'simple', 'silly', 'human', 'typing',
      'brief', 'limited',
    ],
    window: 3,
  },
  ownership: [
    {phrase: 'our mistake'}, {phrase: 'our fault'}, {phrase: 'our error'}, {phrase: 'my mistake'}, {phrase: 'my fault'}, {phrase: 'we made a mistake'},
    {phrase: 'we made an error'}, {phrase: 'we should have'}, {phrase: "we should've"}, {phrase: 'we take responsibility'}, {phrase: 'we take full responsibility'},
    {phrase: 'our responsibility'}, {phrase: 'we are responsible'}, {phrase: "we're responsible"}, {phrase: "it's on us"}, {phrase: "that's on us"},
    {phrase: 'this is on us'}, {phrase: 'we failed'}, {phrase: 'we got it wrong'}, {phrase: "we didn't check"}, {phrase: 'we did not check'},
    {phrase: "we didn't catch"}, {phrase: 'we did not catch'}, {phrase: "we didn't test"}, {phrase: 'we did not test'}, {phrase: 'we own this'},
    {phrase: 'we chose'}, {phrase: 'we relied on'}, {phrase: 'we messed up'}, {phrase: 'our bad'},
  ],
  ownershipNegations: ['not', 'no', "isn't", "wasn't", 'never'],
  ownedAction: {
    pronouns: ['we', 'i'],
    verbEndings: ['ed'],
    irregularPast: [
      'sent', 'made', 'gave', 'showed', 'put', 'set', 'wrote', 'took', 'did', "didn't", 'chose', 'forgot', 'got', 'left', 'let', 'told', 'sold',
      'picked', 'mixed', 'typed', 'ran', 'broke', 'lost', 'hit', 'cut', 'read', 'built', 'meant', 'had', 'were', 'was',
    ],
    notOwning: [
      'noticed', 'discovered', 'realised', 'realized', 'learned', 'detected', 'identified', 'apologised', 'apologized', 'regretted',
      'received', 'heard', 'spotted', 'investigated', 'resolved', 'fixed', 'corrected', 'updated', 'contacted', 'confirmed', 'reported',
      'noted', 'asked', 'needed', 'wanted', 'checked', 'reviewed', 'removed', 'refunded', 'cancelled', 'canceled', 'restored', 'recalled',
    ],
  },
  conditions: ['if', 'whether', 'unless'],
  templates: {
    conditional: "We [say what you did wrong]. We're sorry.",
    feelings: "We [say what you did wrong], and we're sorry for it.",
    regret: "We [say what you did wrong]. We're sorry for the trouble it caused.",
    passive: "We [did what went wrong]. We're sorry.",
    blame: "We [say what you did or failed to do], so [what went wrong]. That was our responsibility, and we're sorry.",
    assurance: 'We have [say what you changed], so that this cannot happen again.',
    minimiser: '[Say exactly what went wrong and how many people it affected].',
    extra: "We [say what you did wrong]. We're sorry.",
  },
  examples: {
    conditional: "We sent Friday's newsletter with a joke about the flood in Ludlow. It was hurtful, and we're sorry.",
    feelings: "We sent you the wrong price, and we're sorry for the trouble it caused.",
    regret: "We're sorry: we gave you the wrong delivery date.",
    passive: 'We sent an incorrect email.',
    blame: "Our payment provider had an outage and we had no backup in place; that is our responsibility, and we're sorry.",
    assurance: 'We now check every send with a second person before it goes out.',
    minimiser: 'The price in our email was wrong; 1,240 customers ordered at that price.',
    extra: "We sent the wrong price. We're sorry.",
  },
}

export default en
