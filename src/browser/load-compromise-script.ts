/**
 * Loads compromise with a classic `<script>` (`nlp.js` beside the page's own
 * script), for pages opened from disk: browsers refuse module scripts and
 * dynamic `import()` on `file://`, but run classic scripts. `nlp.js` is
 * `compromise-global.ts` built as an IIFE; it sets {@link GLOBAL}.
 */
import type {Compromise} from './load-compromise.js'

export type {Compromise} from './load-compromise.js'

/** The global that nlp.js sets. */
export const GLOBAL = '__apologyLintCompromise'

type Holder = Record<string, Compromise | undefined>

// Read while this script runs: document.currentScript is null once it has finished.
const base = typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : ''

export function loadCompromise(): Promise<Compromise> {
  const holder = globalThis as unknown as Holder
  const ready = holder[GLOBAL]
  if (ready) return Promise.resolve(ready)
  return new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = base ? new URL('nlp.js', base).href : 'nlp.js'
    script.onload = () => {
      const loaded = holder[GLOBAL]
      if (loaded) resolve(loaded)
      else reject(new Error('nlp.js loaded but did not define the NLP model.'))
    }
    script.onerror = () => {
      script.remove()
      reject(new Error(`Could not load ${script.src}: keep nlp.js beside the page.`))
    }
    document.head.append(script)
  })
}
