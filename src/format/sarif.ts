/**
 * SARIF 2.1.0 output, for code-scanning dashboards (GitHub code scanning,
 * Azure DevOps, SonarQube, VS Code's SARIF viewer): one run, every rule's
 * documentation as driver metadata, exact regions in UTF-16 code units, and
 * inline disables as suppressed results.
 */
import {assertRenderable} from '../result-schema.js'
import type {Format, Range} from '../document.js'
import {ruleUrl} from '../engine.js'
import type {LintResult} from '../lint.js'
import type {AnyRule, Diagnostic, Severity} from '../rule.js'

declare const __VERSION__: string | undefined

/** Where the project lives; SARIF viewers link the tool name here. */
export const INFORMATION_URI = 'https://github.com/apology-lint/apology-lint'

/** The `$schema` every log names (the OASIS schema as published by SchemaStore). */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json'

/** The base id that relative artifact URIs resolve against. */
export const SOURCE_ROOT = '%SRCROOT%'

/** Options for {@link formatSarif}. */
export interface SarifOptions {
  /** Folder that file paths are made relative to (as `%SRCROOT%`-based URIs); absolute `file://` URIs otherwise. */
  cwd?: string
  /** The tool version to record (defaults to the version inlined by the build). */
  version?: string
}

/** SARIF's level for each severity. */
export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {error: 'error', warning: 'warning', info: 'note'}

const MIME_TYPE: Record<Format, string> = {html: 'text/html', text: 'text/plain', markdown: 'text/markdown', eml: 'message/rfc822'}

/** Ids the engine and the CLI report without a rule object behind them. */
const ENGINE_RULES: Record<string, {summary: string; why: string; fix: string}> = {
  'parse-error': {
    summary: 'The input could not be read as an email.',
    why: 'Nothing else was checked in this file.',
    fix: 'Check the file is a complete HTML, text, Markdown or .eml message in a known charset.',
  },
  'internal-error': {
    summary: 'A rule or the parser crashed (a bug in apology-lint); findings are missing.',
    why: 'What crashed checked nothing: a crashing rule leaves the other rules running, a crashing parser leaves nothing checked.',
    fix: 'Report the crash with the email that triggers it.',
  },
  'unused-directive': {
    summary: 'An inline apology-lint directive suppressed nothing.',
    why: 'A stale directive can hide a real problem later.',
    fix: 'Remove the directive.',
  },
}

/* The subset of the SARIF object model written here (see test/schemas/sarif-2.1.0.json). */
interface Message {
  text: string
}
interface ArtifactLocation {
  uri?: string
  uriBaseId?: string
  index?: number
  description?: Message
}
interface Region {
  startLine: number
  startColumn: number
  endLine: number
  endColumn: number
  charOffset: number
  charLength: number
  snippet?: {text: string}
}
interface Location {
  /** Without a region for a finding in a header given by option, which is not in the file. */
  physicalLocation: {artifactLocation: ArtifactLocation; region?: Region}
  logicalLocations?: {name: string; kind: string}[]
}
interface ReportingDescriptor {
  id: string
  name?: string
  shortDescription: Message
  fullDescription?: Message
  help?: Message
  helpUri?: string
  defaultConfiguration?: {level: 'error' | 'warning' | 'note'}
  properties?: Record<string, unknown>
}
interface Fix {
  description: Message
  artifactChanges: {artifactLocation: ArtifactLocation; replacements: {deletedRegion: Region; insertedContent: {text: string}}[]}[]
}
interface Result {
  ruleId: string
  ruleIndex?: number
  level: 'error' | 'warning' | 'note'
  message: Message
  locations: Location[]
  fixes?: Fix[]
  suppressions?: {kind: 'inSource'; justification?: string}[]
  properties?: Record<string, unknown>
}
interface Notification {
  level: 'error' | 'warning' | 'note'
  message: Message
  descriptor: {id: string}
  associatedRule?: {id: string; index?: number}
  locations?: Location[]
}
interface Artifact {
  location: ArtifactLocation
  mimeType: string
  /** In bytes, as UTF-8. */
  length: number
}

