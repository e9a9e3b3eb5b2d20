/**
 * ReDoS guard: every regular expression in src/ and rules/ is checked with
 * recheck, and one it calls vulnerable fails the build. Regex literals and
 * `new RegExp('literal')` are found with the TypeScript compiler API; a
 * `RegExp` built from anything else must be listed in DYNAMIC with every
 * pattern it can produce, so that those are checked too. Phrase lists are not
 * regular expressions: they are matched by the token trie in src/language.ts.
 *
 * recheck runs on its pure JavaScript backend unless RECHECK_BACKEND says
 * otherwise: no Java, no native binary, no network.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import ts from 'typescript'
import {describe, expect, it} from 'vitest'
import {expressions as francScripts} from 'franc/expressions.js'

process.env.RECHECK_BACKEND ??= 'pure'
const {checkSync} = await import('recheck')

const root = new URL('../..', import.meta.url).pathname

interface Found {
  where: string
  source: string
  flags: string
}

/**
 * `RegExp`s built at run time, by file and the source text of the pattern
 * argument, with every pattern (and flags) they can be built from.
 */
const DYNAMIC: Record<string, () => {source: string; flags: string}[]> = {
  // The tag names that the HTML report closes.
  'src/format/html.ts: `</${name}[\\\\s/>]`': () =>
    ['style', 'script', 'title', 'textarea', 'pre', 'a', 'span'].map((name) => ({source: `</${name}[\\s/>]`, flags: 'ig'})),
  // franc's script expressions, copied without flags to test one code point.
  'src/language.ts: francScripts[name]!.source': () => Object.values(francScripts).map((re) => ({source: re.source, flags: ''})),
  // An image's width or height in an inline style.
  'src/parse/html.ts: `(?:^|;|\\\\s)${prop}\\\\s*:\\\\s*(\\\\d{1,5})px`': () =>
    ['width', 'height'].map((prop) => ({source: `(?:^|;|\\s)${prop}\\s*:\\s*(\\d{1,5})px`, flags: 'i'})),
}

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...sourceFiles(path))
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path)
  }
  return out
}

function collect(): {found: Found[]; unknown: string[]} {
  const found: Found[] = []
  const unknown: string[] = []
  for (const file of [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'rules'))]) {
    const rel = relative(root, file)
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
    const visit = (node: ts.Node): void => {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text
        const slash = text.lastIndexOf('/')
        found.push({where: `${rel}:${line}`, source: text.slice(1, slash), flags: text.slice(slash + 1)})
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? []
        const flagText = flags && (ts.isStringLiteral(flags) || ts.isNoSubstitutionTemplateLiteral(flags)) ? flags.text : flags ? undefined : ''
        if (pattern && (ts.isStringLiteral(pattern) || ts.isNoSubstitutionTemplateLiteral(pattern)) && flagText !== undefined) {
          found.push({where: `${rel}:${line}`, source: pattern.text, flags: flagText})
        } else {
          const key = `${rel}: ${pattern ? pattern.getText(sf) : '(no pattern)'}`
          const expand = DYNAMIC[key]
          if (expand) for (const p of expand()) found.push({where: `${rel}:${line}`, ...p})
          else unknown.push(`${rel}:${line}: ${key}`)
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(sf)
  }
  return {found, unknown}
}

describe('regular expressions', () => {
  const {found, unknown} = collect()

  it('are all literals or listed in DYNAMIC', () => {
    expect(unknown, 'A RegExp built at run time: add it to DYNAMIC in test/redos.test.ts with the patterns it can take').toEqual([])
    expect(found.length).toBeGreaterThan(20)
  })

  it('are not vulnerable to ReDoS (recheck)', () => {
    const seen = new Map<string, Found>()
    for (const f of found) seen.set(`${f.flags}/${f.source}`, f)
    const vulnerable: string[] = []
    const unsure: string[] = []
    for (const f of seen.values()) {
      const result = checkSync(f.source, f.flags, {timeout: 20_000})
      if (result.status === 'vulnerable') {
        const attack = result.attack ? ` (attack: ${JSON.stringify(result.attack.pattern)})` : ''
        vulnerable.push(`${f.where}: /${f.source}/${f.flags} is ${result.complexity.type}${attack}`)
      } else if (result.status === 'unknown') unsure.push(`${f.where}: /${f.source}/${f.flags}: ${result.error.kind}`)
    }
    // recheck cannot decide some patterns (look-behind, back-references): say so, but only a proven problem fails.
    if (unsure.length > 0) console.warn(`recheck could not decide:\n${unsure.join('\n')}`)
    expect(vulnerable).toEqual([])
  }, 600_000)
})
