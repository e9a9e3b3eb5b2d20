/**
 * The command line. `run(argv)` returns the exit code (ESLint's: 0 clean,
 * 1 error-level findings or too many warnings, 2 usage, config or input
 * failure) and never prints a stack trace for a user's mistake.
 */
import {parseArgs} from 'node:util'
import {mkdirSync, statSync, writeFileSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {ConfigError, didYouMean, incidentKinds, type Config, type Incident, type RuleSetting} from './config.js'
import {lint, type LintOptions, type LintResult} from './lint.js'
import {lintFile, configFor, clearConfigCache, type LintFileOptions} from './node/lint-file.js'
import {anchorGlobs, expandPatterns, readIgnoreFile, IGNORE_FILE} from './node/files.js'
import {resolveConfig} from './config.js'
import {allRules} from './lint.js'
import {formatStylish} from './format/stylish.js'
import {formatJson, toEslintJson} from './format/json.js'
import {formatChecklist} from './checklist.js'
import {formatSarif} from './format/sarif.js'
import {formatGithub} from './format/github.js'
import {formatJunit} from './format/junit.js'
import {formatCheckstyle} from './format/checkstyle.js'
import {formatGitlab} from './format/gitlab.js'
import {formatHtml} from './format/html.js'
import {applyFixesToBytes, unifiedDiff} from './fix.js'
import {writeFileAtomic} from './node/write.js'
import {visible} from './format/visible.js'
import {CACHE_FILE_NAME, cacheFilePath, ResultCache, ruleSetSignature} from './node/cache.js'
import {writeStarterConfig} from './node/init.js'
import {lintFilesParallel, PARALLEL_THRESHOLD} from './node/pool.js'
import {availableParallelism} from 'node:os'
import {readFileSync} from 'node:fs'
import type {Format, Language} from './document.js'
import type {AnyRule} from './rule.js'
import {rulesById} from '../rules/index.js'

declare const __VERSION__: string | undefined
/** The package version (inlined by the build). */
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev'

const HELP = `apology-lint [options] [files, folders or globs...]
apology-lint explain RULE
apology-lint --init

Checks apology emails (HTML, plain text, Markdown, .eml) before they are sent.

Input
  --stdin, -                 Read one email from standard input
  --stdin-filename PATH      Name for stdin input (format and config lookup)
  --format-input FORMAT      Force the input format: html, text, markdown, eml
  --from ADDRESS             Sender, for HTML/text/Markdown input
  --subject TEXT             Subject, for HTML/text/Markdown input
  --language LANG            auto (default), en or pl

Configuration
  -c, --config PATH          Use this config file instead of searching for one
  --no-config-lookup         Do not search for config files (use only --config, if given)
  --rule ID:SEVERITY         Set a rule's severity (off, info, warn, error); repeatable
  --incident KIND            ${incidentKinds.join(', ')}
  --recipients N             How many people will receive the apology
  --affected N               How many people the original error affected
  --print-config FILE        Print the configuration that applies to FILE

Output
  -f, --format NAME          stylish (default), json, summary, sarif, github, junit, checkstyle, gitlab, html,
                             or a path to a formatter module (./my-formatter.js)
  --checklist                Print the guidance checklist and readiness score under the findings
  -o, --output-file PATH     Write the report to a file
  --quiet                    Report errors only
  --max-warnings N           Exit 1 when there are more than N warnings (-1: no limit)
  --color, --no-color        Force or disable colour (FORCE_COLOR and NO_COLOR are respected)

Ignoring files
  --ignore-pattern GLOB      Skip files matching GLOB (relative to the current folder); repeatable
  --no-ignore                Lint ignored files too (config ignores, ${IGNORE_FILE}, --ignore-pattern)

Fixes and conveniences
  --fix                      Apply safe fixes in place, then lint again
  --fix-dry-run              Print the safe fixes as a diff; change nothing (works with --stdin)
  --cache                    Skip files unchanged since the last run
  --cache-location PATH      Cache file or folder (default .apology-lint-cache)
  --init                     Write a starter apology-lint.config.json
  --lsp                      Run the language server on stdio (for editors)
  --mcp                      Run the MCP server on stdio (for AI assistants)

  -v, --version              Print the version
  -h, --help                 Print this help

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage, config or input failure.
`

/** A usage mistake: printed as one line, exit 2. */
class UsageError extends Error {}

interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  stdin: () => Promise<string>
  isTTY: boolean
  cwd: string
  env: Record<string, string | undefined>
}

