/** English vague wording: phrases that hedge what happened, who, when and what data. */
import type {VagueLexicon, VaguePhrase} from './lexicon.js'

const what: VaguePhrase[] = [
  {phrase: 'an issue', category: 'what', skipInCondition: true, notAfter: ['not', 'no'], notBefore: ['that', 'which', 'where', 'whereby']},
  {phrase: 'a technical issue', category: 'what', skipInCondition: true},
  {phrase: 'technical issue*', category: 'what', skipInCondition: true},
  {phrase: 'an unexpected issue', category: 'what', skipInCondition: true},
  {phrase: 'an unforeseen issue', category: 'what', skipInCondition: true},
  {phrase: 'a problem', category: 'what', skipInCondition: true, notAfter: ['not', 'no'], notBefore: ['that', 'which', 'where', 'whereby']},
  {phrase: 'a technical problem', category: 'what', skipInCondition: true},
  {phrase: 'technical problem*', category: 'what', skipInCondition: true},
  {phrase: 'a technical glitch', category: 'what'},
  {phrase: 'technical glitch*', category: 'what'},
  {phrase: 'a glitch', category: 'what'},
  {phrase: 'glitch*', category: 'what'},
  {phrase: 'a hiccup', category: 'what'},
  {phrase: 'hiccup*', category: 'what'},
  {phrase: 'a technical error', category: 'what', skipInCondition: true},
  {phrase: 'technical error*', category: 'what', skipInCondition: true},
  {phrase: 'technical difficult*', category: 'what', skipInCondition: true},
  {phrase: 'an error occurred', category: 'what', skipInCondition: true},
  {phrase: 'an error has occurred', category: 'what', skipInCondition: true},
  {phrase: 'an issue occurred', category: 'what', skipInCondition: true},
  {phrase: 'something went wrong', category: 'what', skipInCondition: true},
  {phrase: 'an irregularity', category: 'what'},
  // "an issue which had arisen": a relative clause that only says the issue happened names nothing.
  ...['an issue', 'a problem', 'an error'].flatMap((what) =>
    ['that', 'which'].flatMap((rel) =>
      ['arose', 'occurred', 'happened', 'emerged', 'came up', 'had arisen', 'has arisen', 'had occurred', 'has occurred', 'had emerged', 'has emerged'].map(
        (verb): VaguePhrase => ({phrase: `${what} ${rel} ${verb}`, category: 'what', skipInCondition: true}),
      ),
    ),
  ),
  // "you received a strange email": says something was wrong with it, not what.
  ...['a strange', 'an odd', 'a weird', 'an unusual', 'a confusing'].flatMap((adjective) =>
    ['email', 'e mail', 'message', 'newsletter', 'notification'].map((what): VaguePhrase => ({phrase: `${adjective} ${what}`, category: 'what'})),
  ),
]

const when: VaguePhrase[] = [
  {
    phrase: 'recently',
    category: 'when',
    skipInCondition: true,
    notAfter: ['most', 'as'],
    notBefore: ['viewed', 'added', 'released', 'launched', 'published', 'opened', 'joined', 'renovated', 'restocked'],
  },
  {phrase: 'lately', category: 'when', skipInCondition: true},
  {phrase: 'the other day', category: 'when', skipInCondition: true},
  {phrase: 'some time ago', category: 'when'},
  {phrase: 'a while ago', category: 'when'},
  {phrase: 'in recent days', category: 'when'},
  {phrase: 'in recent weeks', category: 'when'},
  {phrase: 'in the past few days', category: 'when', skipInCondition: true},
  {phrase: 'over the past few days', category: 'when'},
  {phrase: 'in the last few days', category: 'when', skipInCondition: true},
  {phrase: 'over the last few days', category: 'when'},
  {phrase: 'at some point', category: 'when', skipInCondition: true},
  {phrase: 'at this time', category: 'when', notBefore: ['of', 'last', 'next', 'tomorrow', 'yesterday']},
  {phrase: 'at this point in time', category: 'when'},
  {phrase: 'in due course', category: 'when'},
]

