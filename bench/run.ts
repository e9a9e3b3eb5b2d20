/**
 * The benchmark (`npm run bench`): apology-lint against the practical floor
 * (htmlparser2's parseDocument of the same HTML) and two peers on the same
 * visible text (alex's `text` and write-good), side by side in one run, on the
 * emails in bench/emails/ and 1 MB / 10 MB made by repeating the large one.
 * Also: time per MB, peak RSS of the CLI on 10 MB (child process), CLI cold
 * start against `node -e 0`, 1,000 medium emails through the CLI and through
 * the worker pool, and the adversarial inputs of bench/adversarial.ts.
 *
 * Tools are timed in interleaved rounds (each round runs every tool once), so
 * that a busy machine slows them all alike; medians and ratios from one run
 * are what to compare. Prints markdown tables and writes
 * bench/results/latest.json.
 *
 * Usage: npm run bench [-- --quick] [-- --no-build] [-- --no-alex-10mb]
 */
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {availableParallelism, cpus, loadavg, totalmem} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {parseDocument} from 'htmlparser2'
import {text as alexText} from 'alex'
import writeGood from 'write-good'
import {lint, lintSync} from '../src/lint.js'
import {adversarialCases} from './adversarial.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const resultsDir = join(root, 'bench/results')
const scratch = join(resultsDir, '.tmp')
const argv = new Set(process.argv.slice(2))
const quick = argv.has('--quick')
const build = !argv.has('--no-build')
const alex10mb = !argv.has('--no-alex-10mb') && !quick
/** Longest a single alex run on 10 MB may take before it is reported as skipped. */
const ALEX_10MB_LIMIT_MS = 60_000

const OPTIONS = {format: 'html' as const, config: {extends: 'recommended'}}

// ---------------------------------------------------------------------------
// Statistics

interface Stats {
  n: number
  median: number
  p95: number
  mean: number
  min: number
}

function stats(samples: number[]): Stats {
  const xs = [...samples].sort((a, b) => a - b)
  const at = (q: number): number => xs[Math.min(xs.length - 1, Math.max(0, Math.ceil(q * xs.length) - 1))]!
  const median = xs.length % 2 === 1 ? xs[(xs.length - 1) / 2]! : (xs[xs.length / 2 - 1]! + xs[xs.length / 2]!) / 2
  return {n: xs.length, median, p95: at(0.95), mean: xs.reduce((a, b) => a + b, 0) / xs.length, min: xs[0]!}
}

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3))
const ratio = (x: number): string => (x >= 10 ? x.toFixed(0) : x.toFixed(1))

function gc(): void {
  const g = (globalThis as {gc?: () => void}).gc
  if (g) g()
}

// ---------------------------------------------------------------------------
// Inputs

interface Input {
  id: string
  label: string
  html: string
  /** The visible text the peers read: the document's blocks, one paragraph each. */
  visible: string
  words: number
}

function visibleText(html: string): string {
  const result = lintSync(html, {...OPTIONS, maxBytes: 64 << 20})
  const document = result.document
  if (!document) throw new Error(`Expected the benchmark email to parse: ${result.diagnostics[0]?.message ?? ''}`)
  return document.blocks.map((b) => b.text).join('\n\n')
}

function makeInput(id: string, label: string, html: string): Input {
  const visible = visibleText(html)
  return {id, label, html, visible, words: visible.split(/\s+/).filter(Boolean).length}
}

/** The large email with its body repeated to about `bytes` (a real email's markup, scaled). */
function repeated(large: string, bytes: number): string {
  const open = large.indexOf('>', large.indexOf('<body')) + 1
  const close = large.lastIndexOf('</body>')
  const head = large.slice(0, open)
  const body = large.slice(open, close)
  const tail = large.slice(close)
  const times = Math.max(1, Math.round((bytes - head.length - tail.length) / body.length))
  return head + body.repeat(times) + tail
}

// ---------------------------------------------------------------------------
// Side-by-side timing

interface Tool {
  id: string
  label: string
  run: () => unknown
  /** Minimum and maximum timed runs; the budget decides in between. */
  min: number
  max: number
}

