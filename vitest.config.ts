import {configDefaults, defineConfig} from 'vitest/config'

/**
 * `npm test` is the fast suite a contributor runs before every commit.
 * Slow suites (property, ReDoS, adversarial, browser) live in test/slow/
 * and run with `npm run test:slow` (vitest.slow.config.ts); CI runs both.
 *
 * Speed: most test files share their worker's modules (`isolate: false`, in
 * threads), so the parsers, compromise and zod schemas are loaded once per
 * worker instead of once per file; on two cores that more than halves the
 * wall time. Files that mock modules (`vi.mock`) need a module registry of
 * their own and run isolated; add such a file to ISOLATED.
 */
export const ISOLATED = ['test/cli-input.test.ts', 'test/internal-error.test.ts']

export default defineConfig({
  test: {
    exclude: [...configDefaults.exclude, 'test/slow/**'],
    // Tests that start a server or a worker take a few seconds on a loaded two-core machine; the
    // default 5 s would put them near their timeout. Speed is measured in benchmarks, not here.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/slow/**', ...ISOLATED],
          pool: 'threads',
          isolate: false,
        },
      },
      {
        extends: true,
        test: {name: 'isolated', include: ISOLATED},
      },
    ],
  },
})
