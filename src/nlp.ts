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

let calls = 0

/** How many sentences were handed to compromise in this process (the benchmark prints it per email). */
export function nlpCalls(): number {
  return calls
}

/** Match patterns parsed once per process: compromise otherwise re-parses the pattern string on every call. */
const compiled = new Map<string, unknown>()

function compile(pattern: string): unknown {
  let regs = compiled.get(pattern)
  if (regs === undefined) {
    regs = (nlp as unknown as {parseMatch(p: string): unknown}).parseMatch(pattern)
    compiled.set(pattern, regs)
  }
  return regs
}

/** A compromise view whose `match` and `has` take their pattern precompiled. */
interface RawView {
  has(match: unknown): boolean
  match(match: unknown): RawView
  found: boolean
  text(): string
  out(format: 'offset'): {text: string; offset: {start: number; length: number}}[]
  terms(): RawView
  json(): unknown[]
}

function wrap(view: RawView): NlpView {
  return {
    has: (match) => view.has(compile(match)),
    match: (match) => wrap(view.match(compile(match))),
    get found() {
      return view.found
    },
    text: () => view.text(),
    out: (format) => view.out(format),
    terms: () => wrap(view.terms()),
    json: () => view.json(),
  }
}

/** compromise's analysis of one sentence. */
export function analyse(text: string): NlpView {
  calls++
  return wrap(nlp(text.length > MAX_NLP_CHARS ? text.slice(0, MAX_NLP_CHARS) : text) as unknown as RawView)
}
