/**
 * compromise, behind one function so that rules never build a whole-document
 * analysis: it costs about 40 µs a word and its sentence splitting turns
 * quadratic past ~1 MB, so the engine hands it one already-segmented sentence
 * at a time, and only the sentences a rule's cheap prefilter selected.
 */
import nlp from 'compromise'
import type {NlpView} from './rule.js'

/** Longest sentence handed to compromise; longer text is not a sentence a reader parses either. */
const MAX_NLP_CHARS = 2000

/** compromise's analysis of one sentence. */
export function analyse(text: string): NlpView {
  return nlp(text.length > MAX_NLP_CHARS ? text.slice(0, MAX_NLP_CHARS) : text) as unknown as NlpView
}
