import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts', 'test/packaging/**/*.test.ts', 'test/chaos/**/*.test.ts', 'test/boot/**/*.test.ts'],
    // Component tests opt into a DOM per file (`// @vitest-environment happy-dom`); the rest need none.
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // Vitest's run mode leaves one core free by default (one worker on a 2-core machine);
    // most of these tests wait on child processes and sockets, so two workers finish in
    // about 60 % of the time there without starving each other.
    maxWorkers: 2,
  },
});
