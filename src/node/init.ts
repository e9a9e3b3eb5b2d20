/**
 * `--init`: writes a starter config, asking for the brand on a TTY (Node only).
 * Without a terminal nothing is made up: the brand is left out, and the
 * result says which settings to fill in.
 */
import {existsSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {createInterface} from 'node:readline/promises'

/** What {@link writeStarterConfig} wrote. */
export interface StarterConfig {
  path: string
  /** True when the brand was given (on a terminal); false when it is left for the user to fill in. */
  branded: boolean
}

/** Writes `apology-lint.config.json` in `cwd`; throws if one exists. Asks for the brand only when `interactive`. */
export async function writeStarterConfig(cwd: string, interactive: boolean): Promise<StarterConfig> {
  const path = join(cwd, 'apology-lint.config.json')
  if (existsSync(path)) throw new Error(`${path} already exists; edit it instead`)
  let name = ''
  let domain = ''
  let support = ''
  if (interactive) {
    const rl = createInterface({input: process.stdin, output: process.stderr})
    try {
      name = (await rl.question('Brand name (e.g. Northwind; empty to skip): ')).trim()
      domain = (await rl.question('Brand domain (e.g. northwind.com; empty to skip): ')).trim()
      support = (await rl.question(`Monitored support address${domain ? ` (e.g. support@${domain})` : ''}; empty to skip: `)).trim()
    } finally {
      rl.close()
    }
  }
  const brand: Record<string, unknown> = {}
  if (name) brand.name = name
  if (domain) brand.domains = [domain]
  // Only an address the user typed: --fix writes brand.supportAddress into emails.
  if (support) brand.supportAddress = support
  const config: Record<string, unknown> = {
    $schema: './node_modules/apology-lint/schema/config.schema.json',
    extends: 'recommended',
    language: 'auto',
  }
  if (Object.keys(brand).length > 0) config.brand = brand
  config.rules = {}
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`)
  return {path, branded: Object.keys(brand).length > 0}
}
