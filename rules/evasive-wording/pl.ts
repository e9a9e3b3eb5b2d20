/**
 * Polish evasive wording. Stems (`*`) cover inflection; impersonal forms
 * ("podano", "popełniono") are Polish's agentless passive.
 */
import type {EvasiveLexicon, EvasivePhrase} from './lexicon.js'

const conditional: EvasivePhrase[] = [
  {phrase: 'przeprasza* jeśli', category: 'conditional', swap: ['jeśli', 'że']},
  {phrase: 'przeprasza* jeżeli', category: 'conditional', swap: ['jeżeli', 'że']},
  {phrase: 'przeprasza* gdyby', category: 'conditional'},
  {phrase: 'przeprasza* o ile', category: 'conditional'},
  {phrase: 'przykro nam jeśli', category: 'conditional', swap: ['jeśli', 'że']},
  {phrase: 'przykro nam jeżeli', category: 'conditional', swap: ['jeżeli', 'że']},
  {phrase: 'przykro nam gdyby', category: 'conditional'},
  {phrase: 'przeprasza* wszystkich którzy poczuli', category: 'conditional'},
  {phrase: 'przeprasza* tych którzy poczuli', category: 'conditional'},
  ...['jeśli', 'jeżeli', 'gdyby'].flatMap((jesli) => [
    {phrase: `${jesli} ktoś poczuł*`, category: 'conditional' as const},
    {phrase: `${jesli} ktoś czuje`, category: 'conditional' as const},
    {phrase: `${jesli} ktoś został dotknię*`, category: 'conditional' as const},
    {phrase: `${jesli} ktoś był urażon*`, category: 'conditional' as const},
    {phrase: `${jesli} kogoś urazi*`, category: 'conditional' as const},
    {phrase: `${jesli} kogoś uraził*`, category: 'conditional' as const},
    {phrase: `${jesli} kogoś dotknęł*`, category: 'conditional' as const},
    {phrase: `${jesli} kogokolwiek`, category: 'conditional' as const},
    {phrase: `${jesli} ktokolwiek`, category: 'conditional' as const},
    {phrase: `${jesli} ktoś`, category: 'conditional' as const, needsApology: true},
    {phrase: `${jesli} poczuł* się`, category: 'conditional' as const, needsApology: true},
    {phrase: `${jesli} poczuli państwo`, category: 'conditional' as const, needsApology: true},
    {phrase: `${jesli} nasz* wiadomoś* wprowadził*`, category: 'conditional' as const},
    {phrase: `${jesli} wiadomoś* wprowadził*`, category: 'conditional' as const},
    {phrase: `${jesli} spowodował*`, category: 'conditional' as const, needsApology: true},
  ]),
]

const feelings: EvasivePhrase[] = [
  ...['przykro nam że', 'przepraszamy że', 'żałujemy że'].flatMap((head) => [
    {phrase: `${head} czuj*`, category: 'feelings' as const},
    {phrase: `${head} poczuł*`, category: 'feelings' as const},
    {phrase: `${head} tak to odebrał*`, category: 'feelings' as const},
    {phrase: `${head} jest pan* rozczarowan*`, category: 'feelings' as const},
    {phrase: `${head} jesteś rozczarowan*`, category: 'feelings' as const},
    {phrase: `${head} jesteście rozczarowani`, category: 'feelings' as const},
    {phrase: `${head} są państwo rozczarowani`, category: 'feelings' as const},
    {phrase: `${head} jest pan* niezadowolon*`, category: 'feelings' as const},
    {phrase: `${head} jesteś niezadowolon*`, category: 'feelings' as const},
    {phrase: `${head} są państwo niezadowoleni`, category: 'feelings' as const},
  ]),
  {phrase: 'tak to odebrał*', category: 'feelings'},
  {phrase: 'poczuł* się urażon*', category: 'feelings'},
  {phrase: 'czuj* się urażon*', category: 'feelings'},
  {phrase: 'poczuli się państwo urażeni', category: 'feelings'},
]

