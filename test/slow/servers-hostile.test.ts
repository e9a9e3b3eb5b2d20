/**
 * The language and MCP servers under hostile input, over stdio, as built
 * (`bin/apology-lint-lsp.js`, `apology-lint --mcp`): malformed URIs, wrong
 * types, 5 MB and 11 MB documents, directive floods, 1,000 rapid edits,
 * requests after shutdown. Each is answered with an error or a result, the
 * server stays up, and a hover or `explain_rule` sent meanwhile is answered
 * within a second.
 */
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection} from 'vscode-jsonrpc/node'
import type {Hover, PublishDiagnosticsParams} from 'vscode-languageserver'

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))

// Our own sentences.
const SMALL = '<p>We are sorry: the parcel date in our last message was wrong.</p>\n<p>Please do not reply.</p>\n'
const PARAGRAPH = '<p>We are sorry that the delivery date in our message on Monday was a week too early for your order.</p>\n'

/** Resident memory of a process, in MB (Linux). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024
}

async function timed<T>(promise: Promise<T>): Promise<{value: T; ms: number}> {
  const t = performance.now()
  const value = await promise
  return {value, ms: performance.now() - t}
}

/** The error a request failed with, or undefined when it succeeded. */
async function errorOf(promise: Promise<unknown>): Promise<{code: number; message: string} | undefined> {
  try {
    await promise
    return undefined
  } catch (error) {
    if (error instanceof ResponseError) return {code: error.code, message: error.message}
    throw error
  }
}

