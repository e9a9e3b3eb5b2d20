import {beforeAll, describe, expect, it} from 'vitest'
import {formatCheckstyle} from '../src/format/checkstyle.js'
import type {LintResult} from '../src/lint.js'
import {elementsOf, HOSTILE, parseXml, sampleResults} from './format-results.js'

interface CheckstyleError {
  line: string
  column: string
  severity: string
  message: string
  source: string
}
interface CheckstyleFile {
  name: string
  error?: CheckstyleError[]
}

let results: LintResult[]
let xml: string
let files: CheckstyleFile[]
beforeAll(async () => {
  results = await sampleResults()
  xml = formatCheckstyle(results)
  files = (parseXml(xml, ['file', 'error']).checkstyle as {file: CheckstyleFile[]}).file
})

const visible = (text: string): string => text.replace('\u0001', '\\x01').replace('\u001b', '\\x1b').replace('\u0007', '\\x07')

describe('formatCheckstyle', () => {
  it('is well-formed XML with a file element per email, clean ones included', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">')).toBe(true)
    expect(files.map((f) => f.name)).toEqual([
      '/work/project/emails/sorry now.html',
      '/work/project/emails/plain.txt',
      '/work/project/emails/clean.html',
      '<stdin>',
      '/elsewhere/broken.eml',
    ])
    expect(files[2]!.error).toBeUndefined()
  })

  it('has an error element per finding with line, column, severity, message and source', () => {
    const expected = results.flatMap((r) =>
      r.diagnostics.map((d) => ({
        // A finding in a header given by option (the From of a non-.eml file) has line 0, no column, and names the header.
        ...(d.location ? {line: '0'} : {line: String(d.range.start.line), column: String(d.range.start.column)}),
        severity: d.severity,
        message: visible(d.location ? `[${d.location === 'from' ? 'From' : d.location}] ${d.message}` : d.message),
        source: `apology-lint.${d.ruleId}`,
      })),
    )
    expect(files.flatMap((f) => f.error ?? [])).toEqual(expected)
    // A second parser reads the same attributes.
    expect(elementsOf(xml, 'error')).toEqual(expected)
    expect(files[0]!.error![1]!.message).toBe(visible(`Flagged \`oops\`${HOSTILE}`))
  })

  it('escapes file names with markup, ampersands and quotes', () => {
    const odd = {...results[1]!, filePath: `/tmp/<a & "b">'c'\u0002.txt`}
    const out = formatCheckstyle([odd])
    expect(out).toContain(`name="/tmp/&lt;a &amp; &quot;b&quot;&gt;&apos;c&apos;\\x02.txt"`)
    const parsed = parseXml(out, ['file', 'error']) as {checkstyle: {file: CheckstyleFile[]}}
    expect(parsed.checkstyle.file[0]!.name).toBe(`/tmp/<a & "b">'c'\\x02.txt`)
  })

  it('stays well-formed for an empty run', () => {
    expect(formatCheckstyle([])).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n</checkstyle>\n')
    parseXml(formatCheckstyle([]))
  })
})
