/**
 * The worker thread of {@link lintFilesParallel}: lints the batches of files it
 * is posted, one file at a time, and posts the results back without their
 * `document`. Built as its own entry (`dist/lint-worker.js`) beside the CLI.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {lintFile} from './lint-file.js'
import {serializeError, toPosted, type PostedResult, type WorkerInit, type WorkerReply, type WorkerTask} from './pool.js'

const port = parentPort
if (!port) throw new Error('Expected to run as a worker thread of lintFilesParallel')
const {options} = workerData as WorkerInit
// The linter is loaded (static imports): ask for work.
port.postMessage({ready: true} satisfies WorkerReply)

// Tasks are handled one after another: the pool posts the next batch only
// when this one is answered, so a worker never holds more than one.
port.on('message', (task: WorkerTask) => {
  void (async () => {
    let reply: WorkerReply
    try {
      const results: PostedResult[] = []
      for (const file of task.files) results.push(toPosted(await lintFile(file, options)))
      reply = {id: task.id, results}
    } catch (error) {
      reply = {id: task.id, error: serializeError(error)}
    }
    port.postMessage(reply)
  })()
})
