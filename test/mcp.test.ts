/**
 * The MCP server as an assistant meets it: the real server process, driven
 * over stdio by the SDK's own client.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {Client} from '@modelcontextprotocol/sdk/client/index.js'
import {StdioClientTransport} from '@modelcontextprotocol/sdk/client/stdio.js'
import type {Diagnostic} from '../src/rule.js'

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))
// An absolute loader URL, because the server runs in a temp folder (where its config is).
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

const BAD = `<p>We're sorry: the link to your invoice in this morning's email pointed to an old page.</p>
<p>Please do not reply.</p>`

type TextContent = {type: 'text'; text: string}

describe('MCP server (stdio)', () => {
  let client: Client
  let stderr = ''

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apology-lint-mcp-'))
    writeFileSync(join(dir, 'apology-lint.config.json'), JSON.stringify({brand: {supportAddress: 'help@northwind.example'}}))
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--import', TSX, join(ROOT, 'src/mcp-main.ts')],
      cwd: dir,
      stderr: 'pipe',
    })
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    client = new Client({name: 'apology-lint-test', version: '1.0.0'})
    await client.connect(transport)
  }, 60_000)

  afterAll(async () => {
    await client?.close()
  })

  it('lists both tools with input and output schemas', async () => {
    const {tools} = await client.listTools()
    const byName = new Map(tools.map((t) => [t.name, t]))
    expect([...byName.keys()].sort()).toEqual(['explain_rule', 'lint_apology_email'])
    const lintTool = byName.get('lint_apology_email')!
    expect(lintTool.inputSchema.required).toEqual(['email'])
    expect(Object.keys(lintTool.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(['email', 'format', 'from', 'subject', 'language', 'incident']))
    expect(Object.keys(lintTool.outputSchema?.properties ?? {})).toEqual(
      expect.arrayContaining(['diagnostics', 'checklist', 'errorCount', 'warningCount', 'language']),
    )
    expect(byName.get('explain_rule')!.inputSchema.required).toEqual(['rule'])
  })

  it('lint_apology_email returns structured diagnostics, the checklist and a text summary', async () => {
    const result = await client.callTool({
      name: 'lint_apology_email',
      arguments: {
        email: BAD,
        format: 'html',
        from: 'Northwind <noreply@northwind.example>',
        subject: 'Correction: wrong link to your invoice',
        incident: {kind: 'wrong-link'},
      },
    })
    expect(result.isError, stderr).toBeFalsy()
    const structured = result.structuredContent as {
      diagnostics: Diagnostic[]
      checklist: {score: number; items: {id: string; status: string}[]}
      errorCount: number
      warningCount: number
      language: string
    }
    const noReply = structured.diagnostics.filter((d) => d.ruleId === 'no-reply-sender')
    expect(noReply.length).toBeGreaterThan(0)
    const body = noReply.find((d) => d.range.start.line === 2)!
    expect(BAD.slice(body.range.start.offset, body.range.end.offset)).toBe('Please do not reply')
    expect(structured.errorCount).toBeGreaterThan(0)
    expect(structured.language).toBe('en')
    expect(structured.checklist.items.find((i) => i.id === 'reachable-sender')?.status).toBe('fail')
    // The config in the server's working folder applies: its support address is suggested.
    expect(noReply.some((d) => d.message.includes('help@northwind.example'))).toBe(true)
    const text = (result.content as TextContent[])[0]!.text
    expect(text).toMatch(/\d+ errors?, \d+ warnings?/)
    expect(text).toContain('no-reply-sender')
  })

  it('lint_apology_email reads a raw .eml', async () => {
    const eml = `From: Northwind <no-reply@northwind.example>\nTo: ana@customer.example\nSubject: Correction\nContent-Type: text/plain; charset=utf-8\n\nWe're sorry about the wrong link.\n`
    const result = await client.callTool({name: 'lint_apology_email', arguments: {email: eml}})
    const structured = result.structuredContent as {diagnostics: Diagnostic[]; format: string}
    expect(structured.format).toBe('eml')
    const d = structured.diagnostics.find((x) => x.ruleId === 'no-reply-sender')!
    expect(eml.slice(d.range.start.offset, d.range.end.offset)).toBe('no-reply@northwind.example')
  })

  it('rejects invalid input with the schema error', async () => {
    const result = await client.callTool({name: 'lint_apology_email', arguments: {email: BAD, format: 'pdf'}})
    expect(result.isError).toBe(true)
    expect((result.content as TextContent[])[0]!.text).toMatch(/format/)
  })

  it('explain_rule returns the docs and the README', async () => {
    const result = await client.callTool({name: 'explain_rule', arguments: {rule: 'no-reply-sender'}})
    expect(result.isError).toBeFalsy()
    const structured = result.structuredContent as {id: string; summary: string; why: string; fix: string; url: string; readme?: string}
    expect(structured.id).toBe('no-reply-sender')
    expect(structured.summary).toBe('Send the apology from an address that people can reply to.')
    expect(structured.url).toMatch(/no-reply-sender/)
    expect(structured.readme).toMatch(/^# no-reply-sender/)
    expect((result.content as TextContent[])[0]!.text).toContain('## Why')
  })

  it('explain_rule on an unknown rule is an error that suggests the right id', async () => {
    const result = await client.callTool({name: 'explain_rule', arguments: {rule: 'no-reply'}})
    expect(result.isError).toBe(true)
    const text = (result.content as TextContent[])[0]!.text
    expect(text).toContain('Unknown rule "no-reply"')
    expect(text).toContain('no-reply-sender')
  })
}, 120_000)
