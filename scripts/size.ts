/**
 * `npm run size` (after `npm run build`): checks the budgets of issue 11 and
 * prints the numbers the README shows.
 *
 * - The browser bundle: gzipped bytes before the first lint (dist/browser/sizes.json,
 *   written by scripts/build-browser.ts) ≤ 300 KB.
 * - The package: `npm pack`, then `npm install` of the tarball into an empty
 *   folder, as a library user gets it: tarball ≤ 1 MB without source maps,
 *   node_modules ≤ 20 MB and ≤ 40 packages; the library, `--lsp` and `--mcp`
 *   answer from that install.
 *
 * Exits 1 when a budget is exceeded.
 */
import {execFileSync, spawn} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import type {BundleSizes} from './build-browser.js'

const root = resolve(import.meta.dirname, '..')
const KB = 1024
const MB = 1024 * 1024
const problems: string[] = []
const check = (ok: boolean, what: string): void => {
  if (!ok) problems.push(what)
}
const kb = (n: number): string => `${(n / KB).toFixed(1)} KB`
const mb = (n: number): string => `${(n / MB).toFixed(2)} MB`

// The browser bundle.
const sizesFile = join(root, 'dist/browser/sizes.json')
if (!existsSync(sizesFile)) throw new Error('dist/browser/sizes.json is missing: run npm run build first.')
const sizes = JSON.parse(readFileSync(sizesFile, 'utf8')) as BundleSizes
console.log(
  `browser bundle: ${kb(sizes.initial.gzip)} gzipped before the first lint (budget ${kb(sizes.budget)}), NLP chunk ${kb(sizes.lazy.gzip)}, ${kb(sizes.total.gzip)} in all`,
)
check(sizes.initial.gzip <= sizes.budget, `browser bundle ${kb(sizes.initial.gzip)} > ${kb(sizes.budget)}`)

// The package, packed and installed.
const work = mkdtempSync(join(tmpdir(), 'apology-lint-size-'))
try {
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  ) as {
    filename: string
    size: number
    unpackedSize: number
    files: {path: string}[]
  }[]
  const maps = packed!.files.filter((f) => f.path.endsWith('.map'))
  console.log(`tarball: ${mb(packed!.size)} (${packed!.files.length} files, ${mb(packed!.unpackedSize)} unpacked, ${maps.length} source maps)`)
  check(packed!.size <= MB, `tarball ${mb(packed!.size)} > 1 MB`)
  check(maps.length === 0, `source maps in the tarball: ${maps.map((f) => f.path).join(', ')}`)

  const app = join(work, 'app')
  execFileSync('mkdir', ['-p', app])
  writeFileSync(join(app, 'package.json'), '{"name":"size-check","version":"1.0.0","private":true,"type":"module"}\n')
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', join(work, packed!.filename)], {
    cwd: app,
    stdio: 'inherit',
  })
  const modules = join(app, 'node_modules')
  const packages = countPackages(modules)
  const bytes = diskUsage(modules)
  console.log(`npm install of the tarball: ${packages} packages, ${mb(bytes)} of node_modules`)
  check(packages <= 40, `${packages} packages > 40`)
  check(bytes <= 20 * MB, `node_modules ${mb(bytes)} > 20 MB`)

  // What the install can do.
  const lib = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "import {lint} from 'apology-lint'; const from = 'a <noreply@acme.example>'; const rs = [await lint({html: '<p>Oops, please do not reply.</p>', from}), await lint({markdown: '# Sorry\\n\\nOops, please do not reply.', from}), await lint('From: a <noreply@acme.example>\\r\\nSubject: =?UTF-8?B?U29ycnk=?=\\r\\n\\r\\nOops, please do not reply.\\r\\n', {format: 'eml'})]; console.log(rs.every((r) => r.diagnostics.some((d) => d.ruleId === 'no-reply-sender')))",
    ],
    {cwd: app, encoding: 'utf8'},
  )
  check(lib.trim() === 'true', 'the installed library did not lint')
  const bin = join(modules, 'apology-lint/bin/apology-lint.js')
  const lsp = await converse(bin, ['--lsp'], frame({jsonrpc: '2.0', id: 1, method: 'initialize', params: {processId: null, rootUri: null, capabilities: {}}}))
  check(/"capabilities"/.test(lsp), `--lsp did not answer initialize: ${lsp.slice(0, 200)}`)
  const mcp = await converse(
    bin,
    ['--mcp'],
    `${JSON.stringify({jsonrpc: '2.0', id: 1, method: 'initialize', params: {protocolVersion: '2025-06-18', capabilities: {}, clientInfo: {name: 'size', version: '0'}}})}\n`,
  )
  check(/"serverInfo"/.test(mcp), `--mcp did not answer initialize: ${mcp.slice(0, 200)}`)
  console.log(`--lsp and --mcp from the install: ${/"capabilities"/.test(lsp) ? 'answer' : 'FAIL'} / ${/"serverInfo"/.test(mcp) ? 'answer' : 'FAIL'}`)
} finally {
  rmSync(work, {recursive: true, force: true})
}

if (problems.length > 0) {
  console.error(`size: over budget:\n  - ${problems.join('\n  - ')}`)
  process.exit(1)
}
console.log('size: within budget')

function frame(message: unknown): string {
  const body = JSON.stringify(message)
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
}

/** Starts a server, writes one request, and returns what it answered within 20 s. */
function converse(bin: string, args: string[], input: string): Promise<string> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], {stdio: ['pipe', 'pipe', 'pipe']})
    let out = ''
    const finish = (): void => {
      clearTimeout(timer)
      child.kill()
      done(out)
    }
    const timer = setTimeout(finish, 20_000)
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8')
      if (/"(capabilities|serverInfo)"/.test(out) && /\}\s*$/.test(out)) finish()
    })
    child.on('exit', finish)
    child.stdin.write(input)
  })
}

function countPackages(dir: string): number {
  let n = 0
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue
    const path = join(dir, name)
    if (name.startsWith('@')) n += countPackages(path)
    else if (existsSync(join(path, 'package.json'))) {
      n++
      if (existsSync(join(path, 'node_modules'))) n += countPackages(join(path, 'node_modules'))
    }
  }
  return n
}

function diskUsage(path: string): number {
  const stat = statSync(path, {throwIfNoEntry: false})
  if (!stat) return 0
  if (!stat.isDirectory()) return stat.size
  let total = 0
  for (const name of readdirSync(path)) total += diskUsage(join(path, name))
  return total
}
