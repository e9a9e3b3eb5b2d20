import {beforeAll, describe, expect, it} from 'vitest'
import {visibleKeepBreaks} from '../src/format/visible.js'
import {escapeData, escapeProperty, formatGithub} from '../src/format/github.js'
import type {LintResult} from '../src/lint.js'
import {CWD, HOSTILE, sampleResults} from './format-results.js'

/** Reads a workflow command back the way the Actions runner does (ActionCommand.TryParseV2). */
function parseCommand(line: string): {command: string; properties: Record<string, string>; message: string} {
  expect(line.startsWith('::')).toBe(true)
  const end = line.indexOf('::', 2)
  const head = line.slice(2, end)
  const space = head.indexOf(' ')
  const command = space === -1 ? head : head.slice(0, space)
  const properties: Record<string, string> = {}
  if (space !== -1) {
    for (const pair of head.slice(space + 1).split(',')) {
      const eq = pair.indexOf('=')
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1))
    }
  }
  return {command, properties, message: unescapeData(line.slice(end + 2))}
}
const unescapeData = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
const unescapeProperty = (s: string): string => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','))

let results: LintResult[]
beforeAll(async () => {
  results = await sampleResults()
})

describe('formatGithub', () => {
  it('writes one annotation command per finding, by severity, with exact positions', () => {
    const lines = formatGithub(results, {cwd: CWD}).split('\n')
    expect(lines.pop()).toBe('')
    const findings = results.flatMap((r) => r.diagnostics.map((d) => ({r, d})))
    expect(lines).toHaveLength(findings.length)
    lines.forEach((line, i) => {
      const {r, d} = findings[i]!
      const parsed = parseCommand(line)
      expect(parsed.command).toBe({error: 'error', warning: 'warning', info: 'notice'}[d.severity])
      const file = r.filePath === undefined ? {} : {file: r.filePath.startsWith(`${CWD}/`) ? r.filePath.slice(CWD.length + 1) : r.filePath}
      // A finding in a header given by option is a file-level annotation that names the header.
      expect(parsed.properties).toEqual(
        d.location
          ? {...file, title: `${d.ruleId} (${d.location === 'from' ? 'From' : d.location})`}
          : {
              ...file,
              line: String(d.range.start.line),
              col: String(d.range.start.column),
              endLine: String(d.range.end.line),
              endColumn: String(d.range.end.column),
              title: d.ruleId,
            },
      )
      // Control characters other than line breaks are shown as escapes (they must not reach the log raw).
      expect(parsed.message).toBe(visibleKeepBreaks(d.message))
    })
    expect(lines.filter((l) => l.startsWith('::notice '))).toHaveLength(1)
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(4)
  })

  it('escapes messages so that each command stays on one line', () => {
    const out = formatGithub(results, {cwd: CWD})
    const oops = out.split('\n').find((l) => l.includes('title=flag-word') && l.includes('Flagged `oops`'))!
    expect(oops).toBe(
      '::warning file=emails/sorry now.html,line=3,col=28,endLine=3,endColumn=32,title=flag-word::Flagged `oops` <b>"it\'s" & 100%25</b>, a:b%0D%0Anext\\x01\\x1b[31m\\x07',
    )
    expect(parseCommand(oops).message).toBe(`Flagged \`oops\`${HOSTILE}`.replace('\u0001', '\\x01').replace('\u001b', '\\x1b').replace('\u0007', '\\x07'))
  })

  it('escapes properties: a path with separators, percent signs and line breaks', () => {
    const r = {...results[1]!, filePath: `${CWD}/a,b:c 100%\n.txt`}
    const line = formatGithub([r], {cwd: CWD}).split('\n')[0]!
    expect(line.startsWith('::error file=a%2Cb%3Ac 100%25%0A.txt,line=2,')).toBe(true)
    expect(parseCommand(line).properties.file).toBe('a,b:c 100%\n.txt')
  })

  it('leaves out suppressed findings and writes nothing for clean files', () => {
    expect(formatGithub([results[2]!])).toBe('')
    expect(formatGithub(results)).not.toContain('oops here')
    expect(formatGithub([])).toBe('')
  })

  it('keeps absolute paths outside the workspace and omits file for stdin', () => {
    const lines = formatGithub(results, {cwd: CWD}).split('\n')
    expect(lines.find((l) => l.includes('parse-error'))).toBe(
      '::error file=/elsewhere/broken.eml,line=1,col=1,endLine=1,endColumn=1,title=parse-error::not an RFC 5322 message: no headers found',
    )
    expect(lines).toContain('::warning line=1,col=1,endLine=1,endColumn=5,title=flag-word::Flagged `Oops`')
  })
})

describe('escapes (Actions toolkit rules)', () => {
  it('escapes data: %, CR, LF only', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b')
  })
  it('escapes properties: also : and ,', () => {
    expect(escapeProperty('C:\\x, y%\n')).toBe('C%3A\\x%2C y%25%0A')
  })
})
