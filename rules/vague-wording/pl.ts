/**
 * Polish vague wording. Stems (`*`) cover inflection: `usterk* techniczn*`
 * matches "usterka techniczna" and "w wyniku usterki technicznej".
 */
import type {VagueLexicon, VaguePhrase} from './lexicon.js'

const what: VaguePhrase[] = [
  {phrase: 'usterk* techniczn*', category: 'what'},
  {phrase: 'techniczn* usterk*', category: 'what'},
  {phrase: 'problem* techniczn*', category: 'what', skipInCondition: true},
  {phrase: 'techniczn* problem*', category: 'what', skipInCondition: true},
  {phrase: 'trudnoś* techniczn*', category: 'what', skipInCondition: true},
  {phrase: 'techniczn* trudnoś*', category: 'what', skipInCondition: true},
  {phrase: 'błąd techniczny', category: 'what', skipInCondition: true},
  {phrase: 'błęd* techniczn*', category: 'what', skipInCondition: true},
  {phrase: 'zakłóce* techniczn*', category: 'what'},
  {phrase: 'wystąpił problem', category: 'what', skipInCondition: true},
  {phrase: 'wystąpiły problemy', category: 'what', skipInCondition: true},
  {phrase: 'wystąpił błąd', category: 'what', skipInCondition: true},
  {phrase: 'wystąpiła nieprawidłowość', category: 'what', skipInCondition: true},
  {phrase: 'wystąpiły nieprawidłowości', category: 'what', skipInCondition: true},
  {phrase: 'coś poszło nie tak', category: 'what', skipInCondition: true},
  {phrase: 'zaistniał* sytuacj*', category: 'what'},
  {phrase: 'sytuacj* się nie powtórz*', category: 'what'},
  {phrase: 'sytuacj* nie powtórz* się', category: 'what'},
  {phrase: 'podobn* sytuacj* się nie powtórz*', category: 'what'},
]

const when: VaguePhrase[] = [
  {phrase: 'ostatnio', category: 'when', skipInCondition: true},
  {phrase: 'niedawno', category: 'when', skipInCondition: true, notAfter: ['do']},
  {phrase: 'w ostatnim czasie', category: 'when', skipInCondition: true},
  {phrase: 'w ostatnich dniach', category: 'when', skipInCondition: true},
  {phrase: 'w ostatnich tygodniach', category: 'when', skipInCondition: true},
  {phrase: 'jakiś czas temu', category: 'when'},
  {phrase: 'w pewnym momencie', category: 'when'},
  {phrase: 'w najbliższym czasie', category: 'when'},
  {phrase: 'na chwilę obecną', category: 'when'},
  {phrase: 'w chwili obecnej', category: 'when'},
  {phrase: 'na ten moment', category: 'when'},
  {phrase: 'na tę chwilę', category: 'when'},
  {phrase: 'w stosownym czasie', category: 'when'},
]

const who: VaguePhrase[] = [
  {phrase: 'niektórz* z państwa', category: 'who'},
  {phrase: 'niektórz* z was', category: 'who'},
  {phrase: 'niektór* z was', category: 'who'},
  {phrase: 'część z państwa', category: 'who'},
  {phrase: 'części z państwa', category: 'who'},
  {phrase: 'część z was', category: 'who'},
  {phrase: 'części z was', category: 'who'},
]

/** Past-tense "may have" hedges; the present ("mogą zostać zwrócone") is often an instruction and is left alone. */
const hedge: VaguePhrase[] = [
  ...['mogł*', 'mogli', 'mógł'].flatMap((modal) =>
    ['zostać', 'być', 'dojść', 'mieć', 'dotyczyć', 'otrzymać', 'trafić', 'wyciec', 'wyciekną*'].map(
      (verb): VaguePhrase => ({phrase: `${modal} ${verb}`, category: 'hedge', notAfter: ['nie']}),
    ),
  ),
  {phrase: 'mogli państwo otrzymać', category: 'hedge', notAfter: ['nie']},
  {phrase: 'mogł* pan* otrzymać', category: 'hedge', notAfter: ['nie']},
  {phrase: 'mog* być dotknię*', category: 'hedge', notAfter: ['nie']},
  {phrase: 'mog* być narażen*', category: 'hedge', notAfter: ['nie']},
  {phrase: 'potencjalnie', category: 'hedge'},
  {phrase: 'prawdopodobnie', category: 'hedge'},
  {phrase: 'najprawdopodobniej', category: 'hedge'},
  {phrase: 'być może', category: 'hedge', notBefore: ['zauważył*', 'słyszał*', 'widział*', 'pamięta*', 'wiesz', 'wiecie', 'wiedzą']},
  {phrase: 'wygląda na to że', category: 'hedge'},
  {phrase: 'wydaje się że', category: 'hedge'},
]

const euphemism: VaguePhrase[] = [
  {phrase: 'wszelki* niedogodnoś*', category: 'euphemism', skipInCondition: true},
  {phrase: 'wszelki* utrudnie*', category: 'euphemism', skipInCondition: true},
  {phrase: 'wszelki* nieporozumie*', category: 'euphemism', needsApology: true, skipInCondition: true},
  {phrase: 'wszelki* kłopot*', category: 'euphemism', needsApology: true, skipInCondition: true},
  {phrase: 'wszelki* problem*', category: 'euphemism', needsApology: true, skipInCondition: true},
  {phrase: 'wszelki* zamieszani*', category: 'euphemism', needsApology: true, skipInCondition: true},
  {phrase: 'wszelki* niedogodność', category: 'euphemism', skipInCondition: true},
]

