/**
 * Starts the MCP server on stdio, straight from source
 * (`node --import tsx src/mcp-main.ts`): for tests and development.
 */
import {main} from './mcp.js'

await main()
