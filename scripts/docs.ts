/**
 * Generates the parts of each rule's README that come from the rule itself
 * (`npm run docs`): the summary and a table of id, severity, preset and
 * languages; the options table from the zod schema; and the messages with
 * their notes and the examples by incident kind. They sit between
 * `<!-- begin generated: NAME -->` and `<!-- end generated: NAME -->` markers;
 * everything else in the README is written by hand. test/rule-docs.test.ts
 * fails when a README is stale, and runs the README's examples.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {pathToFileURL} from 'node:url'
import {z} from 'zod'
import type {AnyRule} from '../src/rule.js'

const LANGUAGE_NAMES: Record<string, string> = {en: 'English', pl: 'Polish'}

/** The README of a rule, as a path. */
export function readmePath(id: string): URL {
  return new URL(`../rules/${id}/README.md`, import.meta.url)
}

function begin(name: string): string {
  return `<!-- begin generated: ${name} (npm run docs) -->`
}
function end(name: string): string {
  return `<!-- end generated: ${name} -->`
}
function block(name: string, body: string): string {
  return `${begin(name)}\n${body.trim()}\n${end(name)}`
}

/** A table cell: pipes escaped, one line. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')
}

/** The summary and the facts every rule declares. */
export function metaSection(rule: AnyRule): string {
  const languages = Object.keys(rule.languages)
    .map((l) => `${LANGUAGE_NAMES[l] ?? l} (\`${l}\`)`)
    .join(', ')
  return block(
    'meta',
    `${rule.docs.summary}

| Rule id | Default severity | In \`recommended\` | Languages |
|---|---|---|---|
| \`${rule.id}\` | \`${rule.severity}\` | ${rule.recommended ? 'yes' : 'no (in `strict`)'} | ${languages} |`,
  )
}

interface JsonSchema {
  type?: string | string[]
  enum?: unknown[]
  items?: JsonSchema
  default?: unknown
  description?: string
  properties?: Record<string, JsonSchema>
  anyOf?: JsonSchema[]
  minimum?: number
  maximum?: number
}

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' \\| ')
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' \\| ')
  if (schema.type === 'array') {
    const item = schema.items ? typeOf(schema.items) : 'unknown'
    return item.includes('|') ? `(${item})[]` : `${item}[]`
  }
  if (schema.type === 'integer') return 'number'
  if (Array.isArray(schema.type)) return schema.type.join(' \\| ')
  return schema.type ?? 'unknown'
}

/** The options table, from the rule's zod schema (types, defaults, descriptions). */
export function optionsSection(rule: AnyRule): string {
  const json = z.toJSONSchema(rule.options, {target: 'draft-7', io: 'input', unrepresentable: 'any'}) as JsonSchema
  const properties = Object.entries(json.properties ?? {})
  if (properties.length === 0) return block('options', 'This rule has no options.')
  const rows = properties.map(([name, schema]) => {
    const fallback = schema.default === undefined ? '' : `\`${JSON.stringify(schema.default)}\``
    return `| \`${name}\` | \`${typeOf(schema)}\` | ${fallback} | ${cell(schema.description ?? '')} |`
  })
  return block('options', ['| Option | Type | Default | Description |', '|---|---|---|---|', ...rows].join('\n'))
}

/** Every message with its note, and the English examples by incident kind. */
export function messagesSection(rule: AnyRule): string {
  const lines = [
    'Each finding has a short message about the email and a note with why it matters, the fix and an example; `{name}` is filled in from the email.',
    '',
  ]
  for (const [id, message] of Object.entries(rule.messages)) {
    lines.push(`- \`${id}\`: ${message}`)
    const note = rule.notes?.[id]
    if (note) lines.push(`  <br>${note}`)
  }
  const byKind = Object.entries(rule.incidentExamples?.en ?? {})
  if (byKind.length > 0) {
    lines.push('', '<details><summary>Examples by incident kind (<code>incident.kind</code>), in English</summary>', '')
    for (const [kind, examples] of byKind) {
      const unique = [...new Set(typeof examples === 'string' ? [examples] : Object.values(examples ?? {}))]
      lines.push(`- \`${kind}\`: ${unique.map((e) => `"${e}"`).join(' ')}`)
    }
    lines.push('', '</details>')
  }
  return block('messages', lines.join('\n'))
}

function replaceBlock(readme: string, name: string, content: string): string | undefined {
  const a = readme.indexOf(begin(name))
  if (a < 0) return undefined
  const b = readme.indexOf(end(name), a)
  if (b < 0) throw new Error(`Unclosed generated block "${name}"`)
  return readme.slice(0, a) + content + readme.slice(b + end(name).length)
}

/**
 * Places the generated blocks in a README written by hand the first time
 * (after the title; under "## Options"; a "## Messages" section before
 * "## Examples"), and replaces them afterwards.
 */
export function renderReadme(rule: AnyRule, readme: string): string {
  let out = readme.replace(/\r\n/g, '\n')
  const meta = metaSection(rule)
  out =
    replaceBlock(out, 'meta', meta) ??
    (() => {
      const title = `# ${rule.id}\n`
      if (!out.startsWith(title)) throw new Error(`rules/${rule.id}/README.md must start with "# ${rule.id}"`)
      let rest = out.slice(title.length).replace(/^\n+/, '')
      // The hand-written summary and a bare severity line are now generated.
      if (rest.startsWith(`${rule.docs.summary}\n`)) rest = rest.slice(rule.docs.summary.length).replace(/^\n+/, '')
      rest = rest.replace(new RegExp(`^Severity: \`${rule.severity}\`\\.\\n+`), '')
      return `${title}\n${meta}\n\n${rest}`
    })()

  const options = optionsSection(rule)
  out =
    replaceBlock(out, 'options', options) ??
    (() => {
      const heading = out.indexOf('\n## Options\n')
      if (heading < 0) throw new Error(`rules/${rule.id}/README.md has no "## Options" section`)
      const start = heading + '\n## Options\n'.length
      const next = out.indexOf('\n## ', start)
      const section = out.slice(start, next < 0 ? undefined : next)
      const table = /\n\| Option \|[^\n]*\n(?:\|[^\n]*\n)*/.exec(section)
      if (table) return `${out.slice(0, start + table.index)}\n${options}\n${out.slice(start + table.index + table[0].length)}`
      const rest = section.replace(/^\n+/, '').replace(/^This rule has no options\.\s*/, '')
      return `${out.slice(0, start)}\n${options}\n${rest ? `\n${rest}` : ''}${next < 0 ? '' : out.slice(next)}`
    })()

  const messages = messagesSection(rule)
  out =
    replaceBlock(out, 'messages', messages) ??
    (() => {
      const examples = out.indexOf('\n## Examples\n')
      if (examples < 0) throw new Error(`rules/${rule.id}/README.md has no "## Examples" section`)
      return `${out.slice(0, examples)}\n## Messages\n\n${messages}\n${out.slice(examples)}`
    })()
  return out.replace(/\n{3,}/g, '\n\n')
}

async function main(): Promise<void> {
  const {builtinRules} = await import('../rules/index.js')
  let changed = 0
  for (const rule of builtinRules) {
    const path = readmePath(rule.id)
    const before = readFileSync(path, 'utf8')
    const after = renderReadme(rule, before)
    if (after !== before) {
      writeFileSync(path, after)
      changed++
    }
  }
  console.log(`docs: ${changed} of ${builtinRules.length} rule READMEs updated`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
