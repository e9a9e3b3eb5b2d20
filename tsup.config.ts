import {readFileSync} from 'node:fs'
import {defineConfig} from 'tsup'

const {version} = JSON.parse(readFileSync('package.json', 'utf8')) as {version: string}

export default defineConfig([
  {
    // The library: ESM + CJS + types; dependencies stay external.
    entry: {index: 'src/index.ts', rules: 'rules/index.ts'},
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    define: {__VERSION__: JSON.stringify(version)},
  },
  {
    // The CLI: one ESM bundle with its dependencies inlined, so that start-up
    // resolves and reads one file instead of hundreds (cold start is measured).
    entry: {cli: 'src/cli.ts'},
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
  },
])
