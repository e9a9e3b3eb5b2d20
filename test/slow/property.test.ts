/**
 * Property-based robustness: whatever it is given, `lint` returns (never
 * throws), every diagnostic validates against the exported schema, every range
 * lies inside the source with start <= end and consistent line/column, and
 * linting the same input twice gives the same result.
 *
 * Inputs: arbitrary strings and bytes presented as HTML, text, Markdown and
 * .eml, and mutations of the fixtures (truncation, byte flips, broken MIME
 * boundaries, wrong charset labels).
 *
 * CI runs about 2,000 cases. `FUZZ_RUNS=200000 npm run fuzz` runs longer (the
 * count is shared out over the properties in the same proportions), and
 * `FUZZ_SEED=<seed>` replays a failure: fast-check prints the seed and the
 * shrunk counterexample when a property fails.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {lint, type LintResult} from '../../src/lint.js'
import {diagnosticSchema, type Diagnostic} from '../../src/rule.js'
import type {Format, Point} from '../../src/document.js'

const TOTAL = Number(process.env.FUZZ_RUNS ?? 2000)
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED)
/** Each property's share of TOTAL. */
const runs = (share: number): number => Math.max(1, Math.round(TOTAL * share))
/** Generous time for a property: about 20 ms a case on a slow, busy machine, at least a minute. */
const timeout = (share: number): number => Math.max(60_000, runs(share) * 60)

function params(share: number): fc.Parameters<unknown> {
  const p: fc.Parameters<unknown> = {numRuns: runs(share)}
  if (SEED !== undefined) p.seed = SEED
  return p
}

const FORMATS: readonly Format[] = ['html', 'text', 'markdown', 'eml']

const fixturesDir = new URL('../../fixtures/', import.meta.url).pathname
function fixtureFiles(): string[] {
  const out: string[] = []
  for (const dir of readdirSync(fixturesDir, {withFileTypes: true})) {
    if (!dir.isDirectory()) continue
    for (const f of readdirSync(join(fixturesDir, dir.name))) if (/\.(?:html|txt|md|eml)$/.test(f)) out.push(join(fixturesDir, dir.name, f))
  }
  return out.sort()
}
const fixtures = fixtureFiles().map((path) => ({path, bytes: readFileSync(path)}))
const emlFixtures = fixtures.filter((f) => f.path.endsWith('.eml'))

function formatOf(path: string): Format {
  if (path.endsWith('.eml')) return 'eml'
  if (path.endsWith('.md')) return 'markdown'
  if (path.endsWith('.txt')) return 'text'
  return 'html'
}

/** How the CLI reads a file: UTF-8 with replacement characters, BOM dropped. */
const decode = (bytes: Uint8Array): string => new TextDecoder('utf-8', {fatal: false, ignoreBOM: false}).decode(bytes)

function checkPoint(source: string, point: Point, where: string): void {
  expect(point.offset, where).toBeGreaterThanOrEqual(0)
  expect(point.offset, where).toBeLessThanOrEqual(source.length)
  // Line and column must name the same place as the offset.
  // Lines end at LF, CRLF or a lone CR, as editors count them.
  let line = 1
  let lineStart = 0
  for (let k = 0; k < point.offset; k++) {
    const c = source.charCodeAt(k)
    if (c === 10 || (c === 13 && source.charCodeAt(k + 1) !== 10)) {
      line++
      lineStart = k + 1
    }
  }
  const column = point.offset - lineStart + 1
  expect({line: point.line, column: point.column}, where).toEqual({line, column})
}

function checkDiagnostic(source: string, d: Diagnostic): void {
  const parsed = diagnosticSchema.safeParse(d)
  expect(parsed.success, `${d.ruleId}: ${parsed.success ? '' : parsed.error.message}`).toBe(true)
  checkPoint(source, d.range.start, `${d.ruleId} start`)
  checkPoint(source, d.range.end, `${d.ruleId} end`)
  expect(d.range.start.offset, d.ruleId).toBeLessThanOrEqual(d.range.end.offset)
  for (const s of d.suggestions ?? []) {
    checkPoint(source, s.range.start, `${d.ruleId} suggestion start`)
    checkPoint(source, s.range.end, `${d.ruleId} suggestion end`)
    expect(s.range.start.offset).toBeLessThanOrEqual(s.range.end.offset)
  }
}

/** What must stay the same between two runs: everything but the parsed document. */
const comparable = (r: LintResult): string => JSON.stringify({...r, document: undefined})

/** Lints `source` twice and checks every property; returns nothing, throws on a violation. */
async function checkLint(source: string, format: Format): Promise<void> {
  const first = await lint(source, {format})
  for (const d of first.diagnostics) checkDiagnostic(first.source, d)
  expect(first.source).toBe(source)
  const second = await lint(source, {format})
  expect(comparable(second)).toBe(comparable(first))
}