const who: VaguePhrase[] = [
  {phrase: 'some of you', category: 'who'},
  {phrase: 'certain individuals', category: 'who'},
]

const hedge: VaguePhrase[] = [
  ...['potentially', 'possibly'].flatMap((adverb) =>
    ['affected', 'impacted', 'exposed', 'compromised', 'accessed', 'involved'].map((p): VaguePhrase => ({phrase: `${adverb} ${p}`, category: 'hedge'})),
  ),
  ...['may', 'might', 'could'].flatMap((modal) =>
    ['affected', 'impacted', 'exposed', 'compromised', 'involved'].map((p): VaguePhrase => ({phrase: `${modal} be ${p}`, category: 'hedge'})),
  ),
  {phrase: 'it appears that', category: 'hedge'},
  {phrase: 'it seems that', category: 'hedge'},
  {phrase: 'it appears some', category: 'hedge'},
  {phrase: 'it is possible that', category: 'hedge'},
  {phrase: "it's possible that", category: 'hedge'},
  {phrase: 'appears to have been', category: 'hedge'},
  {phrase: 'seems to have been', category: 'hedge'},
]

/** "any inconvenience" is stock filler; the rest only in an apology ("if you have any trouble" is an offer of help). */
const euphemism: VaguePhrase[] = [
  {phrase: 'any inconvenience', category: 'euphemism', skipInCondition: true},
  {phrase: 'any inconveniences', category: 'euphemism', skipInCondition: true},
  ...['confusion', 'disruption', 'trouble', 'frustration', 'concern', 'concerns', 'issues', 'problems', 'distress', 'upset', 'worry', 'disappointment'].map(
    (noun): VaguePhrase => ({phrase: `any ${noun}`, category: 'euphemism', needsApology: true, skipInCondition: true}),
  ),
]

const reason: VaguePhrase[] = [
  {phrase: 'for various reasons', category: 'reason'},
  {phrase: 'for a variety of reasons', category: 'reason'},
  {phrase: 'for a number of reasons', category: 'reason'},
  {phrase: 'for technical reasons', category: 'reason'},
  {phrase: 'due to technical reasons', category: 'reason'},
  {phrase: 'for operational reasons', category: 'reason'},
  {phrase: 'unforeseen circumstances', category: 'reason'},
  {phrase: 'unexpected circumstances', category: 'reason'},
  {phrase: 'due to circumstances', category: 'reason'},
]

