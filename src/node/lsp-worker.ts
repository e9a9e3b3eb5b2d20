/**
 * The language server's lint thread: lints the documents it is posted, one at
 * a time, and posts the outcomes back. The server terminates it when a newer
 * version of the document arrives or the time budget runs out, so that no
 * email ever holds up hovers, code actions or other documents. Built as its
 * own entry (`dist/lsp-worker.js`) beside the server.
 */
import {setPriority} from 'node:os'
import {parentPort} from 'node:worker_threads'
import {clearEditorConfigs, lintForEditor, type EditorLintRequest} from './lsp-lint.js'

/** What the server posts to the worker. */
export type LspWorkerMessage = {type: 'lint'; request: EditorLintRequest} | {type: 'clear'}

const port = parentPort
// Linting yields to the server's request thread: on Linux this lowers only this thread's priority.
if (port) lowerPriority()
if (!port) throw new Error('Expected to run as the language server’s worker thread')

port.on('message', (message: LspWorkerMessage) => {
  if (message.type === 'clear') {
    clearEditorConfigs()
    return
  }
  void lintForEditor(message.request).then((outcome) => port.postMessage(outcome))
})

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
