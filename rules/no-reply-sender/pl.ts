/** Polish phrases that tell readers not to reply; stems (`odpowiada*`) cover the inflected forms. */
import type {NoReplyLexicon} from './index.js'

const pl: NoReplyLexicon = {
  replyExample: 'Masz pytania? Odpowiedz na tę wiadomość albo napisz na {address}: odpowie Ci osoba z naszego zespołu.',
  displayNames: ['nie odpowiadaj', 'nie-odpowiadaj', 'nieodpowiadaj', 'brak odpowiedzi', 'bez odpowiedzi', 'nie odpisuj'],
  phrases: [
    {phrase: 'nie odpowiada* na tę'},
    {phrase: 'nie odpowiada* na ten'},
    {phrase: 'nie odpowiada* na tego'},
    {phrase: 'nie odpowiada* na niniejsz*'},
    {phrase: 'nie odpowiada* na otrzyman*'},
    {phrase: 'nie odpisu* na tę'},
    {phrase: 'nie odpisu* na ten'},
    {phrase: 'nie odpisu* na tego'},
    {phrase: 'nie odpowiada*', end: true},
    {phrase: 'nie odpisu*', end: true},
    {phrase: 'skrzynka nie jest monitorowana'},
    {phrase: 'skrzynka nie jest obsługiwana'},
    {phrase: 'adres nie jest monitorowany'},
    {phrase: 'adres nie jest obsługiwany'},
    {phrase: 'nieobsługiwan* skrzynk*'},
    {phrase: 'niemonitorowan* skrzynk*'},
    {phrase: 'niemonitorowan* adres*'},
    {phrase: 'odpowiedzi na tę wiadomość nie'},
    {phrase: 'odpowiedzi na ten adres nie'},
    {phrase: 'odpowiedzi na ten e mail nie'},
    {phrase: 'odpowiedzi nie są czytane'},
    {phrase: 'odpowiedzi nie będą czytane'},
    {phrase: 'odpowiedzi nie będą odczytane'},
    {phrase: 'nie przyjmuje odpowiedzi'},
  ],
}
export default pl