/** The log object {@link formatSarif} serialises (SARIF 2.1.0). */
export interface SarifLog {
  $schema: string
  version: '2.1.0'
  runs: [
    {
      tool: {driver: {name: string; version: string; semanticVersion?: string; informationUri: string; rules: ReportingDescriptor[]}}
      invocations: {executionSuccessful: boolean; toolExecutionNotifications: Notification[]}[]
      originalUriBaseIds?: Record<string, {uri: string}>
      artifacts: Artifact[]
      results: Result[]
      columnKind: 'utf16CodeUnits'
    },
  ]
}

/**
 * Builds a SARIF 2.1.0 log: `rules` become the driver's rule metadata (every
 * one, reported or not), diagnostics become results, suppressed diagnostics
 * become results with an `inSource` suppression, and parse errors and rule
 * crashes are also tool execution notifications.
 *
 * @example
 * const log = toSarif(results, allRules(plugins), {cwd: process.cwd()})
 */
export function toSarif(results: readonly LintResult[], rules: readonly AnyRule[], options: SarifOptions = {}): SarifLog {
  // Only validated diagnostics are rendered: results may come from an untrusted cache or an API caller.
  assertRenderable(results)
  const version = options.version ?? (typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev')
  const descriptors: ReportingDescriptor[] = rules.map((rule) => ({
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: {text: rule.docs.summary},
    fullDescription: {text: rule.docs.why},
    help: {text: rule.docs.fix},
    helpUri: ruleUrl(rule),
    defaultConfiguration: {level: SARIF_LEVEL[rule.severity]},
    properties: {recommended: rule.recommended, languages: Object.keys(rule.languages)},
  }))
  const indexOf = new Map(descriptors.map((d, i) => [d.id, i]))
  const descriptorFor = (d: Diagnostic): number => {
    let index = indexOf.get(d.ruleId)
    if (index === undefined) {
      // A finding from an id the caller's rule list lacks (engine ids, or a plugin left out): describe it from what the diagnostic carries.
      const docs = ENGINE_RULES[d.ruleId]
      const descriptor: ReportingDescriptor = {id: d.ruleId, shortDescription: {text: docs?.summary ?? d.ruleId}}
      if (docs) {
        descriptor.fullDescription = {text: docs.why}
        descriptor.help = {text: docs.fix}
      }
      if (isAbsoluteUri(d.url)) descriptor.helpUri = d.url
      index = descriptors.push(descriptor) - 1
      indexOf.set(d.ruleId, index)
    }
    return index
  }

  const artifacts: Artifact[] = []
  const out: Result[] = []
  const notifications: Notification[] = []
  let usesRoot = false
  for (const result of results) {
    const location: ArtifactLocation = {}
    if (result.filePath !== undefined) {
      const uri = artifactUri(result.filePath, options.cwd)
      location.uri = uri.uri
      if (uri.relative) {
        location.uriBaseId = SOURCE_ROOT
        usesRoot = true
      }
    } else {
      location.description = {text: 'standard input'}
    }
    artifacts.push({location: {...location}, mimeType: MIME_TYPE[result.format], length: utf8Length(result.source)})
    location.index = artifacts.length - 1
    const toLocation = (range: Range): Location => ({physicalLocation: {artifactLocation: {...location}, region: region(result.source, range)}})
    const toResult = (d: Diagnostic): Result => {
      const ruleIndex = descriptorFor(d)
      const sarif: Result = {
        ruleId: d.ruleId,
        ruleIndex,
        level: SARIF_LEVEL[d.severity],
        message: {text: d.message},
        // A header given by option is not in the file: the file without a region, and the header as a logical location.
        locations: [
          d.location ? {physicalLocation: {artifactLocation: {...location}}, logicalLocations: [{name: d.location, kind: 'header'}]} : toLocation(d.range),
        ],
      }
      if (d.suggestions?.length) {
        sarif.fixes = d.suggestions.map((s) => ({
          description: {text: s.text},
          artifactChanges: [
            {artifactLocation: {...location}, replacements: [{deletedRegion: region(result.source, s.range), insertedContent: {text: s.replacement}}]},
          ],
        }))
      }
      const properties: Record<string, unknown> = {severity: d.severity}
      if (d.note) properties.note = d.note
      if (d.actual !== undefined) properties.actual = d.actual
      if (d.part) properties.part = d.part
      if (d.messageId) properties.messageId = d.messageId
      if (d.fatal) properties.fatal = true
      if (d.location) properties.location = d.location
      sarif.properties = properties
      return sarif
    }
    for (const d of result.diagnostics) {
      out.push(toResult(d))
      if (d.ruleId === 'parse-error' || d.ruleId === 'internal-error') {
        const notification: Notification = {
          level: 'error',
          message: {text: d.message},
          descriptor: {id: d.ruleId},
          locations: [toLocation(d.range)],
        }
        const crashed = /^Rule "([^"]+)" crashed/.exec(d.message)?.[1]
        if (crashed !== undefined) {
          const index = indexOf.get(crashed)
          notification.associatedRule = index === undefined ? {id: crashed} : {id: crashed, index}
        }
        notifications.push(notification)
      }
    }
    for (const s of result.suppressed) {
      const sarif = toResult(s.diagnostic)
      sarif.suppressions = [s.reason ? {kind: 'inSource', justification: s.reason} : {kind: 'inSource'}]
      out.push(sarif)
    }
  }

  const log: SarifLog = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'apology-lint',
            version,
            ...(/^\d+\.\d+\.\d+/.test(version) ? {semanticVersion: version} : {}),
            informationUri: INFORMATION_URI,
            rules: descriptors,
          },
        },
        invocations: [{executionSuccessful: true, toolExecutionNotifications: notifications}],
        artifacts,
        results: out,
        columnKind: 'utf16CodeUnits',
      },
    ],
  }
  if (usesRoot && options.cwd !== undefined) log.runs[0].originalUriBaseIds = {[SOURCE_ROOT]: {uri: directoryUri(options.cwd)}}
  return log
}

