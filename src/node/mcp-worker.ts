/**
 * The MCP server's lint thread: finds the config as the server would and
 * lints the email it is posted, then posts the result back without its
 * parsed document. The server stops the thread when a call is cancelled or
 * runs over its time budget. Built as its own entry (`dist/mcp-worker.js`).
 */
import {resolve} from 'node:path'
import {setPriority} from 'node:os'
import {parentPort} from 'node:worker_threads'
import {ConfigError, type Incident} from '../config.js'
import type {Format, Language} from '../document.js'
import {lint, type LintOptions} from '../lint.js'
import {configFor} from './lint-file.js'
import {toPosted, type PostedResult} from './pool.js'
import type {PoolMessage, PoolReply} from './thread-pool.js'

/** One `lint_apology_email` call. */
export interface McpLintRequest {
  email: string
  cwd: string
  configFile?: string
  format?: Format
  from?: string
  subject?: string
  language?: Language | 'auto'
  incident?: Incident
}

/** The outcome: a result, or a config problem to report as a tool error. */
export type McpLintOutcome = {kind: 'result'; result: PostedResult} | {kind: 'config-error'; message: string}

/** Lints one call's email with the config found from `cwd` (or `configFile`). */
export async function lintForMcp(request: McpLintRequest): Promise<McpLintOutcome> {
  try {
    const loaded = await configFor(resolve(request.cwd, 'stdin'), request.configFile)
    const options: LintOptions = {plugins: loaded.plugins}
    if (loaded.config) options.config = loaded.config
    if (request.format) options.format = request.format
    if (request.from !== undefined) options.from = request.from
    if (request.subject !== undefined) options.subject = request.subject
    if (request.language) options.language = request.language
    if (request.incident) options.incident = request.incident
    return {kind: 'result', result: toPosted(await lint(request.email, options))}
  } catch (error) {
    if (error instanceof ConfigError) return {kind: 'config-error', message: error.message}
    throw error
  }
}

const port = parentPort
// Linting yields to the server's request thread: on Linux this lowers only this thread's priority.
if (port) lowerPriority()
if (port) {
  port.on('message', (message: PoolMessage<McpLintRequest>) => {
    lintForMcp(message.request).then(
      (result) => port.postMessage({id: message.id, result} satisfies PoolReply<McpLintOutcome>),
      (error: unknown) =>
        port.postMessage({id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error)} satisfies PoolReply<McpLintOutcome>),
    )
  })
}

/** Lowers this thread's scheduling priority where the platform allows it (best effort). */
function lowerPriority(): void {
  // Elsewhere the call would lower the whole process, request thread included.
  if (process.platform !== 'linux') return
  try {
    setPriority(10)
  } catch {
    // Not permitted or not supported: run at normal priority.
  }
}