describe('language server under hostile input (stdio, built)', () => {
  let server: ChildProcessWithoutNullStreams
  let client: MessageConnection
  let stderr = ''
  const published: PublishDiagnosticsParams[] = []
  let workspace: string
  let outside: string
  let smallUri: string
  const latencies: Record<string, number> = {}

  const publication = (match: (p: PublishDiagnosticsParams) => boolean, timeout = 60_000): Promise<PublishDiagnosticsParams> =>
    new Promise((resolvePromise, reject) => {
      const started = Date.now()
      const poll = (): void => {
        const hit = published.find(match)
        if (hit) resolvePromise(hit)
        else if (Date.now() - started > timeout) reject(new Error(`no matching publication in ${timeout} ms\n${stderr.slice(-2000)}`))
        else setTimeout(poll, 20)
      }
      poll()
    })

  const hoverSmall = (): Promise<Hover | null> =>
    client.sendRequest<Hover | null>('textDocument/hover', {textDocument: {uri: smallUri}, position: {line: 1, character: 5}})

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'server.js')) || !existsSync(join(ROOT, 'dist', 'lsp-worker.js')))
      throw new Error('Run `npm run build` first: this test drives the built server.')
    workspace = mkdtempSync(join(tmpdir(), 'apology-lint-ws-'))
    outside = mkdtempSync(join(tmpdir(), 'apology-lint-outside-'))
    writeFileSync(join(workspace, 'apology-lint.config.json'), JSON.stringify({rules: {'unbranded-layout': 'off'}}))
    smallUri = pathToFileURL(join(workspace, 'small.html')).href
    server = spawn(process.execPath, [join(ROOT, 'bin', 'apology-lint-lsp.js'), '--stdio'], {cwd: ROOT, stdio: 'pipe'})
    server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    client = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin))
    client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => void published.push(p))
    client.onNotification('window/logMessage', () => {})
    client.listen()
    await client.sendRequest('initialize', {
      processId: null,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{uri: pathToFileURL(workspace).href, name: 'ws'}],
      capabilities: {},
      initializationOptions: {debounceMs: 50},
    })
    await client.sendNotification('initialized', {})
    await client.sendNotification('textDocument/didOpen', {textDocument: {uri: smallUri, languageId: 'html', version: 1, text: SMALL}})
    await publication((p) => p.uri === smallUri && p.diagnostics.some((d) => d.code === 'no-reply-sender'))
  }, 120_000)

  afterAll(() => {
    client?.dispose()
    if (server && server.exitCode === null) server.kill()
    // Measured latencies, for the record.
    process.stdout.write(`LSP latencies (ms): ${JSON.stringify(latencies)}\n`)
  })

  it('a malformed percent-escape in a URI does not end the process, and the document is still linted', async () => {
    const uri = 'file:///x/%E0%A4%A.html'
    await client.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'html', version: 1, text: SMALL}})
    const p = await publication((q) => q.uri === uri)
    expect(p.diagnostics.map((d) => d.code)).toContain('no-reply-sender')
    expect((await hoverSmall())?.contents).toBeDefined()
    expect(server.exitCode).toBeNull()
  })

  it('invalid params get -32602, unknown methods -32601, wrong-typed notifications are ignored', async () => {
    expect(await errorOf(client.sendRequest('textDocument/hover', {}))).toMatchObject({code: -32602})
    expect(await errorOf(client.sendRequest('textDocument/hover', null))).toMatchObject({code: -32602})
    expect(await errorOf(client.sendRequest('textDocument/hover', {textDocument: {uri: 5}, position: {line: -1, character: 'x'}}))).toMatchObject({
      code: -32602,
    })
    expect(await errorOf(client.sendRequest('textDocument/codeAction', {textDocument: {uri: smallUri}, range: 'everything'}))).toMatchObject({code: -32602})
    expect(await errorOf(client.sendRequest('apology/nothing', {}))).toMatchObject({code: -32601})
    await client.sendNotification('textDocument/didOpen', {textDocument: {uri: 7, text: null}})
    await client.sendNotification('textDocument/didChange', {textDocument: {uri: smallUri}, contentChanges: 'all of it'})
    await client.sendNotification('textDocument/didChange', {textDocument: {uri: 'file:///never-opened.html', version: 2}, contentChanges: [{text: 'x'}]})
    await client.sendNotification('workspace/didChangeWatchedFiles', {changes: 'none'})
    expect((await hoverSmall())?.contents).toBeDefined()
    expect(server.exitCode).toBeNull()
  })

  it('CR-only line endings put findings on their own lines', async () => {
    const uri = pathToFileURL(join(workspace, 'cr.txt')).href
    const text = 'Hello Dana,\rWe are sorry: the delivery date in our last message was a week too early.\rPlease do not reply.\r'
    await client.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'plaintext', version: 1, text}})
    const p = await publication((q) => q.uri === uri && q.diagnostics.some((d) => d.code === 'no-reply-sender'))
    expect(p.diagnostics.find((d) => d.code === 'no-reply-sender')!.range.start).toEqual({line: 2, character: 0})
  })

  it('an 11 MB document is refused with a diagnostic, not linted, and the server stays up', async () => {
    const uri = pathToFileURL(join(workspace, 'huge.html')).href
    const text = PARAGRAPH.repeat(Math.ceil(11e6 / PARAGRAPH.length))
    await client.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'html', version: 1, text}})
    const p = await publication((q) => q.uri === uri)
    expect(p.diagnostics).toHaveLength(1)
    expect(p.diagnostics[0]!.message).toMatch(/over maxBytes/)
    const {ms} = await timed(hoverSmall())
    latencies['hover after 11 MB open'] = Math.round(ms)
    expect(ms).toBeLessThan(1000)
  })

  it('while a 5 MB document is linted, a hover on another document is answered within a second', async () => {
    const uri = pathToFileURL(join(workspace, 'five.html')).href
    const text = PARAGRAPH.repeat(Math.ceil(5e6 / PARAGRAPH.length))
    await client.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'html', version: 1, text}})
    // Give the lint thread time to start on it.
    await new Promise((r) => setTimeout(r, 300))
    const {value, ms} = await timed(hoverSmall())
    latencies['hover while linting 5 MB'] = Math.round(ms)
    expect(value?.contents).toBeDefined()
    expect(ms).toBeLessThan(1000)
  })

  it('after 1,000 rapid incremental edits of a 5 MB document, a hover is answered within a second', async () => {
    const uri = pathToFileURL(join(workspace, 'edits.html')).href
    const text = PARAGRAPH.repeat(Math.ceil(5e6 / PARAGRAPH.length))
    await client.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'html', version: 1, text}})
    const lines = Math.floor(text.length / PARAGRAPH.length)
    for (let i = 0; i < 1000; i++) {
      const line = (i * 7919) % lines
      void client.sendNotification('textDocument/didChange', {
        textDocument: {uri, version: i + 2},
        contentChanges: [{range: {start: {line, character: 3}, end: {line, character: 3}}, text: 'x'}],
      })
    }
    const {value, ms} = await timed(client.sendRequest<Hover | null>('textDocument/hover', {textDocument: {uri}, position: {line: 0, character: 4}}))
    latencies['hover after 1,000 edits of 5 MB'] = Math.round(ms)
    expect(value).toBeNull()
    expect(ms).toBeLessThan(1000)
    const small = await timed(hoverSmall())
    expect(small.value?.contents).toBeDefined()
    expect(small.ms).toBeLessThan(1000)
  })

  it('a directive flood is linted off the request thread: hovers are answered meanwhile', async () => {
    const uri = pathToFileURL(join(workspace, 'flood.html')).href
    let text = ''
    for (let i = 0; i < 1500; i++)
      text += `<!-- apology-lint-disable humour -->\n<p>We are sorry about the late parcel number ${i}.</p>\n<!-- apology-lint-enable humour -->\n`
    await client.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'html', version: 1, text}})
    await new Promise((r) => setTimeout(r, 100))
    const {ms} = await timed(hoverSmall())
    latencies['hover during directive flood'] = Math.round(ms)
    expect(ms).toBeLessThan(1000)
    await publication((q) => q.uri === uri, 120_000)
  })

  it('memory stays bounded', () => {
    const mb = rssMb(server.pid!)
    latencies['server RSS MB'] = Math.round(mb)
    expect(mb).toBeLessThan(2500)
  })

  it('reads configs only inside the workspace folders it was given: none from an outside folder, no code from it', async () => {
    const marker = join(outside, 'config-code-ran')
    writeFileSync(
      join(outside, 'apology-lint.config.mjs'),
      `import {writeFileSync} from 'node:fs'\nwriteFileSync(${JSON.stringify(marker)}, 'ran')\nexport default {rules: {'no-reply-sender': 'off'}}\n`,
    )
    mkdirSync(join(outside, 'mail'))
    const uri = pathToFileURL(join(outside, 'mail', 'outside.html')).href
    await client.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'html', version: 1, text: SMALL}})
    const p = await publication((q) => q.uri === uri)
    // Defaults: no-reply-sender stays on, and the config's code never ran.
    expect(p.diagnostics.map((d) => d.code)).toContain('no-reply-sender')
    expect(existsSync(marker)).toBe(false)
    // Inside the workspace, its config applies (unbranded-layout off).
    const inside = published.find((q) => q.uri === smallUri)!
    expect(inside.diagnostics.map((d) => d.code)).not.toContain('unbranded-layout')
    expect(p.diagnostics.map((d) => d.code)).toContain('unbranded-layout')
  })

  it('after shutdown, requests are refused with -32600; exit ends the process with 0', async () => {
    await client.sendRequest('shutdown')
    expect(await errorOf(hoverSmall())).toMatchObject({code: -32600})
    expect(
      await errorOf(
        client.sendRequest('textDocument/codeAction', {
          textDocument: {uri: smallUri},
          range: {start: {line: 0, character: 0}, end: {line: 0, character: 1}},
          context: {diagnostics: []},
        }),
      ),
    ).toMatchObject({code: -32600})
    expect(await errorOf(client.sendRequest('shutdown'))).toMatchObject({code: -32600})
    const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)))
    await client.sendNotification('exit')
    expect(await exited).toBe(0)
  })
})

