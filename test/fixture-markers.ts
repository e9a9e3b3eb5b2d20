/**
 * Fixtures carry their expectations as marker lines: carets under the flagged
 * text on the line above, then the rule id, then optionally `: ` and a piece of
 * the message.
 *
 *     From: Acme Support <noreply@acme.example>
 *                         ^^^^^^^^^^^^^^^^^^^^ no-reply-sender
 *
 * A single `|` marks an empty range (a missing element anchored at a point).
 * A finding whose range runs past the end of the line is marked with carets to
 * the end of that line.
 */

/** One expectation read from a marker line. */
export interface Marker {
  ruleId: string
  /** 0-based offsets in the stripped source. */
  start: number
  /** End of the caret span; for a multi-line finding, the end of the start line. */
  end: number
  /** True when the carets reach the end of the line above (the finding may continue). */
  toLineEnd: boolean
  message?: string
  /** 1-based line of the marker in the fixture file, for error messages. */
  markerLine: number
}

const MARKER = /^(\s*)(\^+|\|)[ \t]+([a-z][a-z0-9-]*(?:\/[a-z0-9-]+)?)(?::[ \t]+(.*))?\s*$/

/** Strips marker lines and returns the clean source and its expectations. */
export function readMarkers(withMarkers: string): {source: string; markers: Marker[]} {
  const lines = withMarkers.split(/(?<=\n)/)
  let source = ''
  const markers: Marker[] = []
  let previousLineStart = -1
  let previousLine = ''
  lines.forEach((line, i) => {
    const bare = line.replace(/\r?\n$/, '')
    const m = MARKER.exec(bare)
    if (m && previousLineStart >= 0) {
      const column = m[1]!.length
      const carets = m[2]!
      const content = previousLine.replace(/\r?\n$/, '')
      const start = previousLineStart + column
      const empty = carets === '|'
      const end = empty ? start : start + carets.length
      const marker: Marker = {
        ruleId: m[3]!,
        start,
        end,
        toLineEnd: !empty && column + carets.length >= content.length,
        markerLine: i + 1,
      }
      if (m[4]) marker.message = m[4]
      markers.push(marker)
      return
    }
    previousLineStart = source.length
    previousLine = line
    source += line
  })
  return {source, markers}
}
