/**
 * The default terminal format, shaped like ESLint's stylish: the file, then
 * `line:col  severity  message  rule-id` rows, then a summary.
 */
import {assertRenderable} from '../result-schema.js'
import type {LintResult} from '../lint.js'
import {visible} from './visible.js'
import {whereOf} from './where.js'

/** Options for {@link formatStylish}. */
export interface StylishOptions {
  color: boolean
  /** Base folder for relative file names. */
  cwd?: string
}

const CODES = {red: 31, yellow: 33, blue: 34, gray: 90, bold: 1, underline: 4} as const

/** Renders results as ESLint-style terminal text. */
export function formatStylish(results: readonly LintResult[], options: StylishOptions): string {
  // Only validated diagnostics are rendered: results may come from an untrusted cache or an API caller.
  assertRenderable(results)
  const paint = (code: keyof typeof CODES, text: string): string => (options.color ? `\u001b[${CODES[code]}m${text}\u001b[0m` : text)
  let out = ''
  let errors = 0
  let warnings = 0
  let infos = 0
  for (const result of results) {
    if (result.diagnostics.length === 0 && result.notes.length === 0) continue
    errors += result.errorCount
    warnings += result.warningCount
    infos += result.infoCount
    const name = visible(result.filePath ? relativeName(result.filePath, options.cwd) : '<input>')
    out += `\n${paint('underline', name)}\n`
    // What the parser noted (an unknown charset, coarse positions): not findings, but the reader should know.
    for (const note of result.notes) out += `  ${paint('gray', 'note')}  ${visible(note)}\n`
    const rows = result.diagnostics.map((d) => {
      const where = whereOf(d)
      const sev = d.severity === 'error' ? paint('red', 'error') : d.severity === 'warning' ? paint('yellow', 'warning') : paint('blue', 'info')
      const part = d.part ? ` [${d.part} part]` : ''
      return {where, sev, sevWidth: d.severity.length, message: visible(`${d.message}${part}`), rule: paint('gray', visible(d.ruleId))}
    })
    // A loop, not Math.max(...rows): spreading 100k+ arguments overflows the stack.
    let whereWidth = 0
    for (const r of rows) if (r.where.length > whereWidth) whereWidth = r.where.length
    for (const r of rows) {
      out += `  ${paint('gray', r.where.padEnd(whereWidth))}  ${r.sev}${' '.repeat(7 - r.sevWidth)}  ${r.message}  ${r.rule}\n`
    }
  }
  const total = errors + warnings + infos
  if (total > 0) {
    const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${infos ? `, ${infos} info` : ''})`
    out += `\n${paint(errors > 0 ? 'red' : 'yellow', paint('bold', summary))}\n`
  }
  return out
}

function relativeName(path: string, cwd?: string): string {
  if (!cwd || !path.startsWith(cwd)) return path
  const rest = path.slice(cwd.length).replace(/^[\\/]/, '')
  return rest || path
}
