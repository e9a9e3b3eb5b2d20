/**
 * How a sentence is handed to compromise, shared by the library
 * (`nlp.ts`), the CLI bundle (`node/nlp-require.ts`) and the browser bundle
 * (`browser/nlp-lazy.ts`), which differ only in how they load compromise.
 *
 * - The sentence is cut to {@link MAX_NLP_CHARS}.
 * - compromise runs its own pipeline (`world.hooks`) minus the steps whose
 *   output no rule reads: `chunks` (noun- and verb-phrase chunks, about an
 *   eighth of the time per sentence) and `typeahead` (autocompletion). The
 *   tags are the same: test/nlp-tagger.test.ts compares every term's tags
 *   with compromise's default on sentences of the fixtures.
 * - Match patterns are parsed once per process (`parseMatch`), not on every
 *   call.
 */
import type {NlpView} from './rule.js'

/** Longest sentence handed to compromise; longer text is not a sentence a reader parses either. */
export const MAX_NLP_CHARS = 2000

/** Pipeline steps of compromise that produce nothing a rule reads. */
export const SKIPPED_HOOKS: ReadonlySet<string> = new Set(['chunks', 'typeahead'])

/** The parts of compromise's default export used here. */
export interface Compromise {
  (text: string): unknown
  world?: () => {hooks: string[]}
  parseMatch?: (pattern: string) => unknown
}

/** A compromise view whose `match` and `has` take a precompiled pattern. */
interface RawView {
  has(match: unknown): boolean
  match(match: unknown): RawView
  found: boolean
  text(): string
  out(format: 'offset'): {text: string; offset: {start: number; length: number}}[]
  terms(): RawView
  json(): unknown[]
}

/** `analyse(text)` over one loaded compromise: its view of one sentence. */
export function tagger(nlp: Compromise): (text: string) => NlpView {
  const world = typeof nlp.world === 'function' ? nlp.world() : undefined
  let full: string[] | undefined
  let trimmed: string[] = []
  const compiled = new Map<string, unknown>()
  const compile = (pattern: string): unknown => {
    if (!nlp.parseMatch) return pattern
    let regs = compiled.get(pattern)
    if (regs === undefined) {
      regs = nlp.parseMatch(pattern)
      compiled.set(pattern, regs)
    }
    return regs
  }
  const wrap = (view: RawView): NlpView => ({
    has: (match) => view.has(compile(match)),
    match: (match) => wrap(view.match(compile(match))),
    get found() {
      return view.found
    },
    text: () => view.text(),
    out: (format) => view.out(format),
    terms: () => wrap(view.terms()),
    json: () => view.json(),
  })
  return (text) => {
    const input = text.length > MAX_NLP_CHARS ? text.slice(0, MAX_NLP_CHARS) : text
    if (!world || !Array.isArray(world.hooks)) return wrap(nlp(input) as RawView)
    const hooks = world.hooks
    // Recomputed only when the pipeline changes (a compromise plugin the host application added).
    if (hooks !== full) {
      full = hooks
      trimmed = hooks.filter((h) => !SKIPPED_HOOKS.has(h))
    }
    // compromise reads world.hooks synchronously inside this one call; the host's pipeline is restored right after.
    world.hooks = trimmed
    try {
      return wrap(nlp(input) as RawView)
    } finally {
      world.hooks = hooks
    }
  }
}
