/**
 * When the NLP (compromise) can be used. In Node and in bundles of the source
 * it is imported statically, so it is always ready; the prebuilt browser
 * bundle (scripts/build-browser.ts) swaps this module and `nlp.ts` for
 * `browser/nlp-lazy.ts`, which loads compromise as a separate chunk.
 */

/**
 * Resolves when the NLP model is loaded. `lint()` awaits it; call it once
 * before `lintSync()` in the prebuilt browser bundle, or early to load the
 * model while the user is still typing.
 *
 * @example
 * await ready()
 * lintSync(draft, {format: 'text'})
 */
export function ready(): Promise<void> {
  return Promise.resolve()
}

/** True when {@link ready} has resolved. */
export function nlpLoaded(): boolean {
  return true
}
