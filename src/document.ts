/**
 * The document model every rule reads, and the maps that carry a position in
 * visible text back to the exact characters of the source the user passed.
 *
 * A parser builds each visible block's text piece by piece with a
 * {@link TextBuilder}; every piece remembers which source span it came from.
 * A piece whose text is as long as its source span maps character for
 * character (plain text, `we are sorry`); any other piece is atomic (an entity
 * `&amp;` → `&`, a collapsed run of white space, a quoted-printable `=C4=85` →
 * `ą`): a range that touches it covers all of its source.
 */

/** The input formats apology-lint reads. */
export type Format = 'html' | 'text' | 'markdown' | 'eml'

/** A supported language. */
export type Language = 'en' | 'pl'

/**
 * A configured language: a supported one, `auto` (detect), or another ISO 639
 * code (`de`) that says the emails are in a language with no word lists.
 */
export type LanguageSetting = Language | 'auto' | (string & {})

/** How the language of a document was chosen. */
export type LanguageSource = 'config' | 'detected' | 'default-short' | 'default-unsupported' | 'config-unsupported'

/** One position: 1-based line and column, 0-based UTF-16 offset, in the original source. */
export interface Point {
  line: number
  column: number
  offset: number
}

/** A span of the original source. */
export interface Range {
  start: Point
  end: Point
}

/** Maps offsets in some intermediate string (a decoded MIME part) back to the original source. */
export interface SourceMapper {
  /** Source offset of the start of the character at `offset`. */
  start(offset: number): number
  /** Source offset just after the character before `offset`. */
  end(offset: number): number
}

const LINEAR = 1

/**
 * Builds a string together with the map from each of its characters back to
 * the source span it came from.
 */
export class TextBuilder {
  /*
   * The text is kept as pieces and joined once, in `finish` (or when `text` is
   * read): appending to a string that is also sliced between appends makes V8
   * flatten it every time, which is quadratic in a block of 50,000 tiny
   * inline elements.
   */
  private pieces: string[] = []
  private size = 0
  /** The joined text, while no piece was appended since it was last read. */
  private joined: string | undefined = ''
  /** Flat runs: textStart, srcStart, srcEnd, flags. */
  private readonly runs: number[] = []

  /** The text built so far. */
  get text(): string {
    if (this.joined === undefined) this.joined = this.pieces.join('')
    return this.joined
  }

  /** Appends `text` that is the source's own characters from `srcStart` on (one to one). */
  appendVerbatim(text: string, srcStart: number): void {
    if (text.length === 0) return
    const runs = this.runs
    const n = runs.length
    // Extend the previous run when it is linear and ends exactly here, so that
    // a long plain text stays one run.
    if (n > 0 && runs[n - 1] === LINEAR && runs[n - 2] === srcStart) {
      runs[n - 2] = srcStart + text.length
    } else {
      runs.push(this.size, srcStart, srcStart + text.length, LINEAR)
    }
    this.push(text)
  }

  /** Appends `text` that stands for the whole source span `[srcStart, srcEnd)` as one unit. */
  appendAtomic(text: string, srcStart: number, srcEnd: number): void {
    if (text.length === 0) return
    this.runs.push(this.size, srcStart, srcEnd, 0)
    this.push(text)
  }

  /** Appends a separator that has no source of its own (a space between two table cells). */
  appendSynthetic(text: string, at: number): void {
    this.appendAtomic(text, at, at)
  }

  private push(text: string): void {
    this.pieces.push(text)
    this.size += text.length
    this.joined = undefined
  }

  get length(): number {
    return this.size
  }

  /**
   * The text appended since the builder was `length` long; `length` must be a
   * length the builder had between two appends. Costs the size of the answer.
   */
  since(length: number): string {
    const pieces = this.pieces
    let i = pieces.length
    let at = this.size
    while (i > 0 && at > length) at -= pieces[--i]!.length
    assert(at === length, 'Expected a length the builder had between two appends')
    return i === pieces.length - 1 ? pieces[i]! : pieces.slice(i).join('')
  }

  /** Freezes the builder into an {@link OffsetMap}. */
  finish(): OffsetMap {
    // The constructor copies an array directly; Int32Array.from walks it through its iterator.
    return new OffsetMap(this.text, new Int32Array(this.runs))
  }
}

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message)
}

/** A frozen map from text offsets to source offsets (see {@link TextBuilder}). */
export class OffsetMap implements SourceMapper {
  constructor(
    readonly text: string,
    private readonly runs: Int32Array,
  ) {}

