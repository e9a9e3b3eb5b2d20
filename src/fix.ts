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

/*
 * Addresses that only ever stood in for a real one: the brand older `--init`
 * runs wrote without asking, and the rules' own stand-ins. A fix must never
 * write one into somebody's email.
 */
const PLACEHOLDER = /@(?:acme\.example|your-domain\.example|example\.(?:com|org|net))(?![\w.-])/i

/** True when a replacement is a placeholder rather than the user's own text. */
export function isPlaceholder(replacement: string): boolean {
  return PLACEHOLDER.test(replacement)
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
    if (isPlaceholder(c.suggestion.replacement)) {
      skipped.push({...c, reason: 'the replacement is a placeholder (from a starter config); set brand.supportAddress to your real address'})
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

/**
 * For each UTF-16 offset `0..limit` of the text `TextDecoder('utf-8')` makes of
 * `bytes` (BOM stripped, invalid sequences as U+FFFD by the WHATWG rules), the
 * byte offset where that code unit starts. Pure arithmetic on the bytes, so
 * that a fix can be written back into exactly the bytes it replaces.
 */
export function utf8Offsets(bytes: Uint8Array, limit: number): number[] {
  const map: number[] = []
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  while (map.length <= limit) {
    map.push(i)
    if (i >= bytes.length) break
    const b = bytes[i]!
    let need = 0
    let lower = 0x80
    let upper = 0xbf
    if (b < 0x80) {
      i++
      continue
    } else if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      if (b === 0xe0) lower = 0xa0
      if (b === 0xed) upper = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      if (b === 0xf0) lower = 0x90
      if (b === 0xf4) upper = 0x8f
    } else {
      i++ // an invalid lead byte: one U+FFFD
      continue
    }
    let j = i + 1
    let seen = 0
    while (seen < need && j < bytes.length) {
      const c = bytes[j]!
      if (c < lower || c > upper) break
      lower = 0x80
      upper = 0xbf
      j++
      seen++
    }
    // A complete four-byte sequence is two UTF-16 code units (a surrogate pair).
    if (seen === need && need === 3) map.push(i)
    i = j
  }
  return map
}

/** The outcome of {@link applyFixesToBytes}. */
export interface ByteFixOutcome {
  bytes: Uint8Array
  applied: FixOutcome['applied']
  skipped: FixOutcome['skipped']
}

const encoder = new TextEncoder()

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', {fatal: true}).decode(bytes)
    return true
  } catch {
    return false
  }
}

/**
 * Applies the safe fixes to the file's own bytes: only the bytes of each fixed
 * range change, so a BOM, line endings and bodies in 8-bit charsets
 * (ISO-8859-2, Windows-1250…) are kept byte for byte. `source` must be the
 * UTF-8 decoding of `bytes` (what was linted). A replacement must be plain
 * ASCII, or the range plain ASCII in UTF-8 text, for its bytes to be known;
 * other fixes are skipped with a reason.
 */
export function applyFixesToBytes(bytes: Uint8Array, source: string, diagnostics: readonly Diagnostic[], document: EmailDocument | undefined): ByteFixOutcome {
  const outcome = applyFixes(source, diagnostics, document)
  if (outcome.applied.length === 0) return {bytes, applied: [], skipped: outcome.skipped}
  if (new TextDecoder('utf-8').decode(bytes) !== source) {
    const reason = 'the file changed since it was linted; run again'
    return {bytes, applied: [], skipped: [...outcome.skipped, ...outcome.applied.map((a) => ({...a, reason}))]}
  }
  const limit = Math.max(...outcome.applied.map((a) => a.suggestion.range.end.offset))
  const offsets = utf8Offsets(bytes, limit)
  const utf8 = isUtf8(bytes)
  const skipped = [...outcome.skipped]
  const applied: FixOutcome['applied'] = []
  const edits: {from: number; to: number; data: Uint8Array}[] = []
  for (const a of outcome.applied) {
    const {start, end} = a.suggestion.range
    const from = offsets[start.offset]
    const to = offsets[end.offset]
    const replacement = document?.format === 'html' ? escapeHtml(a.suggestion.replacement) : a.suggestion.replacement
    const original = source.slice(start.offset, end.offset)
    // In a file that is not valid UTF-8 (an 8-bit charset), only ASCII text is replaced by ASCII text,
    // whose bytes are exactly its characters; in UTF-8 the new text is written as UTF-8.
    const plain = /^[\x00-\x7f]*$/
    const exact = from !== undefined && to !== undefined && (utf8 || (to - from === original.length && plain.test(original) && plain.test(replacement)))
    if (!exact) {
      skipped.push({...a, reason: 'the text to replace is not plain ASCII in a file that is not UTF-8; fix it by hand'})
      continue
    }
    edits.push({from, to, data: encoder.encode(replacement)})
    applied.push(a)
  }
  edits.sort((x, y) => x.from - y.from)
  const chunks: Uint8Array[] = []
  let at = 0
  for (const e of edits) {
    chunks.push(bytes.subarray(at, e.from), e.data)
    at = e.to
  }
  chunks.push(bytes.subarray(at))
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let k = 0
  for (const c of chunks) {
    out.set(c, k)
    k += c.length
  }
  return {bytes: applied.length > 0 ? out : bytes, applied, skipped}
}