const blame: EvasivePhrase[] = [
  {phrase: 'z przyczyn niezależnych od nas', category: 'blame', rewrite: ''},
  {phrase: 'z przyczyn od nas niezależnych', category: 'blame', rewrite: ''},
  {phrase: 'z powodów niezależnych od nas', category: 'blame', rewrite: ''},
  {phrase: 'z powodów od nas niezależnych', category: 'blame', rewrite: ''},
  {phrase: 'niezależn* od nas', category: 'blame'},
  {phrase: 'od nas niezależn*', category: 'blame'},
  {phrase: 'nie z naszej winy', category: 'blame'},
  {phrase: 'nie nasza wina', category: 'blame'},
  {phrase: 'nie ponosimy odpowiedzialności', category: 'blame'},
  {phrase: 'nie ponosimy winy', category: 'blame'},
  {phrase: 'błąd systemu', category: 'blame', excusedByOwnership: true},
  {phrase: 'błędu systemu', category: 'blame', excusedByOwnership: true},
  {phrase: 'błędem systemu', category: 'blame', excusedByOwnership: true},
  {phrase: 'błąd systemowy', category: 'blame', excusedByOwnership: true},
  {phrase: 'błędu systemowego', category: 'blame', excusedByOwnership: true},
  {phrase: 'błędem systemowym', category: 'blame', excusedByOwnership: true},
  {phrase: 'błąd ludzki', category: 'blame', excusedByOwnership: true},
  {phrase: 'błędu ludzkiego', category: 'blame', excusedByOwnership: true},
  {phrase: 'błąd komputera', category: 'blame', excusedByOwnership: true},
  {phrase: 'błędu komputera', category: 'blame', excusedByOwnership: true},
  // "Z przyczyn technicznych": a cause that names no one.
  {phrase: 'z przyczyn technicznych', category: 'blame', excusedByOwnership: true},
  {phrase: 'z powodów technicznych', category: 'blame', excusedByOwnership: true},
  {phrase: 'ze względów technicznych', category: 'blame', excusedByOwnership: true},
]

/** Bezosobowe idiomy: błąd "zdarzył się" sam ("doszło do błędu", "wystąpił problem"). */
const happened: EvasivePhrase[] = [
  ...['błędu', 'pomyłki', 'omyłki', 'awarii', 'usterki', 'incydentu', 'wycieku', 'nieprawidłowości', 'omyłkow*', 'błędn*', 'nieprawidłow*', 'przypadkow*', 'niezamierzon*']
    .map((what): EvasivePhrase => ({phrase: `doszło do ${what}`, category: 'passive', excusedByOwnership: true})),
  ...[
    'wystąpił błąd', 'wystąpił problem', 'wystąpiła awaria', 'wystąpiła usterka', 'wystąpiła pomyłka', 'wystąpiły błędy', 'wystąpiły problemy',
    'wystąpiły nieprawidłowości', 'pojawił się błąd', 'pojawił się problem', 'wkradł się błąd', 'wkradła się pomyłka', 'wkradła się omyłka',
    'nastąpił błąd', 'nastąpiła pomyłka', 'nastąpiła awaria', 'zdarzył się błąd', 'zdarzyła się pomyłka', 'miał miejsce błąd',
  ].map((phrase): EvasivePhrase => ({phrase, category: 'passive', excusedByOwnership: true})),
]

/** Żal z powodu pisania, nie z powodu błędu. */
const regretWriting: EvasivePhrase[] = [
  {phrase: 'ubolewa* że musimy', category: 'regret'},
  {phrase: 'żałujemy że musimy', category: 'regret'},
  {phrase: 'przykro nam że musimy', category: 'regret'},
  {phrase: 'z żalem informujemy', category: 'regret'},
  {phrase: 'z żalem zawiadamiamy', category: 'regret'},
]

/** Pomniejszanie skutków: "jedyne dane, jakie…", "jeśli w ogóle". */
const playedDown: EvasivePhrase[] = [
  ...['jedyne dane', 'jedynymi danymi', 'jedyną informacją', 'jedyne informacje', 'jedynymi informacjami', 'jedynymi ujawnionymi', 'jedyne ujawnione'].map(
    (phrase): EvasivePhrase => ({phrase, category: 'minimiser'}),
  ),
  {phrase: 'jeśli w ogóle', category: 'minimiser'},
  {phrase: 'jeżeli w ogóle', category: 'minimiser'},
  {phrase: 'o ile w ogóle', category: 'minimiser'},
]

const assurance: EvasivePhrase[] = [
  {phrase: 'zapewnił* nas', category: 'assurance'},
  {phrase: 'zapewnili nas', category: 'assurance'},
  {phrase: 'zapewnia nas', category: 'assurance'},
  {phrase: 'zapewniają nas', category: 'assurance'},
  {phrase: 'otrzymaliśmy zapewnienie', category: 'assurance'},
  {phrase: 'otrzymaliśmy zapewnienia', category: 'assurance'},
  {phrase: 'zostaliśmy zapewnieni', category: 'assurance'},
]

