// The pure modules (design.md, House style 1): no electron, better-sqlite3 or node:* imports, and
// (checked by test/architecture/layers.test.ts) nothing they import, directly or through other
// files, may be impure either. Read by eslint.config.mjs and by that test.
export const pureFiles = [
  'src/shared/**/*.ts',
  'src/main/**/*-policy.ts',
  'src/main/queue/backoff.ts',
  'src/main/queue/job-state.ts',
  'src/main/queue/queue.ts',
  'src/main/time/clock.ts',
  'src/main/config/config.ts',
  'src/main/engine/stage-gates.ts',
  'src/main/metrics/percentile.ts',
  'src/main/engine/worker/worker-protocol.ts',
];
