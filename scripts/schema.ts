/**
 * Writes schema/config.schema.json from the zod config schema, so editors can
 * complete `apology-lint.config.json`. A test fails when the file is stale.
 */
import {writeFileSync} from 'node:fs'
import {configJsonSchema} from '../src/config.js'
import {builtinRules} from '../rules/index.js'

writeFileSync(new URL('../schema/config.schema.json', import.meta.url), `${JSON.stringify(configJsonSchema(builtinRules), null, 2)}\n`)
