/**
 * The language server as an editor meets it: the real server process, driven
 * over stdio by vscode-jsonrpc's client connection.
 */
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection} from 'vscode-jsonrpc/node'
import type {
  CodeAction,
  Diagnostic,
  Hover,
  InitializeResult,
  MarkupContent,
  PublishDiagnosticsParams,
  Range,
  RegistrationParams,
  TextEdit,
} from 'vscode-languageserver'

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))

const BAD = `<p>We're sorry: the link to your invoice in this morning's email pointed to an old page.</p>
<p>Please do not reply.</p>
`
const GOOD = BAD.replace('Please do not reply.', 'Questions? Reply to this email.')

const EML = `From: Northwind Support <support@northwind.example>
Reply-To: Northwind <noreply@northwind.example>
To: ana@customer.example
Subject: Correction: wrong link to your invoice
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hi Ana,

We're sorry: the link to your invoice in this morning's email pointed to an
old page. Your invoice is at https://northwind.example/invoices/2026-10.

Questions? Reply to this email.
`

/** Applies LSP text edits (non-overlapping) to a string. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const offsetOf = (line: number, character: number): number => {
    let offset = 0
    for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1
    return offset + character
  }
  const sorted = [...edits].sort((a, b) => offsetOf(b.range.start.line, b.range.start.character) - offsetOf(a.range.start.line, a.range.start.character))
  let out = text
  for (const edit of sorted) {
    out =
      out.slice(0, offsetOf(edit.range.start.line, edit.range.start.character)) +
      edit.newText +
      out.slice(offsetOf(edit.range.end.line, edit.range.end.character))
  }
  return out
}

describe('language server (stdio)', () => {
  let server: ChildProcessWithoutNullStreams
  let client: MessageConnection
  let stderr = ''
  const published: PublishDiagnosticsParams[] = []
  const registrations: RegistrationParams[] = []
  /** Each returns true once it has found its publication. */
  const waiters = new Set<() => boolean>()
  let dir: string
  let htmlUri: string
  let emlUri: string
  let configPath: string

  /** Resolves with the first publication (from `from` on) that matches. */
  function published$(match: (p: PublishDiagnosticsParams) => boolean, from = 0, timeout = 20_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolvePromise, reject) => {
      const check = (): boolean => {
        const hit = published.slice(from).find(match)
        if (hit) resolvePromise(hit)
        return hit !== undefined
      }
      if (check()) return
      const waiter = (): boolean => {
        if (!check()) return false
        clearTimeout(timer)
        return true
      }
      const timer = setTimeout(() => {
        waiters.delete(waiter)
        reject(
          new Error(`no matching publishDiagnostics in ${timeout} ms; got ${JSON.stringify(published.slice(from).map((p) => [p.uri, p.version]))}\n${stderr}`),
        )
      }, timeout)
      waiters.add(waiter)
    })
  }

  const ids = (p: PublishDiagnosticsParams): string[] => p.diagnostics.map((d) => String(d.code))
  const noReply = (p: PublishDiagnosticsParams): Diagnostic | undefined => p.diagnostics.find((d) => d.code === 'no-reply-sender')

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'apology-lint-lsp-'))
    configPath = join(dir, 'apology-lint.config.json')
    writeFileSync(configPath, JSON.stringify({brand: {supportAddress: 'help@northwind.example'}}))
    htmlUri = pathToFileURL(join(dir, 'apology.html')).href
    emlUri = pathToFileURL(join(dir, 'reply-to.eml')).href

    server = spawn(process.execPath, ['--import', 'tsx', 'src/server-main.ts'], {cwd: ROOT, stdio: 'pipe'})
    server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    client = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin))
    client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      published.push(params)
      for (const waiter of [...waiters]) if (waiter()) waiters.delete(waiter)
    })
    client.onRequest('client/registerCapability', (params: RegistrationParams) => {
      registrations.push(params)
      return null
    })
    client.listen()

    const init = await client.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      capabilities: {
        workspace: {didChangeWatchedFiles: {dynamicRegistration: true}},
        textDocument: {publishDiagnostics: {versionSupport: true}, hover: {contentFormat: ['markdown']}},
      },
      initializationOptions: {debounceMs: 150},
    })
    expect(init.serverInfo?.name).toBe('apology-lint')
    expect(init.capabilities.hoverProvider).toBe(true)
    await client.sendNotification('initialized', {})
  }, 60_000)

  afterAll(() => {
    client?.dispose()
    if (server && server.exitCode === null) server.kill()
  })

  it('publishes diagnostics on open, with the rule, severity, docs link and exact range', async () => {
    await client.sendNotification('textDocument/didOpen', {textDocument: {uri: htmlUri, languageId: 'html', version: 1, text: BAD}})
    const p = await published$((q) => q.uri === htmlUri && q.version === 1)
    const d = noReply(p)
    expect(d, JSON.stringify(p)).toBeDefined()
    // `Please do not reply` on the second line: columns 4–23 (1-based) → characters 3–22.
    expect(d!.range).toEqual({start: {line: 1, character: 3}, end: {line: 1, character: 22}})
    expect(d!.severity).toBe(1)
    expect(d!.source).toBe('apology-lint')
    expect(d!.codeDescription?.href).toMatch(/no-reply-sender/)
    expect(d!.message).toContain('do not reply')
    expect(registrations.flatMap((r) => r.registrations.map((x) => x.method))).toContain('workspace/didChangeWatchedFiles')
  })

  it('lints again after an incremental change, and only the latest of rapid changes', async () => {
    // Version 2: an incremental edit that replaces the no-reply phrase.
    const from = published.length
    const range: Range = {start: {line: 1, character: 3}, end: {line: 1, character: 23}}
    await client.sendNotification('textDocument/didChange', {
      textDocument: {uri: htmlUri, version: 2},
      contentChanges: [{range, text: 'Questions? Reply to this email.'}],
    })
    const fixed = await published$((q) => q.uri === htmlUri && q.version === 2, from)
    expect(ids(fixed)).not.toContain('no-reply-sender')

    // Versions 3–5 back to back: one lint, of version 5.
    const burst = published.length
    for (const [version, text] of [
      [3, BAD],
      [4, GOOD],
      [5, BAD],
    ] as const) {
      await client.sendNotification('textDocument/didChange', {textDocument: {uri: htmlUri, version}, contentChanges: [{text}]})
    }
    const latest = await published$((q) => q.uri === htmlUri && q.version === 5, burst)
    expect(noReply(latest)).toBeDefined()
    await new Promise((r) => setTimeout(r, 400))
    expect(
      published
        .slice(burst)
        .filter((q) => q.uri === htmlUri)
        .map((q) => q.version),
    ).toEqual([5])
  })

  it('explains the rule on hover over the flagged range', async () => {
    const hover = await client.sendRequest<Hover | null>('textDocument/hover', {textDocument: {uri: htmlUri}, position: {line: 1, character: 10}})
    expect(hover).not.toBeNull()
    const contents = hover!.contents as MarkupContent
    expect(contents.kind).toBe('markdown')
    expect(contents.value).toContain('no-reply-sender')
    expect(contents.value).toContain('Send the apology from an address that people can reply to.')
    expect(contents.value).toContain('**Why:**')
    expect(contents.value).toContain('**How to fix:**')
    expect(contents.value).toMatch(/\]\(https:\/\/\S+no-reply-sender\S*\)/)
    expect(hover!.range).toEqual({start: {line: 1, character: 3}, end: {line: 1, character: 22}})

    const nothing = await client.sendRequest<Hover | null>('textDocument/hover', {textDocument: {uri: htmlUri}, position: {line: 0, character: 30}})
    expect(JSON.stringify(nothing)).not.toContain('no-reply-sender')
  })

  it('offers "Disable no-reply-sender for this block", and the directive it inserts suppresses the finding', async () => {
    const range: Range = {start: {line: 1, character: 3}, end: {line: 1, character: 22}}
    const actions = await client.sendRequest<CodeAction[]>('textDocument/codeAction', {textDocument: {uri: htmlUri}, range, context: {diagnostics: []}})
    const disable = actions.find((a) => a.title === 'Disable no-reply-sender for this block')
    expect(disable, JSON.stringify(actions.map((a) => a.title))).toBeDefined()
    expect(disable!.kind).toBe('quickfix')
    const edits = disable!.edit!.changes![htmlUri]!
    const text = applyEdits(BAD, edits)
    expect(text.split('\n')[1]).toBe('<!-- apology-lint-disable-next-block no-reply-sender -->')

    const from = published.length
    await client.sendNotification('textDocument/didChange', {textDocument: {uri: htmlUri, version: 6}, contentChanges: [{text}]})
    const after = await published$((q) => q.uri === htmlUri && q.version === 6, from)
    expect(ids(after)).not.toContain('no-reply-sender')
    expect(ids(after)).not.toContain('unused-directive')
  })

  it('places the disable directive where it applies: inline after a block on the same line, and in Markdown', async () => {
    const cases = [
      {
        uri: pathToFileURL(join(dir, 'one-line.html')).href,
        languageId: 'html',
        text: `<p>We're sorry: the link in this morning's email was wrong.</p><p>Please do not reply.</p>\n`,
      },
      {
        uri: pathToFileURL(join(dir, 'apology.md')).href,
        languageId: 'markdown',
        text: `# Correction\n\nWe're sorry: the link in this morning's email was wrong.\n\n  Please do not reply.\n`,
      },
    ]
    for (const {uri, languageId, text} of cases) {
      const from = published.length
      await client.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId, version: 1, text}})
      const d = noReply(await published$((q) => q.uri === uri && q.version === 1, from))
      expect(d, uri).toBeDefined()
      const actions = await client.sendRequest<CodeAction[]>('textDocument/codeAction', {textDocument: {uri}, range: d!.range, context: {diagnostics: [d]}})
      const disable = actions.find((a) => a.title === 'Disable no-reply-sender for this block')!
      const fixed = applyEdits(text, disable.edit!.changes![uri]!)
      expect(fixed).toContain('<!-- apology-lint-disable-next-block no-reply-sender -->')
      const again = published.length
      await client.sendNotification('textDocument/didChange', {textDocument: {uri, version: 2}, contentChanges: [{text: fixed}]})
      const after = await published$((q) => q.uri === uri && q.version === 2, again)
      expect(ids(after), fixed).not.toContain('no-reply-sender')
      expect(ids(after), fixed).not.toContain('unused-directive')
      await client.sendNotification('textDocument/didClose', {textDocument: {uri}})
    }
  })

  it('offers a suggestion as a quick fix (Reply-To with brand.supportAddress in an .eml)', async () => {
    const from = published.length
    // languageId plaintext: the .eml extension decides the format.
    await client.sendNotification('textDocument/didOpen', {textDocument: {uri: emlUri, languageId: 'plaintext', version: 1, text: EML}})
    const p = await published$((q) => q.uri === emlUri && q.version === 1, from)
    const d = noReply(p)
    expect(d).toBeDefined()
    expect(d!.range).toEqual({start: {line: 1, character: 21}, end: {line: 1, character: 46}})

    const actions = await client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: {uri: emlUri},
      range: d!.range,
      context: {diagnostics: [d]},
    })
    const fix = actions.find((a) => a.title === 'Replace with help@northwind.example')
    expect(fix, JSON.stringify(actions.map((a) => a.title))).toBeDefined()
    expect(fix!.isPreferred).toBe(true)
    expect(fix!.diagnostics?.[0]?.code).toBe('no-reply-sender')
    expect(applyEdits(EML, fix!.edit!.changes![emlUri]!)).toContain('Reply-To: Northwind <help@northwind.example>\n')
    // No comment syntax in a raw message: no disable action.
    expect(actions.map((a) => a.title)).not.toContain('Disable no-reply-sender for this block')
  })

  it('reloads the config when a watched config file changes and lints open documents again', async () => {
    const from = published.length
    writeFileSync(configPath, JSON.stringify({brand: {supportAddress: 'help@northwind.example'}, rules: {'no-reply-sender': 'off'}}))
    await client.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(configPath).href, type: 2}]})
    const eml = await published$((q) => q.uri === emlUri, from)
    expect(ids(eml)).not.toContain('no-reply-sender')

    const back = published.length
    writeFileSync(configPath, JSON.stringify({brand: {supportAddress: 'help@northwind.example'}}))
    await client.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(configPath).href, type: 2}]})
    expect(noReply(await published$((q) => q.uri === emlUri, back))).toBeDefined()
  })

  it('reports a broken config as one diagnostic instead of failing silently', async () => {
    const from = published.length
    writeFileSync(configPath, JSON.stringify({rules: {'no-such-rule': 'error'}}))
    await client.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(configPath).href, type: 2}]})
    const p = await published$((q) => q.uri === emlUri, from)
    expect(ids(p)).toEqual(['config-error'])
    expect(p.diagnostics[0]!.message).toContain('no-such-rule')
    const restored = published.length
    writeFileSync(configPath, JSON.stringify({brand: {supportAddress: 'help@northwind.example'}}))
    await client.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(configPath).href, type: 1}]})
    expect(noReply(await published$((q) => q.uri === emlUri, restored))).toBeDefined()
    expect(noReply(await published$((q) => q.uri === htmlUri, restored))).toBeUndefined()
  })

  it('clears diagnostics on close, then shuts down and exits cleanly', async () => {
    const from = published.length
    await client.sendNotification('textDocument/didClose', {textDocument: {uri: htmlUri}})
    await client.sendNotification('textDocument/didClose', {textDocument: {uri: emlUri}})
    const closedHtml = await published$((q) => q.uri === htmlUri && q.diagnostics.length === 0, from)
    const closedEml = await published$((q) => q.uri === emlUri && q.diagnostics.length === 0, from)
    expect(closedHtml.diagnostics).toEqual([])
    expect(closedEml.diagnostics).toEqual([])
    // Nothing is published for a closed document afterwards (a queued re-lint was dropped).
    await new Promise((r) => setTimeout(r, 300))
    expect(published.slice(from).filter((q) => q.diagnostics.length > 0)).toEqual([])

    const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)))
    await client.sendRequest('shutdown')
    await client.sendNotification('exit')
    expect(await exited).toBe(0)
  })
}, 120_000)
