/**
 * The GitHub Action and the pre-commit hook, run the way their hosts run them:
 * the action's step gets its environment from action.yml (inputs → INPUT_*),
 * runs `scripts/action.sh` with the workspace as working folder, and reports
 * through annotations on stdout, a SARIF file and $GITHUB_OUTPUT; pre-commit
 * runs the hook's entry with the staged files that match its pattern.
 * Needs the built CLI (`npm run build`).
 */
import {spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'

const root = new URL('../../', import.meta.url).pathname
const examples = join(root, 'fixtures/examples')

interface ActionYaml {
  inputs: Record<string, {default?: string; required?: boolean; description: string}>
  outputs: Record<string, {value: string}>
  runs: {using: string; steps: {id?: string; if?: string; run: string; shell: string; env?: Record<string, string>}[]}
}

const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as ActionYaml
const step = action.runs.steps.find((s) => s.id === 'lint')!

/** The step's environment as the runner builds it from `with:` and the inputs' defaults. */
function stepEnv(inputs: Record<string, string>): Record<string, string> {
  const value = (name: string): string => {
    expect(action.inputs[name], `input ${name} is not declared`).toBeDefined()
    return inputs[name] ?? action.inputs[name]!.default ?? ''
  }
  const env: Record<string, string> = {}
  for (const [key, expression] of Object.entries(step.env ?? {})) {
    const plain = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(expression)
    if (plain) env[key] = value(plain[1]!)
    else if (expression.includes("inputs.version != ''")) env[key] = value('version') === '' ? '' : `npx --yes apology-lint@${value('version')}`
    else throw new Error(`Unexpected expression in action.yml: ${expression}`)
  }
  return env
}

interface Run {
  status: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  workspace: string
}

/** Runs the lint step in a fresh workspace holding `files` (name → fixture to copy, or content). */
function runAction(files: Record<string, string>, inputs: Record<string, string> = {}): Run {
  const workspace = mkdtempSync(join(tmpdir(), 'apology-lint-action-'))
  for (const [name, from] of Object.entries(files)) {
    mkdirSync(join(workspace, name, '..'), {recursive: true})
    if (from.includes('\n')) writeFileSync(join(workspace, name), from)
    else copyFileSync(join(examples, from), join(workspace, name))
  }
  const outputFile = join(workspace, '.github-output')
  writeFileSync(outputFile, '')
  const result = spawnSync(step.shell, ['-e', '-c', step.run], {
    cwd: workspace,
    encoding: 'utf8',
    env: {PATH: process.env.PATH ?? '', HOME: workspace, GITHUB_ACTION_PATH: root, GITHUB_OUTPUT: outputFile, GITHUB_WORKSPACE: workspace, ...stepEnv(inputs)},
  })
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  )
  return {status: result.status, stdout: result.stdout, stderr: result.stderr, outputs, workspace}
}

function annotations(stdout: string): {level: string; file: string; line: number; title: string}[] {
  return [...stdout.matchAll(/^::(error|warning|notice) file=([^,]+),line=(\d+),[^:]*title=([^:]+)::/gm)].map((m) => ({
    level: m[1]!,
    file: m[2]!,
    line: Number(m[3]),
    title: m[4]!,
  }))
}

describe('action.yml', () => {
  it('is a composite action whose lint step runs scripts/action.sh', () => {
    expect(action.runs.using).toBe('composite')
    expect(step.run).toContain('$GITHUB_ACTION_PATH/scripts/action.sh')
    expect(existsSync(join(root, 'scripts/action.sh'))).toBe(true)
    // Every input reaches the script, and the script reads every variable the step sets.
    const script = readFileSync(join(root, 'scripts/action.sh'), 'utf8')
    for (const name of Object.keys(action.inputs)) expect(JSON.stringify(action.runs.steps), `input ${name} unused`).toContain(`inputs.${name}`)
    for (const key of Object.keys(step.env ?? {})) expect(script, `${key} is not read by action.sh`).toContain(key)
    for (const output of Object.values(action.outputs)) expect(output.value).toMatch(/^\$\{\{ steps\.lint\.outputs\.[\w-]+ \}\}$/)
  })
})

