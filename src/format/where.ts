/**
 * Where a finding is, as formatters show it: `line:column` in the source, or
 * the header it is about when that header was given by option and is not in
 * the source (`subject`, `From`).
 */
import type {HeaderLocation} from '../document.js'
import type {Diagnostic} from '../rule.js'

const LABEL: Record<HeaderLocation, string> = {subject: 'subject', from: 'From', 'reply-to': 'Reply-To', sender: 'Sender'}

/** "subject", "From", … for a finding outside the source; undefined for one in it. */
export function locationLabel(d: Pick<Diagnostic, 'location'>): string | undefined {
  return d.location ? LABEL[d.location] : undefined
}

/** `12:5`, or the header's name for a finding outside the source. */
export function whereOf(d: Pick<Diagnostic, 'location' | 'range'>): string {
  return locationLabel(d) ?? `${d.range.start.line}:${d.range.start.column}`
}