function defaultIo(): Io {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdin: async () => {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
      return new TextDecoder().decode(Buffer.concat(chunks))
    },
    isTTY: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
    env: process.env,
  }
}

const OPTIONS = {
  stdin: {type: 'boolean'},
  'stdin-filename': {type: 'string'},
  'format-input': {type: 'string'},
  from: {type: 'string'},
  subject: {type: 'string'},
  language: {type: 'string'},
  config: {type: 'string', short: 'c'},
  'no-config-lookup': {type: 'boolean'},
  'ignore-pattern': {type: 'string', multiple: true},
  'no-ignore': {type: 'boolean'},
  rule: {type: 'string', multiple: true},
  incident: {type: 'string'},
  recipients: {type: 'string'},
  affected: {type: 'string'},
  'print-config': {type: 'string'},
  format: {type: 'string', short: 'f'},
  'output-file': {type: 'string', short: 'o'},
  quiet: {type: 'boolean'},
  'max-warnings': {type: 'string'},
  color: {type: 'boolean'},
  'no-color': {type: 'boolean'},
  checklist: {type: 'boolean'},
  fix: {type: 'boolean'},
  'fix-dry-run': {type: 'boolean'},
  cache: {type: 'boolean'},
  'cache-location': {type: 'string'},
  init: {type: 'boolean'},
  lsp: {type: 'boolean'},
  // Editors pass --stdio to language servers; stdio is the only transport, so it is accepted and ignored.
  stdio: {type: 'boolean'},
  mcp: {type: 'boolean'},
  version: {type: 'boolean', short: 'v'},
  help: {type: 'boolean', short: 'h'},
} as const

/** Every long flag, for "did you mean" (booleans also as --no-…, as parseArgs does not add them). */
const FLAGS = Object.keys(OPTIONS).map((name) => `--${name}`)

/**
 * Parses argv like ESLint: `-` stands for standard input, `--max-warnings -1`
 * is a value (not a flag), and a mistake is one line that says what to do.
 */
function parseArgv(argv: string[]): {values: ReturnType<typeof parseArgs<{options: typeof OPTIONS}>>['values']; positionals: string[]} {
  const args: string[] = []
  let dash = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') {
      args.push(...argv.slice(i))
      break
    }
    if (arg === '-') {
      dash = true
      continue
    }
    // A negative number after a flag that takes a number is its value.
    if ((arg === '--max-warnings' || arg === '--recipients' || arg === '--affected') && /^-\d+$/.test(argv[i + 1] ?? '')) {
      args.push(`${arg}=${argv[++i]}`)
      continue
    }
    args.push(arg)
  }
  let parsed
  try {
    parsed = parseArgs({args, options: OPTIONS, allowPositionals: true, strict: true})
  } catch (error) {
    const code = (error as {code?: string}).code
    const message = error instanceof Error ? error.message : String(error)
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = /'([^']+)'/.exec(message)?.[1] ?? message
      const name = flag.split('=')[0]!
      throw new UsageError(`unknown option ${name}${name.startsWith('--') ? didYouMean(name, FLAGS) : ''}`)
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const flag = /--[\w-]+/.exec(message)?.[0] ?? 'an option'
      const option = OPTIONS[flag.slice(2) as keyof typeof OPTIONS] as {type: string} | undefined
      if (option?.type === 'boolean') throw new UsageError(`${flag} takes no value`)
      throw new UsageError(
        /ambiguous/.test(message) ? `${flag} needs a value; to pass one that starts with a dash, write ${flag}=VALUE` : `${flag} needs a value`,
      )
    }
    throw new UsageError(message.split('\n')[0]!)
  }
  if (dash) parsed.values.stdin = true
  return {values: parsed.values, positionals: parsed.positionals}
}

