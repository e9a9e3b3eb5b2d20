import {readFileSync} from 'node:fs'
import {dirname, relative, resolve} from 'node:path'
import {defineConfig} from 'tsup'
import type {Plugin} from 'esbuild'
import {zodEnglishOnly} from './scripts/zod-english.js'

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

/** Lazy modules loaded from another file in the CLI bundle: compromise is required from node_modules, not inlined. */
const LAZY_REPLACEMENTS: Record<string, string> = {'src/nlp.ts': 'src/node/nlp-require.ts'}

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
        const real = LAZY_REPLACEMENTS[relative(root, args.path)] ?? args.path
        const contents = names
          .map((name) => `export function ${name}(...args) { return require(${JSON.stringify(resolve(root, real))}).${name}(...args) }`)
          .join('\n')
        return {contents, loader: 'js', resolveDir: dirname(args.path)}
      })
    },
  }
}

/**
 * vfile (under unified) picks Node's `path`, `process` and `url` through its
 * `#minpath`, `#minproc` and `#minurl` imports when built for Node. The
 * library builds take its portable versions instead, so that `dist/core.js`,
 * which browsers get through the `browser` export condition, imports no Node
 * built-in (they behave the same in Node).
 */
function portableVfile(): Plugin {
  return {
    name: 'portable-vfile',
    setup(build) {
      build.onResolve({filter: /^#min(path|proc|url)$/}, (args) => {
        if (!/[\\/]node_modules[\\/]vfile[\\/]/.test(args.importer)) return undefined
        return {path: resolve(dirname(args.importer), `${args.path.slice(1)}.browser.js`)}
      })
    },
  }
}

export default defineConfig([
  {
    // The library as ESM, with types. The dependencies stay external; unified,
    // remark-parse and franc (with the 40-odd small packages under them) are
    // devDependencies, so they are inlined: a library user installs fewer packages.
    entry: {index: 'src/index.ts', core: 'src/core.ts', node: 'src/node.ts', rules: 'rules/index.ts', nodemailer: 'src/nodemailer.ts'},
    format: ['esm'],
    dts: true,
    // No source maps in the package: the ESM output is the TypeScript source minus its types.
    sourcemap: false,
    clean: true,
    target: 'node20',
    define: {__VERSION__: JSON.stringify(version)},
    esbuildPlugins: [portableVfile()],
  },
  {
    // The library as CommonJS, with types. unified, remark-parse, franc and their
    // dependencies are ESM only (Node before 20.19 cannot require them), so this
    // build inlines them; the dependencies that ship CommonJS stay external, so
    // that the package carries one copy of them, not two.
    entry: {index: 'src/index.ts', core: 'src/core.ts', node: 'src/node.ts', rules: 'rules/index.ts', nodemailer: 'src/nodemailer.ts'},
    format: ['cjs'],
    dts: true,
    sourcemap: false,
    clean: false,
    // One shared chunk instead of every entry inlining all dependencies again.
    splitting: true,
    // White space removed (names kept, so stack traces stay readable): the package stays under 1 MB.
    esbuildOptions(options) {
      options.minifyWhitespace = true
    },
    target: 'node20',
    platform: 'node',
    noExternal: [/^(?!(?:zod|compromise|htmlparser2|entities|domhandler|picomatch|postal-mime)(?:\/|$))/],
    define: {__VERSION__: JSON.stringify(version)},
    esbuildPlugins: [portableVfile()],
  },
  {
    // The CLI: one ESM bundle with its dependencies inlined, so that start-up
    // resolves and reads one file instead of hundreds (cold start is measured).
    // lint-worker is the worker thread of src/node/pool.ts, lsp-worker the language server's, mcp-worker the MCP server's, each loaded from beside the chunk that starts it.
    entry: {
      cli: 'src/cli.ts',
      server: 'src/server.ts',
      'lint-worker': 'src/node/lint-worker.ts',
      'lsp-worker': 'src/node/lsp-worker.ts',
      'mcp-worker': 'src/node/mcp-worker.ts',
    },
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
    esbuildPlugins: [lazyModules(), zodEnglishOnly()],
    // Minified: the bundle inlines every dependency (the servers' too), and the package stays under 1 MB.
    minify: true,
  },
])
