/**
 * The language server's lint thread: lints the documents it is posted, one at
 * a time, and posts the outcomes back. The server terminates it when a newer
 * version of the document arrives or the time budget runs out, so that no
 * email ever holds up hovers, code actions or other documents. Built as its
 * own entry (`dist/lsp-worker.js`) beside the server.
 */
import {parentPort} from 'node:worker_threads'
import {clearEditorConfigs, lintForEditor, type EditorLintRequest} from './lsp-lint.js'

/** What the server posts to the worker. */
export type LspWorkerMessage = {type: 'lint'; request: EditorLintRequest} | {type: 'clear'}

const port = parentPort
if (!port) throw new Error('Expected to run as the language server’s worker thread')

port.on('message', (message: LspWorkerMessage) => {
  if (message.type === 'clear') {
    clearEditorConfigs()
    return
  }
  void lintForEditor(message.request).then((outcome) => port.postMessage(outcome))
})
