/**
 * Accuracy over the labelled example corpus: per rule, true/false positives
 * and negatives, precision and recall. Labels (fixtures/examples/labels.*.json)
 * are written from the guidance, never from the linter's output.
 *
 * Usage: npm run eval [-- --verbose] [-- --json out.json] [-- --dir fixtures/holdout]
 *
 * `fixtures/examples/` is the corpus the rules were developed against;
 * `fixtures/holdout/` was written and labelled by someone who never saw the
 * rules, and is the honest measure of how they generalise.
 */
import {readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
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

const dirAt = process.argv.indexOf('--dir')
const dir = dirAt > 0 && process.argv[dirAt + 1] ? join(process.cwd(), process.argv[dirAt + 1]!) : new URL('../fixtures/examples/', import.meta.url).pathname
const verbose = process.argv.includes('--verbose')
const jsonAt = process.argv.indexOf('--json')
const labels: Record<string, Label> = {}
for (const f of readdirSync(dir).filter((f) => /^labels(?:\..*)?\.json$/.test(f))) {
  Object.assign(labels, JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, Label>)
}
const files = readdirSync(dir).filter((f) => /\.(?:eml|html|txt|md)$/.test(f) && f !== 'README.md' && !f.endsWith('.expected.md')).sort()
const unlabelled = files.filter((f) => !labels[f])
if (unlabelled.length > 0) {
  console.error(`Unlabelled fixtures: ${unlabelled.join(', ')}`)
  process.exitCode = 1
}

const ruleIds = builtinRules.map((r) => r.id)
const stats = new Map(ruleIds.map((id) => [id, {tp: 0, fp: 0, fn: 0, tn: 0, fpFiles: [] as string[], fnFiles: [] as string[]}]))
const problems: string[] = []
let goodClean = 0
let goodTotal = 0

for (const file of files) {
  const label = labels[file]
  if (!label) continue
  const result = await lintFile(join(dir, file), label.options ?? {})
  for (const d of result.diagnostics) {
    if (d.ruleId === 'internal-error' || d.ruleId === 'parse-error') problems.push(`${file}: ${d.ruleId}: ${d.message}`)
  }
  const fired = new Set(result.diagnostics.map((d) => d.ruleId))
  if (/-good-/.test(file)) {
    goodTotal++
    if (result.diagnostics.length === 0) goodClean++
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

const ratio = (a: number, b: number): string => (b === 0 ? '  -  ' : (a / b).toFixed(2))
const rows: string[] = []
rows.push(`${'rule'.padEnd(26)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)} ${'TN'.padStart(4)}  precision  recall`)
let tp = 0
let fp = 0
let fn = 0
const json: Record<string, unknown> = {}
for (const id of ruleIds) {
  const s = stats.get(id)!
  tp += s.tp
  fp += s.fp
  fn += s.fn
  rows.push(`${id.padEnd(26)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)} ${String(s.tn).padStart(4)}  ${ratio(s.tp, s.tp + s.fp).padStart(9)}  ${ratio(s.tp, s.tp + s.fn).padStart(6)}`)
  if (verbose && (s.fpFiles.length || s.fnFiles.length)) {
    if (s.fpFiles.length) rows.push(`    false positives: ${s.fpFiles.join(', ')}`)
    if (s.fnFiles.length) rows.push(`    false negatives: ${s.fnFiles.join(', ')}`)
  }
  json[id] = {tp: s.tp, fp: s.fp, fn: s.fn, tn: s.tn, falsePositives: s.fpFiles, falseNegatives: s.fnFiles}
}
console.log(`${files.length} labelled emails (${goodTotal} good: ${goodClean} clean)\n`)
console.log(rows.join('\n'))
for (const p of problems) console.log(`problem: ${p}`)
console.log(`\noverall precision ${ratio(tp, tp + fp)} recall ${ratio(tp, tp + fn)}`)
if (jsonAt > 0 && process.argv[jsonAt + 1]) writeFileSync(process.argv[jsonAt + 1]!, JSON.stringify({rules: json, tp, fp, fn}, null, 2))