/** Times the tools in interleaved rounds; each tool gets about `budgetMs` of timed runs. */
async function sideBySide(tools: Tool[], budgetMs: number): Promise<Map<string, Stats>> {
  const rounds = new Map<string, number>()
  for (const tool of tools) {
    // Warm up until the JIT has settled a little (or one run when a run is slow).
    const start = performance.now()
    const warm: number[] = []
    while (warm.length < 200 && performance.now() - start < Math.min(1500, budgetMs / 2)) {
      const t = performance.now()
      await tool.run()
      warm.push(performance.now() - t)
    }
    const estimate = stats(warm).median
    rounds.set(tool.id, Math.max(tool.min, Math.min(tool.max, Math.floor(budgetMs / Math.max(estimate, 0.001)))))
  }
  gc()
  const samples = new Map<string, number[]>(tools.map((t) => [t.id, []]))
  const most = Math.max(...rounds.values())
  for (let r = 0; r < most; r++) {
    for (const tool of tools) {
      if (r >= rounds.get(tool.id)!) continue
      const t = performance.now()
      await tool.run()
      samples.get(tool.id)!.push(performance.now() - t)
    }
  }
  return new Map([...samples].map(([id, xs]) => [id, stats(xs)]))
}

interface Row {
  input: string
  bytes: number
  words: number
  tool: string
  stats: Stats | null
  note?: string
}

// ---------------------------------------------------------------------------
// Child processes

function nodeScript(name: string, source: string): string {
  mkdirSync(scratch, {recursive: true})
  const path = join(scratch, name)
  writeFileSync(path, source)
  return path
}

interface ChildResult {
  ms: number
  output: string
  code: number | null
  timedOut: boolean
}

function runChild(args: string[], timeoutMs: number, cwd = root): Promise<ChildResult> {
  return new Promise((resolvePromise) => {
    const start = performance.now()
    const child = spawn(process.execPath, args, {cwd, stdio: ['ignore', 'pipe', 'inherit']})
    let output = ''
    let timedOut = false
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolvePromise({ms: performance.now() - start, output, code, timedOut})
    })
  })
}

function timeCommand(args: string[]): number {
  const start = performance.now()
  const result = spawnSync(process.execPath, args, {cwd: root, stdio: 'ignore'})
  if (result.error) throw result.error
  return performance.now() - start
}

// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  mkdirSync(scratch, {recursive: true})
  const startedAt = new Date()
  console.error(`apology-lint benchmark${quick ? ' (quick)' : ''}: node ${process.version}, ${availableParallelism()} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)

  if (build) {
    console.error('Building with tsup …')
    const built = spawnSync(process.execPath, [join(root, 'node_modules/tsup/dist/cli-default.js'), '--silent'], {cwd: root, stdio: 'inherit'})
    if (built.status !== 0) console.error('tsup failed: the CLI rows use whatever dist/ holds.')
  }
  const cliBuilt = existsSync(join(root, 'dist/cli.js'))

  const emails = Object.fromEntries(['small', 'medium', 'large'].map((n) => [n, readFileSync(join(root, `bench/emails/${n}.html`), 'utf8')]))
  const large = emails.large!
  const inputs: Input[] = [
    makeInput('small', 'small (~3 KB)', emails.small!),
    makeInput('medium', 'medium (~12 KB)', emails.medium!),
    makeInput('large', 'large (~100 KB)', large),
    makeInput('1mb', '1 MB (large × 10)', repeated(large, 1_000_000)),
    makeInput('10mb', '10 MB (large × 96)', repeated(large, 10_000_000)),
  ]

  // -------------------------------------------------------------------------
  // Side-by-side medians per input.
  const rows: Row[] = []
  for (const input of inputs) {
    const big = input.html.length > 500_000
    const huge = input.html.length > 5_000_000
    const budget = quick ? (big ? 3000 : 800) : big ? 12_000 : 5000
    const tools: Tool[] = [
      {id: 'htmlparser2', label: 'htmlparser2 parseDocument', run: () => parseDocument(input.html), min: 3, max: 3000},
      {id: 'lintSync', label: 'apology-lint lintSync (recommended)', run: () => lintSync(input.html, OPTIONS), min: 3, max: 3000},
      {id: 'write-good', label: 'write-good (visible text)', run: () => writeGood(input.visible), min: 3, max: 3000},
    ]
    if (!big) tools.splice(2, 0, {id: 'lint', label: 'apology-lint lint (async)', run: () => lint(input.html, OPTIONS), min: 3, max: 3000})
    if (!huge) tools.push({id: 'alex', label: 'alex.text (visible text)', run: () => alexText(input.visible), min: big ? 2 : 3, max: 1000})
    console.error(`Timing ${input.label} (${(input.html.length / 1024).toFixed(0)} KB, ${input.words} words) …`)
    const measured = await sideBySide(tools, budget)
    for (const tool of tools) {
      rows.push({input: input.id, bytes: input.html.length, words: input.words, tool: tool.id, stats: measured.get(tool.id) ?? null})
    }
    if (huge) {
      // alex on 10 MB: one run in a child process (time and peak memory), skipped past the limit.
      const row: Row = {input: input.id, bytes: input.html.length, words: input.words, tool: 'alex', stats: null}
      if (alex10mb) {
        const textFile = join(scratch, 'visible-10mb.txt')
        writeFileSync(textFile, input.visible)
        const script = nodeScript(
          'alex-10mb.mjs',
          `import {readFileSync} from 'node:fs'\nimport {text} from 'alex'\nconst value = readFileSync(${JSON.stringify(textFile)}, 'utf8')\nconst t = performance.now()\ntext(value)\nconst ms = performance.now() - t\nprocess.stdout.write(JSON.stringify({ms, maxRssMb: process.resourceUsage().maxRSS / 1024}))\n`,
        )
        console.error('alex on 10 MB in a child process (up to 60 s) …')
        const child = await runChild(['--max-old-space-size=8192', script], ALEX_10MB_LIMIT_MS + 30_000)
        if (child.timedOut) row.note = `skipped: over ${ALEX_10MB_LIMIT_MS / 1000} s`
        else if (child.code !== 0) row.note = `failed (exit ${child.code})`
        else {
          const {ms, maxRssMb} = JSON.parse(child.output) as {ms: number; maxRssMb: number}
          if (ms > ALEX_10MB_LIMIT_MS) row.note = `one run took ${(ms / 1000).toFixed(0)} s (over the 60 s limit), ${maxRssMb.toFixed(0)} MB peak RSS`
          else {
            row.stats = stats([ms])
            row.note = `one run in a child process, ${maxRssMb.toFixed(0)} MB peak RSS`
          }
        }
      } else row.note = 'skipped (--quick or --no-alex-10mb)'
      rows.push(row)
    }
    gc()
  }

  const get = (input: string, tool: string): Stats | null => rows.find((r) => r.input === input && r.tool === tool)?.stats ?? null

  // -------------------------------------------------------------------------
  // Time per MB, 100 KB → 10 MB.
  const perMb = ['large', '1mb', '10mb'].map((id) => {
    const input = inputs.find((i) => i.id === id)!
    const s = get(id, 'lintSync')
    return {input: id, bytes: input.html.length, msPerMb: s ? s.median / (input.html.length / 1e6) : NaN}
  })
  const perMbValues = perMb.map((p) => p.msPerMb).filter((x) => Number.isFinite(x))
  const flatness = Math.max(...perMbValues) / Math.min(...perMbValues)

  // -------------------------------------------------------------------------
  // Peak RSS of the CLI on the 10 MB email (child process).
  let rss: {tenMbMb: number; baselineMb: number; ms: number} | null = null
  if (cliBuilt) {
    const file = join(scratch, 'email-10mb.html')
    writeFileSync(file, inputs.find((i) => i.id === '10mb')!.html)
    // The real command line (bin/apology-lint.js), with a preloaded hook that records its peak RSS on exit.
    const rssFile = join(scratch, 'max-rss.json')
    const hook = nodeScript(
      'rss-hook.mjs',
      `import {writeFileSync} from 'node:fs'\nprocess.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, JSON.stringify({maxRssMb: process.resourceUsage().maxRSS / 1024})))\n`,
    )
    const peak = async (args: string[]): Promise<{maxRssMb: number; ms: number} | null> => {
      rmSync(rssFile, {force: true})
      const child = await runChild(['--import', pathToFileURL(hook).href, join(root, 'bin/apology-lint.js'), ...args], 300_000)
      if (child.timedOut || !existsSync(rssFile)) return null
      return {...(JSON.parse(readFileSync(rssFile, 'utf8')) as {maxRssMb: number}), ms: child.ms}
    }
    console.error('Peak RSS of the CLI on 10 MB …')
    const base = await peak(['--version'])
    const ten = await peak([file, '-f', 'json', '-o', join(scratch, 'report-10mb.json')])
    if (base && ten) rss = {tenMbMb: ten.maxRssMb, baselineMb: base.maxRssMb, ms: ten.ms}
  }

  // -------------------------------------------------------------------------
  // CLI cold start.
  let cold: {nodeE0: Stats; version: Stats; smallFile: Stats} | null = null
  if (cliBuilt) {
    console.error('CLI cold start …')
    const bin = join(root, 'bin/apology-lint.js')
    const small = join(root, 'bench/emails/small.html')
    const runs = quick ? 7 : 21
    const samples = {nodeE0: [] as number[], version: [] as number[], smallFile: [] as number[]}
    for (let i = 0; i < 2; i++) {
      timeCommand(['-e', '0'])
      timeCommand([bin, '--version'])
      timeCommand([bin, small])
    }
    for (let i = 0; i < runs; i++) {
      samples.nodeE0.push(timeCommand(['-e', '0']))
      samples.version.push(timeCommand([bin, '--version']))
      samples.smallFile.push(timeCommand([bin, small]))
    }
    cold = {nodeE0: stats(samples.nodeE0), version: stats(samples.version), smallFile: stats(samples.smallFile)}
  }

  // -------------------------------------------------------------------------
  // 1,000 medium emails: the CLI in one invocation, and the worker pool.
  const many = join(scratch, 'many')
  rmSync(many, {recursive: true, force: true})
  mkdirSync(many, {recursive: true})
  const count = quick ? 200 : 1000
  for (let i = 0; i < count; i++) writeFileSync(join(many, `medium-${String(i).padStart(4, '0')}.html`), emails.medium!)
  const throughput: {label: string; stats: Stats; emailsPerSecond: number}[] = []
  if (cliBuilt) {
    console.error(`${count} medium emails through the CLI …`)
    const bin = join(root, 'bin/apology-lint.js')
    const xs: number[] = []
    for (let i = 0; i < (quick ? 1 : 3); i++) xs.push(timeCommand([bin, many, '-f', 'json', '-o', join(scratch, 'report-many.json')]))
    const s = stats(xs)
    throughput.push({label: `CLI, one invocation (${count} files)`, stats: s, emailsPerSecond: count / (s.median / 1000)})
  }
  const poolBundle = await buildPoolBundle()
  if (poolBundle) {
    console.error(`${count} medium emails through lintFilesParallel …`)
    const script = nodeScript(
      'pool.mjs',
      `import {readdirSync} from 'node:fs'\nimport {join} from 'node:path'\nconst {lintFilesParallel} = await import(${JSON.stringify(pathToFileURL(poolBundle).href)})\nconst dir = process.argv[2]\nconst workers = Number(process.argv[3])\nconst files = readdirSync(dir).sort().map((f) => join(dir, f))\nconst t = performance.now()\nconst results = await lintFilesParallel(files, {}, workers)\nprocess.stdout.write(JSON.stringify({ms: performance.now() - t, n: results.length}))\n`,
    )
    const lanes = availableParallelism()
    const variants = [
      {label: 'lintFilesParallel, this thread only', workers: 1},
      {label: `lintFilesParallel, ${lanes} lanes (this thread + ${lanes - 1} worker${lanes > 2 ? 's' : ''})`, workers: lanes},
    ]
    const xs = new Map<number, number[]>(variants.map((v) => [v.workers, []]))
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      for (const v of variants) {
        // Whole process time: module loading and worker start-up are part of the cost.
        const t = performance.now()
        const child = await runChild([script, many, String(v.workers)], 300_000)
        if (child.code === 0) xs.get(v.workers)!.push(performance.now() - t)
      }
    }
    for (const v of variants) {
      const samples = xs.get(v.workers)!
      if (samples.length === 0) continue
      const s = stats(samples)
      throughput.push({label: `${v.label} (${count} files, whole process)`, stats: s, emailsPerSecond: count / (s.median / 1000)})
    }
  }

  // -------------------------------------------------------------------------
  // Adversarial inputs.
  console.error('Adversarial inputs …')
  const largeLint = get('large', 'lint')
  const normalPerMb = largeLint ? largeLint.median / (large.length / 1e6) : NaN
  const adversarial: {id: string; what: string; bytes: number; stats: Stats; msPerMb: number; vsNormal: number; outcome: string}[] = []
  for (const c of adversarialCases) {
    const source = c.build()
    const xs: number[] = []
    let outcome = ''
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      const t = performance.now()
      try {
        const result = await lint(source, {format: c.format, ...c.options})
        const fatal = result.diagnostics.find((d) => d.fatal)
        outcome = fatal ? `parse-error: ${fatal.message.slice(0, 70)}` : `${result.diagnostics.length} findings`
      } catch (error) {
        outcome = `THREW: ${error instanceof Error ? error.message : String(error)}`
      }
      xs.push(performance.now() - t)
    }
    const s = stats(xs)
    const msPerMb = s.median / (source.length / 1e6)
    adversarial.push({id: c.id, what: c.what, bytes: source.length, stats: s, msPerMb, vsNormal: msPerMb / normalPerMb, outcome})
    gc()
  }

  // -------------------------------------------------------------------------
  // Report.
  const out: string[] = []
  const env = `node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end`
  out.push(`## apology-lint benchmark — ${startedAt.toISOString()}${quick ? ' (quick)' : ''}`, '', env, '')
  out.push('Medians of interleaved runs in this one process. "vs" columns: how many times faster apology-lint is than alex / write-good, and its cost as a multiple of the htmlparser2 parse.', '')
  out.push('| input | words | tool | median ms | p95 ms | n | emails/s | vs alex | vs write-good | × htmlparser2 |')
  out.push('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const input of inputs) {
    const floor = get(input.id, 'htmlparser2')
    const alex = get(input.id, 'alex')
    const wg = get(input.id, 'write-good')
    for (const r of rows.filter((x) => x.input === input.id)) {
      const s = r.stats
      const ours = r.tool === 'lintSync' || r.tool === 'lint'
      const cells = [
        input.label,
        String(input.words),
        r.tool,
        s ? fmt(s.median) : '—',
        s && s.n > 1 ? fmt(s.p95) : '—',
        s ? String(s.n) : '—',
        s ? (1000 / s.median).toFixed(s.median > 100 ? 2 : 0) : '—',
        ours && s && alex ? `${ratio(alex.median / s.median)}×` : '',
        ours && s && wg ? `${ratio(wg.median / s.median)}×` : '',
        ours && s && floor ? `${ratio(s.median / floor.median)}×` : '',
      ]
      out.push(`| ${cells.join(' | ')} |${r.note ? ` ${r.note}` : ''}`)
    }
  }
  out.push('')
  out.push('### Time per MB (lintSync)', '', '| input | size | ms per MB |', '| --- | ---: | ---: |')
  for (const p of perMb) out.push(`| ${p.input} | ${(p.bytes / 1e6).toFixed(2)} MB | ${fmt(p.msPerMb)} |`)
  out.push('', `Largest / smallest: ${flatness.toFixed(2)}× (target ≤ 1.5×).`, '')

  const medium = get('medium', 'lintSync')
  const targets: {target: string; measured: string; pass: boolean | null}[] = []
  const check = (target: string, measured: string, pass: boolean | null): void => void targets.push({target, measured, pass})
  const mAlex = get('medium', 'alex')
  const mWg = get('medium', 'write-good')
  const mFloor = get('medium', 'htmlparser2')
  const lAlex = get('large', 'alex')
  const lOurs = get('large', 'lintSync')
  if (medium && mAlex) check('medium: ≥ 7× faster than alex', `${ratio(mAlex.median / medium.median)}×`, mAlex.median / medium.median >= 7)
  if (medium && mWg) check('medium: ≥ 2× faster than write-good', `${ratio(mWg.median / medium.median)}× (${fmt(medium.median)} ms vs ${fmt(mWg.median)} ms)`, mWg.median / medium.median >= 2)
  if (medium && mFloor) check('medium: ≤ 25× the htmlparser2 parse', `${ratio(medium.median / mFloor.median)}×`, medium.median / mFloor.median <= 25)
  if (lOurs && lAlex) check('large: ≥ 8× faster than alex', `${ratio(lAlex.median / lOurs.median)}×`, lAlex.median / lOurs.median >= 8)
  check('time per MB flat (≤ 1.5×) from 100 KB to 10 MB', `${flatness.toFixed(2)}×`, flatness <= 1.5)
  if (rss) check('peak RSS for the 10 MB email < 300 MB (CLI)', `${rss.tenMbMb.toFixed(0)} MB (CLI --version alone: ${rss.baselineMb.toFixed(0)} MB)`, rss.tenMbMb < 300)
  if (cold) {
    check('CLI --version ≤ 3× node -e 0', `${ratio(cold.version.median / cold.nodeE0.median)}× (${fmt(cold.version.median)} ms vs ${fmt(cold.nodeE0.median)} ms)`, cold.version.median / cold.nodeE0.median <= 3)
    check('CLI on one small file ≤ 8× node -e 0', `${ratio(cold.smallFile.median / cold.nodeE0.median)}× (${fmt(cold.smallFile.median)} ms)`, cold.smallFile.median / cold.nodeE0.median <= 8)
  }
  for (const t of throughput) check(`${count} medium emails: ${t.label}`, `${t.emailsPerSecond.toFixed(0)} emails/s (${fmt(t.stats.median)} ms)`, null)
  const worstAdversarial = adversarial.filter((a) => !a.outcome.startsWith('parse-error')).reduce((w, a) => Math.max(w, a.vsNormal), 0)
  check('adversarial inputs: none throws', adversarial.some((a) => a.outcome.startsWith('THREW')) ? 'one threw' : 'none threw', !adversarial.some((a) => a.outcome.startsWith('THREW')))
  check('adversarial inputs: ≤ a few × the per-MB cost of a normal email', `worst ${ratio(worstAdversarial)}× (normal: ${fmt(normalPerMb)} ms/MB)`, worstAdversarial <= 5)
  out.push('### Targets', '', '| target | measured | met |', '| --- | --- | :---: |')
  for (const t of targets) out.push(`| ${t.target} | ${t.measured} | ${t.pass === null ? '—' : t.pass ? 'yes' : '**no**'} |`)
  out.push('')
  if (cold) {
    out.push('### CLI cold start (built dist/cli.js)', '', '| command | median ms | p95 ms | × node -e 0 |', '| --- | ---: | ---: | ---: |')
    for (const [label, s] of [
      ['node -e 0', cold.nodeE0],
      ['apology-lint --version', cold.version],
      ['apology-lint small.html', cold.smallFile],
    ] as const) {
      out.push(`| ${label} | ${fmt(s.median)} | ${fmt(s.p95)} | ${ratio(s.median / cold.nodeE0.median)}× |`)
    }
    out.push('')
  }
  out.push('### Adversarial inputs (lint, async)', '', '| input | size | median ms | ms per MB | × normal per MB | outcome |', '| --- | ---: | ---: | ---: | ---: | --- |')
  for (const a of adversarial) {
    out.push(`| ${a.id}: ${a.what} | ${(a.bytes / 1e6).toFixed(2)} MB | ${fmt(a.stats.median)} | ${fmt(a.msPerMb)} | ${ratio(a.vsNormal)}× | ${a.outcome} |`)
  }
  out.push('')
  const report = out.join('\n')
  console.log(report)

  mkdirSync(resultsDir, {recursive: true})
  const json = {
    startedAt: startedAt.toISOString(),
    quick,
    environment: {node: process.version, cores: availableParallelism(), cpu: cpus()[0]?.model, totalMemGb: totalmem() / 2 ** 30, loadavgAtEnd: loadavg(), commit: gitCommit()},
    inputs: inputs.map((i) => ({id: i.id, label: i.label, bytes: i.html.length, words: i.words})),
    rows,
    timePerMb: {points: perMb, flatness},
    peakRss: rss,
    coldStart: cold,
    throughput,
    adversarial,
    targets,
  }
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`)
  console.error(`Wrote ${join('bench/results', 'latest.json')}`)
  rmSync(many, {recursive: true, force: true})
}

/** Bundles the worker pool the way the CLI is bundled (same tsup config), into bench/results/.build/. */
async function buildPoolBundle(): Promise<string | null> {
  try {
    const outDir = join(resultsDir, '.build')
    const {build: tsupBuild} = await import('tsup')
    const configs = (await import('../tsup.config.js')).default as unknown as Record<string, unknown>[]
    const cli = configs.find((c) => typeof c.entry === 'object' && c.entry !== null && 'cli' in (c.entry as object))
    if (!cli) return null
    await tsupBuild({...cli, entry: {pool: 'src/node/pool.ts', 'lint-worker': 'src/node/lint-worker.ts'}, outDir, clean: true, silent: true, config: false})
    return join(outDir, 'pool.js')
  } catch (error) {
    console.error(`Could not bundle the worker pool: ${error instanceof Error ? error.message : String(error)}`)
    return null
  }
}

function gitCommit(): string | undefined {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {cwd: root, encoding: 'utf8'})
  return r.status === 0 ? r.stdout.trim() : undefined
}

await main()
