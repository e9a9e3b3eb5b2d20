/**
 * A few worker threads that run one job each at a time, with a time budget
 * per job and cancellation (Node only). A job that overruns its budget, or
 * whose caller gives up, has its thread terminated (a lint is synchronous
 * work: stopping the thread is the only way to stop it); a new thread is
 * started for the next job. Used by the MCP server so that one slow email
 * never holds up other calls.
 */
import type {Worker} from 'node:worker_threads'

/** A job's message to a worker, and the worker's answer. */
export interface PoolMessage<Req> {
  id: number
  request: Req
}
export type PoolReply<Res> = {id: number; result: Res} | {id: number; error: string}

/** Why a job did not finish. */
export class JobStopped extends Error {
  constructor(
    readonly reason: 'timeout' | 'cancelled' | 'crashed',
    message: string,
  ) {
    super(message)
    this.name = 'JobStopped'
  }
}

interface Job<Req, Res> {
  id: number
  request: Req
  resolve: (result: Res) => void
  reject: (error: Error) => void
  signal?: AbortSignal | undefined
}

interface Slot<Req, Res> {
  worker?: Worker | undefined
  job?: Job<Req, Res> | undefined
  timer?: NodeJS.Timeout | undefined
}

/** A pool of `size` lazily started worker threads. */
export class ThreadPool<Req, Res> {
  private readonly slots: Slot<Req, Res>[]
  private readonly queue: Job<Req, Res>[] = []
  private nextId = 0
  private closed = false

  constructor(
    private readonly start: () => Worker,
    size: number,
    private readonly timeoutMs: number,
  ) {
    this.slots = Array.from({length: Math.max(1, size)}, () => ({}))
  }

  /** Runs `request` on a thread; rejects with {@link JobStopped} on timeout, cancellation or a crashed thread. */
  run(request: Req, signal?: AbortSignal): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      if (this.closed) return reject(new JobStopped('cancelled', 'The server is closing.'))
      if (signal?.aborted) return reject(new JobStopped('cancelled', 'Cancelled by the client.'))
      const job: Job<Req, Res> = {id: this.nextId++, request, resolve, reject, signal}
      signal?.addEventListener('abort', () => this.cancel(job), {once: true})
      this.queue.push(job)
      this.pump()
    })
  }

  /** Stops every thread and rejects every job. */
  close(): void {
    this.closed = true
    for (const job of this.queue.splice(0)) job.reject(new JobStopped('cancelled', 'The server is closing.'))
    for (const slot of this.slots) this.stop(slot, new JobStopped('cancelled', 'The server is closing.'))
  }

  private cancel(job: Job<Req, Res>): void {
    const queued = this.queue.indexOf(job)
    if (queued !== -1) {
      this.queue.splice(queued, 1)
      job.reject(new JobStopped('cancelled', 'Cancelled by the client.'))
      return
    }
    const slot = this.slots.find((s) => s.job === job)
    if (slot) {
      this.stop(slot, new JobStopped('cancelled', 'Cancelled by the client.'))
      this.pump()
    }
  }

  private stop(slot: Slot<Req, Res>, error: JobStopped): void {
    if (slot.timer) clearTimeout(slot.timer)
    const job = slot.job
    const worker = slot.worker
    slot.job = undefined
    slot.timer = undefined
    slot.worker = undefined
    if (worker) {
      worker.removeAllListeners()
      worker.on('error', () => {})
      void worker.terminate()
    }
    job?.reject(error)
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return
      if (slot.job) continue
      const job = this.queue.shift()!
      slot.job = job
      slot.timer = setTimeout(() => {
        this.stop(slot, new JobStopped('timeout', `Stopped after ${Math.round(this.timeoutMs / 100) / 10} s.`))
        this.pump()
      }, this.timeoutMs)
      try {
        this.workerOf(slot).postMessage({id: job.id, request: job.request} satisfies PoolMessage<Req>)
      } catch (error) {
        this.stop(slot, new JobStopped('crashed', error instanceof Error ? error.message : String(error)))
      }
    }
  }

  private workerOf(slot: Slot<Req, Res>): Worker {
    if (slot.worker) return slot.worker
    const worker = this.start()
    worker.on('message', (reply: PoolReply<Res>) => {
      const job = slot.job
      if (worker !== slot.worker || !job || reply.id !== job.id) return
      if (slot.timer) clearTimeout(slot.timer)
      slot.job = undefined
      slot.timer = undefined
      if ('error' in reply) job.reject(new Error(reply.error))
      else job.resolve(reply.result)
      this.pump()
    })
    const died = (why: string): void => {
      if (worker !== slot.worker) return
      slot.worker = undefined
      const job = slot.job
      if (slot.timer) clearTimeout(slot.timer)
      slot.job = undefined
      slot.timer = undefined
      job?.reject(new JobStopped('crashed', why))
      this.pump()
    }
    worker.on('error', (error) => died(error.message))
    worker.on('exit', (code) => died(`The lint thread stopped (exit code ${code}).`))
    slot.worker = worker
    return worker
  }
}
