/**
 * The MCP line guard on its own: lines pass whole, one chunk each; a line
 * over the limit is dropped and reported with its request id; a line that is
 * not JSON is reported instead of passed on.
 */
import {PassThrough} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {guardLines, requestIdOf} from '../src/node/line-guard.js'

async function run(chunks: string[], maxLineBytes: number): Promise<{lines: string[]; oversized: unknown[]; unparsable: unknown[]}> {
  const input = new PassThrough()
  const oversized: unknown[] = []
  const unparsable: unknown[] = []
  const output = guardLines(input, {maxLineBytes, onOversized: (o) => oversized.push(o), onUnparsable: (u) => unparsable.push({id: u.id, bytes: u.bytes})})
  const lines: string[] = []
  output.on('data', (chunk: Buffer) => lines.push(chunk.toString()))
  const ended = new Promise((r) => output.on('end', r))
  for (const c of chunks) input.write(c)
  input.end()
  await ended
  return {lines, oversized, unparsable}
}

describe('guardLines', () => {
  it('passes each line whole, in one chunk, however it arrived', async () => {
    const {lines} = await run(['{"id":1,', '"a":2}\n{"id":2}\n{"i', 'd":3}\n'], 100)
    expect(lines).toEqual(['{"id":1,"a":2}\n', '{"id":2}\n', '{"id":3}\n'])
  })

  it('drops a line over the limit and reports its size and id, then goes on', async () => {
    const big = `{"jsonrpc":"2.0","id":"x-7","method":"tools/call","params":{"email":"${'a'.repeat(300)}"}}`
    const {lines, oversized} = await run([big.slice(0, 100), big.slice(100), '\n{"id":8}\n'], 200)
    expect(oversized).toEqual([{bytes: big.length, id: 'x-7'}])
    expect(lines).toEqual(['{"id":8}\n'])
  })

  it('reports a line that is not JSON instead of passing it on', async () => {
    const {lines, unparsable} = await run(['{"jsonrpc":"2.0","id":5,"method":\n', '{"id":6}\n'], 1000)
    expect(unparsable).toEqual([{id: 5, bytes: 33}])
    expect(lines).toEqual(['{"id":6}\n'])
  })

  it('reads ids at the start or end of a line, never from inside a string', () => {
    expect(requestIdOf('{"jsonrpc":"2.0","id":12,"method":"x"', '')).toBe(12)
    expect(requestIdOf('{"params":{"email":"say \\"id\\":99 here', '"}},"id":"late"}')).toBe('late')
    expect(requestIdOf('{"method":"x","params":{"email":"', '"}}')).toBeNull()
  })
})
