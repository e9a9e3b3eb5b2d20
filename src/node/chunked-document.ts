/**
 * An open document for the language server, stored in chunks so that an
 * incremental edit costs the size of one chunk, not of the whole text.
 * (vscode-languageserver-textdocument rebuilds the whole string and shifts
 * every later line offset on each edit: 1,000 one-character edits of a 5 MB
 * document took 7.7 s there, during which no request was answered.)
 *
 * Lines end at LF, CRLF or a lone CR, as LSP counts them; a CRLF pair is
 * never split between chunks. Positions are 0-based lines and UTF-16
 * characters. The full text is joined only when it is asked for (to lint).
 */
import {lineBreaks} from '../document.js'

/** A 0-based LSP position. */
export interface DocPosition {
  line: number
  character: number
}

/** A change as `textDocument/didChange` sends it: a range and its new text, or the whole new text. */
export type DocChange = {range: {start: DocPosition; end: DocPosition}; text: string} | {text: string}

const CHUNK = 4 * 1024

interface Chunk {
  text: string
  /** Offsets within the chunk just after each line break. */
  breaks: number[]
}

/** Cuts text into chunks of {@link CHUNK} to twice that many characters, never between CR and LF. */
function cut(text: string, chunk: number): Chunk[] {
  const out: Chunk[] = []
  // Up to two chunks' worth stays one chunk, so that edits do not leave a trail of tiny chunks.
  const size = text.length <= 2 * chunk ? text.length : chunk
  let i = 0
  while (i < text.length) {
    let end = Math.min(text.length, i + size)
    if (end < text.length && text.charCodeAt(end - 1) === 13 && text.charCodeAt(end) === 10) end++
    const piece = text.slice(i, end)
    out.push({text: piece, breaks: lineBreaks(piece)})
    i = end
  }
  // An empty text is one empty chunk: every offset then has a chunk.
  if (out.length === 0) out.push({text: '', breaks: []})
  return out
}

/** A text document in chunks, with the `TextDocument` methods the server uses. */
export class ChunkedDocument {
  private chunks: Chunk[]
  /** Offset where each chunk starts, and line breaks before it (recomputed from `dirtyFrom` on). */
  private starts: number[] = []
  private breaksBefore: number[] = []
  private length = 0
  private totalBreaks = 0
  private joined: string | undefined

  constructor(
    readonly uri: string,
    public languageId: string,
    public version: number,
    text: string,
    /** Characters per chunk (small in tests, to exercise chunk edges). */
    private readonly chunkSize = CHUNK,
  ) {
    this.chunks = cut(text, chunkSize)
    this.joined = text
    this.reindex()
  }

  /** Recomputes chunk starts and line-break counts from chunk `from` on (the ones before are unchanged). */
  private reindex(from = 0): void {
    const n = this.chunks.length
    this.starts.length = n
    this.breaksBefore.length = n
    let offset = 0
    let breaks = 0
    if (from > 0) {
      offset = this.starts[from - 1]! + this.chunks[from - 1]!.text.length
      breaks = this.breaksBefore[from - 1]! + this.chunks[from - 1]!.breaks.length
    }
    for (let i = from; i < n; i++) {
      this.starts[i] = offset
      this.breaksBefore[i] = breaks
      offset += this.chunks[i]!.text.length
      breaks += this.chunks[i]!.breaks.length
    }
    this.length = offset
    this.totalBreaks = breaks
  }

  /** Number of lines (one more than line breaks). */
  get lineCount(): number {
    return this.totalBreaks + 1
  }

  /** The whole text, or the text of `range`. */
  getText(range?: {start: DocPosition; end: DocPosition}): string {
    if (range) {
      const a = this.offsetAt(range.start)
      const b = this.offsetAt(range.end)
      return this.slice(Math.min(a, b), Math.max(a, b))
    }
    this.joined ??= this.chunks.map((c) => c.text).join('')
    return this.joined
  }

  /** Length in UTF-16 code units. */
  get textLength(): number {
    return this.length
  }

  private slice(a: number, b: number): string {
    if (this.joined !== undefined) return this.joined.slice(a, b)
    let out = ''
    for (let i = this.chunkAt(a); i < this.chunks.length && this.starts[i]! < b; i++) {
      const s = this.starts[i]!
      out += this.chunks[i]!.text.slice(Math.max(0, a - s), Math.max(0, b - s))
    }
    return out
  }

