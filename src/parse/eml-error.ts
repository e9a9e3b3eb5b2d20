/**
 * The error of a message that cannot be read as MIME. Its own module, so that
 * code that only tells it apart from internal errors (parse/index.ts) does
 * not load the MIME parser (the CLI bundle loads eml.ts lazily).
 */

/** A message that cannot be read as MIME at all, or that exceeds a limit. */
export class EmlParseError extends Error {
  override name = 'EmlParseError'
}
