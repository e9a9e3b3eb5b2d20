/** Polish words that identify a sender in a footer, and that name unsubscribe links and logos. */
import type {UnbrandedLexicon} from './index.js'

const pl: UnbrandedLexicon = {
  // "sp. z o.o." and "S.A." are tokenised without their dots.
  legalForms: ['sp z o o', 'sp k', 'sp j', 'sp p', 's a', 'spółka', 'spółka z ograniczoną odpowiedzialnością', 'spółka akcyjna', 's c', 'p s a'].map(
    (phrase) => ({phrase}),
  ),
  legalLines: [
    'krs',
    'nip',
    'regon',
    'kapitał zakładowy',
    'sąd rejonowy',
    'wszelkie prawa zastrzeżone',
    'numer krs',
    'zarejestrowan*',
    'wpisan* do rejestru',
  ].map((phrase) => ({phrase})),
  streetWords: ['ul', 'ulica', 'al', 'aleja', 'aleje', 'pl', 'plac', 'os', 'osiedle', 'rondo', 'skr', 'skrytka pocztowa', 'lok', 'lokal'],
  unsubscribeWords: [
    'wypisz',
    'wypisani',
    'rezygnuj',
    'rezygnacj',
    'zrezygnuj',
    'preferencj',
    'ustawienia powiadomień',
    'ustawienia newslettera',
    'ustawienia subskrypcji',
    'zarządzaj subskrypcją',
    'zarządzaj zgodami',
  ],
  listCues: [
    'newsletter*',
    'list* mailingow*',
    'mailing*',
    'subskrybu*',
    'subskrypcj*',
    'subskrybenc*',
    'zapisał* się',
    'zapisan* do',
    'zgod* na otrzymywanie',
    'informacj* handlow*',
    'wypisał* się',
  ].map((phrase) => ({phrase})),
  serviceCues: [
    // Singular: "you will still get service messages" in a newsletter's footer says nothing of this email.
    'wiadomość serwisow*',
    'wiadomością serwisową',
    'informacja serwisowa',
    'informację serwisową',
    'komunikat serwisowy',
    'charakter serwisowy',
    'charakterze serwisowym',
    'wiadomość transakcyjn*',
    'nawet jeśli wypisał*',
    'nawet jeżeli wypisał*',
    'nawet jeśli zrezygnował*',
    'nawet jeżeli zrezygnował*',
    'niezależnie od zgód marketingowych',
    'niezależnie od zgody marketingowej',
    // Zaprzeczony sygnał listy: „To wiadomość dotycząca Pana darowizny, a nie newsletter”.
    'a nie newsletter',
    'nie jest newsletterem',
    'nie jest to newsletter',
    'nie jest wiadomością marketingową',
    'nie jest reklamą',
    'a nie reklama',
  ].map((phrase) => ({phrase})),
  logoWords: ['logo', 'logotyp', 'znak firmowy'],
}
export default pl
