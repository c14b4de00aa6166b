import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Vitest runs cpus - 1 files at once by default: one on a 2-core machine. The CLI and tmux
    // files mostly wait for the children they spawn, so a second worker overlaps them.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    minWorkers: 1,
    // Files share a worker's module graph instead of re-importing it per file (about a third of
    // the suite's CPU time). No test mocks modules, stubs globals or changes process.env, so none
    // can leak into another; a file that starts doing so must set its own isolation.
    isolate: false,
    // Bounds for a failure only: every wait in the tests is for a condition, so a passing test
    // ends as soon as it can; these only have to outlast a machine busy with other work.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
