import { describe, expect, it } from 'vitest';
import type { LifelineApi } from '../../../shared/contract';
import { createRecorderStore } from './recorder-store';

// README, Record: "captures the microphone as 16 kHz mono 16-bit PCM … and sends it to the store every
// second"; "at most the last second or so is lost". What the store does with a chunk is
// headless-intake.test.ts and the chaos test; this is how much audio the page holds back before it
// sends: one second, never more.
describe('Record', () => {
  it('sends the microphone to the store a second at a time while recording, and the rest at Stop', async () => {
    const appended: number[] = [];
    const api = {
      call: async (channel: string, req: { data?: string; offset?: number }) => {
        if (channel === 'recordings:start') return { ok: true, value: { id: 1, name: 'r.wav' } };
        if (channel === 'recordings:append') {
          const n = atob(req.data!).length;
          appended.push(n);
          return { ok: true, value: { bytes: req.offset! + n, seconds: 0 } };
        }
        return { ok: true, value: { id: 1, itemId: 7, duplicate: false, seconds: 0 } };
      },
    } as unknown as LifelineApi;
    let feed: (samples: Float32Array) => void = () => {};
    const store = createRecorderStore(api, async (onSamples) => {
      feed = onSamples;
      return { sampleRate: 16_000, channels: 1, stop: async () => {} };
    });
    await store.getState().start();
    const settle = () => new Promise((r) => setTimeout(r, 0));

    // The worklet hands over ~100 ms batches: 2.5 s of them.
    for (let i = 0; i < 25; i++) {
      feed(new Float32Array(1_600).fill(0.1));
      await settle();
      // Never more than a second (32,000 bytes) of captured audio waits in the page.
      expect((i + 1) * 3_200 - appended.reduce((a, b) => a + b, 0)).toBeLessThan(32_000);
    }
    expect(appended).toEqual([32_000, 32_000]);
    await store.getState().stop();
    expect(appended).toEqual([32_000, 32_000, 16_000]);
  });
});
