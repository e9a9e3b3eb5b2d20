/**
 * GitLab Code Quality: a JSON array of issues GitLab shows in the merge request,
 * with unique fingerprints that survive lines moving above a finding.
 */
import {beforeAll, describe, expect, it} from 'vitest'
import {z} from 'zod'
import {formatGitlab} from '../src/format/gitlab.js'
import {lint, type LintResult} from '../src/lint.js'
import {allOff, CWD, HOSTILE, plugins, sampleResults} from './format-results.js'

/** The fields GitLab requires (docs.gitlab.com, "Code Quality report format"). */
const issueSchema = z
  .object({
    description: z.string().min(1),
    check_name: z.string().min(1),
    fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
    severity: z.enum(['info', 'minor', 'major', 'critical', 'blocker']),
    location: z.object({
      path: z.string().min(1),
      positions: z.object({
        begin: z.object({line: z.number().int().min(1), column: z.number().int().min(1)}),
        end: z.object({line: z.number().int().min(1), column: z.number().int().min(1)}),
      }),
    }),
  })
  .strict()

let results: LintResult[]
let issues: z.infer<typeof issueSchema>[]
beforeAll(async () => {
  results = await sampleResults()
  issues = z.array(issueSchema).parse(JSON.parse(formatGitlab(results, CWD)))
})

describe('formatGitlab', () => {
  it('has one issue per finding, with its rule, message and place', () => {
    const diagnostics = results.flatMap((r) => r.diagnostics)
    expect(issues).toHaveLength(diagnostics.length)
    diagnostics.forEach((d, i) => {
      expect(issues[i]!.check_name).toBe(d.ruleId)
      expect(issues[i]!.description).toBe(d.message)
      expect(issues[i]!.location.positions.begin).toEqual({line: d.range.start.line, column: d.range.start.column})
    })
  })

  it('keeps hostile text as JSON data', () => {
    expect(issues.some((i) => i.description.endsWith(HOSTILE))).toBe(true)
  })

  it('gives paths relative to the working folder', () => {
    for (const issue of issues) expect(issue.location.path.startsWith(CWD)).toBe(false)
  })

  it('maps severities: error major, warning minor, info info, a parse error critical', () => {
    const diagnostics = results.flatMap((r) => r.diagnostics)
    diagnostics.forEach((d, i) => {
      expect(issues[i]!.severity).toBe(d.fatal ? 'critical' : {error: 'major', warning: 'minor', info: 'info'}[d.severity])
    })
    expect(new Set(issues.map((i) => i.severity)).size).toBeGreaterThan(1)
  })

  it('fingerprints are unique, and stay the same when lines are added above', async () => {
    const text = 'We are sorry.\n\nOops, the price was wrong. Oops, again.\n'
    const options = {
      format: 'text' as const,
      filename: 'apology.txt',
      plugins,
      rules: {...allOff, 'flag-word': ['warn', {words: ['oops']}] as ['warn', {words: string[]}]},
    }
    const before = JSON.parse(formatGitlab([await lint(text, options)])) as z.infer<typeof issueSchema>[]
    const after = JSON.parse(formatGitlab([await lint(`Hello,\n\n${text}`, options)])) as z.infer<typeof issueSchema>[]
    expect(before).toHaveLength(2)
    expect(new Set(before.map((i) => i.fingerprint)).size).toBe(2)
    expect(after.map((i) => i.fingerprint)).toEqual(before.map((i) => i.fingerprint))
    expect(after[0]!.location.positions.begin.line).toBe(before[0]!.location.positions.begin.line + 2)
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length)
  })
})
