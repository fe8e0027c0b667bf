import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// README, Services: "Everything is pushed (health.changed, health.checked, breaker.changed), nothing is
// polled." That the pushes arrive is pushed-events.test.ts and health-store.test.ts; this keeps the
// screens from asking on a timer: the renderer's one interval is the clock of useNow, which asks nothing.

const renderer = path.resolve(__dirname, '../../src/renderer/src');
const sources = fs
  .readdirSync(renderer, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
  // Comments may name setInterval; code may not.
  .map((f) => ({
    file: f,
    text: fs
      .readFileSync(path.join(renderer, f), 'utf8')
      .replace(/\/\*[^]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, ''),
  }));

describe('the screens', () => {
  it('ask the engine nothing on a timer: the only interval is the ticking clock of useNow', () => {
    expect(sources.length).toBeGreaterThan(50);
    const intervals = sources.filter((s) => /\bsetInterval\s*\(/.test(s.text)).map((s) => s.file);
    expect(intervals).toEqual([path.join('components', 'use-now.ts')]);
    const clock = sources.find((s) => s.file === path.join('components', 'use-now.ts'))!.text;
    expect(clock).not.toMatch(/\bcall\(|\bapi\b|fetch\(/);
  });
});