const en: VagueLexicon = {
  phrases: [...what, ...when, ...who, ...hedge, ...euphemism, ...reason],
  quantifiers: [
    {phrase: 'some'},
    {phrase: 'certain', notAfter: ['are', 'is', 'was', 'were', 'am', 'be', 'been', "we're", "i'm", "you're", 'feel', 'felt', 'quite', 'not', 'almost', 'fairly', 'absolutely']},
    {phrase: 'several'},
    {phrase: 'various'},
    {phrase: 'a number of'},
    {phrase: 'a handful of'},
    {phrase: 'a small number of', alone: true},
    {phrase: 'a limited number of', alone: true},
    {phrase: 'a very small number of', alone: true},
    {phrase: 'a subset of', alone: true},
    {phrase: 'a portion of', alone: true},
    {phrase: 'a small portion of', alone: true},
    {phrase: 'a small percentage of', alone: true},
    {phrase: 'a minority of', alone: true},
    {phrase: 'a small group of', alone: true},
    {phrase: 'a group of'},
  ],
  nouns: {
    people: [
      'user', 'users', 'customer', 'customers', 'client', 'clients', 'member', 'members', 'subscriber*', 'recipient*', 'reader', 'readers',
      'people', 'person', 'persons', 'individuals', 'patient', 'patients', 'passenger*', 'guest', 'guests', 'shopper*', 'buyer*',
      'cardholder*', 'merchant*', 'student*', 'families', 'household*', 'policyholder*', 'resident*', 'visitor*', 'holder*', 'account-holder*',
      'attendee*', 'participant*', 'learner*', 'owner*', 'donor*', 'parents', 'homes', 'businesses', 'organisations', 'organizations',
      'companies', 'firms', 'retailers', 'brands',
    ],
    data: ['data', 'information', 'info', 'details', 'record', 'records', 'file', 'files', 'document*', 'credential*', 'password*', 'address', 'addresses', 'numbers', 'names'],
    things: [
      'account', 'accounts', 'order', 'orders', 'transaction*', 'payment*', 'booking*', 'reservation*', 'email', 'emails', 'message*',
      'system', 'systems', 'server*', 'service', 'services', 'feature*', 'page', 'pages', 'link', 'links', 'product*', 'price*', 'items',
      'region*', 'area*', 'refund*', 'invoice*', 'statement*', 'ticket*', 'deliver*', 'parcel*', 'shipment*', 'subscription*', 'card*',
    ],
    events: ['issue', 'issues', 'problem', 'problems', 'error', 'errors', 'difficulties', 'irregularit*', 'discrepanc*', 'glitch*', 'outage*', 'disruption*', 'delay*', 'inaccurac*'],
  },
  fillers: ['of', 'our', 'the', 'these', 'those', 'its', 'their', 'affected', 'impacted', 'other'],
  readerWords: ['your', 'you', 'yours'],
  maxModifiers: 2,
  modifierEndings: [],
  clearedBy: ['including you', 'including yours', 'including your', 'like you', 'such as you'],
  conditions: ['if', 'whether', 'unless', 'in case', 'should you', 'in the event'],
  modalPerfect: {
    modals: ['may', 'might', "may've", "might've"],
    couldBeen: ['could', "could've"],
    skipVerbs: ['noticed', 'seen', 'spotted', 'heard', 'wondered', 'guessed', 'realised', 'realized', 'read', 'come', 'gone', 'missed', 'forgotten', 'mixed', 'limited', 'varied', 'vested', 'heightened'],
    participles: [
      'been', 'made', 'sent', 'seen', 'shown', 'given', 'taken', 'known', 'done', 'gone', 'got', 'gotten', 'written', 'put', 'set',
      'hit', 'cut', 'let', 'lost', 'found', 'left', 'paid', 'said', 'told', 'sold', 'held', 'kept', 'brought', 'bought', 'caught',
      'built', 'run', 'come', 'become', 'begun', 'chosen', 'driven', 'fallen', 'forgotten', 'hidden', 'broken', 'spoken', 'stolen',
      'frozen', 'shut', 'spread', 'split', 'drawn', 'thrown', 'blown', 'grown', 'withdrawn', 'overwritten', 'undone', 'misled', 'leaked',
      'dealt', 'meant', 'read', 'sent', 'spent', 'lent', 'bent', 'shed', 'won', 'struck', 'hung', 'led', 'fed', 'bled',
    ],
    concessions: ['but', 'yet', 'however', 'though', 'although'],
  },
  examples: {
    what: 'We sent the wrong sign-in link in our 3 March email.',
    who: 'The 1,204 customers who ordered on 3 March between 09:00 and 11:30 were charged twice.',
    when: 'On Monday 3 March between 09:00 and 11:30 …',
    data: 'The attacker copied your name, email address and order history; not your card number.',
    hedge: 'An attacker copied your email address on 3 March. (Or, if you cannot know yet: "We do not know yet whether … We will email you by Friday.")',
    euphemism: "We're sorry for the double charge and the worry it caused.",
    reason: 'We sent it twice because our email tool retried a send that had already gone out.',
    extra: 'Say what went wrong, who was affected, when, and what data.',
  },
}

export default en
