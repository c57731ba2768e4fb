import { defineConfig } from 'vitest/config';
import { LongFilesFirst } from './test/integration/sequencer.js';

// Two projects: fast pure tests, and integration tests over real SQLite and real ffmpeg.
// Integration files run one at a time per worker pool of 2 (the machines have 2 cores).
export default defineConfig({
  test: {
    // The integration files known to run longest start first, also on a clean clone (no record).
    sequence: { sequencer: LongFilesFirst },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/driver/**/*.test.ts'],
          environment: 'node',
          // Pure tests finish in milliseconds; the first import of a large module (electron-builder's
          // schema) can take seconds on a loaded 2-core machine, which is not a failure.
          testTimeout: 30_000,
          // Vitest's default is one worker fewer than the cores, so ONE on a 2-core CI machine: the
          // files' imports ran one after another. https://vitest.dev/config/maxworkers
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/integration/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
        },
      },
    ],
  },
});
