import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Vitest's default is one worker fewer than the cores: one on a 2-core CI machine. Many test
    // files wait on processes they start (git, npm, pre-commit, chromium), so use every core.
    maxWorkers: Math.max(2, availableParallelism()),
    // Test files share a worker's modules (the compiler, the catalog) instead of loading them again
    // for each of 120 files: a third of the suite's time. Tests therefore mock no module (pass what
    // a test varies as a parameter instead), and restore the working folder and environment they
    // change (runCli does).
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
