/**
 * The NLP in the CLI bundle: compromise is not inlined but required from
 * node_modules on first use. Its CommonJS build is one pre-bundled file, so
 * this costs the same read as inlining it, and the package carries one copy
 * of compromise instead of two. tsup.config.ts swaps `../nlp.ts` for this.
 */
import {createRequire} from 'node:module'
import type {NlpView} from '../rule.js'
import {type Compromise, tagger} from '../nlp-tagger.js'

let run: ((text: string) => NlpView) | undefined

/** compromise's analysis of one sentence (the same pipeline as `../nlp.ts`). */
export function analyse(text: string): NlpView {
  run ??= tagger(createRequire(import.meta.url)('compromise') as Compromise)
  return run(text)
}