/**
 * Renders results as a SARIF 2.1.0 log (JSON text). Pass every rule the run
 * knows (`allRules(plugins)`), so that the log documents each one.
 *
 * @example
 * process.stdout.write(formatSarif(results, allRules(plugins), {cwd: process.cwd()}))
 */
export function formatSarif(results: readonly LintResult[], rules: readonly AnyRule[], options: SarifOptions = {}): string {
  return JSON.stringify(toSarif(results, rules, options), null, 2)
}

/** A SARIF region for a range; `endColumn` is exclusive, as in SARIF and in {@link Range}. */
function region(source: string, range: Range): Region {
  const out: Region = {
    startLine: range.start.line,
    startColumn: range.start.column,
    endLine: range.end.line,
    endColumn: range.end.column,
    charOffset: range.start.offset,
    charLength: range.end.offset - range.start.offset,
  }
  if (out.charLength > 0) out.snippet = {text: source.slice(range.start.offset, range.end.offset)}
  return out
}

function pascalCase(id: string): string {
  return id
    .split(/[-/]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length
}

function isAbsoluteUri(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(text)
}

/** Percent-encodes one path segment for a URI (spaces, `#`, `?`, `%` and non-ASCII letters included). */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment)
}

function toSlashes(path: string): string {
  return path.replace(/\\/g, '/')
}

function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:\//.test(path) || path.startsWith('//')
}

/** A `file:` URI for an absolute path (POSIX `/a/b`, Windows `C:/a/b`, UNC `//host/share`). */
function fileUri(path: string): string {
  const p = toSlashes(path)
  const drive = /^[A-Za-z]:\//.test(p)
  const segments = (drive ? p.slice(3) : p.replace(/^\/+/, '')).split('/').map(encodeSegment).join('/')
  if (drive) return `file:///${p.slice(0, 2)}/${segments}`
  return p.startsWith('//') ? `file://${segments}` : `file:///${segments}`
}

function directoryUri(path: string): string {
  const uri = fileUri(path)
  return uri.endsWith('/') ? uri : `${uri}/`
}

/** The artifact URI: relative to `cwd` when the file lies under it (or is already relative), a `file:` URI otherwise. */
export function artifactUri(filePath: string, cwd?: string): {uri: string; relative: boolean} {
  const path = toSlashes(filePath)
  if (!isAbsolutePath(path))
    return {
      uri: path
        .split('/')
        .filter((s) => s !== '.')
        .map(encodeSegment)
        .join('/'),
      relative: true,
    }
  if (cwd !== undefined) {
    let base = toSlashes(cwd)
    while (base.endsWith('/')) base = base.slice(0, -1)
    if (path.startsWith(`${base}/`))
      return {
        uri: path
          .slice(base.length + 1)
          .split('/')
          .map(encodeSegment)
          .join('/'),
        relative: true,
      }
  }
  return {uri: fileUri(path), relative: false}
}
