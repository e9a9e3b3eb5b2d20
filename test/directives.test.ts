import {describe, expect, it} from 'vitest'
import {suppressingDirectives} from '../src/engine.js'
import type {Directive, EmailDocument} from '../src/document.js'
import type {Diagnostic} from '../src/rule.js'

/** The former directive lookup (each finding scans every directive, each disable every enable), kept as the reference. */
function reference(document: EmailDocument, ruleId: string, offset: number): number | undefined {
  let found: number | undefined
  const applies = (rules: string[]): boolean => rules.length === 0 || rules.includes(ruleId)
  document.directives.forEach((d, i) => {
    if (d.kind === 'disable-next-block') {
      const block = document.blocks[d.nextBlock]
      if (block && applies(d.rules) && offset >= d.sourceEnd && offset < block.sourceEnd) found = i
      return
    }
    if (d.sourceEnd > offset || !applies(d.rules)) return
    if (d.kind === 'disable') {
      const reenabled = document.directives.some((e) => e.kind === 'enable' && e.sourceStart >= d.sourceEnd && e.sourceEnd <= offset && applies(e.rules))
      if (!reenabled) found = i
    }
  })
  return found
}

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const RULES = ['humour', 'vague-wording', 'evasive-wording']

function scenario(seed: number): {document: EmailDocument; diagnostics: Diagnostic[]} {
  const rnd = random(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const blocks: {sourceEnd: number}[] = []
  const directives: Directive[] = []
  let at = 0
  const count = 1 + Math.floor(rnd() * 30)
  for (let i = 0; i < count; i++) {
    if (rnd() < 0.5) {
      const start = at
      at += 5 + Math.floor(rnd() * 10)
      const rules = rnd() < 0.3 ? [] : RULES.filter(() => rnd() < 0.5)
      const kind = pick(['disable', 'enable', 'disable-next-block'] as const)
      directives.push({kind, rules, sourceStart: start, sourceEnd: at, nextBlock: blocks.length + Math.floor(rnd() * 2)})
    } else {
      at += 5 + Math.floor(rnd() * 20)
      blocks.push({sourceEnd: at})
    }
  }
  const diagnostics: Diagnostic[] = []
  const findings = Math.floor(rnd() * 40)
  for (let i = 0; i < findings; i++) {
    const offset = Math.floor(rnd() * (at + 5))
    const point = {line: 1, column: offset + 1, offset}
    diagnostics.push({ruleId: pick(RULES), severity: 'warning', message: 'm', url: 'u', range: {start: point, end: point}})
  }
  return {document: {directives, blocks} as unknown as EmailDocument, diagnostics}
}

describe('directive sweep', () => {
  it('hides exactly what the one-directive-at-a-time lookup hid, on 3,000 random layouts', () => {
    let compared = 0
    for (let seed = 1; seed <= 3000; seed++) {
      const {document, diagnostics} = scenario(seed)
      const got = suppressingDirectives(document, diagnostics)
      const want = diagnostics.map((d) => reference(document, d.ruleId, d.range.start.offset))
      if (JSON.stringify(got) !== JSON.stringify(want)) expect({seed, got}).toEqual({seed, got: want})
      compared += diagnostics.length
    }
    expect(compared).toBeGreaterThan(30000)
  })

  it('an enable ends only the disables before it, for its own rules', () => {
    const d = (kind: Directive['kind'], rules: string[], sourceStart: number, sourceEnd: number): Directive => ({
      kind,
      rules,
      sourceStart,
      sourceEnd,
      nextBlock: 0,
    })
    const document = {
      blocks: [],
      directives: [d('disable', [], 0, 10), d('disable', ['humour'], 20, 30), d('enable', ['humour'], 40, 50)],
    } as unknown as EmailDocument
    const at = (ruleId: string, offset: number): Diagnostic => ({
      ruleId,
      severity: 'warning',
      message: 'm',
      url: 'u',
      range: {start: {line: 1, column: 1, offset}, end: {line: 1, column: 1, offset}},
    })
    expect(suppressingDirectives(document, [at('humour', 35), at('humour', 60), at('vague-wording', 60), at('humour', 5)])).toEqual([
      1,
      undefined,
      0,
      undefined,
    ])
  })
})