const minimiser: EvasivePhrase[] = [
  {phrase: 'z nadmiaru ostrożności', category: 'minimiser', rewrite: ''},
  {phrase: 'dla świętego spokoju', category: 'minimiser', rewrite: ''},
  {phrase: 'nie ma powodu do niepokoju', category: 'minimiser'},
  {phrase: 'nie ma powodów do niepokoju', category: 'minimiser'},
  {phrase: 'nie ma powodu do obaw', category: 'minimiser'},
  {phrase: 'nie ma powodów do obaw', category: 'minimiser'},
  {phrase: 'nie ma się czym martwić', category: 'minimiser'},
  {phrase: 'nie ma się czym przejmować', category: 'minimiser'},
  {phrase: 'nic wielkiego', category: 'minimiser'},
  {phrase: 'nic poważnego', category: 'minimiser'},
  {phrase: 'zdarza się najlepszym', category: 'minimiser'},
  {phrase: 'błędy się zdarzają', category: 'minimiser'},
  {phrase: 'pomyłki się zdarzają', category: 'minimiser'},
]

/** Participle stems after "został/była" with the "we" form to suggest ("została wysłana" → "wysłaliśmy"). */
const PARTICIPLES: [string, string][] = [
  ['wysłan*', 'wysłaliśmy'], ['przesłan*', 'przesłaliśmy'], ['podan*', 'podaliśmy'], ['popełnion*', 'popełniliśmy'],
  ['opublikowan*', 'opublikowaliśmy'], ['naliczon*', 'naliczyliśmy'], ['pobran*', 'pobraliśmy'], ['wprowadzon*', 'wprowadziliśmy'],
  ['umieszczon*', 'umieściliśmy'], ['ustawion*', 'ustawiliśmy'], ['wpisan*', 'wpisaliśmy'], ['zamieszczon*', 'zamieściliśmy'],
  ['udostępnion*', 'udostępniliśmy'], ['pominięt*', 'pominęliśmy'], ['dodan*', 'dodaliśmy'],
  ['przekazan*', 'przekazaliśmy'], ['wskazan*', 'wskazaliśmy'], ['wydrukowan*', 'wydrukowaliśmy'], ['obciążon*', 'obciążyliśmy'],
  ['wystawion*', 'wystawiliśmy'], ['zaksięgowan*', 'zaksięgowaliśmy'], ['skierowan*', 'skierowaliśmy'],
  ['zaadresowan*', 'zaadresowaliśmy'], ['napisan*', 'napisaliśmy'], ['zaplanowan*', 'zaplanowaliśmy'], ['wybran*', 'wybraliśmy'],
]

/** Impersonal forms with the "we" form ("podano" → "podaliśmy"). */
const IMPERSONAL: [string, string][] = [
  ['podano', 'podaliśmy'], ['wysłano', 'wysłaliśmy'], ['przesłano', 'przesłaliśmy'], ['napisano', 'napisaliśmy'],
  ['opublikowano', 'opublikowaliśmy'], ['naliczono', 'naliczyliśmy'], ['pobrano', 'pobraliśmy'], ['wprowadzono', 'wprowadziliśmy'],
  ['umieszczono', 'umieściliśmy'], ['zamieszczono', 'zamieściliśmy'], ['ustawiono', 'ustawiliśmy'], ['wpisano', 'wpisaliśmy'],
  ['udostępniono', 'udostępniliśmy'], ['pominięto', 'pominęliśmy'], ['dodano', 'dodaliśmy'], ['przekazano', 'przekazaliśmy'],
  ['wskazano', 'wskazaliśmy'], ['obciążono', 'obciążyliśmy'], ['wystawiono', 'wystawiliśmy'], ['zaksięgowano', 'zaksięgowaliśmy'],
  ['skierowano', 'skierowaliśmy'], ['wybrano', 'wybraliśmy'], ['zaadresowano', 'zaadresowaliśmy'],
  ['zaplanowano', 'zaplanowaliśmy'], ['wydrukowano', 'wydrukowaliśmy'],
]

