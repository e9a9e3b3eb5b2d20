/**
 * Neutralising control characters from email content before a report reaches
 * a terminal or a log: an escape sequence in a subject must be shown, not run.
 */

/*
 * C0 controls but tab, DEL, C1 controls (0x9b is a one-byte CSI), the bidi
 * embeddings, overrides and isolates (they reorder what is shown) and the
 * Unicode line and paragraph separators.
 */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g
const CONTROL_KEEP_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]|\r(?!\n)/g
const CONTROL_KEEP_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g

function show(c: string): string {
  const code = c.charCodeAt(0)
  if (c === '\n') return '\\n'
  if (c === '\r') return '\\r'
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
}

/**
 * Shows control characters as escapes (`\x1b`, `\n`, `\u202e`), so that text
 * from an email cannot move the cursor, set the terminal title, clear the
 * screen or start a new log line. With `keepLines`, LF and CRLF line breaks stay.
 *
 * @example
 * visible('OOPS\u001b]0;PWNED\u0007') // 'OOPS\\x1b]0;PWNED\\x07'
 */
export function visible(text: string, keepLines = false): string {
  return text.replace(keepLines ? CONTROL_KEEP_LINES : CONTROL, show)
}

/**
 * Like {@link visible}, but keeps tab, CR and LF: for formats that encode line
 * breaks themselves (XML character references, GitHub's `%0A`).
 */
export function visibleKeepBreaks(text: string): string {
  return text.replace(CONTROL_KEEP_BREAKS, show)
}
