/**
 * Polish jokes about a mistake. Stems cover inflection (`wpadk*` → `wpadka`,
 * `wpadkę`, `wpadki`; `stażyst*` → `stażysta`, `stażystę`, `stażyście` is
 * listed apart). English chat slang (`oops`, `lol`) is common in Polish
 * marketing mail and is listed too. `UPS` in capitals is the courier, not `ups`.
 */
import type {HumourLexicon} from './index.js'

const pl: HumourLexicon = {
  example: 'Przepraszamy: we wczorajszym e-mailu podaliśmy błędną cenę.',
  phrases: [
    // Wykrzykniki.
    {phrase: 'ups', kind: 'interjection', unlessUpperCase: true},
    {phrase: 'upss*', kind: 'interjection'},
    {phrase: 'upsik*', kind: 'interjection'},
    {phrase: 'oops*', kind: 'interjection'},
    {phrase: 'ojej*', kind: 'interjection'},
    {phrase: 'ojoj*', kind: 'interjection'},
    {phrase: 'o rany', kind: 'interjection'},
    {phrase: 'o kurczę', kind: 'interjection'},
    {phrase: 'kurczę blade', kind: 'interjection'},
    {phrase: 'no to klops', kind: 'interjection'},
    {phrase: 'ale kicha', kind: 'interjection'},
    {phrase: 'zonk', kind: 'interjection'},
    // Śmiech i slang.
    {phrase: 'haha*', kind: 'laughter'},
    {phrase: 'ha ha', kind: 'laughter'},
    {phrase: 'hehe*', kind: 'laughter'},
    {phrase: 'hihi*', kind: 'laughter'},
    {phrase: 'lol', kind: 'laughter'},
    {phrase: 'facepalm*', kind: 'laughter'},
    {phrase: 'żartuję', kind: 'flippant'},
    {phrase: 'żartujemy', kind: 'flippant', unlessAfter: ['nie']},
    {phrase: 'sorki', kind: 'flippant'},
    {phrase: 'sorka', kind: 'flippant'},
    {phrase: 'sory', kind: 'flippant'},
    {phrase: 'soraski', kind: 'flippant'},
    // Lekceważenie pomyłki.
    {phrase: 'wpadk*', kind: 'flippant'},
    {phrase: 'wtopa', kind: 'flippant'},
    {phrase: 'wtopę', kind: 'flippant'},
    {phrase: 'wtopy', kind: 'flippant'},
    {phrase: 'wtopie', kind: 'flippant'},
    {phrase: 'chochlik drukarski', kind: 'flippant'},
    {phrase: 'chochlik* drukarsk*', kind: 'flippant'},
    {phrase: 'wkradł się chochlik', kind: 'flippant'},
    {phrase: 'nikt nie jest doskonały', kind: 'flippant'},
    {phrase: 'błądzić jest rzeczą ludzką', kind: 'flippant'},
    {phrase: 'też jesteśmy ludźmi', kind: 'flippant'},
    {phrase: 'jesteśmy tylko ludźmi', kind: 'flippant'},
    // Porozumiewawcze wtrącenia.
    {phrase: 'wiemy wiemy', kind: 'flippant'},
    {phrase: 'nie pytajcie', kind: 'flippant'},
    {phrase: 'nawet nie pytajcie', kind: 'flippant'},
    {phrase: 'jeden z tych dni', kind: 'flippant'},
    {phrase: 'czerwienimy się', kind: 'flippant'},
    {phrase: 'rumienimy się', kind: 'flippant'},
    {phrase: 'spaliliśmy się ze wstydu', kind: 'flippant'},
    // Zrzucanie winy na wymyślonego winowajcę.
    {phrase: 'nasz stażysta', kind: 'scapegoat'},
    {phrase: 'stażyst*', kind: 'scapegoat'},
    {phrase: 'stażyście', kind: 'scapegoat'},
    {phrase: 'praktykant*', kind: 'scapegoat', unlessBefore: ['program', 'programu', 'programie', 'rekrutacja', 'rekrutacji']},
    {phrase: 'gremlin*', kind: 'scapegoat'},
    // Memy.
    {phrase: 'houston mamy problem', kind: 'meme'},
    {phrase: 'houston we have a problem', kind: 'meme'},
    {phrase: 'mieliśmy jedno zadanie', kind: 'meme'},
    {phrase: 'to nie błąd to funkcja', kind: 'meme'},
  ],
}
export default pl
