/**
 * File names as reports show them, shared by the formatters.
 */

/** `path` relative to `cwd` with forward slashes when it lies under it; unchanged otherwise. */
export function relativePath(path: string, cwd?: string): string {
  const p = path.replace(/\\/g, '/')
  if (cwd === undefined) return p
  // Trailing slashes are trimmed by a loop: `/\/+$/` is polynomial on long runs of slashes.
  let base = cwd.replace(/\\/g, '/')
  while (base.endsWith('/')) base = base.slice(0, -1)
  return p.startsWith(`${base}/`) ? p.slice(base.length + 1) : p
}
