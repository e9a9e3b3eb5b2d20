/**
 * Greeting lines ("Hi {{first_name}},", "Dzień dobry,") open an email without
 * saying anything: rules that look for where the content starts skip them.
 * One list per language, shared so that the rules agree on what a greeting is.
 */
import type {Language} from '../../src/document.js'
import type {PhraseEntry} from '../../src/language.js'

export const greetingPhrases: Record<Language, PhraseEntry[]> = {
  en: [
    {phrase: 'hi'},
    {phrase: 'hello'},
    {phrase: 'hey'},
    {phrase: 'dear'},
    {phrase: 'good morning'},
    {phrase: 'good afternoon'},
    {phrase: 'good evening'},
    {phrase: 'greetings'},
  ],
  pl: [
    {phrase: 'dzień dobry'},
    {phrase: 'dobry wieczór'},
    {phrase: 'cześć'},
    {phrase: 'hej'},
    {phrase: 'witaj*'},
    {phrase: 'witam'},
    {phrase: 'szanown*'},
    {phrase: 'drog*'},
    // The formal vocative: "Panie Krzysztofie,", "Pani Anno,".
    {phrase: 'panie'},
    {phrase: 'pani'},
  ],
}
