/**
 * Applying safe fixes. Only suggestions a rule marked `safe` are applied, never
 * two that overlap, and never in a way that could break the file's structure:
 * in `.eml` files only inside the header block and only with plain ASCII
 * (bodies may be quoted-printable or base64), in HTML with the replacement
 * escaped as text.
 */
import type {EmailDocument} from './document.js'
import type {Diagnostic, Suggestion} from './rule.js'

/** The outcome of {@link applyFixes}. */
export interface FixOutcome {
  output: string
  applied: {ruleId: string; suggestion: Suggestion}[]
  skipped: {ruleId: string; suggestion: Suggestion; reason: string}[]
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Applies the safe suggestions of `diagnostics` to `source`. */
export function applyFixes(source: string, diagnostics: readonly Diagnostic[], document: EmailDocument | undefined): FixOutcome {
  const candidates: {ruleId: string; suggestion: Suggestion}[] = []
  const skipped: FixOutcome['skipped'] = []
  for (const d of diagnostics) {
    for (const s of d.suggestions ?? []) {
      if (!s.safe) continue
      if (document?.format === 'eml') {
        if (s.range.end.offset > document.bodyStart) {
          skipped.push({ruleId: d.ruleId, suggestion: s, reason: 'inside a MIME body (encoded); fix it by hand'})
          continue
        }
        if (!/^[\x20-\x7e]*$/.test(s.replacement)) {
          skipped.push({ruleId: d.ruleId, suggestion: s, reason: 'non-ASCII text in a header needs encoding; fix it by hand'})
          continue
        }
      }
      candidates.push({ruleId: d.ruleId, suggestion: s})
    }
  }
  // Right to left, so earlier offsets stay valid; the first of two overlapping fixes wins.
  candidates.sort((a, b) => b.suggestion.range.start.offset - a.suggestion.range.start.offset)
  let output = source
  let floor = Number.POSITIVE_INFINITY
  const applied: FixOutcome['applied'] = []
  for (const c of candidates) {
    const {start, end} = c.suggestion.range
    if (end.offset > floor) {
      skipped.push({...c, reason: 'overlaps another fix'})
      continue
    }
    const replacement = document?.format === 'html' ? escapeHtml(c.suggestion.replacement) : c.suggestion.replacement
    output = output.slice(0, start.offset) + replacement + output.slice(end.offset)
    floor = start.offset
    applied.push(c)
  }
  applied.reverse()
  return {output, applied, skipped}
}

/** A minimal unified diff of two texts (one hunk around the changed lines). */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return ''
  const a = before.split('\n')
  const b = after.split('\n')
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const context = 2
  const from = Math.max(0, head - context)
  const aEnd = Math.min(a.length, a.length - tail + context)
  const bEnd = Math.min(b.length, b.length - tail + context)
  let out = `--- ${path}\n+++ ${path} (fixed)\n@@ -${from + 1},${aEnd - from} +${from + 1},${bEnd - from} @@\n`
  for (let i = from; i < head; i++) out += ` ${a[i]}\n`
  for (let i = head; i < a.length - tail; i++) out += `-${a[i]}\n`
  for (let i = head; i < b.length - tail; i++) out += `+${b[i]}\n`
  for (let i = a.length - tail; i < aEnd; i++) out += ` ${a[i]}\n`
  return out
}