const reason: VaguePhrase[] = [
  {phrase: 'z różnych przyczyn', category: 'reason'},
  {phrase: 'z różnych powodów', category: 'reason'},
  {phrase: 'z przyczyn technicznych', category: 'reason'},
  {phrase: 'z powodów technicznych', category: 'reason'},
  {phrase: 'ze względów technicznych', category: 'reason'},
  {phrase: 'z przyczyn organizacyjnych', category: 'reason'},
  {phrase: 'ze względów organizacyjnych', category: 'reason'},
  {phrase: 'z nieprzewidzianych przyczyn', category: 'reason'},
  {phrase: 'z nieprzewidzianych powodów', category: 'reason'},
  {phrase: 'nieprzewidzian* okolicznoś*', category: 'reason'},
  {phrase: 'z przyczyn losowych', category: 'reason'},
]

const pl: VagueLexicon = {
  phrases: [...what, ...when, ...who, ...hedge, ...euphemism, ...reason],
  quantifiers: [
    {phrase: 'niektór*'},
    {phrase: 'pewien'},
    {phrase: 'pewna'},
    {phrase: 'pewne'},
    {phrase: 'pewnych'},
    {phrase: 'pewnej'},
    {phrase: 'pewnym'},
    {phrase: 'pewną'},
    {phrase: 'pewnego'},
    {phrase: 'pewnymi'},
    {phrase: 'część', notAfter: ['tej', 'tę', 'pierwsza', 'druga', 'dalsza', 'dalszą']},
    {phrase: 'części', notAfter: ['tej', 'w', 'drugiej', 'pierwszej', 'dalszej']},
    {phrase: 'częścią'},
    {phrase: 'niewielk* liczb*', alone: true},
    {phrase: 'niewielk* częś*', alone: true},
    {phrase: 'niewielk* grup*', alone: true},
    {phrase: 'ograniczon* liczb*', alone: true},
    {phrase: 'mał* grup*', alone: true},
    {phrase: 'pewn* grup*', alone: true},
    {phrase: 'pewn* liczb*', alone: true},
    {phrase: 'nieliczn*'},
  ],
  nouns: {
    people: [
      'klienc*', 'klient*', 'odbiorc*', 'odbiorcy', 'użytkowni*', 'subskrybent*', 'osoby', 'osób', 'osobom', 'osobami', 'członk*', 'pacjen*',
      'pasażer*', 'czytelni*', 'kupując*', 'goście', 'gości', 'abonen*', 'posiadacz*', 'uczestni*', 'kursan*', 'mieszkańc*', 'studen*',
      'rodzin*', 'firm*', 'sklep*', 'partner*', 'kontrahen*',
    ],
    data: ['dane', 'danych', 'danymi', 'danym', 'informacj*', 'szczegół*', 'rekord*', 'plik*', 'dokument*', 'hasła', 'haseł', 'adresy', 'adresów', 'numery', 'numerów'],
    things: [
      'kont', 'konta', 'kontach', 'kontom', 'zamówie*', 'transakcj*', 'płatnoś*', 'rezerwacj*', 'wiadomoś*', 'maili', 'system*', 'serwer*',
      'usług*', 'produkt*', 'ceny', 'cen', 'cenach', 'link*', 'stron*', 'region*', 'oddział*', 'funkcj*', 'faktur*', 'bilet*', 'przesył*', 'paczk*',
    ],
    events: ['problem*', 'błęd*', 'błąd', 'usterk*', 'trudnoś*', 'nieprawidłowoś*', 'nieścisłoś*', 'zakłóce*', 'opóźnie*', 'awari*'],
  },
  fillers: ['z', 'ze', 'spośród', 'wśród', 'naszych', 'nasi', 'nasze', 'naszym', 'naszymi', 'naszej', 'naszego', 'nasz', 'nasza', 'tych', 'tej', 'ich'],
  readerWords: ['twoich', 'twoje', 'twój', 'twoja', 'twojego', 'twojej', 'twoim', 'twoimi', 'państwa', 'pana', 'pani', 'wasze', 'waszych'],
  maxModifiers: 1,
  modifierEndings: ['ych', 'ich', 'ymi', 'imi', 'ego', 'emu', 'ej', 'ym', 'im', 'y', 'i', 'e', 'a', 'ą'],
  clearedBy: ['w tym ty', 'w tym ciebie', 'w tym twoje', 'w tym twój', 'w tym twoja', 'w tym twoich', 'w tym państwa', 'w tym pana', 'w tym panią', 'w tym pani'],
  conditions: ['jeśli', 'jeżeli', 'gdyby', 'w razie', 'o ile'],
  examples: {
    what: 'W e-mailu z 3 marca wysłaliśmy nieprawidłowy link do logowania.',
    who: '1204 klientów, którzy złożyli zamówienie 3 marca między 9:00 a 11:30, zapłaciło dwa razy.',
    when: 'W poniedziałek, 3 marca, między 9:00 a 11:30 …',
    data: 'Atakujący skopiował Twoje imię, adres e-mail i historię zamówień; nie numer karty.',
    hedge: 'Atakujący skopiował 3 marca Twój adres e-mail. (Albo, jeśli jeszcze nie wiecie: „Nie wiemy jeszcze, czy …; napiszemy do Ciebie do piątku”.)',
    euphemism: 'Przepraszamy za podwójne obciążenie karty i kłopot, jaki Ci sprawiliśmy.',
    reason: 'Wysłaliśmy ją dwa razy, bo nasz system ponowił wysyłkę, która już wyszła.',
    extra: 'Napisz, co poszło nie tak, kogo to dotyczy, kiedy i jakich danych.',
  },
}

export default pl
