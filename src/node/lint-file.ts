/**
 * Linting files on disk: config discovery, reading, and the same `lint` the
 * library exposes (Node only).
 */
import {dirname, relative, resolve, sep} from 'node:path'
import {lint, parseErrorResult, type LintOptions, type LintResult} from '../lint.js'
import {formatFromFilename} from '../parse/index.js'
import {DEFAULT_LIMITS} from '../config.js'
import {loadConfigFor, type ConfigTrust, type LoadedConfig} from './config-files.js'
import {readEmailFile, ReadError} from './files.js'

/** Options for {@link lintFile}: {@link LintOptions} plus where to find config. */
export interface LintFileOptions extends Omit<LintOptions, 'filename'> {
  /** Path of a config file to use instead of searching upward from the file. */
  configFile?: string
  /** Do not look for config files (use only `config`). */
  noConfigLookup?: boolean
}

const configCache = new Map<string, Promise<LoadedConfig>>()

/**
 * Loads (once per folder, explicit path and trust) the config that applies to
 * `path`. Servers pass `trust.roots`, the folders the user opened, so that a
 * config outside them cannot run code (see {@link ConfigTrust}).
 *
 * @example
 * const loaded = await configFor(file, undefined, {roots: workspaceFolders})
 */
export function configFor(path: string, configFile?: string, trust: ConfigTrust = {}): Promise<LoadedConfig> {
  const key = `${configFile ?? ''}\u0000${dirname(resolve(path))}\u0000${JSON.stringify(trust)}`
  let loaded = configCache.get(key)
  if (!loaded) {
    loaded = loadConfigFor(dirname(resolve(path)), configFile, trust)
    configCache.set(key, loaded)
    // A config that failed to load is read again next time (it may have been fixed).
    loaded.catch(() => configCache.delete(key))
  }
  return loaded
}

/** Forgets loaded configs (the language server calls this when a config file changes). */
export function clearConfigCache(): void {
  configCache.clear()
}

/**
 * Lints one file: finds its config, reads it as UTF-8 text, and lints it.
 * An unreadable file gives a result with one fatal `parse-error`.
 *
 * @example
 * const result = await lintFile('emails/apology.eml')
 */
export async function lintFile(path: string, options: LintFileOptions = {}): Promise<LintResult> {
  const full = resolve(path)
  const loaded: LoadedConfig = options.noConfigLookup && !options.configFile ? {base: dirname(full), plugins: []} : await configFor(full, options.configFile)
  const config = options.config ?? loaded.config
  const maxBytes = options.maxBytes ?? (config as {maxBytes?: number} | undefined)?.maxBytes ?? DEFAULT_LIMITS.maxBytes
  let source: string
  try {
    source = await readEmailFile(full, maxBytes)
  } catch (error) {
    if (error instanceof ReadError) return parseErrorResult('', formatFromFilename(full) ?? 'text', error.message, full)
    throw error
  }
  const {configFile: _configFile, noConfigLookup: _noLookup, ...lintOptions} = options
  const result = await lint(source, {
    ...lintOptions,
    ...(config !== undefined ? {config} : {}),
    plugins: [...loaded.plugins, ...(options.plugins ?? [])],
    filename: relative(loaded.base, full).split(sep).join('/'),
  })
  result.filePath = full
  return result
}
