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
 * - compromise's post-tagger picks, for each sentence, which of its ~570 tag
 *   patterns to try (`methods.one.bulkMatch`). Its own picker walks all ~730
 *   hook words for every sentence and concatenates arrays as it goes, about a
 *   quarter of the time per sentence; {@link fastBulkMatch} picks the same
 *   patterns in the same order from the sentence's own words and tags. It is
 *   swapped in for the duration of one call, like the pipeline.
 */
import type {NlpView} from './rule.js'

/** Longest sentence handed to compromise; longer text is not a sentence a reader parses either. */
export const MAX_NLP_CHARS = 2000

/** Pipeline steps of compromise that produce nothing a rule reads. */
export const SKIPPED_HOOKS: ReadonlySet<string> = new Set(['chunks', 'typeahead'])

/** The parts of compromise's default export used here. */
export interface Compromise {
  (text: string): unknown
  world?: () => {hooks: string[]; methods?: SweepMethods}
  version?: string
  parseMatch?: (pattern: string) => unknown
}

/** A compromise view whose `match` and `has` take a precompiled pattern. */
/** One of compromise's compiled tag patterns, as its sweep reads it. */
interface NetMatch {
  match: string
  needs: string[]
  wants: string[]
  minWant?: number
  minWords?: number
  ifNo?: string[]
}

/** compromise's index of its tag patterns by the words and tags they need or want (`methods.one.buildNet`). */
interface Net {
  hooks: Record<string, NetMatch[]>
  always: NetMatch[]
}

interface SweepMethods {
  one: {
    match: (docs: unknown[], match: NetMatch) => {ptrs: number[][]}
    cacheDoc: (document: unknown[][]) => Set<string>[]
    bulkMatch?: BulkMatch | undefined
  }
}

type BulkMatch = (document: unknown[][], net: Net, methods: SweepMethods, opts?: {matchOne?: boolean}) => unknown[]

/**
 * compromise's hook index, prepared once per net: the hooks in
 * `Object.keys(net.hooks)` order (the order compromise tries them in) and
 * each one's position; for each hook its patterns, and a number per distinct
 * pattern text (compromise drops repeats by text).
 */
interface HookOrder {
  at: Map<string, number>
  lists: NetMatch[][]
  ids: Int32Array[]
  /** Per pattern text, the sentence it was last taken for. */
  seen: Int32Array
  sentence: number
}
const hookOrders = new WeakMap<Record<string, NetMatch[]>, HookOrder>()

function orderOf(hooks: Record<string, NetMatch[]>): HookOrder {
  let order = hookOrders.get(hooks)
  // compromise builds its post-tagger's net once per process and never changes it.
  if (!order) {
    const keys = Object.keys(hooks)
    const textIds = new Map<string, number>()
    const lists = keys.map((key) => hooks[key]!)
    const ids = lists.map((list) =>
      Int32Array.from(list, (m) => {
        let id = textIds.get(m.match)
        if (id === undefined) {
          id = textIds.size
          textIds.set(m.match, id)
        }
        return id
      }),
    )
    order = {at: new Map(keys.map((key, i) => [key, i])), lists, ids, seen: new Int32Array(textIds.size), sentence: 0}
    hookOrders.set(hooks, order)
  }
  return order
}

/** compromise's trim-down and too-small tests of one candidate pattern against a sentence's cache. */
function fits(m: NetMatch, haves: ReadonlySet<string>, termCount: number): boolean {
  const {needs, ifNo, wants} = m
  for (let i = 0; i < needs.length; i++) if (!haves.has(needs[i]!)) return false
  if (ifNo !== undefined) for (let i = 0; i < ifNo.length; i++) if (haves.has(ifNo[i]!)) return false
  if (wants.length > 0) {
    let found = 0
    for (let i = 0; i < wants.length; i++) if (haves.has(wants[i]!)) found++
    if (!(found >= (m.minWant as number))) return false
  }
  return termCount >= (m.minWords as number)
}

/**
 * compromise's `bulkMatch` (src/1-one/sweep/methods/sweep in compromise 14),
 * step for step and with the same result in the same order, except how the
 * candidate patterns of a sentence are collected: from the hooks the
 * sentence's cache holds, sorted into compromise's hook order, instead of
 * testing every hook. Repeats are dropped by pattern text, keeping the
 * first, as compromise does.
 */
export const fastBulkMatch: BulkMatch = (document, net, methods, opts = {}) => {
  const docCache = methods.one.cacheDoc(document)
  const order = orderOf(net.hooks)
  const results: unknown[] = []
  const present: number[] = []
  const todo: NetMatch[] = []
  for (let n = 0; n < document.length; n++) {
    const haves = docCache[n]!
    present.length = 0
    for (const item of haves) {
      const at = order.at.get(item)
      if (at !== undefined) present.push(at)
    }
    present.sort((a, b) => a - b)
    if (order.sentence >= 0x7fffffff) {
      order.seen.fill(0)
      order.sentence = 0
    }
    const stamp = ++order.sentence
    const termCount = document[n]!.length
    todo.length = 0
    for (const at of present) {
      const list = order.lists[at]!
      const ids = order.ids[at]!
      for (let i = 0; i < list.length; i++) {
        const id = ids[i]!
        if (order.seen[id] === stamp) continue
        order.seen[id] = stamp
        if (fits(list[i]!, haves, termCount)) todo.push(list[i]!)
      }
    }
    // Patterns with no hooks are tried on every sentence long enough, untrimmed, after the others.
    for (const m of net.always) if (termCount >= (m.minWords as number)) todo.push(m)
    for (const m of todo) {
      const res = methods.one.match([document[n]], m)
      if (res.ptrs.length > 0) {
        for (const ptr of res.ptrs) {
          ptr[0] = n
          const found: NetMatch & {pointer: number[]; unTag?: unknown} = Object.assign({}, m, {pointer: ptr})
          if ((m as {unTag?: unknown}).unTag !== undefined) found.unTag = (m as {unTag?: unknown}).unTag
          results.push(found)
        }
        if (opts.matchOne === true) return [results[0]]
      }
    }
  }
  return results
}

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
  // fastBulkMatch restates compromise 14's sweep; another major version keeps its own.
  const one = world?.methods?.one
  const sweepable =
    /^14\./.test(nlp.version ?? '') && typeof one?.bulkMatch === 'function' && typeof one.cacheDoc === 'function' && typeof one.match === 'function'
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
    // compromise reads world.hooks and its methods synchronously inside this one call; the host's are restored right after.
    const one = sweepable ? world.methods!.one : undefined
    const bulkMatch = one?.bulkMatch
    world.hooks = trimmed
    if (one) one.bulkMatch = fastBulkMatch
    try {
      return wrap(nlp(input) as RawView)
    } finally {
      world.hooks = hooks
      if (one) one.bulkMatch = bulkMatch
    }
  }
}
