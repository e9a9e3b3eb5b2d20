import {beforeAll, describe, expect, it} from 'vitest'
import {escapeXmlAttribute, escapeXmlText, formatJunit, toXmlChars} from '../src/format/junit.js'
import type {LintResult} from '../src/lint.js'
import {CWD, elementsOf, HOSTILE, parseXml, sampleResults, xmlErrors} from './format-results.js'

interface Case {
  classname: string
  name: string
  failure?: {message: string; type: string; '#text': string}
  error?: {message: string; type: string}
  skipped?: {message: string}
}
interface Suite {
  name: string
  tests: string
  failures: string
  errors: string
  skipped: string
  testcase: Case[]
}

let results: LintResult[]
let suites: Suite[]
let xml: string
beforeAll(async () => {
  results = await sampleResults()
  xml = formatJunit(results, {cwd: CWD})
  suites = (parseXml(xml).testsuites as {testsuite: Suite[]}).testsuite
})

describe('formatJunit', () => {
  it('is well-formed XML with a suite per file and totals that add up', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="apology-lint" tests="11" failures="7" errors="1" skipped="1"')).toBe(true)
    expect(suites.map((s) => s.name)).toEqual(['emails/sorry now.html', 'emails/plain.txt', 'emails/clean.html', '<stdin>', '/elsewhere/broken.eml'])
    expect(suites.map((s) => [s.tests, s.failures, s.errors, s.skipped])).toEqual([
      // The info finding is a passing test case carrying its text as output, not a failure.
      ['6', '4', '0', '1'],
      ['2', '2', '0', '0'],
      ['1', '0', '0', '0'],
      ['1', '1', '0', '0'],
      ['1', '0', '1', '0'],
    ])
  })

  it('has a failing test case per finding with message and type', () => {
    const html = suites[0]!.testcase
    expect(html.map((c) => c.name)).toEqual([
      // The From address was given as an option: the finding names the header, not a line.
      'no-reply-sender at From',
      'flag-word at 3:28',
      'flag-word at 3:41',
      'flag-word at 3:41',
      'no-reply-sender at 6:4',
      'flag-word at 5:12',
    ])
    const oops = html[1]!.failure!
    expect(oops.type).toBe('flag-word')
    // Control characters become visible escapes; markup, quotes, CR and LF survive the round trip.
    expect(oops.message).toBe(`Flagged \`oops\`${HOSTILE}`.replace('\u0001', '\\x01').replace('\u001b', '\\x1b').replace('\u0007', '\\x07'))
    expect(oops['#text']).toContain('emails/sorry now.html:3:28: warning: Flagged `oops` <b>"it\'s" & 100%</b>')
    expect(oops['#text']).toContain('Why: Tests need findings at exact places.')
    // htmlparser2 reads the same attribute value.
    expect(elementsOf(xml, 'failure')[1]!.message).toBe(oops.message)
  })

  it('marks suppressed findings skipped, with the reason', () => {
    expect(suites[0]!.testcase[5]!.skipped).toEqual({message: 'suppressed inline: legal asked for "oops" & <this>'})
  })

  it('passes a clean file with one test case, and reports a parse error as an error', () => {
    expect(suites[2]!.testcase).toEqual([{classname: 'emails/clean.html', name: 'no findings', file: 'emails/clean.html', time: '0'}])
    expect(suites[4]!.testcase[0]!.error).toMatchObject({message: 'not an RFC 5322 message: no headers found', type: 'parse-error'})
  })

  it('stays well-formed for an empty run', () => {
    expect(parseXml(formatJunit([]))).toMatchObject({testsuites: {tests: '0'}})
  })
})

describe('XML escaping', () => {
  it('escapes markup and quotes, and keeps tab, LF and CR in attributes', () => {
    expect(escapeXmlText('a < b && c > "d"\r\n')).toBe('a &lt; b &amp;&amp; c &gt; "d"&#13;\n')
    expect(escapeXmlAttribute(`<"it's" & \t\r\n>`)).toBe('&lt;&quot;it&apos;s&quot; &amp; &#9;&#13;&#10;&gt;')
  })

  it('replaces what XML 1.0 cannot carry with visible escapes', () => {
    expect(toXmlChars('a\u0000b\u000bc\u001fd\ufffe')).toBe('a\\u0000b\\u000Bc\\u001Fd\\uFFFE')
    expect(toXmlChars('lone \ud800 and \udc00, pair 😀')).toBe('lone \\uD800 and \\uDC00, pair 😀')
    expect(toXmlChars('tab\tlf\ncr\r')).toBe('tab\tlf\ncr\r')
  })

  it('the strict parser rejects what XML 1.0 forbids (the check is live)', () => {
    expect(xmlErrors('<a b="x<y"/>')).not.toEqual([])
    expect(xmlErrors('<a>x & y</a>')).not.toEqual([])
    expect(xmlErrors('<a>\u0001</a>')).not.toEqual([])
    expect(xmlErrors('<a>&#1;</a>')).not.toEqual([])
    expect(xmlErrors('<a b="&lt;&#10;"/>')).toEqual([])
  })

  it('round-trips hostile text through two XML parsers', () => {
    const text = `x <y> & "z" 'w' \u0002 ]]> \r\n`
    const doc = `<?xml version="1.0"?><r a="${escapeXmlAttribute(text)}">${escapeXmlText(text)}</r>`
    const expected = text.replace('\u0002', '\\u0002')
    expect(elementsOf(doc, 'r')[0]!.a).toBe(expected)
    const parsed = parseXml(doc) as {r: {a: string; '#text': string}}
    expect(parsed.r.a).toBe(expected)
  })
})
