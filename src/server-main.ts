/**
 * Starts the language server on stdio, straight from source
 * (`node --import tsx src/server-main.ts`): for tests and development.
 */
import {main} from './server.js'

await main()