/** `--max-warnings N`; a negative number (ESLint's -1) means no limit. */
function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^-?\d{1,12}$/.test(value)) throw new UsageError(`--max-warnings expects a whole number (-1 for no limit), got "${value}"`)
  const n = Number(value)
  return n < 0 ? undefined : n
}

function parseCount(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d{1,12}$/.test(value)) throw new UsageError(`${flag} expects a whole number, got "${value}"`)
  return Number(value)
}

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function run(argv: string[], io: Io = defaultIo()): Promise<number> {
  try {
    return await main(argv, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`apology-lint: ${error.message}\nRun apology-lint --help for usage.\n`)
      return 2
    }
    if (error instanceof ConfigError) {
      io.stderr(`apology-lint: ${error.message}\n`)
      return 2
    }
    // Anything else is our bug: say so, with the stack, so it can be reported.
    io.stderr(`apology-lint: internal error — please report it.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    return 2
  }
}

async function main(argv: string[], io: Io): Promise<number> {
  // Each run reads config files afresh (the cache only spares re-reading them per file within a run).
  clearConfigCache()
  const {values, positionals} = parseArgv(argv)
  // --config is relative to the folder the CLI runs in.
  if (values.config !== undefined) values.config = resolve(io.cwd, values.config)
  if (values.lsp) {
    await (await import('./server.js')).main()
    return 0
  }
  if (values.mcp) {
    await (await import('./mcp.js')).main()
    return 0
  }
  if (values.help) {
    io.stdout(HELP)
    return 0
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`)
    return 0
  }
  if (positionals[0] === 'explain') {
    const id = positionals[1]
    if (!id || positionals.length > 2) throw new UsageError('explain takes one rule id, e.g. apology-lint explain vague-wording')
    // Plugin rules named in the config of the current folder are explained too.
    const plugins = values['no-config-lookup'] && !values.config ? [] : (await configFor(resolve(io.cwd, 'x'), values.config)).plugins
    const known = allRules(plugins)
    const text = explainRule(id, known)
    if (!text)
      throw new UsageError(
        `unknown rule "${id}"${didYouMean(
          id,
          known.map((r) => r.id),
        )}`,
      )
    io.stdout(text)
    return 0
  }
  if (values.init) {
    try {
      const {path, branded} = await writeStarterConfig(io.cwd, io.isTTY && process.stdin.isTTY === true)
      io.stdout(`Wrote ${path}\n`)
      if (!branded)
        io.stdout(
          'Add your brand to it ("brand": {"name", "domains", "supportAddress"}) so that rules can check links and suggest your real support address.\n',
        )
      return 0
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error))
    }
  }
  const outputFormat = values.format ?? 'stylish'
  if (!FORMATS.includes(outputFormat) && !isFormatterPath(outputFormat)) {
    throw new UsageError(
      `unknown --format "${outputFormat}"${didYouMean(outputFormat, FORMATS)} (expected ${FORMATS.join(', ')}, or a formatter module such as ./my-formatter.js)`,
    )
  }
  if (values.fix && values.stdin) throw new UsageError('--fix works on files, not --stdin; use --fix-dry-run to see the fixes as a diff')
  const inputFormat = values['format-input']
  if (inputFormat !== undefined && !['html', 'text', 'markdown', 'eml'].includes(inputFormat)) {
    throw new UsageError(`unknown --format-input "${inputFormat}" (expected html, text, markdown or eml)`)
  }
  const language = values.language
  if (language !== undefined && !['auto', 'en', 'pl'].includes(language) && !/^[a-z]{2,3}$/.test(language)) {
    throw new UsageError(`unknown --language "${language}" (expected auto, en, pl, or another ISO 639 code such as de, for which only structural checks run)`)
  }
  const maxWarnings = parseMaxWarnings(values['max-warnings'])

  const rules: Record<string, RuleSetting> = {}
  for (const spec of values.rule ?? []) {
    const m = /^([\w/-]{1,100}):(off|info|warn|warning|error)$/.exec(spec)
    if (!m) throw new UsageError(`--rule expects ID:SEVERITY (off, info, warn, error), got "${spec}"`)
    rules[m[1]!] = m[2] as RuleSetting
  }
  const incident: Incident = {}
  if (values.incident !== undefined) {
    if (!(incidentKinds as readonly string[]).includes(values.incident)) {
      throw new UsageError(`unknown --incident "${values.incident}" (expected one of ${incidentKinds.join(', ')})`)
    }
    incident.kind = values.incident as Incident['kind'] & string
  }
  const recipients = parseCount(values.recipients, '--recipients')
  const affected = parseCount(values.affected, '--affected')
  if (recipients !== undefined || affected !== undefined) {
    incident.audience = {}
    if (recipients !== undefined) incident.audience.recipients = recipients
    if (affected !== undefined) incident.audience.affected = affected
  }

  const options: LintOptions = {}
  if (Object.keys(rules).length > 0) options.rules = rules
  if (language) options.language = language as Language | 'auto'
  if (values.from) options.from = values.from
  if (values.subject !== undefined) options.subject = values.subject
  if (inputFormat) options.format = inputFormat as Format
  if (Object.keys(incident).length > 0) options.incident = incident

  const lookup = (file: string): ReturnType<typeof configFor> =>
    values['no-config-lookup'] && !values.config ? Promise.resolve({base: io.cwd, plugins: []}) : configFor(file, values.config)
  const checkRuleIds = (plugins: readonly AnyRule[]): void => {
    const ids = allRules(plugins).map((r) => r.id)
    for (const id of Object.keys(rules)) if (!ids.includes(id)) throw new UsageError(`--rule ${id}: unknown rule${didYouMean(id, ids)}`)
  }

  if (values['print-config'] !== undefined) {
    const file = resolve(io.cwd, values['print-config'])
    const loaded = await lookup(file)
    checkRuleIds(loaded.plugins)
    const known = allRules(loaded.plugins)
    const base: Config = loaded.config ?? {}
    const merged: Config = Object.keys(rules).length > 0 ? {...base, rules: {...base.rules, ...rules}} : base
    const resolved = resolveConfig(merged, known, file.startsWith(loaded.base) ? file.slice(loaded.base.length + 1) : file)
    if (options.incident) resolved.incident = {...resolved.incident, ...options.incident}
    if (options.language) resolved.language = options.language
    io.stdout(`${JSON.stringify({configFile: loaded.path ?? null, ...resolved}, null, 2)}\n`)
    return 0
  }

  let results: LintResult[]
  let knownPlugins: AnyRule[] = []
  let cache: ResultCache | undefined
  if (values.stdin) {
    if (positionals.length > 0) throw new UsageError('give either --stdin or files, not both')
    const source = await io.stdin()
    const filename = values['stdin-filename']
    const loaded = await lookup(resolve(io.cwd, filename ?? 'stdin'))
    knownPlugins = loaded.plugins
    checkRuleIds(loaded.plugins)
    const stdinOptions: LintOptions = {...options, plugins: loaded.plugins}
    if (loaded.config) stdinOptions.config = loaded.config
    if (filename) stdinOptions.filename = filename
    const result = await lint(source, stdinOptions)
    if (filename) result.filePath = resolve(io.cwd, filename)
    results = [result]
    if (values['fix-dry-run'] && !result.diagnostics.some((d) => d.fatal)) {
      const bytes = new TextEncoder().encode(source)
      const fixed = applyFixesToBytes(bytes, source, result.diagnostics, result.document)
      for (const s of fixed.skipped) io.stderr(`apology-lint: <stdin>: not fixed (${s.ruleId}): ${s.reason}\n`)
      if (fixed.applied.length > 0) io.stdout(visible(unifiedDiff(filename ?? '<stdin>', source, new TextDecoder().decode(fixed.bytes)), true))
    }
  } else {
    if (positionals.length === 0) throw new UsageError('no files given (name files, folders or globs, or use --stdin)')
    const rootConfig = await lookup(resolve(io.cwd, 'x'))
    knownPlugins = rootConfig.plugins
    checkRuleIds(rootConfig.plugins)
    // Ignored: the config's `ignores` (relative to the config file), .apologylintignore and --ignore-pattern (relative to cwd).
    const ignores = values['no-ignore']
      ? []
      : [
          ...anchorGlobs(rootConfig.config?.ignores ?? [], rootConfig.base),
          ...anchorGlobs([...readIgnoreFile(io.cwd), ...(values['ignore-pattern'] ?? [])], io.cwd),
        ]
    const {files, missing, ignored} = expandPatterns(positionals, io.cwd, ignores)
    for (const file of ignored) io.stderr(`apology-lint: ${visible(file)}: ignored because of a matching ignore pattern (use --no-ignore to lint it)\n`)
    if (missing.length > 0) throw new UsageError(`no files match ${missing.map((m) => `"${m}"`).join(', ')}`)
    if (files.length === 0 && ignored.length > 0) return 0
    const fileOptions: LintFileOptions = values.config ? {...options, configFile: values.config} : {...options}
    if (values['no-config-lookup']) fileOptions.noConfigLookup = true
    const fixing = Boolean(values.fix || values['fix-dry-run'])
    // --fix never takes anything from the cache: it lints each file, then fixes what that lint found.
    if (values.cache && !fixing) {
      const location = cacheFilePath(values['cache-location'] ?? CACHE_FILE_NAME, io.cwd)
      cache = new ResultCache(location, `${VERSION}\u0000${JSON.stringify(fileOptions)}\u0000${ruleSetSignature(allRules(knownPlugins))}`, {
        notice: (line) => io.stderr(`${line}\n`),
        env: io.env,
      })
    }
    const slots: (LintResult | undefined)[] = new Array<LintResult | undefined>(files.length)
    const keys: (string | undefined)[] = []
    const misses: number[] = []
    for (const [i, file] of files.entries()) {
      if (cache) {
        let bytes: Buffer | undefined
        try {
          // Never read a FIFO or a device here: it would block (lintFile reports it).
          if (statSync(file).isFile()) bytes = readFileSync(file)
        } catch {
          // Unreadable: lintFile reports it.
        }
        if (bytes && !bytes.includes(0)) {
          const loaded = await lookup(file)
          keys[i] = cache.key(bytes, {configFile: loaded.path ?? null, config: loaded.config ?? null, plugins: ruleSetSignature(loaded.plugins)})
          const hit = cache.get(file, keys[i]!, new TextDecoder('utf-8', {fatal: false, ignoreBOM: false}).decode(bytes))
          if (hit) {
            slots[i] = hit
            continue
          }
        }
      }
      misses.push(i)
    }
    cache?.reportIgnored()
    // Fixes and the HTML report read the parsed document, which workers cannot send back.
    const needsDocument = fixing || outputFormat === 'html'
    if (!needsDocument && misses.length > PARALLEL_THRESHOLD) {
      if (io.isTTY) io.stderr(`Linting ${misses.length} files on ${availableParallelism()} cores…\r`)
      const linted = await lintFilesParallel(
        misses.map((i) => files[i]!),
        fileOptions,
      )
      misses.forEach((i, k) => (slots[i] = linted[k]))
      if (io.isTTY) io.stderr(`\r${' '.repeat(50)}\r`)
    } else {
      const progress = io.isTTY && misses.length > PARALLEL_THRESHOLD
      for (const [k, i] of misses.entries()) {
        if (progress && k % 10 === 0) io.stderr(`\rLinting ${k + 1}/${misses.length}…`)
        slots[i] = await lintFile(files[i]!, fileOptions)
      }
      if (progress) io.stderr(`\r${' '.repeat(40)}\r`)
    }
    if (cache) for (const i of misses) if (keys[i] !== undefined) cache.set(files[i]!, keys[i]!, slots[i]!)
    results = slots.map((r) => r!)
    if (fixing) {
      for (const [i, result] of results.entries()) {
        // Only the file named or matched on the command line is ever written, whatever a result says its path is.
        const target = files[i]!
        if (result.diagnostics.some((d) => d.fatal)) continue
        let before: Uint8Array
        try {
          before = readFileSync(target)
        } catch {
          io.stderr(`apology-lint: ${visible(target)}: not fixed: the file can no longer be read\n`)
          continue
        }
        const {bytes, applied, skipped} = applyFixesToBytes(before, result.source, result.diagnostics, result.document)
        for (const s of skipped) io.stderr(`apology-lint: ${visible(target)}: not fixed (${s.ruleId}): ${s.reason}\n`)
        if (applied.length === 0) continue
        if (values['fix-dry-run']) {
          io.stdout(visible(unifiedDiff(target, result.source, new TextDecoder().decode(bytes)), true))
          continue
        }
        writeFileAtomic(target, bytes)
        io.stderr(
          `apology-lint: ${visible(target)}: applied ${applied.length} fix${applied.length === 1 ? '' : 'es'} (${visible(applied.map((a) => a.suggestion.text).join('; '))})\n`,
        )
        // Lint the fixed file again, so that the report shows what is left.
        results[i] = await lintFile(target, fileOptions)
      }
    }
  }

  if (values.quiet) {
    for (const r of results) {
      r.diagnostics = r.diagnostics.filter((d) => d.severity === 'error')
      r.warningCount = 0
      r.infoCount = 0
    }
  }
  // The suppression-list verdict is the first thing to read: never send this email.
  results.forEach((r) => r.diagnostics.sort((a, b) => Number(b.ruleId === 'suppression-list-resend') - Number(a.ruleId === 'suppression-list-resend')))

  const color = values['no-color'] ? false : values.color ? true : (colorFromEnv(io.env) ?? (io.isTTY && !io.env.NO_COLOR && !values['output-file']))
  let report: string
  const known = allRules(knownPlugins)
  if (outputFormat === 'json') report = `${formatJson(results)}\n`
  else if (outputFormat === 'summary') report = formatSummary(results, color, io.cwd)
  else if (outputFormat === 'sarif') report = `${formatSarif(results, known, {cwd: io.cwd, version: VERSION})}\n`
  else if (outputFormat === 'github') report = formatGithub(results, {cwd: io.env.GITHUB_WORKSPACE ?? io.cwd})
  else if (outputFormat === 'junit') report = formatJunit(results, {cwd: io.cwd})
  else if (outputFormat === 'checkstyle') report = formatCheckstyle(results)
  else if (outputFormat === 'gitlab') report = formatGitlab(results, io.cwd)
  else if (outputFormat === 'html') report = formatHtml(results, known, {cwd: io.cwd})
  else if (outputFormat !== 'stylish') report = await customFormat(outputFormat, results, known, io.cwd)
  else {
    report = formatStylish(results, {color, cwd: io.cwd})
    if (values.checklist)
      for (const r of results) if (r.checklist) report += `\nChecklist for ${visible(r.filePath ?? '<stdin>')}:\n${formatChecklist(r.checklist, color)}`
  }
  if (values['output-file']) writeReport(resolve(io.cwd, values['output-file']), values['output-file'], report)
  else if (report) io.stdout(report)
  // Saved after the report is out: a cache that cannot be written costs a notice, never the results.
  cache?.save()

  const fatal = results.some((r) => r.diagnostics.some((d) => d.fatal))
  for (const r of results) {
    for (const d of r.diagnostics) {
      if (d.fatal) io.stderr(`apology-lint: ${visible(r.filePath ?? '<stdin>')}: ${visible(d.message)}\n`)
    }
  }
  if (fatal) return 2
  const errors = results.reduce((n, r) => n + r.errorCount, 0)
  const warnings = results.reduce((n, r) => n + r.warningCount, 0)
  if (errors > 0) return 1
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`apology-lint: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}.\n`)
    return 1
  }
  return 0
}

