/** Polish data for missing-explanation; stems (`*`) cover inflection. The error-statement lexicon lives in rules/shared/errors.ts. */
import {greetingPhrases} from '../shared/greetings.js'
import type {MissingExplanationLexicon} from './index.js'

const pl: MissingExplanationLexicon = {
  vague: [
    {phrase: 'problem*'},
    {phrase: 'usterk*'},
    {phrase: 'błąd techniczny'},
    {phrase: 'błędu technicznego'},
    {phrase: 'coś poszło nie tak'},
    {phrase: 'pewien błąd'},
    {phrase: 'incydent*'},
    {phrase: 'zdarzeni*'},
    {phrase: 'sytuacj*'},
    {phrase: 'mogły zostać'},
    {phrase: 'mogło dojść'},
    {phrase: 'wczorajsz* wiadomoś*'},
    {phrase: 'wczorajsz* e mail*'},
    {phrase: 'wczorajsz* newsletter*'},
    {phrase: 'poprzedni* wiadomoś*'},
    {phrase: 'poprzedni* e mail*'},
    {phrase: 'w nawiązaniu do'},
  ],
  greetings: greetingPhrases.pl,
  example: 'We wczorajszym e-mailu przycisk „Zarezerwuj” prowadził do zeszłorocznej strony zamiast do tegorocznego programu.',
}
export default pl