/** A bare JSON-RPC client over the MCP server's stdio: one message per line, raw writes allowed. */
class LineClient {
  private buffer = ''
  private nextId = 1
  private readonly waiting = new Map<number | string | null, (message: {result?: unknown; error?: {code: number; message: string}}) => void>()
  readonly orphans: unknown[] = []

  constructor(readonly process: ChildProcessWithoutNullStreams) {
    process.stdout.setEncoding('utf8')
    process.stdout.on('data', (chunk: string) => {
      this.buffer += chunk
      for (let nl = this.buffer.indexOf('\n'); nl !== -1; nl = this.buffer.indexOf('\n')) {
        const line = this.buffer.slice(0, nl)
        this.buffer = this.buffer.slice(nl + 1)
        if (!line.trim()) continue
        const message = JSON.parse(line) as {id?: number | string | null; result?: unknown; error?: {code: number; message: string}}
        const waiter = message.id !== undefined ? this.waiting.get(message.id) : undefined
        if (waiter) {
          this.waiting.delete(message.id!)
          waiter(message)
        } else this.orphans.push(message)
      }
    })
  }

  /** Sends a request and resolves with its response. */
  request(method: string, params: unknown, id: number | string = this.nextId++): Promise<{result?: unknown; error?: {code: number; message: string}}> {
    return new Promise((resolvePromise) => {
      this.waiting.set(id, resolvePromise)
      this.process.stdin.write(`${JSON.stringify({jsonrpc: '2.0', id, method, params})}\n`)
    })
  }

