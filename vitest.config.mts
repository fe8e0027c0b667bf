import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'bench/**/*.test.ts',
      'test/architecture/**/*.test.ts',
      'test/integration/**/*.test.ts',
      'test/chaos/**/*.test.ts',
      'test/drills/**/*.test.ts',
    ],
    pool: 'forks',
    // Vitest's default is one file at a time on a 2-core machine (cores − 1), yet the slow files spend
    // most of their time waiting on processes of their own (serve, workers, pocketsphinx, festival,
    // ffmpeg) or on real outages and polls, so a core sat idle. Two files at a time, one per core (three
    // made worker-crash.test.ts miss one of its crashes on a shared machine). Files share nothing but
    // the machine: each has its own temp dirs, stores and port-0 servers.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
