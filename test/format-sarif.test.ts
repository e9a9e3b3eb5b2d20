/**
 * SARIF output, validated against the OASIS SARIF 2.1.0 JSON Schema vendored
 * in test/schemas/sarif-2.1.0.json (its source: test/schemas/README.md).
 */
import {readFileSync} from 'node:fs'
import {Ajv} from 'ajv'
import addFormatsModule from 'ajv-formats'
import {beforeAll, describe, expect, it} from 'vitest'
import {artifactUri, formatSarif, toSarif, type SarifLog} from '../src/format/sarif.js'
import {ruleUrl} from '../src/engine.js'
import type {LintResult} from '../src/lint.js'
import {CWD, HOSTILE, HTML_SOURCE, rules, sampleResults} from './format-results.js'

// ajv-formats is CommonJS: its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as {default?: typeof addFormatsModule}).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv

const schema = JSON.parse(readFileSync(new URL('./schemas/sarif-2.1.0.json', import.meta.url), 'utf8')) as Record<string, unknown>
const ajv = new Ajv({allErrors: true, strict: false})
addFormats(ajv)
const validate = ajv.compile(schema)

function expectValid(text: string): SarifLog {
  const log = JSON.parse(text) as SarifLog
  const ok = validate(log)
  expect(ok ? [] : validate.errors).toEqual([])
  return log
}

let results: LintResult[]
let log: SarifLog
beforeAll(async () => {
  results = await sampleResults()
  log = expectValid(formatSarif(results, rules, {cwd: CWD, version: '1.2.3'}))
})