/** Text that looks a little like an email: tags, entities, headers and words in both languages. */
const emailish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '<p>',
        '</p>',
        '<div style="display:none">',
        '</div>',
        '<a href="https://acme.example/x">',
        '</a>',
        '<b>',
        '</b>',
        '<br>',
        '<table><tr><td>',
        '</td></tr></table>',
        '<!-- apology-lint-disable humour -- ok -->',
        '<title>',
        '</title>',
        '&nbsp;',
        '&amp;',
        '&#8217;',
        '&#x1F600;',
        '&bogus;',
        'From: Acme <noreply@acme.example>\r\n',
        'Subject: =?UTF-8?B?UHJ6ZXByYXN6YW15?=\r\n',
        'Content-Type: multipart/alternative; boundary="b"\r\n',
        '\r\n--b\r\n',
        '\r\n--b--\r\n',
        'Content-Transfer-Encoding: quoted-printable\r\n',
        'Content-Transfer-Encoding: base64\r\n',
        '=C4=85=\r\n',
        'We are sorry.',
        'Oops! ',
        'Przepraszamy za błąd. ',
        'Please do not reply. ',
        'Your password was exposed. ',
        '{{first_name}}',
        '# Sorry\n',
        '- item\n',
        '> quoted\n',
        '-- \n',
        '\n\n',
        ' ',
        '\t',
        '\u00a0',
        '\u2028',
        '\ufeff',
        '\ud800',
        '💥',
        'ł',
        'İ',
      ),
      fc.string({maxLength: 20}),
    ),
    {maxLength: 60},
  )
  .map((parts) => parts.join(''))

describe('lint on arbitrary input', () => {
  for (const format of FORMATS) {
    it(
      `never throws on arbitrary strings as ${format}`,
      async () => {
        await fc.assert(
          fc.asyncProperty(fc.oneof(fc.string({unit: 'binary', maxLength: 400}), emailish), (source) => checkLint(source, format)),
          params(0.075),
        )
      },
      timeout(0.075),
    )
  }

  it(
    'never throws on arbitrary bytes read as a file',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({maxLength: 600}), fc.constantFrom(...FORMATS), (bytes, format) => checkLint(decode(bytes), format)),
        params(0.15),
      )
    },
    timeout(0.15),
  )
})

describe('lint on mutated fixtures', () => {
  const fixture = fc.constantFrom(...fixtures)

  it(
    'survives truncation',
    async () => {
      await fc.assert(
        fc.asyncProperty(fixture, fc.double({min: 0, max: 1, noNaN: true}), (f, at) =>
          checkLint(decode(f.bytes.subarray(0, Math.floor(f.bytes.length * at))), formatOf(f.path)),
        ),
        params(0.1),
      )
    },
    timeout(0.1),
  )

  it(
    'survives random byte flips',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fixture,
          fc.array(fc.tuple(fc.double({min: 0, max: 1, noNaN: true}), fc.integer({min: 0, max: 255})), {minLength: 1, maxLength: 12}),
          (f, flips) => {
            const bytes = Uint8Array.from(f.bytes)
            for (const [at, value] of flips) if (bytes.length > 0) bytes[Math.min(bytes.length - 1, Math.floor(bytes.length * at))] = value
            return checkLint(decode(bytes), formatOf(f.path))
          },
        ),
        params(0.15),
      )
    },
    timeout(0.15),
  )

  const eml = fc.constantFrom(...emlFixtures)

  it(
    'survives broken MIME boundaries',
    async () => {
      await fc.assert(
        fc.asyncProperty(eml, fc.constantFrom('drop-close', 'rename', 'truncate-line', 'nest', 'empty'), fc.nat(), async (f, how, pick) => {
          const text = decode(f.bytes)
          const boundaries = [...text.matchAll(/boundary="?([^";\r\n]{1,200})"?/gi)].map((m) => m[1]!)
          const b = boundaries[pick % Math.max(1, boundaries.length)]
          let broken = text
          if (b) {
            if (how === 'drop-close') broken = text.split(`--${b}--`).join('')
            else if (how === 'rename') broken = text.split(`--${b}`).join(`--${b}x`)
            else if (how === 'truncate-line') broken = text.split(`--${b}`).join(`--${b.slice(0, Math.max(1, b.length >> 1))}`)
            else if (how === 'nest') broken = text.split(`--${b}\r\n`).join(`--${b}\r\nContent-Type: multipart/mixed; boundary="${b}"\r\n\r\n--${b}\r\n`)
            else broken = text.split(`boundary="${b}"`).join('boundary=""')
          }
          await checkLint(broken, 'eml')
        }),
        params(0.1),
      )
    },
    timeout(0.1),
  )

  it(
    'survives wrong charset labels',
    async () => {
      const charsets = ['iso-8859-2', 'windows-1250', 'koi8-r', 'shift_jis', 'utf-16', 'utf-7', 'x-unknown-charset', '', '"utf-8', 'utf-8; format=flowed']
      await fc.assert(
        fc.asyncProperty(eml, fc.constantFrom(...charsets), async (f, charset) => {
          const text = decode(f.bytes).replace(/charset="?[\w-]{1,40}"?/gi, `charset=${charset}`)
          await checkLint(text, 'eml')
        }),
        params(0.1),
      )
    },
    timeout(0.1),
  )
})
