/**
 * Linting many files across cores with worker threads (Node only).
 *
 * Each worker runs the same {@link lintFile} as the main thread, on batches of
 * file paths it is handed from one shared queue, so that a slow file does not
 * hold up a whole share. The main thread takes batches from the same queue
 * (it would otherwise wait idle), so N lanes start N - 1 workers, each of which
 * loads the linter once. Results come back without their `document` (it holds
 * class instances and maps that a worker cannot post) and are returned in the
 * order of `files`. Few files, one core, or options that cannot be posted to a
 * worker (plugin rules are functions) are linted in this thread instead.
 */
import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'
import {ConfigError} from '../config.js'
import type {LintResult} from '../lint.js'
import {lintFile, type LintFileOptions} from './lint-file.js'

/** Below this many files, starting workers (each loads the linter) costs more than it saves. */
export const PARALLEL_THRESHOLD = 50

/** Files handed to a worker at a time: large enough to amortise messages, small enough to balance. */
const BATCH = 8

/** A result as posted by a worker: everything but the parsed document. */
export type PostedResult = Omit<LintResult, 'document'>

/** What the main thread posts to a worker. */
export interface WorkerTask {
  id: number
  files: string[]
}

/** What a worker posts back: the results of one task, or the error that stopped it. */
export type WorkerReply = {id: number; results: PostedResult[]} | {id: number; error: SerializedError} | {ready: true}

/** An error reduced to what survives posting, with what is needed to rebuild a {@link ConfigError}. */
export interface SerializedError {
  name: string
  message: string
  stack?: string
  problems?: string[]
  source?: string
}

/** Options for the worker, as its `workerData`. */
export interface WorkerInit {
  options: LintFileOptions
}

/** Drops the parsed document, which cannot be posted between threads. */
export function toPosted(result: LintResult): PostedResult {
  const {document: _document, ...rest} = result
  return rest
}

/** Reduces an error to plain data (see {@link SerializedError}). */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof ConfigError) {
    const out: SerializedError = {name: error.name, message: error.message, problems: [...error.problems]}
    if (error.stack) out.stack = error.stack
    if (error.source !== undefined) out.source = error.source
    return out
  }
  if (error instanceof Error) {
    const out: SerializedError = {name: error.name, message: error.message}
    if (error.stack) out.stack = error.stack
    return out
  }
  return {name: 'Error', message: String(error)}
}

function reviveError(error: SerializedError): Error {
  if (error.name === 'ConfigError' && error.problems) return new ConfigError(error.problems, error.source)
  const revived = new Error(error.message)
  revived.name = error.name
  if (error.stack) revived.stack = error.stack
  return revived
}

/**
 * Starts one worker: the bundled `lint-worker.js` beside this chunk in `dist/`,
 * or, when this module runs from its TypeScript source (tsx, vitest), the
 * `.ts` worker behind tsx's loader, which a worker does not inherit.
 */
function startWorker(init: WorkerInit): Worker {
  const here = import.meta.url
  if (!here.endsWith('.ts')) return new Worker(new URL('./lint-worker.js', here), {workerData: init})
  const source = new URL('./lint-worker.ts', here).href
  const boot = `import('tsx/esm/api').then(({register}) => { register(); return import(${JSON.stringify(source)}) })`
  return new Worker(boot, {eval: true, workerData: init})
}

/** True when `options` can be posted to a worker unchanged. */
function isPostable(options: LintFileOptions): boolean {
  if (options.plugins && options.plugins.length > 0) return false
  try {
    structuredClone(options)
    return true
  } catch {
    return false
  }
}

/**
 * Lints `files` like {@link lintFile} would one by one, using worker threads
 * across cores when there are many, and returns the results in the order of
 * `files` (without their `document`).
 *
 * @param workers - How many threads lint at most, this one included (default: the available cores).
 * @example
 * const results = await lintFilesParallel(files, {configFile: 'apology-lint.config.json'})
 * const errors = results.reduce((n, r) => n + r.errorCount, 0)
 */
export async function lintFilesParallel(files: readonly string[], options: LintFileOptions = {}, workers?: number): Promise<LintResult[]> {
  const lanes = Math.max(1, Math.min(workers ?? availableParallelism(), Math.ceil(files.length / BATCH)))
  if (files.length <= PARALLEL_THRESHOLD || lanes < 2 || !isPostable(options)) {
    const results: LintResult[] = []
    for (const file of files) results.push(toPosted(await lintFile(file, options)))
    return results
  }
  return runPool(files, options, lanes)
}

function runPool(files: readonly string[], options: LintFileOptions, lanes: number): Promise<LintResult[]> {
  const results = new Array<LintResult>(files.length)
  const init: WorkerInit = {options}
  const pool: Worker[] = []
  let next = 0
  let done = 0
  let taskId = 0
  const pending = new Map<number, number>()

  return new Promise<LintResult[]>((resolvePool, rejectPool) => {
    let settled = false
    const finish = (error?: Error): void => {
      if (settled) return
      settled = true
      // Workers hold nothing the caller needs: stop them whatever happened.
      for (const worker of pool) void worker.terminate()
      if (error) rejectPool(error)
      else resolvePool(results)
    }
    const feed = (worker: Worker): void => {
      if (next >= files.length) return
      const start = next
      const batch = files.slice(start, start + BATCH)
      next += batch.length
      const id = taskId++
      pending.set(id, start)
      const task: WorkerTask = {id, files: batch}
      worker.postMessage(task)
    }
    const complete = (count: number): void => {
      done += count
      if (done === files.length) finish()
    }
    // The main thread's lane: one file at a time, yielding between files so
    // that workers' replies are handled (and they are fed) without delay.
    const mainLane = async (): Promise<void> => {
      while (!settled && next < files.length) {
        const start = next
        next += 1
        const result = await lintFile(files[start]!, options)
        results[start] = toPosted(result)
        complete(1)
        await new Promise<void>((resolveTick) => setImmediate(resolveTick))
      }
    }
    for (let i = 0; i < lanes - 1; i++) {
      const worker = startWorker(init)
      pool.push(worker)
      worker.on('message', (reply: WorkerReply) => {
        // A worker is fed once it has loaded the linter: until then the main lane takes the files,
        // so a slow start (a loaded machine) never holds the run up.
        if ('ready' in reply) {
          feed(worker)
          return
        }
        const start = pending.get(reply.id)
        pending.delete(reply.id)
        if (start === undefined) return
        if ('error' in reply) {
          finish(reviveError(reply.error))
          return
        }
        reply.results.forEach((result, k) => {
          results[start + k] = result
        })
        feed(worker)
        complete(reply.results.length)
      })
      worker.on('error', (error) => finish(error))
      worker.on('exit', (code) => {
        if (!settled) finish(new Error(`A lint worker stopped (exit code ${code}) before all files were checked.`))
      })
    }
    mainLane().catch((error: unknown) => finish(error instanceof Error ? error : new Error(String(error))))
  })
}