  private find(textOffset: number): number {
    const runs = this.runs
    let lo = 0
    let hi = runs.length / 4 - 1
    if (hi < 0) return -1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (runs[mid * 4]! <= textOffset) lo = mid
      else hi = mid - 1
    }
    return lo * 4
  }

  start(offset: number): number {
    const i = this.find(offset)
    if (i < 0) return 0
    const runs = this.runs
    if (runs[i + 3] === LINEAR) return Math.min(runs[i + 1]! + (offset - runs[i]!), runs[i + 2]!)
    return runs[i + 1]!
  }

  end(offset: number): number {
    if (offset <= 0) return this.start(0)
    const i = this.find(offset - 1)
    if (i < 0) return 0
    const runs = this.runs
    if (runs[i + 3] === LINEAR) return Math.min(runs[i + 1]! + (offset - runs[i]!), runs[i + 2]!)
    return runs[i + 2]!
  }
}

/** A mapper for text that has no finer map: every offset maps to one source point (a base64 part). */
export class PointMapper implements SourceMapper {
  constructor(private readonly at: number) {}
  start(): number {
    return this.at
  }
  end(): number {
    return this.at
  }
}

/** Chains two mappers: text → intermediate (`inner`) → source (`outer`). */
export class ChainedMapper implements SourceMapper {
  constructor(
    private readonly inner: SourceMapper,
    private readonly outer: SourceMapper,
  ) {}
  start(offset: number): number {
    return this.outer.start(this.inner.start(offset))
  }
  end(offset: number): number {
    return this.outer.end(this.inner.end(offset))
  }
}

/**
 * The offsets just after each line break of `text`: lines end at LF, CRLF or a
 * lone CR (as editors and the language server count them). indexOf is linear
 * over the whole text and does not allocate per line. Appends to `out`.
 */
export function lineBreaks(text: string, out: number[] = []): number[] {
  if (text.indexOf('\r') === -1) {
    let i = text.indexOf('\n')
    while (i !== -1) {
      out.push(i + 1)
      i = text.indexOf('\n', i + 1)
    }
    return out
  }
  // Jump from break to break: the next LF and the next CR, whichever comes first (a CRLF is one break).
  let nl = text.indexOf('\n')
  let cr = text.indexOf('\r')
  while (nl !== -1 || cr !== -1) {
    if (cr !== -1 && (nl === -1 || cr < nl)) {
      if (cr + 1 === nl) {
        out.push(nl + 1)
        nl = text.indexOf('\n', nl + 1)
      } else out.push(cr + 1)
      cr = text.indexOf('\r', cr + 1)
    } else {
      out.push(nl + 1)
      nl = text.indexOf('\n', nl + 1)
    }
  }
  return out
}

/** Turns source offsets into 1-based line/column points; built once per source. */
export class LineIndex {
  private readonly starts: number[]
  constructor(readonly source: string) {
    this.starts = lineBreaks(source, [0])
  }

  /** The point of `offset`, clamped into the source. */
  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.source.length))
    const starts = this.starts
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= o) lo = mid
      else hi = mid - 1
    }
    return {line: lo + 1, column: o - starts[lo]! + 1, offset: o}
  }

  range(start: number, end: number): Range {
    const s = Math.min(start, end)
    return {start: this.point(s), end: this.point(Math.max(start, end))}
  }
}

/** What kind of visible block a piece of text is. */
export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'list-item'
  | 'table-cell'
  | 'button'
  | 'footer'
  | 'quote'
  | 'signature'
  | 'code'
  | 'preheader'
  | 'subject'
  | 'title'

/** Which MIME part a block comes from, for `.eml` input. */
export type PartKind = 'html' | 'text'

/** A visible block of text in reading order, with its map to the source. */
export interface Block {
  kind: BlockKind
  /** Visible text with entities decoded and white space collapsed. */
  text: string
  /** Maps offsets in `text` to offsets in the original source. */
  map: SourceMapper
  /** False for quoted replies, code and signatures: kept out of prose checks. */
  prose: boolean
  /** Heading level 1–6 for headings. */
  level?: number
  /** The HTML tag or Markdown node the block came from. */
  tag?: string
  /** True when the block sits in a header/navigation area or near a logo (layout boilerplate). */
  boilerplate?: boolean
  /** For `.eml`: the MIME part. */
  part?: PartKind
  /** The source span of the element the block came from, for anchoring whole-block findings. */
  sourceStart: number
  sourceEnd: number
  /** Set when the block is not in the source at all (a subject given by option): findings in it carry this location. */
  location?: HeaderLocation
}

