#!/usr/bin/env node
// The CLI lives in the built bundle; `npm install` builds it (the `prepare` script).
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const cli = new URL('../dist/cli.js', import.meta.url)
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('apology-lint: the build is missing (dist/cli.js). Run `npm install` or `npm run build` first.\n')
  process.exit(2)
}
const {run} = await import(cli.href)
process.exitCode = await run(process.argv.slice(2))
