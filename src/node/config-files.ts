/**
 * Finding and loading config files and plugins (Node only).
 */
import {existsSync, readFileSync} from 'node:fs'
import {dirname, join, resolve, sep} from 'node:path'
import {homedir} from 'node:os'
import {createRequire} from 'node:module'
import {pathToFileURL} from 'node:url'
import {ConfigError, parseConfig, type Config} from '../config.js'
import type {AnyRule} from '../rule.js'
import {builtinRules} from '../../rules/index.js'

/** Config file names, in the order they are looked for in each folder. */
export const CONFIG_FILES = ['apology-lint.config.json', '.apologylintrc.json', '.apologylintrc', 'apology-lint.config.js', 'apology-lint.config.mjs']

/** A loaded config and where it came from. */
export interface LoadedConfig {
  path?: string
  /** Folder that `overrides` and `ignores` globs are relative to. */
  base: string
  config?: Config
  plugins: AnyRule[]
}

/** Finds the nearest config file from `dir` upward. */
export function findConfigFile(dir: string): string | undefined {
  let current = resolve(dir)
  const home = homedir()
  for (;;) {
    for (const name of CONFIG_FILES) {
      const candidate = join(current, name)
      if (existsSync(candidate)) return candidate
    }
    // The search stops at the repository root (a folder with .git) and at the home folder:
    // a config above them belongs to someone else's project.
    if (existsSync(join(current, '.git')) || current === home) return undefined
    const parent = dirname(current)
    if (parent === current) return undefined
    current = parent
  }
}

async function readConfigFile(path: string): Promise<unknown> {
  if (path.endsWith('.js') || path.endsWith('.mjs')) {
    try {
      const module = (await import(pathToFileURL(path).href)) as {default?: unknown}
      return module.default
    } catch (error) {
      throw new ConfigError([`cannot load: ${error instanceof Error ? error.message : String(error)}`], path)
    }
  }
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new ConfigError([`cannot read: ${error instanceof Error ? error.message : String(error)}`], path)
  }
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new ConfigError([`not valid JSON: ${error instanceof Error ? error.message : String(error)}`], path)
  }
}

/** Loads plugin packages named in config, resolved from the config's folder. */
export async function loadPlugins(names: readonly string[], base: string, source?: string): Promise<AnyRule[]> {
  const rules: AnyRule[] = []
  const require = createRequire(join(base, 'noop.js'))
  const problems: string[] = []
  for (const [i, name] of names.entries()) {
    try {
      const resolved = require.resolve(name)
      const module = (await import(pathToFileURL(resolved).href)) as {default?: unknown; rules?: unknown}
      const exported = (module.default ?? module) as {rules?: unknown}
      const list = exported.rules
      const values = Array.isArray(list) ? list : list && typeof list === 'object' ? Object.values(list) : []
      if (values.length === 0) problems.push(`plugins[${i}]: "${name}" exports no rules (expected a default export {rules: Rule[]})`)
      for (const rule of values) {
        const r = rule as Partial<AnyRule>
        if (typeof r?.id !== 'string' || typeof r.create !== 'function') {
          problems.push(`plugins[${i}]: "${name}" exports something that is not a rule (use defineRule)`)
          continue
        }
        rules.push(rule as AnyRule)
      }
    } catch (error) {
      problems.push(`plugins[${i}]: cannot load "${name}": ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
    }
  }
  if (problems.length > 0) throw new ConfigError(problems, source)
  return rules
}

/**
 * Which configs may run code (a `.js`/`.mjs` config, or `plugins`). The CLI
 * trusts the configs it finds, as ESLint does; the language and MCP servers
 * pass the folders the user opened as `roots`, so that a config found above
 * them, or in a folder the user never opened, cannot run code.
 */
export interface ConfigTrust {
  /** Folders whose configs may run code; absent: any folder. */
  roots?: readonly string[]
  /** False: no config may run code (JSON configs without plugins still load). */
  allowCode?: boolean
}

function codeAllowed(path: string, trust: ConfigTrust): boolean {
  if (trust.allowCode === false) return false
  if (!trust.roots) return true
  return trust.roots.some((root) => {
    const r = resolve(root)
    return path === r || path.startsWith(r.endsWith(sep) ? r : r + sep)
  })
}

function notTrusted(trust: ConfigTrust): string {
  return trust.allowCode === false
    ? 'not loaded: it would run code (a .js/.mjs config or plugins), and running code from configs is turned off here'
    : `not loaded: it would run code (a .js/.mjs config or plugins), and it lies outside the opened folders (${(trust.roots ?? []).join(', ') || 'none'})`
}

/**
 * Loads the config for a file: `explicit` (`--config`) or the nearest config
 * file from the file's folder upward, validated, with its plugins.
 */
export async function loadConfigFor(fileDir: string, explicit?: string, trust: ConfigTrust = {}): Promise<LoadedConfig> {
  const path = explicit ? resolve(explicit) : findConfigFile(fileDir)
  if (!path) return {base: resolve(fileDir), plugins: []}
  if (explicit && !existsSync(path)) throw new ConfigError([`file not found`], explicit)
  const base = dirname(path)
  const isCode = path.endsWith('.js') || path.endsWith('.mjs')
  if (isCode && !codeAllowed(path, trust)) throw new ConfigError([notTrusted(trust)], path)
  const raw = await readConfigFile(path)
  // Plugins first, so that their rule ids are known when the rules are checked.
  const pluginNames = (raw as {plugins?: unknown})?.plugins
  if (Array.isArray(pluginNames) && pluginNames.length > 0 && !codeAllowed(path, trust)) throw new ConfigError([`plugins: ${notTrusted(trust)}`], path)
  const plugins = Array.isArray(pluginNames) && pluginNames.every((p) => typeof p === 'string') ? await loadPlugins(pluginNames as string[], base, path) : []
  const config = parseConfig(raw, path, [...builtinRules, ...plugins])
  return {path, base, config, plugins}
}