const FORMATS = ['stylish', 'json', 'summary', 'sarif', 'github', 'junit', 'checkstyle', 'gitlab', 'html']

/** A `--format` value that names a formatter module rather than a built-in format. */
function isFormatterPath(name: string): boolean {
  return /^\.{0,2}[\\/]|^[a-zA-Z]:[\\/]/.test(name) || /\.[cm]?js$/.test(name)
}

/**
 * Runs a formatter module (`-f ./my-formatter.js`), ESLint's way: its default
 * export is called with ESLint-shaped results (see `--format json`) and a
 * context `{cwd, rulesMeta}`, and returns the report text (or a promise of it).
 */
async function customFormat(path: string, results: readonly LintResult[], known: readonly AnyRule[], cwd: string): Promise<string> {
  const full = resolve(cwd, path)
  let module: {default?: unknown}
  try {
    module = (await import(pathToFileURL(full).href)) as {default?: unknown}
  } catch (error) {
    throw new UsageError(`cannot load formatter ${path}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
  }
  const format = (typeof module.default === 'function' ? module.default : (module.default as {default?: unknown} | undefined)?.default) as
    | ((results: unknown, context: unknown) => unknown)
    | undefined
  if (typeof format !== 'function') throw new UsageError(`formatter ${path} has no default export function (results, context) => string`)
  const rulesMeta = Object.fromEntries(
    known.map((r) => [
      r.id,
      {type: 'suggestion', docs: {description: r.docs.summary, url: `https://github.com/apology-lint/apology-lint/blob/main/rules/${r.id}/README.md`}},
    ]),
  )
  const out = await format(toEslintJson(results), {cwd, rulesMeta})
  if (typeof out !== 'string') throw new UsageError(`formatter ${path} returned ${typeof out}, not a string`)
  return out
}

