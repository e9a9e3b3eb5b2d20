import {readFileSync} from 'node:fs'
import {dirname, relative, resolve} from 'node:path'
import {defineConfig} from 'tsup'
import type {Plugin} from 'esbuild'

const {version} = JSON.parse(readFileSync('package.json', 'utf8')) as {version: string}

/**
 * Modules that only some runs need, with their exports: compromise's model
 * (rules that analyse English sentences) takes longer to build than the rest
 * of start-up together, and the Markdown and MIME parsers serve one input
 * format each. In the CLI bundle each import of them is replaced by a stub
 * whose functions `require` the real module on first call; esbuild bundles a
 * required module as a lazily initialised one, so it is still inlined but
 * costs nothing until used (`--version` and HTML-only runs skip them). The
 * library build and the tests import them as usual.
 */
const LAZY_MODULES: Record<string, string[]> = {
  'src/nlp.ts': ['analyse'],
  'src/parse/markdown.ts': ['parseMarkdown'],
  'src/parse/eml.ts': ['parseEml'],
}

function lazyModules(): Plugin {
  const root = process.cwd()
  return {
    name: 'lazy-modules',
    setup(build) {
      build.onResolve({filter: /\.js$/}, (args) => {
        if (args.namespace !== 'file' || !args.path.startsWith('.')) return undefined
        const target = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'))
        if (!LAZY_MODULES[relative(root, target)]) return undefined
        return {path: target, namespace: 'lazy-module'}
      })
      build.onLoad({filter: /.*/, namespace: 'lazy-module'}, (args) => {
        const names = LAZY_MODULES[relative(root, args.path)] ?? []
        const contents = names
          .map((name) => `export function ${name}(...args) { return require(${JSON.stringify(args.path)}).${name}(...args) }`)
          .join('\n')
        return {contents, loader: 'js', resolveDir: dirname(args.path)}
      })
    },
  }
}

export default defineConfig([
  {
    // The library as ESM, with types; dependencies stay external.
    entry: {index: 'src/index.ts', core: 'src/core.ts', node: 'src/node.ts', rules: 'rules/index.ts', nodemailer: 'src/nodemailer.ts'},
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    define: {__VERSION__: JSON.stringify(version)},
  },
  {
    // The library as CommonJS, with types. unified, remark-parse, franc and their
    // dependencies are ESM only, and a CommonJS require of them does not hand back
    // their default exports, so this build inlines its dependencies.
    entry: {index: 'src/index.ts', core: 'src/core.ts', node: 'src/node.ts', rules: 'rules/index.ts', nodemailer: 'src/nodemailer.ts'},
    format: ['cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    noExternal: [/.*/],
    define: {__VERSION__: JSON.stringify(version)},
  },
  {
    // The CLI: one ESM bundle with its dependencies inlined, so that start-up
    // resolves and reads one file instead of hundreds (cold start is measured).
    // lint-worker is the worker thread of src/node/pool.ts, lsp-worker the language server's, mcp-worker the MCP server's, each loaded from beside the chunk that starts it.
    entry: {cli: 'src/cli.ts', server: 'src/server.ts', 'lint-worker': 'src/node/lint-worker.ts', 'lsp-worker': 'src/node/lsp-worker.ts', 'mcp-worker': 'src/node/mcp-worker.ts'},
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    noExternal: [/.*/],
    splitting: true,
    define: {__VERSION__: JSON.stringify(version)},
    banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
    esbuildPlugins: [lazyModules()],
  },
])
