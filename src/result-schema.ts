/**
 * What a lint result must look like before anything renders or reuses it.
 * Results read back from a cache, or handed to a formatter by an API user,
 * are untrusted data: every formatter renders only results that pass
 * {@link assertRenderable}, and the CLI's cache uses {@link cachedResultSchema}
 * and {@link checkPositions}. Pure: no file system, process or network.
 */
import {z} from 'zod'
import {LineIndex} from './document.js'
import type {LintResult} from './lint.js'
import {diagnosticSchema, type Diagnostic} from './rule.js'

const count = z.number().int().min(0)

const checklistSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      item: z.string(),
      status: z.enum(['pass', 'fail', 'not-applicable']),
      ruleIds: z.array(z.string()),
      findings: count,
      firedRuleIds: z.array(z.string()),
      weight: z.number().finite().min(0),
    }),
  ),
  score: z.number().finite().min(0).max(100),
  doNotSend: z.boolean(),
})

const suppressedSchema = z.object({diagnostic: diagnosticSchema, reason: z.string().optional()})

/**
 * A result as the cache stores it: no `filePath` (the file being linted is
 * the one it belongs to), no `source` (the file's bytes are re-read and are
 * part of the key), no `document` and no counts (they are recomputed).
 */
export const cachedResultSchema = z
  .object({
    format: z.enum(['html', 'text', 'markdown', 'eml']),
    language: z.enum(['en', 'pl']),
    languageSource: z.string().regex(/^[a-z][a-z-]{0,39}$/),
    diagnostics: z.array(diagnosticSchema),
    suppressed: z.array(suppressedSchema),
    notes: z.array(z.string()),
    checklist: checklistSchema.optional(),
  })
  .strict()

/** A result as the cache stores it. */
export type CachedResult = z.infer<typeof cachedResultSchema>

/** What a formatter needs of a result; other fields (the parsed document) pass through unchecked. */
const renderableResultSchema = z.looseObject({
  filePath: z.string().optional(),
  format: z.enum(['html', 'text', 'markdown', 'eml']),
  language: z.string(),
  languageSource: z.string(),
  diagnostics: z.array(diagnosticSchema),
  errorCount: count,
  warningCount: count,
  infoCount: count,
  source: z.string(),
  suppressed: z.array(suppressedSchema),
  notes: z.array(z.string()),
  // Rendered defensively item by item (the HTML report also accepts a bare array).
  checklist: z.unknown().optional(),
})

/** One line naming the first problem zod found, e.g. `diagnostics.0.severity: Invalid option`. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid'
  const path = issue.path.map(String).join('.')
  return `${path || '(root)'}: ${issue.message}`.slice(0, 200)
}

/**
 * Throws a `TypeError` unless every result is well formed: severities one of
 * `error`, `warning`, `info`; positions whole numbers; texts strings; counts
 * whole numbers. Formatters call it first, so that nothing but
 * validated diagnostics reaches a report.
 */
export function assertRenderable(results: readonly LintResult[]): void {
  for (const [i, result] of results.entries()) {
    const parsed = renderableResultSchema.safeParse(result)
    if (!parsed.success) throw new TypeError(`Not a lint result (results[${i}].${firstIssue(parsed.error)}); formatters render only results from lint().`)
  }
}

/**
 * Checks that every range of `diagnostics` (and their suggestions) lies in
 * `source` and that its lines and columns are the ones its offsets give.
 * Returns a description of the first mismatch, or undefined when all agree.
 */
export function checkPositions(source: string, diagnostics: readonly Diagnostic[]): string | undefined {
  const lines = new LineIndex(source)
  const same = (p: {line: number; column: number; offset: number}): boolean => {
    if (p.offset > source.length) return false
    const q = lines.point(p.offset)
    return q.line === p.line && q.column === p.column
  }
  for (const [i, d] of diagnostics.entries()) {
    const ranges = [d.range, ...(d.suggestions ?? []).map((s) => s.range)]
    for (const r of ranges) {
      if (!same(r.start) || !same(r.end) || r.end.offset < r.start.offset) return `diagnostics.${i}: a range does not fit the file`
    }
  }
  return undefined
}
