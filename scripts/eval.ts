/**
 * Accuracy over labelled emails: per rule, true/false positives and
 * negatives, precision and recall. Labels (`labels*.json` in each folder) are
 * written from the guidance, never from the linter's output; a label's
 * `unlabelled` rules are counted neither way.
 *
 * Usage:
 *   npm run eval                          every labelled set, checked against scripts/eval-thresholds.json
 *   npm run eval -- --write-thresholds    every labelled set, recording what it reaches as the thresholds
 *   npm run eval -- --dir fixtures/holdout [--verbose] [--json out.json]   one folder, report only
 *
 * The sets: `fixtures/examples/` (what the rules were developed against),
 * `fixtures/holdout/` (written and labelled by someone who never saw the
 * rules) and `../shared/corpus/` (real emails companies sent; outside the
 * repository, skipped with a notice when absent). With no `--dir`, a rule or
 * set below its recorded precision or recall fails the run (exit 1), so an
 * accuracy regression fails CI.
 */
import {existsSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {lintFile} from '../src/node/lint-file.js'
import {builtinRules} from '../rules/index.js'
import type {LintOptions} from '../src/lint.js'

interface Label {
  expect: string[]
  /** Rules the label does not decide: counted neither way. */
  unlabelled?: string[]
  options?: LintOptions
  why?: string
}

interface Counts {
  tp: number
  fp: number
  fn: number
  tn: number
  fpFiles: string[]
  fnFiles: string[]
}

interface SetResult {
  files: number
  goodTotal: number
  goodClean: number
  stats: Map<string, Counts>
  tp: number
  fp: number
  fn: number
  problems: string[]
  unlabelledFiles: string[]
}

/** Precision and recall where defined (a rule that predicted nothing has no precision). */
interface Scores {
  precision?: number
  recall?: number
}

interface Thresholds {
  /** Per set (its folder relative to the repository): overall and per-rule minimums. */
  sets: Record<string, {overall: Scores; rules: Record<string, Scores>}>
}

const ROOT = new URL('..', import.meta.url).pathname
const THRESHOLDS = join(ROOT, 'scripts/eval-thresholds.json')
/** The labelled sets `npm run eval` checks; those outside the repository may be missing. */
const SETS: {dir: string; optional: boolean}[] = [
  {dir: 'fixtures/examples', optional: false},
  {dir: 'fixtures/holdout', optional: false},
  {dir: '../shared/corpus', optional: true},
]
/** Rounding slack when comparing with recorded thresholds. */
const EPSILON = 1e-9

const ruleIds = builtinRules.map((r) => r.id)

async function evaluate(dir: string): Promise<SetResult> {
  const labels: Record<string, Label> = {}
  for (const f of readdirSync(dir).filter((f) => /^labels(?:\..*)?\.json$/.test(f))) {
    Object.assign(labels, JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, Label>)
  }
  const files = readdirSync(dir)
    .filter((f) => /\.(?:eml|html|txt|md)$/.test(f) && f !== 'README.md' && !f.endsWith('.expected.md'))
    .sort()
  const stats = new Map(ruleIds.map((id): [string, Counts] => [id, {tp: 0, fp: 0, fn: 0, tn: 0, fpFiles: [], fnFiles: []}]))
  const result: SetResult = {
    files: files.length,
    goodTotal: 0,
    goodClean: 0,
    stats,
    tp: 0,
    fp: 0,
    fn: 0,
    problems: [],
    unlabelledFiles: files.filter((f) => !labels[f]),
  }
  for (const file of files) {
    const label = labels[file]
    if (!label) continue
    const linted = await lintFile(join(dir, file), label.options ?? {})
    for (const d of linted.diagnostics) {
      if (d.ruleId === 'internal-error' || d.ruleId === 'parse-error') result.problems.push(`${file}: ${d.ruleId}: ${d.message}`)
    }
    const fired = new Set(linted.diagnostics.map((d) => d.ruleId))
    if (/-good-/.test(file)) {
      result.goodTotal++
      if (linted.diagnostics.length === 0) result.goodClean++
    }
    for (const id of ruleIds) {
      const s = stats.get(id)!
      if (label.unlabelled?.includes(id)) continue
      const want = label.expect.includes(id)
      const got = fired.has(id)
      if (want && got) s.tp++
      else if (!want && got) {
        s.fp++
        s.fpFiles.push(file)
      } else if (want && !got) {
        s.fn++
        s.fnFiles.push(file)
      } else s.tn++
    }
  }
  for (const s of stats.values()) {
    result.tp += s.tp
    result.fp += s.fp
    result.fn += s.fn
  }
  return result
}

function scores(c: {tp: number; fp: number; fn: number}): Scores {
  const out: Scores = {}
  if (c.tp + c.fp > 0) out.precision = c.tp / (c.tp + c.fp)
  if (c.tp + c.fn > 0) out.recall = c.tp / (c.tp + c.fn)
  return out
}

const ratio = (a: number, b: number): string => (b === 0 ? '  -  ' : (a / b).toFixed(2))

function table(name: string, r: SetResult, verbose: boolean): string {
  const rows: string[] = [`${name}: ${r.files} labelled emails (${r.goodTotal} good: ${r.goodClean} clean)`, '']
  rows.push(`${'rule'.padEnd(26)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)} ${'TN'.padStart(4)}  precision  recall`)
  for (const id of ruleIds) {
    const s = r.stats.get(id)!
    rows.push(
      `${id.padEnd(26)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)} ${String(s.tn).padStart(4)}  ${ratio(s.tp, s.tp + s.fp).padStart(9)}  ${ratio(s.tp, s.tp + s.fn).padStart(6)}`,
    )
    if (verbose && (s.fpFiles.length || s.fnFiles.length)) {
      if (s.fpFiles.length) rows.push(`    false positives: ${s.fpFiles.join(', ')}`)
      if (s.fnFiles.length) rows.push(`    false negatives: ${s.fnFiles.join(', ')}`)
    }
  }
  for (const p of r.problems) rows.push(`problem: ${p}`)
  rows.push('', `overall precision ${ratio(r.tp, r.tp + r.fp)} recall ${ratio(r.tp, r.tp + r.fn)}`)
  return rows.join('\n')
}

/** Every measured score below its threshold, as "set rule precision 0.80 < 0.90". */
function regressions(name: string, r: SetResult, t: Thresholds['sets'][string]): string[] {
  const out: string[] = []
  const compare = (what: string, got: Scores, want: Scores): void => {
    for (const key of ['precision', 'recall'] as const) {
      const min = want[key]
      if (min === undefined) continue
      const value = got[key]
      // No precision: the rule reported nothing (its recall, if any positives are left, says how bad that is).
      // No recall: the labels no longer hold positives for it, which a threshold cannot judge.
      if (value === undefined) {
        if (key === 'recall') out.push(`${name} ${what}: no labelled positives left (recorded recall ${min.toFixed(3)}): re-record the thresholds`)
        continue
      }
      if (value + EPSILON < min) out.push(`${name} ${what}: ${key} ${value.toFixed(3)} < ${min.toFixed(3)}`)
    }
  }
  compare('overall', scores(r), t.overall)
  for (const [id, want] of Object.entries(t.rules)) {
    const s = r.stats.get(id)
    if (s) compare(id, scores(s), want)
  }
  return out
}

/** Scores rounded down to 3 decimals, so that a recorded threshold is never above what was reached. */
function floor3(s: Scores): Scores {
  const out: Scores = {}
  if (s.precision !== undefined) out.precision = Math.floor(s.precision * 1000 + EPSILON) / 1000
  if (s.recall !== undefined) out.recall = Math.floor(s.recall * 1000 + EPSILON) / 1000
  return out
}

const argv = process.argv.slice(2)
const verbose = argv.includes('--verbose')
const dirAt = argv.indexOf('--dir')
const jsonAt = argv.indexOf('--json')

if (dirAt >= 0) {
  const given = argv[dirAt + 1]
  if (!given) {
    console.error('--dir needs a folder, e.g. npm run eval -- --dir fixtures/holdout')
    process.exit(2)
  }
  const dir = join(process.cwd(), given)
  const r = await evaluate(dir)
  if (r.unlabelledFiles.length > 0) {
    console.error(`Unlabelled fixtures: ${r.unlabelledFiles.join(', ')}`)
    process.exitCode = 1
  }
  console.log(table(given, r, verbose))
  if (jsonAt >= 0 && argv[jsonAt + 1]) {
    const json: Record<string, unknown> = {}
    for (const [id, s] of r.stats) json[id] = {tp: s.tp, fp: s.fp, fn: s.fn, tn: s.tn, falsePositives: s.fpFiles, falseNegatives: s.fnFiles}
    writeFileSync(argv[jsonAt + 1]!, JSON.stringify({rules: json, tp: r.tp, fp: r.fp, fn: r.fn}, null, 2))
  }
} else {
  const write = argv.includes('--write-thresholds')
  const recorded: Thresholds = existsSync(THRESHOLDS) ? (JSON.parse(readFileSync(THRESHOLDS, 'utf8')) as Thresholds) : {sets: {}}
  const next: Thresholds = {sets: {}}
  const failures: string[] = []
  for (const set of SETS) {
    const dir = join(ROOT, set.dir)
    if (!existsSync(dir)) {
      const message = `${set.dir}: not found`
      if (set.optional) {
        console.log(`${message}, skipped (it lives outside the repository).\n`)
        if (recorded.sets[set.dir]) next.sets[set.dir] = recorded.sets[set.dir]!
      } else failures.push(message)
      continue
    }
    const r = await evaluate(dir)
    console.log(`${table(set.dir, r, verbose)}\n`)
    if (r.unlabelledFiles.length > 0) failures.push(`${set.dir}: unlabelled emails: ${r.unlabelledFiles.join(', ')}`)
    for (const p of r.problems) failures.push(`${set.dir}: ${p}`)
    const rules: Record<string, Scores> = {}
    for (const [id, s] of r.stats) {
      const sc = floor3(scores(s))
      if (sc.precision !== undefined || sc.recall !== undefined) rules[id] = sc
    }
    next.sets[set.dir] = {overall: floor3(scores(r)), rules}
    const want = recorded.sets[set.dir]
    if (!write) {
      if (want) failures.push(...regressions(set.dir, r, want))
      else failures.push(`${set.dir}: no thresholds recorded: run npm run eval -- --write-thresholds`)
    }
  }
  if (write) {
    writeFileSync(THRESHOLDS, `${JSON.stringify(next, null, 2)}\n`)
    console.log(`Recorded thresholds in ${relative(process.cwd(), THRESHOLDS)}.`)
  }
  if (failures.length > 0) {
    console.error(`Accuracy below the recorded thresholds (scripts/eval-thresholds.json):\n${failures.map((f) => `  ${f}`).join('\n')}`)
    console.error('Fix the regression; if the change is deliberate (new labels, a new rule), record the new values with npm run eval -- --write-thresholds.')
    process.exitCode = 1
  } else if (!write) console.log('Accuracy at or above the recorded thresholds.')
}
