import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/packaging/**/*.test.ts', 'test/chaos/**/*.test.ts', 'test/boot/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // Vitest's run mode leaves one core free by default (one worker on a 2-core machine);
    // most of these tests wait on child processes and sockets, so two workers finish in
    // about 60 % of the time there without starving each other.
    maxWorkers: 2,
  },
});
