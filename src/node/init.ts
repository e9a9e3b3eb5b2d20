/**
 * `--init`: writes a starter config, asking for the brand on a TTY (Node only).
 */
import {existsSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {createInterface} from 'node:readline/promises'

/** Writes `apology-lint.config.json` in `cwd`; returns the path, or throws if one exists. */
export async function writeStarterConfig(cwd: string, interactive: boolean): Promise<string> {
  const path = join(cwd, 'apology-lint.config.json')
  if (existsSync(path)) throw new Error(`${path} already exists; edit it instead`)
  let name = 'Acme'
  let domain = 'acme.example'
  if (interactive) {
    const rl = createInterface({input: process.stdin, output: process.stderr})
    try {
      name = (await rl.question(`Brand name (${name}): `)).trim() || name
      domain = (await rl.question(`Brand domain (${domain}): `)).trim() || domain
    } finally {
      rl.close()
    }
  }
  const config = {
    $schema: './node_modules/apology-lint/schema/config.schema.json',
    extends: 'recommended',
    language: 'auto',
    brand: {name, domains: [domain], supportAddress: `support@${domain}`},
    rules: {},
  }
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`)
  return path
}
