/** `nlp.js` of the playground: compromise as a classic script, on a global (see load-compromise-script.ts). */
import nlp from 'compromise'
import {GLOBAL} from './load-compromise-script.js'

;(globalThis as unknown as Record<string, unknown>)[GLOBAL] = nlp
