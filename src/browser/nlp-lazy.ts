/**
 * The NLP for the prebuilt browser bundle: compromise is a separate chunk,
 * fetched on the first call to `ready()` (which `lint()` awaits), so that the
 * page and its first render do not wait for it. Replaces `../nlp.ts` and
 * `../nlp-ready.ts` in that bundle only.
 */
import type {NlpView} from '../rule.js'
import {tagger} from '../nlp-tagger.js'
import {loadCompromise} from './load-compromise.js'

let run: ((text: string) => NlpView) | undefined
let loading: Promise<void> | undefined

/** Loads compromise once; resolves when it is ready. */
export function ready(): Promise<void> {
  loading ??= loadCompromise().then(
    (loaded) => {
      run = tagger(loaded)
    },
    (error: unknown) => {
      // A failed fetch (offline, a moved file) can be retried by the next call.
      loading = undefined
      throw error
    },
  )
  return loading
}

/** True when compromise is loaded. */
export function nlpLoaded(): boolean {
  return run !== undefined
}

/** compromise's analysis of one sentence. */
export function analyse(text: string): NlpView {
  if (!run) throw new Error('The NLP model is not loaded yet: await ready() before lintSync() in the browser bundle.')
  return run(text)
}
