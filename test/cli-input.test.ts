import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, lstatSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {BAD, cli, onlyNoReply, workspace} from './cli-helpers.js'

// Only this file's reads of `locked.html` fail, as a file without read permission does (tests may run as root).
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>()
  const readFile = (async (path: unknown, ...rest: unknown[]) => {
    if (String(path).endsWith('locked.html')) throw Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), {code: 'EACCES'})
    return (fs.readFile as (...args: unknown[]) => Promise<unknown>)(path, ...rest)
  }) as typeof fs.readFile
  return {...fs, readFile, default: {...fs, readFile}}
})

describe('inputs that cannot be linted', () => {
  it('an unreadable file is a parse error for that file; the others are still reported', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'locked.html'), BAD)
    const r = await cli(['-f', 'json', 'locked.html', 'bad.html'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).not.toContain('internal error')
    expect(r.stderr).toContain('permission denied')
    const json = JSON.parse(r.stdout) as {filePath: string; messages: {ruleId: string}[]}[]
    expect(json.map((f) => [f.filePath.split('/').pop(), f.messages[0]?.ruleId])).toEqual([
      ['locked.html', 'parse-error'],
      ['bad.html', 'no-reply-sender'],
    ])
  })

  it('a FIFO named on the command line is refused at once instead of blocking the run', async () => {
    const dir = workspace()
    execFileSync('mkfifo', [join(dir, 'pipe.html')])
    const r = await cli(['-f', 'json', 'pipe.html', 'bad.html'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/pipe\.html.*not a regular file/)
    const json = JSON.parse(r.stdout) as {messages: {ruleId: string}[]}[]
    expect(json.map((f) => f.messages[0]?.ruleId)).toEqual(['parse-error', 'no-reply-sender'])
  })

  it('a FIFO inside a folder is skipped, and symbolic links to email files are linted', async () => {
    const dir = workspace()
    const emails = join(dir, 'emails')
    mkdirSync(emails)
    const elsewhere = mkdtempSync(join(tmpdir(), 'apology-lint-target-'))
    writeFileSync(join(elsewhere, 'real.html'), BAD)
    symlinkSync(join(elsewhere, 'real.html'), join(emails, 'linked.html'))
    execFileSync('mkfifo', [join(emails, 'pipe.html')])
    const r = await cli(['-f', 'json', 'emails'], dir)
    const json = JSON.parse(r.stdout) as {filePath: string; messages: {ruleId: string}[]}[]
    expect(json.map((f) => f.filePath.split('/').pop())).toEqual(['linked.html'])
    expect(json[0]!.messages[0]!.ruleId).toBe('no-reply-sender')
    expect(r.code).toBe(1)
  })

  it('--fix through a symbolic link rewrites the target and keeps the link', async () => {
    const dir = workspace({rules: onlyNoReply(), brand: {supportAddress: 'help@shop.example'}})
    const target = join(dir, 'real.eml')
    writeFileSync(target, 'From: Shop <help@shop.example>\nReply-To: noreply@shop.example\nSubject: Correction\n\nSorry: the link we sent was wrong.\n')
    symlinkSync(target, join(dir, 'link.eml'))
    await cli(['--fix', 'link.eml'], dir)
    expect(lstatSync(join(dir, 'link.eml')).isSymbolicLink()).toBe(true)
    expect(readFileSync(target, 'utf8')).toContain('Reply-To: help@shop.example')
  })
})