/** FORCE_COLOR as Node and chalk read it: set to anything but 0/false forces colour, 0/false turns it off. */
function colorFromEnv(env: Record<string, string | undefined>): boolean | undefined {
  const force = env.FORCE_COLOR
  if (force === undefined) return undefined
  return !(force === '0' || force.toLowerCase() === 'false')
}

/** `path` without trailing slashes (a loop: `/[\\/]+$/` is polynomial on long runs of slashes). */
function trimSlashes(path: string): string {
  let end = path.length
  while (end > 0 && (path[end - 1] === '/' || path[end - 1] === '\\')) end--
  return path.slice(0, end)
}

/** Writes the report for `-o`: parent folders are created; a folder or an unwritable path is a usage error. */
function writeReport(full: string, given: string, report: string): void {
  let isFolder = /[\\/]$/.test(given)
  try {
    isFolder ||= statSync(full).isDirectory()
  } catch {
    // Not there yet.
  }
  if (isFolder) throw new UsageError(`--output-file ${given} is a folder; name a file, e.g. ${trimSlashes(given)}/apology-lint-report.txt`)
  try {
    mkdirSync(dirname(full), {recursive: true})
    writeFileSync(full, report)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(
      `cannot write --output-file ${given}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOTDIR' ? 'a parent of it is a file, not a folder' : (error as Error).message}`,
    )
  }
}

