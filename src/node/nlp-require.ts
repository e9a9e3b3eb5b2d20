/**
 * The NLP in the CLI bundle: compromise is not inlined but required from
 * node_modules on first use. Its CommonJS build is one pre-bundled file, so
 * this costs the same read as inlining it, and the package carries one copy
 * of compromise instead of two. tsup.config.ts swaps `../nlp.ts` for this.
 */
import {createRequire} from 'node:module'
import type {NlpView} from '../rule.js'

/** Longest sentence handed to compromise (as in `../nlp.ts`). */
const MAX_NLP_CHARS = 2000

let nlp: ((text: string) => unknown) | undefined

/** compromise's analysis of one sentence. */
export function analyse(text: string): NlpView {
  nlp ??= createRequire(import.meta.url)('compromise') as (text: string) => unknown
  return nlp(text.length > MAX_NLP_CHARS ? text.slice(0, MAX_NLP_CHARS) : text) as NlpView
}
