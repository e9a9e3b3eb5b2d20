/**
 * Reading emails from disk and expanding the CLI's files, folders and globs (Node only).
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {isAbsolute, join, relative, resolve, sep} from 'node:path'
import picomatch from 'picomatch'

/** Extensions linted when a folder is given. */
export const EMAIL_EXTENSIONS = ['.eml', '.html', '.htm', '.txt', '.md', '.markdown']

const IGNORED_DIRS = new Set(['node_modules', '.git', 'dist', 'coverage'])

/** A file that could not be read as text. */
export class ReadError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ReadError'
  }
}

/** Why an errno stops a read, in words. */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'ELOOP') return 'too many symbolic links (a loop?)'
  return (error as Error).message
}

/**
 * Reads a file as UTF-8 text (what an editor shows), refusing folders, FIFOs
 * and devices, binary data and files over `maxBytes`. Every failure is a
 * {@link ReadError} naming the file.
 */
export async function readEmailFile(path: string, maxBytes: number): Promise<string> {
  return new TextDecoder('utf-8', {fatal: false, ignoreBOM: false}).decode(await readEmailBytes(path, maxBytes))
}

/** Reads a file's bytes with the checks of {@link readEmailFile}. */
export async function readEmailBytes(path: string, maxBytes: number): Promise<Uint8Array> {
  let size: number
  try {
    const stat = statSync(path)
    if (stat.isDirectory()) throw new ReadError(`${path} is a folder, not an email file.`)
    // A FIFO or a device would block the run or never end.
    if (!stat.isFile()) throw new ReadError(`${path} is not a regular file (a pipe, socket or device); save the email to a file, or use --stdin.`)
    size = stat.size
  } catch (error) {
    if (error instanceof ReadError) throw error
    throw new ReadError(`Cannot read ${path}: ${reason(error)}.`)
  }
  if (size > maxBytes) throw new ReadError(`${path} is ${size} bytes, over maxBytes (${maxBytes}); raise maxBytes to check it.`)
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw new ReadError(`Cannot read ${path}: ${reason(error)}.`)
  }
  if (bytes.includes(0)) throw new ReadError(`${path} looks like binary data (it contains NUL bytes), not an email.`)
  return bytes
}

/** True when a pattern has glob syntax. */
function isGlob(pattern: string): boolean {
  return /[*?[\]{}!]/.test(pattern)
}

function isFileTarget(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

function walk(dir: string, out: string[]): void {
  let entries
  try {
    entries = readdirSync(dir, {withFileTypes: true})
  } catch {
    return
  }
  entries.sort((a, b) => a.name.localeCompare(b.name))
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (!IGNORED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(join(dir, entry.name), out)
    } else if (EMAIL_EXTENSIONS.some((e) => entry.name.toLowerCase().endsWith(e))) {
      // A symbolic link to a file is linted like the file; links to folders are not followed (they can loop).
      if (entry.isFile() || (entry.isSymbolicLink() && isFileTarget(join(dir, entry.name)))) out.push(join(dir, entry.name))
    }
  }
}

/** The ignore file read from the folder the CLI runs in (gitignore-like lines). */
export const IGNORE_FILE = '.apologylintignore'

/**
 * Reads `dir/.apologylintignore` as globs relative to `dir`: one pattern a
 * line, `#` comments and blank lines skipped, a pattern without a slash
 * matches at any depth, a leading slash anchors it to `dir`, a trailing slash
 * means a folder and everything in it. Missing file: no patterns.
 */
export function readIgnoreFile(dir: string): string[] {
  let text: string
  try {
    text = readFileSync(join(dir, IGNORE_FILE), 'utf8')
  } catch {
    return []
  }
  const globs: string[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    let glob = line
    const folder = glob.endsWith('/')
    if (folder) glob = glob.slice(0, -1)
    const anchored = glob.startsWith('/') || glob.includes('/')
    if (glob.startsWith('/')) glob = glob.slice(1)
    if (!anchored) glob = `**/${glob}`
    globs.push(glob, `${glob}/**`)
  }
  return globs
}

/** The result of expanding CLI arguments. */
export interface Expanded {
  files: string[]
  /** Arguments that named nothing. */
  missing: string[]
  /** Files named explicitly that match an ignore pattern (skipped; the CLI says so). */
  ignored: string[]
}

/** Turns globs relative to `base` into absolute ones (forward slashes), for {@link expandPatterns}. */
export function anchorGlobs(globs: readonly string[], base: string): string[] {
  const root = picomatch.scan(base).isGlob ? base.replace(/[*?[\]{}()!+@]/g, (c) => `\\${c}`) : base
  const prefix = root.split(sep).join('/').replace(/\/$/, '')
  return globs.map((g) => `${prefix}/${g.replace(/^\.\//, '')}`)
}

/**
 * Expands files, folders (recursively, email extensions only) and globs, relative to `cwd`.
 * `ignores` are absolute globs (see {@link anchorGlobs}) that folder and glob expansion skip,
 * and that move a file named explicitly to `ignored`.
 */
export function expandPatterns(patterns: readonly string[], cwd: string, ignores: readonly string[] = []): Expanded {
  const files: string[] = []
  const missing: string[] = []
  const ignored: string[] = []
  const ignoreMatcher = ignores.length > 0 ? picomatch(ignores as string[], {dot: true}) : () => false
  const isIgnored = (relativeName: string): boolean => ignoreMatcher(resolve(cwd, relativeName).split(sep).join('/'))
  const rel = (p: string): string => relative(cwd, p).split(sep).join('/')
  for (const pattern of patterns) {
    if (isGlob(pattern)) {
      // An absolute glob is matched against absolute paths, a relative one against paths relative to cwd.
      const absolute = isAbsolute(pattern)
      const matcher = picomatch(absolute ? pattern.split(sep).join('/') : pattern, {dot: false})
      const name = (f: string): string => (absolute ? f.split(sep).join('/') : rel(f))
      const all: string[] = []
      const scan = pattern.split(/[\\/]/).findIndex((part) => isGlob(part))
      const root = resolve(cwd, pattern.split(/[\\/]/).slice(0, Math.max(0, scan)).join('/') || '.')
      walk(root, all)
      const hits = all.filter((f) => matcher(name(f)) && !isIgnored(rel(f)))
      if (hits.length === 0) missing.push(pattern)
      files.push(...hits)
      continue
    }
    const full = resolve(cwd, pattern)
    let stat
    try {
      stat = statSync(full)
    } catch {
      missing.push(pattern)
      continue
    }
    if (stat.isDirectory()) {
      const all: string[] = []
      walk(full, all)
      files.push(...all.filter((f) => !isIgnored(rel(f))))
    } else if (isIgnored(rel(full))) ignored.push(full)
    else files.push(full)
  }
  return {files: [...new Set(files)], missing, ignored}
}
