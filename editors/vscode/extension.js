// A minimal VS Code client for the apology-lint language server: it starts
// `apology-lint-lsp` (the workspace's own install first, so that its version
// and plugins apply) and lets the server do the rest. The server watches the
// config files itself (dynamic registration), so no file watcher is set here.
const {existsSync} = require('node:fs')
const {join} = require('node:path')
const vscode = require('vscode')
const {LanguageClient} = require('vscode-languageclient/node')

/** @type {LanguageClient | undefined} */
let client

/** The server command: the setting, else the workspace's node_modules/.bin, else PATH. */
function serverCommand() {
  /** @type {string[]} */
  const configured = vscode.workspace.getConfiguration('apologyLint').get('serverCommand', [])
  if (Array.isArray(configured) && configured.length > 0) return {command: configured[0], args: configured.slice(1)}
  const bin = process.platform === 'win32' ? 'apology-lint-lsp.cmd' : 'apology-lint-lsp'
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const local = join(folder.uri.fsPath, 'node_modules', '.bin', bin)
    if (existsSync(local)) return {command: local, args: []}
  }
  return {command: bin, args: []}
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  const {command, args} = serverCommand()
  // No transport set: stdio, without a `--stdio` argument.
  const serverOptions = {command, args, options: {shell: process.platform === 'win32'}}
  const clientOptions = {
    documentSelector: [
      {language: 'html'},
      {language: 'markdown'},
      {language: 'eml'},
      // Plain text only for .txt files and unsaved buffers, not every log file.
      {language: 'plaintext', pattern: '**/*.txt'},
      {language: 'plaintext', scheme: 'untitled'},
    ],
    initializationOptions: {debounceMs: vscode.workspace.getConfiguration('apologyLint').get('debounceMs', 150)},
  }
  client = new LanguageClient('apologyLint', 'apology-lint', serverOptions, clientOptions)
  context.subscriptions.push(client)
  await client.start()
}

function deactivate() {
  return client?.stop()
}

module.exports = {activate, deactivate}
