/**
 * A guard in front of the MCP SDK's stdio transport (Node only). The SDK
 * buffers input until a newline and, past 10 MiB, throws, closes the
 * transport and lets the process exit without answering, so an 11 MB email
 * (or a 6 MB one whose quotes and newlines double once escaped as JSON) ended
 * the server, although apology-lint's own input limit is 10 MB. The guard
 * reads stdin itself, hands the transport one complete line at a time (one
 * chunk each, so the SDK's buffer never concatenates piece by piece), and
 * answers a line over its limit with a JSON-RPC error instead of passing it on.
 */
import {PassThrough, type Readable} from 'node:stream'

/** The default longest line passed on: room for a 10 MB email even if every character is escaped. */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024

/** What is known about a line that was too long. */
export interface OversizedLine {
  bytes: number
  /** The request's id, when it could be read from the line's start or end; null otherwise. */
  id: string | number | null
}

/** Options for {@link guardLines}. */
export interface LineGuardOptions {
  maxLineBytes?: number
  /** Called once per line over the limit, after its newline (or the end of input). */
  onOversized: (line: OversizedLine) => void
  /** Called for a line that is not JSON (the transport would drop it without an answer); the line is not passed on. */
  onUnparsable?: (line: OversizedLine & {message: string}) => void
}

const EDGE = 4096
const NEWLINE = Buffer.from('\n')

/** The top-level `"id"` of a JSON-RPC message, read from the first or last few KB of its line. */
export function requestIdOf(head: string, tail: string): string | number | null {
  // Inside a JSON string every quote is escaped, so an unescaped `"id":` is a key.
  const pattern = /[{,]\s*"id"\s*:\s*("(?:[^"\\\n]|\\.){0,256}"|-?\d{1,16})\s*[,}]/g
  const first = pattern.exec(head)
  let match = first
  if (!match) {
    pattern.lastIndex = 0
    for (let m = pattern.exec(tail); m; m = pattern.exec(tail)) match = m
  }
  if (!match) return null
  try {
    const value = JSON.parse(match[1]!) as unknown
    return typeof value === 'string' || typeof value === 'number' ? value : null
  } catch {
    return null
  }
}

/** Why a line is not JSON, or undefined when it is (blank lines count as JSON: the transport skips them). */
function jsonProblem(line: Buffer): string | undefined {
  const text = line.toString('utf8')
  if (text.trim() === '') return undefined
  try {
    JSON.parse(text)
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message.slice(0, 200) : 'not JSON'
  }
}

/**
 * Returns a stream of `input`'s lines, each passed on whole (newline
 * included) when it is at most `maxLineBytes` long; longer lines are dropped
 * and reported to `onOversized`. Memory stays within about one line's limit.
 */
export function guardLines(input: Readable, options: LineGuardOptions): PassThrough {
  const max = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES
  const output = new PassThrough()
  let parts: Buffer[] = []
  let size = 0
  let oversized = false
  let head = ''
  let tail: Buffer = Buffer.alloc(0)

  const take = (segment: Buffer): void => {
    size += segment.length
    if (!oversized) {
      parts.push(segment)
      if (size > max) {
        oversized = true
        const all = Buffer.concat(parts)
        head = all.subarray(0, EDGE).toString('utf8')
        tail = Buffer.from(all.subarray(Math.max(0, all.length - EDGE)))
        parts = []
      }
      return
    }
    const joined =
      tail.length + segment.length > 2 * EDGE
        ? Buffer.concat([tail.subarray(Math.max(0, tail.length - EDGE)), segment.subarray(Math.max(0, segment.length - EDGE))])
        : Buffer.concat([tail, segment])
    tail = Buffer.from(joined.subarray(Math.max(0, joined.length - EDGE)))
  }

  const endLine = (): void => {
    if (oversized) options.onOversized({bytes: size, id: requestIdOf(head, tail.toString('utf8'))})
    else if (size > 0) {
      const line = Buffer.concat([...parts, NEWLINE])
      const problem = options.onUnparsable ? jsonProblem(line) : undefined
      if (problem === undefined) output.write(line)
      else {
        const text = line.toString('utf8')
        options.onUnparsable!({bytes: size, id: requestIdOf(text.slice(0, EDGE), text.slice(-EDGE)), message: problem})
      }
    }
    parts = []
    size = 0
    oversized = false
    head = ''
    tail = Buffer.alloc(0)
  }

  input.on('data', (chunk: Buffer | string) => {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    let start = 0
    for (let nl = buffer.indexOf(10, start); nl !== -1; nl = buffer.indexOf(10, start)) {
      take(buffer.subarray(start, nl))
      endLine()
      start = nl + 1
    }
    if (start < buffer.length) take(buffer.subarray(start))
  })
  input.on('end', () => {
    endLine()
    output.end()
  })
  input.on('error', (error) => output.destroy(error))
  return output
}
