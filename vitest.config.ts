import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const contracts = fileURLToPath(new URL('./packages/contracts/src/index.ts', import.meta.url));
const resolve = { alias: { '@portico/contracts': contracts } };

/**
 * Two projects: `unit` (pure rules, no I/O) and `integration` (real database through app.inject; SQLite in memory,
 * or PostgreSQL when TEST_DATABASE_URL is set, with a fresh database per test file).
 */
export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: [
            'apps/server/src/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
            'packages/*/src/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
        },
      },
      {
        resolve,
        test: {
          name: 'integration',
          // Runs after the unit project: each group may have its own number of workers.
          sequence: { groupOrder: 1 },
          include: ['apps/server/test/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Two cores: two files at a time keeps PostgreSQL and the scrypt hashing from starving each other.
          maxWorkers: 2,
        },
      },
    ],
  },
});
