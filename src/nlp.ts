/**
 * compromise, behind one function so that rules never build a whole-document
 * analysis: it costs about 40 µs a word and its sentence splitting turns
 * quadratic past ~1 MB, so the engine hands it one already-segmented sentence
 * at a time, and only the sentences a rule's cheap prefilter selected.
 */
import nlp from 'compromise'
import type {NlpView} from './rule.js'
import {type Compromise, tagger} from './nlp-tagger.js'

let calls = 0

/** How many sentences were handed to compromise in this process (the benchmark prints it per email). */
export function nlpCalls(): number {
  return calls
}

const run = tagger(nlp as unknown as Compromise)

/** compromise's analysis of one sentence. */
export function analyse(text: string): NlpView {
  calls++
  return run(text)
}
