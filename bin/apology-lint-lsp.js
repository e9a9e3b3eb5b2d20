#!/usr/bin/env node
// The language server lives in the built bundle; `npm install` builds it (the `prepare` script).
// It speaks LSP on stdio; a `--stdio` argument (added by some clients) is accepted and ignored.
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const server = new URL('../dist/server.js', import.meta.url)
if (!existsSync(fileURLToPath(server))) {
  process.stderr.write('apology-lint-lsp: the build is missing (dist/server.js). Run `npm install` or `npm run build` first.\n')
  process.exit(2)
}
const {main} = await import(server.href)
await main()