describe('formatSarif', () => {
  it('is valid SARIF 2.1.0 with one run and UTF-16 columns', () => {
    expect(log.version).toBe('2.1.0')
    expect(log.runs).toHaveLength(1)
    expect(log.runs[0].columnKind).toBe('utf16CodeUnits')
    expect(log.runs[0].tool.driver).toMatchObject({name: 'apology-lint', version: '1.2.3', semanticVersion: '1.2.3'})
  })

  it('the schema rejects what it should (the validator is live)', () => {
    expect(validate({version: '2.1.0', runs: [{tool: {driver: {}}}]})).toBe(false)
    const bad = structuredClone(log) as unknown as {runs: {results: {level: string}[]}[]}
    bad.runs[0]!.results[0]!.level = 'info'
    expect(validate(bad)).toBe(false)
  })

  it('describes every rule from its docs', () => {
    const driverRules = log.runs[0].tool.driver.rules
    for (const rule of rules) {
      const d = driverRules.find((r) => r.id === rule.id)
      expect(d, rule.id).toMatchObject({
        id: rule.id,
        shortDescription: {text: rule.docs.summary},
        fullDescription: {text: rule.docs.why},
        help: {text: rule.docs.fix},
        helpUri: ruleUrl(rule),
        defaultConfiguration: {level: rule.severity === 'info' ? 'note' : rule.severity},
      })
    }
    // Every result points at the descriptor of its rule.
    for (const r of log.runs[0].results) expect(driverRules[r.ruleIndex!]!.id).toBe(r.ruleId)
  })

  it('gives exact regions in UTF-16 code units, with offsets and snippets', () => {
    const html = results[0]!
    const sarif = log.runs[0].results.filter((r) => r.locations[0]!.physicalLocation.artifactLocation.index === 0 && !r.suppressions)
    expect(sarif).toHaveLength(html.diagnostics.length)
    html.diagnostics.forEach((d, i) => {
      // A finding in a header given by option (the From of an HTML file) has no region: the header is a logical location.
      if (d.location) {
        expect(sarif[i]!.locations[0]!.physicalLocation.region).toBeUndefined()
        expect(sarif[i]!.locations[0]!.logicalLocations).toEqual([{name: d.location, kind: 'header'}])
        expect(sarif[i]!.properties).toMatchObject({location: d.location})
        return
      }
      const region = sarif[i]!.locations[0]!.physicalLocation.region!
      expect(region).toMatchObject({
        startLine: d.range.start.line,
        startColumn: d.range.start.column,
        endLine: d.range.end.line,
        endColumn: d.range.end.column,
        charOffset: d.range.start.offset,
        charLength: d.range.end.offset - d.range.start.offset,
      })
      if (region.charLength > 0) expect(region.snippet?.text).toBe(HTML_SOURCE.slice(region.charOffset, region.charOffset + region.charLength))
    })
    // The emoji before `oops` counts as two columns (a surrogate pair).
    const oops = sarif.find((r) => r.locations[0]!.physicalLocation.region?.snippet?.text === 'oops')!
    const line = HTML_SOURCE.split('\n')[2]!
    expect(oops.locations[0]!.physicalLocation.region!.startColumn).toBe(line.indexOf('oops') + 1)
    expect([...line.slice(0, line.indexOf('oops'))].length).toBe(line.indexOf('oops') - 1)
    expect(oops.level).toBe('warning')
    expect(oops.message.text).toBe(`Flagged \`oops\`${HOSTILE}`)
    expect(sarif.find((r) => r.locations[0]!.physicalLocation.region?.snippet?.text === 'price')!.level).toBe('note')
  })

  it('uses %SRCROOT%-relative URIs under cwd and file: URIs elsewhere', () => {
    const run = log.runs[0]
    expect(run.originalUriBaseIds).toEqual({'%SRCROOT%': {uri: 'file:///work/project/'}})
    expect(run.artifacts.map((a) => a.location)).toEqual([
      {uri: 'emails/sorry%20now.html', uriBaseId: '%SRCROOT%'},
      {uri: 'emails/plain.txt', uriBaseId: '%SRCROOT%'},
      {uri: 'emails/clean.html', uriBaseId: '%SRCROOT%'},
      {description: {text: 'standard input'}},
      {uri: 'file:///elsewhere/broken.eml'},
    ])
    expect(run.artifacts.map((a) => a.mimeType)).toEqual(['text/html', 'text/plain', 'text/html', 'text/plain', 'message/rfc822'])
    expect(run.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({uri: 'emails/sorry%20now.html', uriBaseId: '%SRCROOT%', index: 0})
  })

  it('reports inline disables as results suppressed in source, with the reason', () => {
    const suppressed = log.runs[0].results.filter((r) => r.suppressions)
    expect(suppressed).toHaveLength(1)
    expect(suppressed[0]!.suppressions).toEqual([{kind: 'inSource', justification: 'legal asked for "oops" & <this>'}])
    expect(suppressed[0]!.locations[0]!.physicalLocation.region!.charOffset).toBe(HTML_SOURCE.indexOf('oops here'))
  })

  it('reports a parse error as a result and as a tool execution notification', () => {
    const run = log.runs[0]
    const result = run.results.find((r) => r.ruleId === 'parse-error')!
    expect(result.level).toBe('error')
    expect(run.tool.driver.rules[result.ruleIndex!]!.id).toBe('parse-error')
    const notes = run.invocations[0]!.toolExecutionNotifications
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatchObject({level: 'error', descriptor: {id: 'parse-error'}, message: {text: 'not an RFC 5322 message: no headers found'}})
    expect(notes[0]!.locations![0]!.physicalLocation.artifactLocation.uri).toBe('file:///elsewhere/broken.eml')
  })

  it('turns safe suggestions into fixes', () => {
    const withFix = toSarif(
      [
        {
          ...results[1]!,
          diagnostics: [
            {
              ...results[1]!.diagnostics[0]!,
              suggestions: [{text: 'Drop it', replacement: 'Perhaps', range: results[1]!.diagnostics[0]!.range}],
            },
          ],
        },
      ],
      rules,
    )
    expectValid(JSON.stringify(withFix))
    expect(withFix.runs[0].results[0]!.fixes![0]!.artifactChanges[0]!.replacements[0]).toMatchObject({
      deletedRegion: {charOffset: 21, charLength: 5},
      insertedContent: {text: 'Perhaps'},
    })
  })

  it('stays valid without cwd, for an empty run, and without any rules', () => {
    const noCwd = expectValid(formatSarif(results, rules))
    expect(noCwd.runs[0].originalUriBaseIds).toBeUndefined()
    expect(noCwd.runs[0].artifacts[0]!.location.uri).toBe('file:///work/project/emails/sorry%20now.html')
    expectValid(formatSarif([], rules))
    const bare = expectValid(formatSarif(results, []))
    // Ids without a rule object still get a descriptor, so every ruleIndex resolves.
    expect(bare.runs[0].tool.driver.rules.map((r) => r.id).sort()).toEqual(['flag-word', 'no-reply-sender', 'parse-error'])
  })
})

describe('artifactUri', () => {
  it('encodes segments and handles relative, POSIX, Windows and outside paths', () => {
    expect(artifactUri('emails/a b#1.html')).toEqual({uri: 'emails/a%20b%231.html', relative: true})
    expect(artifactUri('./x.eml')).toEqual({uri: 'x.eml', relative: true})
    expect(artifactUri('/repo/mails/ąę.html', '/repo/')).toEqual({uri: 'mails/%C4%85%C4%99.html', relative: true})
    expect(artifactUri('/other/x.html', '/repo')).toEqual({uri: 'file:///other/x.html', relative: false})
    expect(artifactUri('C:\\mails\\x y.html')).toEqual({uri: 'file:///C:/mails/x%20y.html', relative: false})
    expect(artifactUri('C:\\repo\\mails\\x.html', 'C:\\repo')).toEqual({uri: 'mails/x.html', relative: true})
  })
})
