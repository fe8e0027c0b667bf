import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'test/architecture/**/*.test.ts',
      'test/integration/**/*.test.ts',
      'test/chaos/**/*.test.ts',
      'test/drills/**/*.test.ts',
    ],
    pool: 'forks',
    // Vitest's default is one file at a time on a 2-core machine (cores − 1), yet the slow files spend
    // most of their time waiting on processes of their own (serve, workers, pocketsphinx, festival,
    // ffmpeg) or on an engine's polls, so one core sat idle. Three files at a time keep both cores busy.
    // Files share nothing but the machine: each uses its own temp dir, port 0 and store.
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
