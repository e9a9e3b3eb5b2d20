/**
 * An esbuild plugin for bundles that inline zod: its `z` namespace brings
 * error messages in 48 languages (258 KB minified); apology-lint's messages
 * are its own and zod's English ones are its default, so only English is kept.
 * Used by tsup.config.ts (the CLI bundle) and scripts/build-browser.ts.
 */
import {dirname, resolve} from 'node:path'
import type {Plugin} from 'esbuild'

export function zodEnglishOnly(): Plugin {
  return {
    name: 'zod-english-only',
    setup(build) {
      build.onResolve({filter: /locales\/index\.js$/}, (args) => {
        if (!/[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)) return undefined
        return {path: resolve(args.resolveDir, args.path), namespace: 'zod-locales'}
      })
      build.onLoad({filter: /.*/, namespace: 'zod-locales'}, (args) => ({
        contents: `export {default as en} from ${JSON.stringify(resolve(dirname(args.path), 'en.js'))}`,
        loader: 'js',
        resolveDir: dirname(args.path),
      }))
    },
  }
}
