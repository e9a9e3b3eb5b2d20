/**
 * Where an email apologises, shared by the rules that need to know
 * (missing-apology, buried-lede, part-mismatch, the checklist). The lexicon is
 * deliberately about the act of apologising, not its quality: "sorry for any
 * inconvenience" is an apology here, and evasive-wording judges it.
 */
import type {Block, Language, TextSpan} from '../../src/document.js'
import type {PhraseEntry} from '../../src/language.js'
import type {RuleContext} from '../../src/rule.js'

/** Apology phrases per language; stems (`*`) cover inflection. */
export const apologyPhrases: Record<Language, PhraseEntry[]> = {
  en: [
    {phrase: 'sorry'},
    {phrase: 'apolog*'},
    {phrase: 'we regret'},
    {phrase: 'i regret'},
    {phrase: 'forgive us'},
    {phrase: 'please forgive'},
    {phrase: 'our mistake'},
    {phrase: 'my mistake'},
  ],
  pl: [
    {phrase: 'przepraszam*'},
    {phrase: 'przeprosin*'},
    {phrase: 'przepros*'},
    {phrase: 'przykro nam'},
    {phrase: 'nam przykro'},
    {phrase: 'jest nam przykro'},
    {phrase: 'wybacz*'},
    {phrase: 'prosimy o wybaczenie'},
    {phrase: 'nasz błąd'},
    {phrase: 'to nasz błąd'},
  ],
}

/** Every apology in `blocks`, in order (one span per phrase). */
export function findApologies(context: RuleContext<unknown, unknown>, blocks: readonly Block[]): TextSpan[] {
  const matcher = context.matcher('shared:apology', apologyPhrases[context.language])
  const spans: TextSpan[] = []
  for (const block of blocks) {
    if (!block.prose) continue
    for (const sentence of context.sentencesOf(block)) {
      for (const hit of matcher.find(sentence.tokens, block.text)) spans.push({block, start: hit.start, end: hit.end})
    }
  }
  return spans
}
