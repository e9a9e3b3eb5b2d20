/**
 * The NLP for the prebuilt browser bundle: compromise is a separate chunk,
 * fetched on the first call to `ready()` (which `lint()` awaits), so that the
 * page and its first render do not wait for it. Replaces `../nlp.ts` and
 * `../nlp-ready.ts` in that bundle only.
 */
import type {NlpView} from '../rule.js'
import {loadCompromise, type Compromise} from './load-compromise.js'

/** Longest sentence handed to compromise (as in `../nlp.ts`). */
const MAX_NLP_CHARS = 2000

let nlp: Compromise | undefined
let loading: Promise<void> | undefined

/** Loads compromise once; resolves when it is ready. */
export function ready(): Promise<void> {
  loading ??= loadCompromise().then(
    (loaded) => {
      nlp = loaded
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
  return nlp !== undefined
}

/** compromise's analysis of one sentence. */
export function analyse(text: string): NlpView {
  if (!nlp) throw new Error('The NLP model is not loaded yet: await ready() before lintSync() in the browser bundle.')
  return nlp(text.length > MAX_NLP_CHARS ? text.slice(0, MAX_NLP_CHARS) : text) as NlpView
}
