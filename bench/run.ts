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
 * Also: the hostile families of bench/scaling.ts at n and 2n (the doubling
 * ratio is what to read), and every email in fixtures/examples,
 * fixtures/holdout and ../shared/corpus against alex and write-good.
 *
 * Usage: npm run bench [-- --quick] [-- --no-build] [-- --no-alex-10mb] [-- --only=scaling,corpus]
 */
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {availableParallelism, cpus, loadavg, totalmem} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {parseDocument} from 'htmlparser2'
import PostalMime from 'postal-mime'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {text as alexText} from 'alex'
import writeGood from 'write-good'
import * as sourceLibrary from '../src/lint.js'
import {adversarialCases} from './adversarial.js'
import {scalingFamilies} from './scaling.js'
import {formatHtml} from '../src/format/html.js'
import {builtinRules} from '../rules/index.js'
import {nlpCalls} from '../src/nlp.js'
import {readdirSync} from 'node:fs'

const root = fileURLToPath(new URL('..', import.meta.url))
const resultsDir = join(root, 'bench/results')
const scratch = join(resultsDir, '.tmp')
const argv = new Set(process.argv.slice(2))
const quick = argv.has('--quick')
const build = !argv.has('--no-build')
const alex10mb = !argv.has('--no-alex-10mb') && !quick
/** `--only=scaling,corpus`: run just those sections (for iterating on them). */
const only = new Set([...argv].filter((a) => a.startsWith('--only=')).flatMap((a) => a.slice(7).split(',')))
const section = (name: string): boolean => only.size === 0 || only.has(name)
/** Longest a single alex run on 10 MB may take before it is reported as skipped. */
const ALEX_10MB_LIMIT_MS = 60_000

const OPTIONS = {format: 'html' as const, config: {extends: 'recommended'}}

// ---------------------------------------------------------------------------
// The library under test: the built package (dist/, what users install and the CLI runs), built first
// unless --no-build. The TypeScript sources through tsx are slower (tsx keeps function names with a
// wrapper call per closure), so they are timed only when dist/ is missing, and the report says so.

function buildDist(): void {
  console.error('Building with tsup …')
  const built = spawnSync(process.execPath, [join(root, 'node_modules/tsup/dist/cli-default.js'), '--silent'], {cwd: root, stdio: 'inherit'})
  if (built.status !== 0) console.error('tsup failed: the benchmark uses whatever dist/ holds.')
}

/** Newest modification time of the files under `dir` (0 when it does not exist). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0
  let latest = 0
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

if (build) buildDist()
const distEntry = join(root, 'dist/index.js')
const useDist = existsSync(distEntry)
const {lint, lintSync} = (useDist ? await import(pathToFileURL(distEntry).href) : sourceLibrary) as typeof sourceLibrary
const distStale = useDist && Math.max(newest(join(root, 'src')), newest(join(root, 'rules'))) > statSync(distEntry).mtimeMs
/** Which code was timed, for the report. */
const libraryTimed = useDist
  ? `the built package (dist/index.js)${distStale ? ' — **stale: src/ or rules/ changed after the build (run without --no-build)**' : ''}`
  : 'the TypeScript sources through tsx (dist/ is missing: run without --no-build)'
if (distStale) console.error('Warning: dist/ is older than src/ or rules/: run without --no-build to time the current code.')

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

