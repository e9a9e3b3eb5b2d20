/**
 * Writing files so that a crash never leaves half of one (Node only).
 */
import {closeSync, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'
import {randomBytes} from 'node:crypto'

/**
 * Replaces `path` with `data` atomically: the bytes go to a temporary file in
 * the same folder, are flushed to disk, and the file is renamed over the
 * original, so a reader (or a `kill -9`) sees the old file or the new one,
 * never a part. The file's permissions are kept; a symbolic link is kept and
 * its target replaced.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  let target = path
  try {
    target = realpathSync(path)
  } catch {
    // A new file: written where it was named.
  }
  let mode: number | undefined
  try {
    mode = statSync(target).mode & 0o7777
  } catch {
    mode = undefined
  }
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  const fd = openSync(temp, 'wx', mode ?? 0o666)
  try {
    try {
      if (mode !== undefined) fchmodSync(fd, mode)
      const buffer = typeof data === 'string' ? Buffer.from(data) : data
      let written = 0
      while (written < buffer.length) written += writeSync(fd, buffer, written, buffer.length - written)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, target)
  } catch (error) {
    try {
      unlinkSync(temp)
    } catch {
      // already gone
    }
    throw error
  }
}
