/** English data for missing-explanation. The error-statement lexicon lives in rules/shared/errors.ts. */
import {greetingPhrases} from '../shared/greetings.js'
import type {MissingExplanationLexicon} from './index.js'

const en: MissingExplanationLexicon = {
  vague: [
    {phrase: 'an issue'},
    {phrase: 'the issue'},
    {phrase: 'a problem'},
    {phrase: 'the problem'},
    {phrase: 'technical glitch'},
    {phrase: 'a glitch'},
    {phrase: 'a hiccup'},
    {phrase: 'technical issue'},
    {phrase: 'technical difficulties'},
    {phrase: 'something went wrong'},
    {phrase: 'an error'},
    {phrase: 'a mistake'},
    {phrase: 'an incident'},
    {phrase: 'security incident'},
    {phrase: 'may have been'},
    {phrase: "yesterday's email"},
    {phrase: 'our previous email'},
    {phrase: 'our last email'},
    {phrase: 'if anyone was offended'},
  ],
  greetings: greetingPhrases.en,
  example: "In yesterday's email the “Book now” button linked to last year's page instead of this year's timetable.",
}
export default en