const pl: EvasiveLexicon = {
  phrases: [...conditional, ...feelings, ...blame, ...assurance, ...minimiser, ...happened, ...regretWriting, ...playedDown],
  harm: {
    regretVerbs: ['ubolewa*', 'żałujemy'],
    nouns: ['niedogodnoś*', 'utrudnie*', 'nieporozumie*', 'kłopot*', 'problem*', 'zamieszani*', 'niedogodność', 'przykroś*', 'niepokoj*', 'niepokój', 'zamęt*', 'komplikacj*',
      'sytuacj*', 'błąd', 'błędu', 'błędy', 'błędów', 'pomyłk*', 'incydent*', 'zdarzeni*'],
    doubting: ['ewentualn*', 'potencjaln*', 'możliw*'],
    determiners: ['wszelki*', 'te', 'tych', 'tego', 'tej', 'ewentualn*', 'potencjaln*', 'możliw*', 'zaistniał*'],
    vagueDeterminers: ['wszelki*', 'zaistniał*'],
    subjects: [],
    linkers: ['z', 'powodu', 'nad', 'za'],
    hedges: [
      ...['które', 'jakie', 'która', 'jaka', 'który', 'jaki'].flatMap((which) =>
        ['mogł*', 'mógł', 'mogli'].flatMap((modal) =>
          ['wyniknąć', 'powstać', 'wystąpić', 'zaistnieć', 'spowodować', 'sprawić', 'zostać spowodowane', 'zostać spowodowana', 'być spowodowane'].map(
            (verb) => ({phrase: `${which} ${modal} ${verb}`}),
          ),
        ),
      ),
      ...['mogł*', 'mogli', 'mógł'].map((modal) => ({phrase: `${modal} spowodować`})),
    ],
    hedgeWindow: 2,
    rewrite: 'niedogodności, które spowodowaliśmy',
    regretRewrite: {},
  },
  passive: {
    auxiliaries: ['został', 'została', 'zostało', 'zostały', 'zostali', 'był', 'była', 'było', 'były', 'byli'],
    perfect: [],
    verbs: PARTICIPLES.map(([participle, active]) => ({participle, active})),
    impersonal: [
      {form: 'popełniono', active: 'popełniliśmy', alwaysError: true},
      ...IMPERSONAL.map(([form, active]) => ({form, active})),
    ],
    cues: [
      'błąd', 'błędu', 'błędem', 'błędy', 'błędów', 'błędn*', 'omyłk*', 'omyłkowo', 'pomyłk*', 'nieprawidłow*', 'niepoprawn*', 'niewłaściw*',
      'zły', 'zła', 'złe', 'złą', 'złej', 'złego', 'złym', 'złych', 'przypadkowo', 'niechcący', 'lecz', 'zamiast', 'nieaktualn*', 'mylnie',
      'mylny', 'mylną', 'mylne', 'dwukrotnie', 'przedwcześnie', 'nieumyślnie',
    ],
    cuePhrases: [{phrase: 'przez pomyłkę'}, {phrase: 'przez przypadek'}, {phrase: 'a nie'}, {phrase: 'dwa razy'}],
    ownAgents: ['nas', 'naszą', 'nasz', 'naszego', 'naszych', 'mnie'],
    negations: ['nie', 'nigdy'],
    noneWords: ['nikt', 'nic', 'żaden', 'żadna', 'żadne', 'żadnych', 'żadnego', 'żadnej', 'ani'],
    subjectStops: ['i', 'a', 'ale', 'lecz', 'oraz', 'bo', 'ponieważ', 'który', 'która', 'które', 'którzy', 'że', 'gdy', 'kiedy', 'jeśli', 'jak'],
    objectPronouns: {},
    we: 'my',
  },
  blame: {
    connectors: [
      {phrase: 'w wyniku'}, {phrase: 'z powodu'}, {phrase: 'z winy'}, {phrase: 'wskutek'}, {phrase: 'na skutek'}, {phrase: 'przez błąd'},
      {phrase: 'przez błędy'}, {phrase: 'po stronie'}, {phrase: 'spowodowan*'}, {phrase: 'z przyczyn'}, {phrase: 'winą'}, {phrase: 'w następstwie'},
      {phrase: 'za sprawą'}, {phrase: 'z uwagi na'},
    ],
    agents: [
      {phrase: 'dostawc*'}, {phrase: 'operator*'}, {phrase: 'partner'}, {phrase: 'partnera'}, {phrase: 'partnerów'},
      {phrase: 'partnerzy'}, {phrase: 'partnerem'}, {phrase: 'partnerowi'}, {phrase: 'podwykonawc*'}, {phrase: 'kurier*'}, {phrase: 'stażyst*'},
      {phrase: 'praktykant*'}, {phrase: 'firm* zewnętrzn*'}, {phrase: 'zewnętrzn* firm*'}, {phrase: 'zewnętrzn* dostawc*'},
      {phrase: 'błęd* system*'}, {phrase: 'błąd system*'}, {phrase: 'błęd* systemow*'}, {phrase: 'błąd systemowy'},
      {phrase: 'firmy trzeciej'}, {phrase: 'podmiot* zewnętrzn*'}, {phrase: 'zewnętrzn* podmiot*'}, {phrase: 'agencj*'}, {phrase: 'drukarni*'},
      // Błąd techniczny jako przyczyna: "z powodu błędu technicznego", "w wyniku problemów technicznych".
      {phrase: 'błęd* techniczn*'}, {phrase: 'błąd techniczny'}, {phrase: 'problem* techniczn*'}, {phrase: 'usterk* techniczn*'},
      {phrase: 'awari* techniczn*'}, {phrase: 'techniczn* błęd*'}, {phrase: 'techniczn* problem*'}, {phrase: 'techniczn* usterk*'},
    ],
    window: 4,
  },
  informant: {
    verbs: ['poinformował*', 'powiadomił*', 'zawiadomił*', 'przekazał*', 'zgłosił*', 'ostrzegł*', 'informuje', 'informują'],
    objects: ['nas', 'nam'],
    passiveLeads: [
      ...['zostaliśmy', 'zostałem', 'zostałam', 'byliśmy'].flatMap((aux) =>
        ['poinformowani', 'poinformowany', 'poinformowana', 'powiadomieni', 'powiadomiony', 'powiadomiona', 'zawiadomieni'].map((verb) => ({phrase: `${aux} ${verb}`})),
      ),
      {phrase: 'otrzymaliśmy informacj*'}, {phrase: 'otrzymaliśmy zgłoszeni*'}, {phrase: 'otrzymaliśmy powiadomieni*'}, {phrase: 'dowiedzieliśmy się'},
    ],
    by: ['przez', 'od'],
    companies: ['firma', 'firmy', 'firmę', 'firmą', 'spółka', 'spółki', 'spółkę'],
    own: ['nasza', 'naszej', 'naszą', 'naszego', 'nasz', 'tej', 'ta'],
    window: 4,
  },
  actor: {
    determiners: [],
    things: ['system', 'systemy', 'strona', 'serwis', 'aplikacja', 'platforma', 'serwer', 'serwery', 'oprogramowanie', 'baza', 'algorytm', 'komputer'],
    verbs: [
      'ujawnił*', 'udostępnił*', 'wysłał*', 'przesłał*', 'wyświetlił*', 'pokazał*', 'naliczył*', 'pobrał*', 'obciążył*', 'opublikował*',
      'wygenerował*', 'dołączył*', 'załączył*', 'anulował*', 'usunął', 'usunęł*', 'wypisał*', 'dodał*', 'podał*', 'zablokował*', 'zdublował*', 'zduplikował*',
    ],
    harmful: ['ujawnił*', 'udostępnił*', 'zdublował*', 'zduplikował*'],
    window: 3,
  },
  minimiser: {
    adverbs: ['tylko', 'jedynie', 'zaledwie', 'raptem', 'ledwie'],
    apologies: ['przeprosić', 'przeprosiny', 'przeprosin', 'przeprosinami', 'przepraszamy', 'przepraszam'],
    apologyLeads: ['chcieliśmy', 'chciałem', 'chciałam', 'chcemy', 'chcę', 'krótko', 'w', 'tym', 'miejscu', 'słowo', 'kilka', 'słów', 'złożyć', 'na', 'szybko'],
    adjectives: ['drobn*', 'mały', 'mała', 'małe', 'małą', 'małej', 'małego', 'małym', 'niewielk*', 'nieznaczn*', 'błah*', 'nieistotn*', 'malutk*', 'niegroźn*'],
    errors: [
      'błąd', 'błędu', 'błędem', 'błędzie', 'błędy', 'pomyłk*', 'usterk*', 'problem*', 'niedogodnoś*', 'niedogodność', 'incydent*', 'nieścisłoś*',
      'potknięci*', 'literówk*', 'przeoczeni*', 'omyłk*', 'test', 'testowa', 'testowy', 'zakłóce*', 'awari*', 'wyciek*', 'nieprawidłowoś*',
    ],
    amounts: ['kilk*', 'niewielk*', 'nieliczn*', 'garstk*', 'część', 'części', 'ułam*', 'mniejszoś*', 'niektór*'],
    amountNouns: [
      'z', 'klien*', 'klient*', 'odbiorc*', 'użytkowni*', 'subskrybent*', 'osób', 'osoby', 'członk*', 'pacjen*', 'kont', 'konta', 'zamówie*',
      'transakcj*', 'płatnoś*', 'rezerwacj*', 'wiadomoś*', 'maili', 'liczb*', 'grup*', 'procent*',
    ],
    between: ['jeden', 'jedna', 'jedno', 'bardzo', 'techniczn*', 'drobn*', 'mały', 'mała', 'małą', 'niewielk*', 'chwilow*', 'liczb*', 'grup*', 'część', 'części', 'to', 'był', 'była', 'było'],
    window: 2,
  },
  ownership: [
    {phrase: 'nasz błąd'}, {phrase: 'naszym błędem'}, {phrase: 'naszego błędu'}, {phrase: 'nasza wina'}, {phrase: 'naszą winą'}, {phrase: 'naszej winy'},
    {phrase: 'nasza odpowiedzialność'}, {phrase: 'naszą odpowiedzialnością'}, {phrase: 'popełniliśmy błąd'}, {phrase: 'pomyliliśmy się'},
    {phrase: 'bierzemy odpowiedzialność'}, {phrase: 'bierzemy pełną odpowiedzialność'}, {phrase: 'ponosimy odpowiedzialność'},
    {phrase: 'ponosimy pełną odpowiedzialność'}, {phrase: 'powinniśmy byli'}, {phrase: 'zawiedliśmy'}, {phrase: 'nie sprawdziliśmy'},
    {phrase: 'nie wychwyciliśmy'}, {phrase: 'nie dopilnowaliśmy'}, {phrase: 'nie przetestowaliśmy'}, {phrase: 'to nasza wina'},
    {phrase: 'wybraliśmy'}, {phrase: 'zaufaliśmy'},
  ],
  ownershipNegations: ['nie'],
  ownedAction: {
    pronouns: [],
    verbEndings: ['liśmy', 'łyśmy'],
    irregularPast: [],
    notOwning: [
      'zauważyliśmy', 'wykryliśmy', 'odkryliśmy', 'ustaliliśmy', 'poprawiliśmy', 'naprawiliśmy', 'usunęliśmy', 'zgłosiliśmy', 'otrzymaliśmy',
      'przeprosiliśmy', 'sprawdziliśmy', 'zwróciliśmy', 'anulowaliśmy', 'wycofaliśmy', 'zablokowaliśmy', 'zmieniliśmy', 'poprosiliśmy',
    ],
  },
  conditions: ['jeśli', 'jeżeli', 'gdyby'],
  templates: {
    conditional: 'Przepraszamy: [napisz, co zrobiliście źle].',
    feelings: '[Napisz, co zrobiliście źle] – przepraszamy.',
    regret: '[Napisz, co zrobiliście źle]. Przepraszamy za kłopot, jaki sprawiliśmy.',
    passive: '[Napisz, co zrobiliście]. Przepraszamy.',
    blame: '[Napisz, co zrobiliście lub czego nie dopilnowaliście], dlatego [co się stało]. To nasza odpowiedzialność – przepraszamy.',
    assurance: '[Napisz, co zmieniliście], żeby to się nie powtórzyło.',
    minimiser: '[Napisz dokładnie, co poszło nie tak i ilu osób to dotyczy].',
    extra: '[Napisz, co zrobiliście źle]. Przepraszamy.',
  },
  examples: {
    conditional: 'Przepraszamy: wczoraj wysłaliśmy Państwu wiadomość testową.',
    feelings: 'Wysłaliśmy Ci błędną cenę – przepraszamy za kłopot.',
    regret: 'Przepraszamy: podaliśmy błędną datę dostawy.',
    passive: 'Podaliśmy błędną datę.',
    blame: 'Nasz dostawca miał awarię, a my nie mieliśmy planu awaryjnego. To nasza odpowiedzialność – przepraszamy.',
    assurance: 'Od dziś każdą wysyłkę sprawdza przed wysłaniem druga osoba z naszego zespołu.',
    minimiser: 'Cena w naszym e-mailu była błędna; po tej cenie zamówiło 1240 osób.',
    extra: 'Wysłaliśmy błędną cenę. Przepraszamy.',
  },
}

export default pl
