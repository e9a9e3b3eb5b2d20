import {defineConfig} from 'vitest/config'

/** The slow suites: property, ReDoS, adversarial and browser tests (`npm run test:slow`). */
export default defineConfig({
  test: {
    include: ['test/slow/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