describe('the action, run as the workflow runs it', () => {
  it('fails on errors, annotates each finding and writes SARIF with the same findings', () => {
    const run = runAction({'emails/breach.eml': 'en-bad-breach-no-contact.eml', 'emails/outage.eml': 'en-good-outage.eml'}, {paths: 'emails/'})
    expect(run.stderr).toBe('')
    expect(run.status).toBe(1)
    const found = annotations(run.stdout)
    expect(found.some((a) => a.level === 'error' && a.file === 'emails/breach.eml' && a.title === 'data-breach-notice')).toBe(true)
    expect(found.every((a) => a.file === 'emails/breach.eml')).toBe(true)
    expect(run.outputs['exit-code']).toBe('1')
    expect(run.outputs['sarif-file']).toBe('apology-lint.sarif')
    const sarif = JSON.parse(readFileSync(join(run.workspace, 'apology-lint.sarif'), 'utf8')) as {version: string; runs: {results: {ruleId: string}[]}[]}
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0]!.results.map((r) => r.ruleId).sort()).toEqual(found.map((a) => a.title).sort())
  })

  it('passes on clean emails, with globs and several paths', () => {
    const run = runAction({'mail/outage.eml': 'en-good-outage.eml', 'other/price.eml': 'en-good-wrong-price.eml'}, {paths: 'mail/*.eml\nother/price.eml'})
    expect(run.status, run.stdout + run.stderr).toBe(0)
    expect(annotations(run.stdout).filter((a) => a.level === 'error')).toEqual([])
    const sarif = JSON.parse(readFileSync(join(run.workspace, 'apology-lint.sarif'), 'utf8')) as {runs: {artifacts?: {location: {uri: string}}[]}[]}
    expect(JSON.stringify(sarif)).toContain('other/price.eml')
    expect(run.outputs['exit-code']).toBe('0')
  })

  it('fails on warnings only above max-warnings', () => {
    const files = {'apology.txt': 'en-bad-sorry-if.txt'}
    const lenient = runAction(files, {paths: 'apology.txt'})
    expect(lenient.status).toBe(0)
    expect(annotations(lenient.stdout).some((a) => a.level === 'warning')).toBe(true)
    expect(runAction(files, {paths: 'apology.txt', 'max-warnings': '0'}).status).toBe(1)
  })

  it('passes the incident kind to the linter', () => {
    // In a data breach a joke is an error, not a warning.
    const joke =
      "Subject: Correction: wrong opening hours in yesterday's email\n\nOops! We're sorry: yesterday's email said we open at 10:00 on Sundays; we open at 11:00. You don't need to do anything.\n"
    const plain = runAction({'a.txt': joke}, {paths: 'a.txt'})
    expect(annotations(plain.stdout).find((a) => a.title === 'humour')?.level).toBe('warning')
    const breach = runAction({'a.txt': joke}, {paths: 'a.txt', incident: 'data-breach'})
    expect(annotations(breach.stdout).find((a) => a.title === 'humour')?.level).toBe('error')
    expect(breach.status).toBe(1)
  })

  it('stops with exit 2 and no SARIF when nothing matches', () => {
    const run = runAction({}, {paths: 'missing/'})
    expect(run.status).toBe(2)
    expect(existsSync(join(run.workspace, 'apology-lint.sarif'))).toBe(false)
    expect(run.outputs['exit-code']).toBe('2')
  })

  it('skips SARIF when sarif-file is empty', () => {
    const run = runAction({'a.eml': 'en-good-outage.eml'}, {paths: 'a.eml', 'sarif-file': ''})
    expect(run.status).toBe(0)
    expect(existsSync(join(run.workspace, 'apology-lint.sarif'))).toBe(false)
  })
})

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as {id: string; entry: string; language: string; files: string}[]
  const hook = hooks.find((h) => h.id === 'apology-lint')!
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {bin: Record<string, string>}

  it('runs the package bin on the email files pre-commit selects', () => {
    expect(hook.language).toBe('node')
    expect(pkg.bin[hook.entry]).toBeDefined()
    // pre-commit's patterns are Python regexes; (?i) is a leading flag.
    const pattern = new RegExp(hook.files.replace(/^\(\?i\)/, ''), hook.files.startsWith('(?i)') ? 'i' : '')
    const staged = ['emails/breach.eml', 'emails/OUTAGE.HTML', 'README.md', 'notes.txt', 'package.json', 'logo.png', 'emails/draft.htm']
    const selected = staged.filter((f) => pattern.test(f))
    expect(selected).toEqual(['emails/breach.eml', 'emails/OUTAGE.HTML', 'README.md', 'notes.txt', 'emails/draft.htm'])
  })

  it('fails the commit on an email with errors, passes a clean one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apology-lint-hook-'))
    copyFileSync(join(examples, 'en-bad-breach-no-contact.eml'), join(dir, 'breach.eml'))
    copyFileSync(join(examples, 'en-good-outage.eml'), join(dir, 'outage.eml'))
    const bin = join(root, pkg.bin[hook.entry]!)
    const bad = spawnSync(process.execPath, [bin, 'breach.eml', 'outage.eml'], {cwd: dir, encoding: 'utf8'})
    expect(bad.status).toBe(1)
    expect(bad.stdout).toContain('breach.eml')
    expect(spawnSync(process.execPath, [bin, 'outage.eml'], {cwd: dir, encoding: 'utf8'}).status).toBe(0)
  })
})
