/**
 * The browser builds (run by `npm run build` after tsup):
 *
 * - `dist/browser/`: the core (`src/core.ts`) as one ES module for browsers,
 *   with no Node built-ins and no externals. compromise, the NLP model, is a
 *   separate chunk that `ready()` (awaited by `lint()`) fetches, so the page
 *   loads and renders without it. The sizes, gzipped, go to
 *   `dist/browser/sizes.json` and are printed; `npm run size` checks them
 *   against the budget.
 * - `dist/playground/`: the playground page (see src/playground/).
 */
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {gzipSync} from 'node:zlib'
import {build, type Metafile, type Plugin} from 'esbuild'
import {zodEnglishOnly} from './zod-english.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const {version} = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {version: string}

/** Replaces source modules by others (paths relative to the root), for one build. */
function swap(replacements: Record<string, string>): Plugin {
  return {
    name: 'swap-modules',
    setup(b) {
      b.onResolve({filter: /\.js$/}, (args) => {
        if (args.namespace !== 'file' || !args.path.startsWith('.')) return undefined
        const target = relative(root, resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')))
        const replacement = replacements[target]
        return replacement ? {path: resolve(root, replacement)} : undefined
      })
    },
  }
}

/** The lazily loaded NLP: both the model module and its readiness flag become src/browser/nlp-lazy.ts. */
const LAZY_NLP = {'src/nlp.ts': 'src/browser/nlp-lazy.ts', 'src/nlp-ready.ts': 'src/browser/nlp-lazy.ts'}

const common = {
  bundle: true,
  minify: true,
  platform: 'browser',
  target: ['es2022', 'chrome110', 'firefox115', 'safari16'] as string[],
  define: {__VERSION__: JSON.stringify(version)},
  legalComments: 'none',
  logLevel: 'warning',
} as const

export interface BundleSizes {
  /** Bytes before the first lint can start: the entry and every chunk it imports statically. */
  initial: {raw: number; gzip: number; files: string[]}
  /** Bytes fetched on demand (the NLP model). */
  lazy: {raw: number; gzip: number; files: string[]}
  /** Everything. */
  total: {raw: number; gzip: number}
  /** The budget for `initial.gzip`, in bytes. */
  budget: number
}

/** Gzipped bytes the core may take before the first lint (English and Polish included). */
export const BUDGET = 300 * 1024

function sizesOf(metafile: Metafile, outdir: string, entry: string): BundleSizes {
  const outputs = metafile.outputs
  const initial = new Set<string>()
  const queue = [entry]
  while (queue.length > 0) {
    const file = queue.pop()!
    if (initial.has(file)) continue
    initial.add(file)
    for (const imp of outputs[file]?.imports ?? []) if (imp.kind === 'import-statement' && outputs[imp.path]) queue.push(imp.path)
  }
  const measure = (files: string[]): {raw: number; gzip: number; files: string[]} => {
    let raw = 0
    let gzip = 0
    for (const file of files) {
      const bytes = readFileSync(resolve(root, file))
      raw += bytes.length
      gzip += gzipSync(bytes, {level: 9}).length
    }
    return {raw, gzip, files: files.map((f) => relative(outdir, resolve(root, f)))}
  }
  const js = Object.keys(outputs).filter((f) => f.endsWith('.js'))
  const first = measure(js.filter((f) => initial.has(f)))
  const lazy = measure(js.filter((f) => !initial.has(f)))
  return {initial: first, lazy, total: {raw: first.raw + lazy.raw, gzip: first.gzip + lazy.gzip}, budget: BUDGET}
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`

async function buildLibrary(): Promise<BundleSizes> {
  const outdir = resolve(root, 'dist/browser')
  rmSync(outdir, {recursive: true, force: true})
  const result = await build({
    ...common,
    entryPoints: {'apology-lint': resolve(root, 'src/core.ts')},
    format: 'esm',
    splitting: true,
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    plugins: [swap(LAZY_NLP), zodEnglishOnly()],
  })
  const entry = relative(root, resolve(outdir, 'apology-lint.js'))
  const sizes = sizesOf(result.metafile!, outdir, entry)
  writeFileSync(resolve(outdir, 'sizes.json'), `${JSON.stringify(sizes, null, 2)}\n`)
  writeFileSync(resolve(outdir, 'meta.json'), JSON.stringify(result.metafile))
  return sizes
}

async function main(): Promise<void> {
  const sizes = await buildLibrary()
  console.log(
    `browser bundle (dist/browser): ${kb(sizes.initial.gzip)} gzipped before the first lint (${kb(sizes.initial.raw)} minified; budget ${kb(sizes.budget)}), ` +
      `+ ${kb(sizes.lazy.gzip)} gzipped NLP chunk loaded by ready() (${kb(sizes.lazy.raw)}); ${kb(sizes.total.gzip)} gzipped in all`,
  )
  mkdirSync(resolve(root, 'dist'), {recursive: true})
}

await main()