/** One block per email: its findings' count, checklist and score. */
function formatSummary(results: readonly LintResult[], color: boolean, cwd: string): string {
  let out = ''
  for (const r of results) {
    const name = r.filePath ? (r.filePath.startsWith(cwd) ? r.filePath.slice(cwd.length + 1) : r.filePath) : '<stdin>'
    out += `${visible(name)}: ${r.errorCount} error${r.errorCount === 1 ? '' : 's'}, ${r.warningCount} warning${r.warningCount === 1 ? '' : 's'}, ${r.infoCount} info\n`
    if (r.checklist) out += formatChecklist(r.checklist, color)
    out += '\n'
  }
  return out
}

/** Prints a rule's documentation (used by `explain`). */
export function explainRule(id: string, known: readonly AnyRule[] = [...rulesById.values()]): string | undefined {
  const rule = known.find((r) => r.id === id)
  if (!rule) return undefined
  let out = `${rule.id} (${rule.severity})\n\n${rule.docs.summary}\n\nWhy: ${rule.docs.why}\n\nHow to fix: ${rule.docs.fix}\n`
  // Each message with its note: why it matters for that finding, the fix, and the example (placeholders left as {name}).
  out += '\nMessages:\n'
  for (const [id, message] of Object.entries(rule.messages)) {
    out += `\n  ${id}: ${message}\n`
    const note = rule.notes?.[id]
    if (note) out += `    ${note}\n`
  }
  // The `{example}` a note shows depends on the incident: list the English ones by kind.
  const byKind = Object.entries(rule.incidentExamples?.en ?? {})
  if (byKind.length > 0) {
    out += '\nExamples by incident kind (incident.kind in the config):\n'
    for (const [kind, examples] of byKind) {
      const unique = [...new Set(typeof examples === 'string' ? [examples] : Object.values(examples ?? {}))]
      out += `\n  ${kind}:\n${unique.map((e) => `    "${e}"\n`).join('')}`
    }
  }
  return out
}