  notify(method: string, params: unknown): void {
    this.process.stdin.write(`${JSON.stringify({jsonrpc: '2.0', method, params})}\n`)
  }

  /** Writes a raw line and resolves with the response carrying `id` (null for an unreadable id). */
  raw(line: string, id: number | string | null): Promise<{result?: unknown; error?: {code: number; message: string}}> {
    return new Promise((resolvePromise) => {
      this.waiting.set(id, resolvePromise)
      this.process.stdin.write(`${line}\n`)
    })
  }

  callTool(
    name: string,
    args: unknown,
    id?: number | string,
  ): Promise<{
    result?: {isError?: boolean; content?: {text: string}[]; structuredContent?: {diagnostics: {ruleId: string}[]}}
    error?: {code: number; message: string}
  }> {
    return this.request('tools/call', {name, arguments: args}, id) as never
  }
}

describe('MCP server under hostile input (stdio, built)', () => {
  let proc: ChildProcessWithoutNullStreams
  let client: LineClient
  let stderr = ''
  const latencies: Record<string, number> = {}

  const explain = async (): Promise<number> => {
    const {value, ms} = await timed(client.callTool('explain_rule', {rule: 'no-reply-sender'}))
    expect(value.result?.isError).toBeFalsy()
    expect(value.result?.content?.[0]?.text).toContain('no-reply-sender')
    return ms
  }

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'mcp-worker.js'))) throw new Error('Run `npm run build` first: this test drives the built server.')
    const dir = mkdtempSync(join(tmpdir(), 'apology-lint-mcp-hostile-'))
    proc = spawn(process.execPath, [join(ROOT, 'bin', 'apology-lint.js'), '--mcp'], {cwd: dir, stdio: 'pipe'})
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    client = new LineClient(proc)
    const init = await client.request('initialize', {protocolVersion: '2025-06-18', capabilities: {}, clientInfo: {name: 'hostile-test', version: '1.0.0'}})
    expect(init.error).toBeUndefined()
    client.notify('notifications/initialized', {})
    await explain()
  }, 60_000)

  afterAll(() => {
    if (proc && proc.exitCode === null) proc.kill()
    process.stdout.write(`MCP latencies (ms): ${JSON.stringify(latencies)}\n`)
  })

  it('wrong types are answered with errors, and the server stays up', async () => {
    const bad = await client.callTool('lint_apology_email', {email: 42, format: 'pdf'})
    expect(bad.error ?? bad.result?.isError).toBeTruthy()
    const unknown = await client.request('tools/call', {name: 'no_such_tool', arguments: {}})
    expect(unknown.error ?? (unknown.result as {isError?: boolean})?.isError).toBeTruthy()
    const garbage = await client.raw('{"jsonrpc":"2.0","id":"g1","method":', 'g1')
    expect(garbage.error?.code).toBe(-32700)
    expect(await explain()).toBeLessThan(1000)
  }, 30_000)

  it('while a directive flood is linted, explain_rule is answered within a second', async () => {
    let email = ''
    for (let i = 0; i < 1500; i++)
      email += `<!-- apology-lint-disable humour -->\n<p>We are sorry about the late parcel number ${i}, and oops.</p>\n<!-- apology-lint-enable humour -->\n`
    const lint = client.callTool('lint_apology_email', {email, format: 'html'})
    await new Promise((r) => setTimeout(r, 100))
    latencies['explain_rule during directive flood'] = Math.round(await explain())
    expect(latencies['explain_rule during directive flood']).toBeLessThan(1000)
    const done = await lint
    expect(done.result?.isError).toBeFalsy()
  }, 120_000)

  it('while a 5 MB email is linted, explain_rule is answered within a second; cancelling the lint leaves the server up', async () => {
    const email = PARAGRAPH.repeat(Math.ceil(5e6 / PARAGRAPH.length))
    const lint = client.callTool('lint_apology_email', {email, format: 'html'}, 'big-1')
    await new Promise((r) => setTimeout(r, 300))
    latencies['explain_rule while linting 5 MB'] = Math.round(await explain())
    expect(latencies['explain_rule while linting 5 MB']).toBeLessThan(1000)
    client.notify('notifications/cancelled', {requestId: 'big-1', reason: 'test'})
    void lint
    expect(await explain()).toBeLessThan(1000)
  }, 120_000)

  it('an 11 MB email is answered (over maxBytes), not a closed server', async () => {
    const email = PARAGRAPH.repeat(Math.ceil(11e6 / PARAGRAPH.length))
    const r = await client.callTool('lint_apology_email', {email, format: 'html'})
    expect(r.error).toBeUndefined()
    const ids = r.result?.structuredContent?.diagnostics.map((d) => d.ruleId)
    expect(ids).toEqual(['parse-error'])
    expect(await explain()).toBeLessThan(1000)
  }, 120_000)

  it('a 6 MB email of quotes and newlines (over 10 MiB once escaped) is answered', async () => {
    const email = '"\n'.repeat(3_000_000)
    expect(JSON.stringify(email).length).toBeGreaterThan(10 * 1024 * 1024)
    const r = await client.callTool('lint_apology_email', {email, format: 'text'})
    expect(r.error).toBeUndefined()
    expect(r.result).toBeDefined()
    expect(await explain()).toBeLessThan(1000)
  }, 120_000)

  it('a request line over the guard limit gets a JSON-RPC error with its id, and the server stays up', async () => {
    const huge = `{"jsonrpc":"2.0","id":"too-big","method":"tools/call","params":{"name":"lint_apology_email","arguments":{"email":"${'x'.repeat(65 * 1024 * 1024)}"}}}`
    const r = await client.raw(huge, 'too-big')
    expect(r.error?.code).toBe(-32600)
    expect(r.error?.message).toMatch(/Request too large/)
    expect(await explain()).toBeLessThan(1000)
    expect(proc.exitCode).toBeNull()
  }, 120_000)

  it('memory stays bounded', () => {
    const mb = rssMb(proc.pid!)
    latencies['server RSS MB'] = Math.round(mb)
    expect(mb).toBeLessThan(2500)
  })
})