async function fullBench(extra: SectionsOut): Promise<void> {
  mkdirSync(scratch, {recursive: true})
  const startedAt = new Date()
  console.error(
    `apology-lint benchmark${quick ? ' (quick)' : ''}: node ${process.version}, ${availableParallelism()} cores, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  )

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
  // Sentences each bench email sends to compromise (one lint each).
  const nlpPerEmail = inputs.slice(0, 3).map((input) => {
    const before = nlpCalls()
    // Counted on the sources: the same code, and the counter is not part of the package's API.
    sourceLibrary.lintSync(input.html, OPTIONS)
    return {input: input.id, sentences: nlpCalls() - before}
  })

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
  let rss: {tenMbMb: number; baselineMb: number; ms: number; emojiMb: number | undefined; emojiMs: number | undefined} | null = null
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
    // 900 KB of laughing emoji: one humour finding each before the caps (225,000), which are counted, never built.
    const emojiFile = join(scratch, 'emoji-900kb.txt')
    writeFileSync(emojiFile, `We are sorry. ${'\u{1F602}'.repeat(225_000)}`)
    const emoji = await peak([emojiFile, '-f', 'json', '-o', join(scratch, 'report-emoji.json')])
    if (base && ten) rss = {tenMbMb: ten.maxRssMb, baselineMb: base.maxRssMb, ms: ten.ms, emojiMb: emoji?.maxRssMb, emojiMs: emoji?.ms}
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
    // One warm-up run first (not timed): the first run of an unusual input pays for compiling its code paths.
    const runs = quick ? 1 : 6
    for (let i = 0; i < runs; i++) {
      const t = performance.now()
      try {
        const result = await lint(source, {format: c.format, ...c.options})
        const fatal = result.diagnostics.find((d) => d.fatal)
        outcome = fatal ? `parse-error: ${fatal.message.slice(0, 70)}` : `${result.diagnostics.length} findings`
      } catch (error) {
        outcome = `THREW: ${error instanceof Error ? error.message : String(error)}`
      }
      if (quick || i > 0) xs.push(performance.now() - t)
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
  out.push(
    `Medians of interleaved runs in this one process. apology-lint timed: ${libraryTimed}. "vs" columns: how many times faster apology-lint is than alex / write-good, and its cost as a multiple of the htmlparser2 parse.`,
    '',
  )
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
  out.push('', `Sentences sent to compromise per lint: ${nlpPerEmail.map((x) => `${x.input} ${x.sentences}`).join(', ')}.`)
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
  if (medium && mWg)
    check(
      'medium: ≥ 2× faster than write-good',
      `${ratio(mWg.median / medium.median)}× (${fmt(medium.median)} ms vs ${fmt(mWg.median)} ms)`,
      mWg.median / medium.median >= 2,
    )
  if (medium && mFloor) check('medium: ≤ 25× the htmlparser2 parse', `${ratio(medium.median / mFloor.median)}×`, medium.median / mFloor.median <= 25)
  if (lOurs && lAlex) check('large: ≥ 8× faster than alex', `${ratio(lAlex.median / lOurs.median)}×`, lAlex.median / lOurs.median >= 8)
  check('time per MB flat (≤ 1.5×) from 100 KB to 10 MB', `${flatness.toFixed(2)}×`, flatness <= 1.5)
  if (rss)
    check(
      'peak RSS for the 10 MB email < 300 MB (CLI)',
      `${rss.tenMbMb.toFixed(0)} MB (CLI --version alone: ${rss.baselineMb.toFixed(0)} MB)`,
      rss.tenMbMb < 300,
    )
  if (rss?.emojiMb !== undefined)
    check(
      'peak RSS for 900 KB of emoji (225,000 findings before the caps) < 300 MB (CLI)',
      `${rss.emojiMb.toFixed(0)} MB, ${fmt(rss.emojiMs ?? Number.NaN)} ms for the whole command`,
      rss.emojiMb < 300,
    )
  if (cold) {
    check(
      'CLI --version ≤ 3× node -e 0',
      `${ratio(cold.version.median / cold.nodeE0.median)}× (${fmt(cold.version.median)} ms vs ${fmt(cold.nodeE0.median)} ms)`,
      cold.version.median / cold.nodeE0.median <= 3,
    )
    check(
      'CLI on one small file ≤ 8× node -e 0',
      `${ratio(cold.smallFile.median / cold.nodeE0.median)}× (${fmt(cold.smallFile.median)} ms)`,
      cold.smallFile.median / cold.nodeE0.median <= 8,
    )
  }
  for (const t of throughput) check(`${count} medium emails: ${t.label}`, `${t.emailsPerSecond.toFixed(0)} emails/s (${fmt(t.stats.median)} ms)`, null)
  const worstAdversarial = adversarial.filter((a) => !a.outcome.startsWith('parse-error')).reduce((w, a) => Math.max(w, a.vsNormal), 0)
  check(
    'adversarial inputs: none throws',
    adversarial.some((a) => a.outcome.startsWith('THREW')) ? 'one threw' : 'none threw',
    !adversarial.some((a) => a.outcome.startsWith('THREW')),
  )
  check(
    'adversarial inputs: ≤ a few × the per-MB cost of a normal email',
    `worst ${ratio(worstAdversarial)}× (normal: ${fmt(normalPerMb)} ms/MB)`,
    worstAdversarial <= 5,
  )
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
  out.push(
    '### Adversarial inputs (lint, async)',
    '',
    '| input | size | median ms | ms per MB | × normal per MB | outcome |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
  )
  for (const a of adversarial) {
    out.push(`| ${a.id}: ${a.what} | ${(a.bytes / 1e6).toFixed(2)} MB | ${fmt(a.stats.median)} | ${fmt(a.msPerMb)} | ${ratio(a.vsNormal)}× | ${a.outcome} |`)
  }
  out.push('')
  out.push(...extra.lines)
  const report = out.join('\n')
  console.log(report)

  mkdirSync(resultsDir, {recursive: true})
  const json = {
    startedAt: startedAt.toISOString(),
    quick,
    environment: {
      node: process.version,
      cores: availableParallelism(),
      cpu: cpus()[0]?.model,
      totalMemGb: totalmem() / 2 ** 30,
      loadavgAtEnd: loadavg(),
      commit: gitCommit(),
      timed: libraryTimed,
    },
    inputs: inputs.map((i) => ({id: i.id, label: i.label, bytes: i.html.length, words: i.words})),
    rows,
    timePerMb: {points: perMb, flatness},
    nlpPerEmail,
    peakRss: rss,
    coldStart: cold,
    throughput,
    adversarial,
    targets,
    ...extra.json,
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

// ---------------------------------------------------------------------------
// Doubling runs over the hostile families

interface SectionsOut {
  lines: string[]
  json: Record<string, unknown>
}

interface ScalingRow {
  id: string
  what: string
  n: number
  bytes: [number, number]
  median: [number, number]
  ratio: number
  outcome: string
}

async function scalingSection(): Promise<{lines: string[]; rows: ScalingRow[]}> {
  const rows: ScalingRow[] = []
  const rounds = quick ? 1 : 3
  for (const family of scalingFamilies) {
    console.error(`Scaling: ${family.id} at n = ${family.n} and 2n …`)
    const sources = [family.build(family.n), family.build(2 * family.n)]
    const options = {format: family.format, maxBytes: 64 << 20, ...(family.options ?? {})} as Parameters<typeof lint>[1]
    const run = async (source: string): Promise<string> => {
      const result = await lint(source, options)
      if (family.report) formatHtml([result], builtinRules)
      const more = result.diagnostics.filter((d) => d.ruleId === 'more-findings').length
      const note = result.notes.find((n) => n.startsWith('Read as plain text') || n.includes('nested deeper'))
      return `${result.diagnostics.length} findings${more ? ' (capped)' : ''}${note ? `; ${note.replace(/\.$/, '')}` : ''}`
    }
    await run(family.build(Math.max(1, Math.floor(family.n / 10))))
    const xs: [number[], number[]] = [[], []]
    let outcome = ''
    // At least `rounds` rounds; a family that runs in a few milliseconds gets more (up to 25 rounds or
    // about 300 ms of runs), so that its ratio is not one garbage collection's noise.
    let spent = 0
    for (let r = 0; r < 25 && (r < rounds || (!quick && spent < 300)); r++) {
      for (const k of [0, 1] as const) {
        gc()
        const t = performance.now()
        const o = await run(sources[k]!)
        const ms = performance.now() - t
        xs[k].push(ms)
        spent += ms
        if (k === 1) outcome = o
      }
    }
    const median: [number, number] = [stats(xs[0]).median, stats(xs[1]).median]
    rows.push({
      id: family.id,
      what: family.what,
      n: family.n,
      bytes: [Buffer.byteLength(sources[0]!), Buffer.byteLength(sources[1]!)],
      median,
      ratio: median[1] / median[0],
      outcome,
    })
  }
  const lines = [
    '### Scaling: hostile families at n and 2n (lint, async; medians of interleaved runs)',
    '',
    `Each family is built at n and at 2n; linear time doubles (ratio ≈ 2, at most 2.2 allowed for noise). At least ${rounds} interleaved rounds each, more (up to 25) for a family that takes a few milliseconds.`,
    '',
    '| family | n | size at n → 2n | ms at n | ms at 2n | ratio | at 2n |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ]
  for (const r of rows) {
    lines.push(
      `| ${r.id}: ${r.what} | ${r.n.toLocaleString('en')} | ${kb(r.bytes[0])} → ${kb(r.bytes[1])} | ${fmt(r.median[0])} | ${fmt(r.median[1])} | ${r.ratio.toFixed(2)}${r.ratio > 2.2 ? ' **over 2.2**' : ''} | ${r.outcome} |`,
    )
  }
  const over = rows.filter((r) => r.ratio > 2.2).map((r) => r.id)
  const slow = rows.filter((r) => r.bytes[1] <= 1 << 20 && r.median[1] > 1000).map((r) => r.id)
  lines.push(
    '',
    `Doubling ratio ≤ 2.2: ${over.length === 0 ? 'every family' : `**not** ${over.join(', ')}`}. Inputs ≤ 1 MB over 1 s: ${slow.length === 0 ? 'none' : slow.join(', ')}.`,
    '',
  )
  return {lines, rows}
}

const kb = (bytes: number): string => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(2)} MB` : `${(bytes / 1024).toFixed(0)} KB`)

// ---------------------------------------------------------------------------
// Every email the code was not tuned on (and the fixtures it was)

interface CorpusRow {
  file: string
  bytes: number
  words: number
  ours: number
  alex: number
  writeGood: number
  parse: number
  /** The dependencies' parse alone: postal-mime, then htmlparser2 on the HTML part (.eml); htmlparser2 (.html); remark-parse (.md); undefined for plain text. */
  floor: number | undefined
  nlpSentences: number
  findings: number
}

/** What our parsing dependencies alone cost on one email, before anything of ours runs; undefined for plain text. */
function floorParser(file: string): ((source: string) => Promise<unknown>) | undefined {
  if (/\.eml$/i.test(file))
    return async (source) => {
      const email = await PostalMime.parse(source)
      return email.html ? parseDocument(email.html) : undefined
    }
  if (/\.html?$/i.test(file)) return async (source) => parseDocument(source)
  if (/\.md$/i.test(file)) {
    const processor = unified().use(remarkParse)
    return async (source) => processor.parse(source)
  }
  return undefined
}

function corpusFiles(): string[] {
  const dirs = [join(root, 'fixtures/examples'), join(root, 'fixtures/holdout')]
  // ../shared/corpus from the main checkout; one level further up from a worktree under wt/.
  const shared = [join(root, '../shared/corpus'), join(root, '../../shared/corpus')].find((d) => existsSync(d))
  if (shared) dirs.push(shared)
  const files: string[] = []
  for (const dir of dirs) {
    if (!existsSync(dir)) continue
    for (const f of readdirSync(dir).sort()) if (/\.(html?|txt|md|eml)$/i.test(f) && f !== 'README.md') files.push(join(dir, f))
  }
  return files
}

function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

async function corpusSection(): Promise<{lines: string[]; rows: CorpusRow[]}> {
  // "parse": the same lint with every rule off (the document build, language detection and zones).
  const rulesOff = {rules: Object.fromEntries(builtinRules.map((r) => [r.id, 'off' as const]))}
  const files = corpusFiles()
  const rounds = quick ? 3 : 7
  console.error(`Corpus: ${files.length} emails, ${rounds} interleaved rounds each …`)
  // Warm every tool up on every email first: otherwise the emails that come first in the list are timed while
  // the JIT is still compiling (each of the three), and list order decides which emails look slowest.
  for (let pass = 0; pass < 2; pass++) {
    for (const file of files) {
      const source = readFileSync(file, 'utf8')
      const result = await lint(source, {filename: file})
      if (!result.document) continue
      const visible = result.document.blocks.map((b) => b.text).join('\n\n')
      alexText(visible)
      writeGood(visible)
      await lint(source, {filename: file, config: rulesOff})
      await floorParser(file)?.(source)
    }
  }
  const rows: CorpusRow[] = []
  for (const file of files) {
    const source = readFileSync(file, 'utf8')
    const options = {filename: file}
    const first = await lint(source, options)
    const document = first.document
    if (!document) continue
    const visible = document.blocks.map((b) => b.text).join('\n\n')
    const before = nlpCalls()
    await sourceLibrary.lint(source, options)
    const nlpSentences = nlpCalls() - before
    const documentOptions = {filename: file, config: rulesOff}
    const floorParse = floorParser(file)
    const xs = {ours: [] as number[], alex: [] as number[], writeGood: [] as number[], parse: [] as number[], floor: [] as number[]}
    for (let r = 0; r < rounds + 1; r++) {
      let t = performance.now()
      await lint(source, options)
      const ours = performance.now() - t
      t = performance.now()
      alexText(visible)
      const alex = performance.now() - t
      t = performance.now()
      writeGood(visible)
      const wg = performance.now() - t
      t = performance.now()
      await lint(source, documentOptions)
      const parse = performance.now() - t
      t = performance.now()
      if (floorParse) await floorParse(source)
      const floor = performance.now() - t
      if (r === 0) continue // warm-up round
      xs.ours.push(ours)
      xs.alex.push(alex)
      xs.writeGood.push(wg)
      xs.parse.push(parse)
      xs.floor.push(floor)
    }
    rows.push({
      file: relativeTo(file),
      bytes: Buffer.byteLength(source),
      words: visible.split(/\s+/).filter(Boolean).length,
      ours: stats(xs.ours).median,
      alex: stats(xs.alex).median,
      writeGood: stats(xs.writeGood).median,
      parse: stats(xs.parse).median,
      floor: floorParse ? stats(xs.floor).median : undefined,
      nlpSentences,
      findings: first.diagnostics.length,
    })
  }
  const ours = rows.map((r) => r.ours)
  const vsAlex = rows.map((r) => r.alex / r.ours)
  const vsWg = rows.map((r) => r.writeGood / r.ours)
  const nlp = rows.map((r) => r.nlpSentences)
  const lines = [
    `### Corpus: every email in fixtures/examples, fixtures/holdout and ../shared/corpus (${rows.length} emails)`,
    '',
    `apology-lint \`lint\` (recommended rules, format from the file name) against alex and write-good on the same visible text; medians of ${rounds} interleaved rounds per email, then the distribution over emails. Timed: ${libraryTimed}. "parse" is the same \`lint\` with every rule off (parser, language detection, zones).`,
    '',
    '| over emails | p50 | p95 | max |',
    '| --- | ---: | ---: | ---: |',
    distRow('apology-lint ms', ours),
    distRow(
      'alex ms',
      rows.map((r) => r.alex),
    ),
    distRow(
      'write-good ms',
      rows.map((r) => r.writeGood),
    ),
    `| sentences sent to compromise | ${quantile(nlp, 0.5)} | ${quantile(nlp, 0.95)} | ${Math.max(...nlp)} |`,
    '',
    '| ratio over emails | p5 (worst) | p50 | p95 |',
    '| --- | ---: | ---: | ---: |',
    `| × faster than alex | ${ratio(quantile(vsAlex, 0.05))}× | ${ratio(quantile(vsAlex, 0.5))}× | ${ratio(quantile(vsAlex, 0.95))}× |`,
    `| × faster than write-good | ${ratio(quantile(vsWg, 0.05))}× | ${ratio(quantile(vsWg, 0.5))}× | ${ratio(quantile(vsWg, 0.95))}× |`,
    '',
    'Slowest emails:',
    '',
    '| email | size | words | apology-lint ms | parse ms | alex ms | write-good ms | compromise sentences | findings |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  const bySlow = [...rows].sort((a, b) => b.ours - a.ours)
  for (const r of bySlow.slice(0, 5)) {
    lines.push(
      `| ${r.file} | ${kb(r.bytes)} | ${r.words} | ${fmt(r.ours)} | ${fmt(r.parse)} | ${fmt(r.alex)} | ${fmt(r.writeGood)} | ${r.nlpSentences} | ${r.findings} |`,
    )
  }
  const worst = bySlow[0]
  if (worst) {
    const share = worst.parse / worst.ours
    lines.push(
      '',
      `Worst: ${worst.file} (${kb(worst.bytes)}, ${worst.words} words): ${fmt(worst.ours)} ms, of which the document build is ${fmt(worst.parse)} ms (${(share * 100).toFixed(0)}%); ${worst.nlpSentences} sentences went to compromise.`,
    )
  }
  const slowestPerWord = [...rows].filter((r) => r.words >= 50).sort((a, b) => b.ours / b.words - a.ours / a.words)[0]
  if (slowestPerWord)
    lines.push(
      `Most time per word: ${slowestPerWord.file} (${fmt((1000 * slowestPerWord.ours) / slowestPerWord.words)} µs a word over ${slowestPerWord.words} words; parse ${fmt(slowestPerWord.parse)} of ${fmt(slowestPerWord.ours)} ms, ${slowestPerWord.nlpSentences} compromise sentences).`,
    )
  lines.push('', ...mediumLines(rows))
  return {lines, rows}
}

/**
 * The issue's medium class (10–15 KB) among the corpus emails: each against
 * write-good, and what the parsing dependencies alone cost. When they alone
 * take more than half of write-good's time, no linter built on them can be
 * twice as fast as write-good on that email.
 */
function mediumLines(rows: readonly CorpusRow[]): string[] {
  const medium = rows.filter((r) => r.bytes >= 10 * 1024 && r.bytes <= 15 * 1024)
  if (medium.length === 0) return []
  const lines = [
    `Medium emails (10–15 KB) of the corpus bench (${medium.length}): "floor" is our parsing dependencies alone on the same source, before any code of ours: postal-mime, then htmlparser2 on the HTML part (.eml), or htmlparser2 (.html). "best possible vs write-good" is write-good's time over the floor: the most any linter built on these parsers could be faster than write-good on that email.`,
    '',
    '| email | size | words | apology-lint ms | × faster than alex | write-good ms | × faster than write-good | floor ms | apology-lint × floor | best possible vs write-good |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  for (const r of medium) {
    const known = r.floor !== undefined && r.floor > 0
    const floor = known ? fmt(r.floor!) : '—'
    const over = known ? `${ratio(r.ours / r.floor!)}×` : '—'
    const best = known ? `${ratio(r.writeGood / r.floor!)}×` : '—'
    lines.push(
      `| ${r.file} | ${kb(r.bytes)} | ${r.words} | ${fmt(r.ours)} | ${ratio(r.alex / r.ours)}× | ${fmt(r.writeGood)} | ${ratio(r.writeGood / r.ours)}× | ${floor} | ${over} | ${best} |`,
    )
  }
  const bound = medium.filter((r) => r.floor !== undefined && r.floor > 0 && r.writeGood / r.floor < 2)
  lines.push(
    '',
    bound.length > 0
      ? `On ${bound.length} of these ${medium.length} emails the parsers alone take more than half of write-good's time: 2× write-good is out of reach there for anything that parses the email with them.`
      : "On every one of these emails the parsers alone take less than half of write-good's time.",
    '',
  )
  return lines
}

function relativeTo(file: string): string {
  const shared = file.indexOf('/shared/corpus/')
  if (shared >= 0) return `../shared/corpus/${file.slice(shared + 15)}`
  return file.startsWith(root) ? file.slice(root.length) : file
}

async function main(): Promise<void> {
  const lines: string[] = []
  const json: Record<string, unknown> = {}
  const runScaling = section('scaling')
  const runCorpus = section('corpus')
  if (only.size > 0 && !only.has('main')) {
    // Just the named sections: printed, and written beside latest.json (which is left as it is).
    const startedAt = new Date().toISOString()
    if (runScaling) {
      const s = await scalingSection()
      lines.push(...s.lines)
      json.scaling = s.rows
    }
    if (runCorpus) {
      const c = await corpusSection()
      lines.push(...c.lines)
      json.corpus = c.rows
    }
    console.log(lines.join('\n'))
    mkdirSync(resultsDir, {recursive: true})
    writeFileSync(
      join(resultsDir, 'sections.json'),
      `${JSON.stringify({startedAt, quick, environment: {node: process.version, cores: availableParallelism(), loadavgAtEnd: loadavg(), commit: gitCommit(), timed: libraryTimed}, ...json}, null, 2)}\n`,
    )
    return
  }
  if (runScaling) {
    const s = await scalingSection()
    lines.push(...s.lines)
    json.scaling = s.rows
  }
  if (runCorpus) {
    const c = await corpusSection()
    lines.push(...c.lines)
    json.corpus = c.rows
  }
  await fullBench({lines, json})
}

await main()

/** One row of a p50 / p95 / max table over emails. */
function distRow(label: string, values: number[]): string {
  return `| ${label} | ${fmt(quantile(values, 0.5))} | ${fmt(quantile(values, 0.95))} | ${fmt(Math.max(...values))} |`
}
