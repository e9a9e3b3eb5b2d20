/**
 * Language-server latency: the time from sending `didChange` to receiving
 * `publishDiagnostics` for that version, over stdio, for a 20 KB HTML
 * apology, 200 edits one after another. The debounce is set to 0 through
 * `initializationOptions`, so the numbers are the server's own work (add the
 * editor-facing debounce, 150 ms by default, for what a typist sees).
 *
 *   npx tsx bench/lsp.ts           # the server from source (tsx)
 *   npx tsx bench/lsp.ts --dist    # the built bundle (dist/server.js; run `npm run build` first)
 *
 * Not a test: it prints numbers and asserts nothing.
 */
import {spawn} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {performance} from 'node:perf_hooks'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter} from 'vscode-jsonrpc/node'
import type {PublishDiagnosticsParams} from 'vscode-languageserver'
import {lint} from '../src/lint.js'

const EDITS = 200
const WARM_UP = 20
const TARGET_BYTES = 20 * 1024
const root = fileURLToPath(new URL('..', import.meta.url))

/** bench/emails/medium.html (14 KB) with more of its own paragraphs added before the sign-off, to 20 KB. */
function makeEmail(): string {
  const medium = readFileSync(new URL('emails/medium.html', import.meta.url), 'utf8')
  const paragraphs = medium.match(/<p style="margin:0 0 16px 0;[^>]*>[^\n]*<\/p>/g) ?? []
  if (paragraphs.length === 0) throw new Error('Expected paragraphs in bench/emails/medium.html')
  const anchor = medium.indexOf('<p style="margin:24px 0 0 0;')
  if (anchor < 0) throw new Error('Expected the sign-off paragraph in bench/emails/medium.html')
  let extra = ''
  for (let i = 0; Buffer.byteLength(medium + extra) < TARGET_BYTES; i++) extra += `${paragraphs[i % paragraphs.length]}\n`
  return medium.slice(0, anchor) + extra + medium.slice(anchor)
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
}

function describe(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b)
  return `${label}: median ${quantile(sorted, 0.5).toFixed(1)} ms, p95 ${quantile(sorted, 0.95).toFixed(1)} ms, min ${sorted[0]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms (n=${sorted.length})`
}

const useDist = process.argv.includes('--dist')
const args = useDist ? [fileURLToPath(new URL('../dist/server.js', import.meta.url))] : ['--import', 'tsx', 'src/server-main.ts']
const entry = useDist ? ['--input-type=module', '-e', `const {main} = await import(${JSON.stringify(pathToFileURL(args[0]!).href)}); await main()`] : args
const server = spawn(process.execPath, entry, {cwd: root, stdio: ['pipe', 'pipe', 'inherit']})
const client = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin))
const waiting = new Map<number, (p: PublishDiagnosticsParams) => void>()
client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
  if (p.version !== undefined) waiting.get(p.version)?.(p)
})
client.listen()

const uri = 'untitled:bench-apology.html'
const email = makeEmail()
await client.sendRequest('initialize', {processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: {debounceMs: 0}})
await client.sendNotification('initialized', {})

function publishedFor(version: number): Promise<PublishDiagnosticsParams> {
  return new Promise((resolve) => waiting.set(version, resolve))
}

let version = 1
const opened = publishedFor(version)
await client.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'html', version, text: email}})
const first = await opened

// Each edit toggles one word in the opening paragraph (an incremental change, as an editor sends it).
const word = 'we are sorry'
const at = email.indexOf(word)
if (at < 0) throw new Error(`Expected "${word}" in the bench email`)
const line = email.slice(0, at).split('\n').length - 1
const character = at - (email.lastIndexOf('\n', at - 1) + 1)
let current = word
const samples: number[] = []
for (let i = 0; i < WARM_UP + EDITS; i++) {
  const next = current === word ? 'we are truly sorry' : word
  version++
  const done = publishedFor(version)
  const start = performance.now()
  await client.sendNotification('textDocument/didChange', {
    textDocument: {uri, version},
    contentChanges: [{range: {start: {line, character}, end: {line, character: character + current.length}}, text: next}],
  })
  await done
  if (i >= WARM_UP) samples.push(performance.now() - start)
  waiting.delete(version)
  current = next
}

// The same lint in this process, for the share of the latency that is LSP transport and bookkeeping.
const inProcess: number[] = []
for (let i = 0; i < 60; i++) {
  const start = performance.now()
  await lint(email, {format: 'html', filename: 'bench-apology.html'})
  if (i >= 10) inProcess.push(performance.now() - start)
}

console.log(
  `apology-lint LSP bench (${useDist ? 'dist/server.js' : 'src via tsx'}, Node ${process.version}): ${Buffer.byteLength(email)} bytes of HTML, ${first.diagnostics.length} diagnostics, debounce 0 ms`,
)
console.log(describe(`didChange → publishDiagnostics over ${EDITS} edits`, samples))
console.log(describe('lint() alone, in process', inProcess))

const exited = new Promise((resolve) => server.once('exit', resolve))
await client.sendRequest('shutdown')
await client.sendNotification('exit')
await exited
client.dispose()