  /** The index of the chunk holding `offset` (the last chunk for the end of the text). */
  private chunkAt(offset: number): number {
    let lo = 0
    let hi = this.chunks.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return Math.max(0, lo)
  }

  /** The offset where `line` starts, or undefined past the last line. */
  private lineStart(line: number): number | undefined {
    if (line <= 0) return 0
    if (line > this.totalBreaks) return undefined
    // The chunk holding the line's break: the last one with breaksBefore < line.
    let lo = 0
    let hi = this.chunks.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.breaksBefore[mid]! < line) lo = mid
      else hi = mid - 1
    }
    return this.starts[lo]! + this.chunks[lo]!.breaks[line - this.breaksBefore[lo]! - 1]!
  }

  private charAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return -1
    const i = this.chunkAt(offset)
    return this.chunks[i]!.text.charCodeAt(offset - this.starts[i]!)
  }

  /** The offset of a position, clamped to the document and to the end of its line (before the line break). */
  offsetAt(position: DocPosition): number {
    const line = Math.floor(Number(position.line))
    const character = Math.floor(Number(position.character))
    if (!Number.isFinite(line) || line < 0) return 0
    const start = this.lineStart(line)
    if (start === undefined) return this.length
    if (!Number.isFinite(character) || character <= 0) return start
    let end = this.lineStart(line + 1) ?? this.length
    // Not past the line break.
    if (end > start && this.charAt(end - 1) === 10) end--
    if (end > start && this.charAt(end - 1) === 13) end--
    return Math.min(start + character, end)
  }

  /** The position of an offset, clamped to the document. */
  positionAt(offset: number): DocPosition {
    const o = Math.max(0, Math.min(Math.floor(offset) || 0, this.length))
    const i = this.chunkAt(o)
    const local = o - this.starts[i]!
    const breaks = this.chunks[i]!.breaks
    // Breaks in this chunk at or before `local`.
    let lo = 0
    let hi = breaks.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (breaks[mid]! <= local) lo = mid + 1
      else hi = mid
    }
    const line = this.breaksBefore[i]! + lo
    const start = this.lineStart(line)!
    // Inside a CRLF pair (or past the break) counts as the end of the line, as in TextDocument.
    let at = o
    while (at > start && (this.charAt(at - 1) === 10 || this.charAt(at - 1) === 13)) at--
    return {line, character: at - start}
  }

  /** Applies `didChange` content changes in order and sets the version. */
  update(changes: readonly DocChange[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range) this.splice(this.offsetAt(change.range.start), this.offsetAt(change.range.end), change.text)
      else {
        this.chunks = cut(change.text, this.chunkSize)
        this.joined = change.text
        this.reindex()
      }
    }
    this.version = version
  }

  /** Moves a LF that starts chunk `k + 1` to the end of chunk `k` when chunk `k` ends with CR. */
  private joinPair(k: number): void {
    const left = this.chunks[k]
    const right = this.chunks[k + 1]
    if (!left || !right || !left.text.endsWith('\r') || right.text.charCodeAt(0) !== 10) return
    const joined = `${left.text}\n`
    this.chunks[k] = {text: joined, breaks: lineBreaks(joined)}
    const rest = right.text.slice(1)
    if (rest === '') this.chunks.splice(k + 1, 1)
    else this.chunks[k + 1] = {text: rest, breaks: lineBreaks(rest)}
  }

  private splice(from: number, to: number, insert: string): void {
    if (to < from) [from, to] = [to, from]
    this.joined = undefined
    const a = this.chunkAt(from)
    // The chunk holding `to`: the first whose end is at or after it.
    let b = this.chunkAt(to)
    if (b > a && this.starts[b] === to) b--
    let region = ''
    for (let i = a; i <= b; i++) region += this.chunks[i]!.text
    const base = this.starts[a]!
    const replacement = cut(region.slice(0, from - base) + insert + region.slice(to - base), this.chunkSize).filter((c) => c.text !== '')
    this.chunks.splice(a, b - a + 1, ...replacement)
    if (this.chunks.length === 0) this.chunks.push({text: '', breaks: []})
    // Keep CRLF pairs inside one chunk where the edit's edges split one.
    this.joinPair(a + replacement.length - 1)
    if (replacement.length > 0) this.joinPair(a - 1)
    this.reindex(Math.max(0, a - 1))
  }
}
