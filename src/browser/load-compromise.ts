/**
 * Loads compromise as a separate chunk (a dynamic `import()`, which bundlers
 * split out). The playground, which must also work opened from disk where
 * module scripts are blocked, swaps this for `load-compromise-script.ts`.
 */

import type {Compromise} from '../nlp-tagger.js'

/** compromise's entry: text in, a document view out. */
export type {Compromise}

export async function loadCompromise(): Promise<Compromise> {
  const module = await import('compromise')
  return module.default as unknown as Compromise
}