/**
 * Where a finding is when it is not in the source: a header given by option or
 * flag for a file that has no headers (`--subject`, `--from`).
 */
export type HeaderLocation = 'subject' | 'from' | 'reply-to' | 'sender'

/** A span of text inside a block. */
export interface TextSpan {
  block: Block
  start: number
  end: number
}

/** A link in the body. */
export interface Link {
  href: string
  /** Visible text of the link (or the alt of an image inside it). */
  text: string
  /** Source offsets of the whole element (or the Markdown node). */
  sourceStart: number
  sourceEnd: number
  /** Index of the block the link's text sits in, when it has one. */
  blockIndex?: number
  /** True when styled or named as a button. */
  button: boolean
  part?: PartKind
}

/** An image in the body. */
export interface Image {
  src: string
  alt: string
  width?: number
  height?: number
  sourceStart: number
  sourceEnd: number
  /** The href of the link that wraps it, if any. */
  href?: string
  /** Index of the first block that follows the image in reading order (where it sits). */
  beforeBlock: number
  part?: PartKind
}

/** One decoded header. */
export interface Header {
  name: string
  /** Decoded value (RFC 2047 words decoded, folding removed). */
  value: string
  /** Maps offsets in `value` to the original source. */
  map: SourceMapper
  sourceStart: number
  sourceEnd: number
}

/** An address from From / Reply-To / Sender or the `from` option. */
export interface Address {
  header: 'from' | 'reply-to' | 'sender'
  name: string
  address: string
  /** The header value the address came from, with its map (absent when it came from options). */
  field?: Header
}

/** A template placeholder (`{{first_name}}`, `*|FNAME|*`, `{% if %}`, `%%name%%`). */
export interface Placeholder {
  block: Block
  start: number
  end: number
}

/** An inline control comment: `<!-- apology-lint-disable rule-a, rule-b -- reason -->`. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-block'
  /** Rule ids; empty means every rule. */
  rules: string[]
  reason?: string
  /** The comment's span in the source. */
  sourceStart: number
  sourceEnd: number
  /** Index of the block that follows the comment. */
  nextBlock: number
}

/** One body alternative of an `.eml` (the HTML and the plain-text part). */
export interface PartBody {
  kind: PartKind
  blocks: Block[]
  links: Link[]
  images: Image[]
  /** Where the part's body starts in the source. */
  sourceStart: number
  /** Where the part's body ends in the source. */
  sourceEnd: number
  /** The part's decoded text, as its parser read it (the one MIME decoding; the HTML report previews it). */
  text: string
  /** Maps offsets in `text` to the source. */
  map: SourceMapper
  /** True when positions inside this part map only to its start (base64, multi-byte charsets). */
  coarse: boolean
}

/** Everything a rule may read about one email. */
export interface EmailDocument {
  format: Format
  /** The original source, exactly as passed. */
  source: string
  /** Headers by lower-case name (`.eml` only; the first occurrence). */
  headers: Map<string, Header>
  /** Sender addresses: from headers for `.eml`, from the `from` option otherwise. */
  addresses: Address[]
  /** The subject as a block (from the header or the `subject` option). */
  subject?: Block
  /** The inbox preview text (a hidden preheader, or the first visible text when none). */
  preheader?: Block
  /** The HTML `<title>`. */
  title?: Block
  /** Visible blocks in reading order (for `.eml`, of the primary part: HTML when present). */
  blocks: Block[]
  links: Link[]
  images: Image[]
  placeholders: Placeholder[]
  /** For `.eml`: every body alternative, the primary first. */
  parts: PartBody[]
  language: Language
  languageSource: LanguageSource
  /**
   * The language seen when it is not one apology-lint supports: franc's ISO
   * 639-3 code when detected (`deu`), or the configured code (`de`).
   */
  unsupportedLanguage?: string
  /** Where the `<body>` (or the body of the message) starts in the source. */
  bodyStart: number
  /** Converts source offsets to points. */
  lines: LineIndex
  /** Inline control comments, in source order. */
  directives: Directive[]
  /** Notes from the parser (for example that a part is base64 and positions are coarse). */
  notes: string[]
}

/** Converts a span of block text to a range in the original source. */
export function spanToRange(document: EmailDocument, span: TextSpan): Range {
  const {block} = span
  const start = block.map.start(span.start)
  let end = block.map.end(span.end)
  if (end < start) end = start
  if (span.end <= span.start) end = start
  return document.lines.range(start, end)
}
