import { describe, expect, it } from 'vitest';
import { planChunks } from './chunk-plan';

const rate = 1000;
/** Loud "speech" everywhere except silent gaps at the given seconds (each 0.4 s long). */
function speechWithGaps(seconds: number, gaps: number[]): Float32Array {
  const x = Float32Array.from({ length: seconds * rate }, (_, i) => 0.5 * Math.sin(i * 1.3));
  for (const g of gaps) x.fill(0, Math.round(g * rate), Math.round((g + 0.4) * rate));
  return x;
}

describe('planChunks', () => {
  it('keeps short audio as one chunk', () => {
    expect(planChunks(speechWithGaps(20, []), rate)).toEqual([[0, 20_000]]);
  });

  it('cuts about every 30 s, inside the silence nearest the target', () => {
    const chunks = planChunks(speechWithGaps(100, [27, 61, 88]), rate);
    const cuts = chunks.slice(0, -1).map(([, end]) => end / rate);
    expect(cuts).toHaveLength(3);
    [27, 61, 88].forEach((gap, i) => {
      expect(cuts[i]).toBeGreaterThanOrEqual(gap);
      expect(cuts[i]).toBeLessThanOrEqual(gap + 0.4);
    });
  });

  it('covers every sample exactly once, in order', () => {
    const x = speechWithGaps(600, [100, 250]);
    const chunks = planChunks(x, rate);
    expect(chunks[0]![0]).toBe(0);
    expect(chunks.at(-1)![1]).toBe(x.length);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]![0]).toBe(chunks[i - 1]![1]);
    for (const [a, b] of chunks) expect((b - a) / rate).toBeLessThanOrEqual(38 + 0.1);
  });
});
