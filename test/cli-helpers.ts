/**
 * Running the CLI in-process with captured output, for the CLI tests.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {run} from '../src/cli.js'

export interface Captured {
  code: number
  stdout: string
  stderr: string
}

/** Runs `apology-lint args…` in `cwd` (no TTY unless `tty`), with `stdin` as standard input. */
export async function cli(args: string[], cwd: string, stdin = '', env: Record<string, string | undefined> = {}, tty = false): Promise<Captured> {
  let stdout = ''
  let stderr = ''
  const code = await run(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stdin: async () => stdin,
    isTTY: tty,
    cwd,
    env,
  })
  return {code, stdout, stderr}
}

/** Every rule off but no-reply-sender, so that a test is about the CLI, not the other rules. */
export function onlyNoReply(): Record<string, string> {
  const ids = [
    'buried-lede',
    'data-breach-notice',
    'evasive-wording',
    'humour',
    'missing-action-steps',
    'missing-apology',
    'missing-explanation',
    'part-mismatch',
    'suppression-list-resend',
    'unaffected-recipients',
    'unbranded-layout',
    'unclear-subject',
    'vague-wording',
  ]
  return {...Object.fromEntries(ids.map((id) => [id, 'off'])), 'no-reply-sender': 'error'}
}

export const GOOD = `<p>We're sorry: the link to your invoice in this morning's email pointed to an old page.</p>
<p>Your invoice is <a href="https://northwind.example/invoices">here</a>. Questions? Reply to this email.</p>`
export const BAD = `<p>We're sorry: the link in this morning's email was wrong.</p><p>Please do not reply.</p>`

/** A temporary folder with a config (only no-reply-sender by default), good.html and bad.html. */
export function workspace(config?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'apology-lint-cli-'))
  writeFileSync(join(dir, 'apology-lint.config.json'), JSON.stringify(config ?? {rules: onlyNoReply()}))
  writeFileSync(join(dir, 'good.html'), GOOD)
  writeFileSync(join(dir, 'bad.html'), BAD)
  return dir
}
