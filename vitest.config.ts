import {configDefaults, defineConfig} from 'vitest/config'

/**
 * `npm test` is the fast suite a contributor runs before every commit.
 * Slow suites (property, ReDoS, adversarial, browser) live in test/slow/
 * and run with `npm run test:slow` (vitest.slow.config.ts); CI runs both.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'test/slow/**'],
  },
})
