import { describe, expect, it } from 'vitest';
import { LocalDecodeCheck } from './asr-probes';

/** An engine whose decodes the test ends by hand. */
function engine() {
  const pending: { resolve(): void; reject(e: Error): void }[] = [];
  return {
    pending,
    transcribe: () => new Promise<never[]>((resolve, reject) => pending.push({ resolve: () => resolve([]), reject })),
  };
}
const signal = () => new AbortController().signal;
const tick = () => new Promise((r) => setImmediate(r));

describe('the check of a local engine (a tiny decode)', () => {
  it('never fails for slowness: the first check passes at once while the decode runs in the background', async () => {
    const e = engine();
    const check = new LocalDecodeCheck(e);
    await expect(check.check(signal())).resolves.toEqual({ firstRunning: true });
    expect(e.pending).toHaveLength(1);
    // A passing decode stands for the next checks: no second decode.
    e.pending[0]!.resolve();
    await tick();
    // It says the answer is that earlier decode's, with what the decode took: never a look-up's 0 ms.
    const cached = await check.check(signal());
    expect(cached).toEqual({ ageMs: expect.any(Number), tookMs: expect.any(Number) });
    expect(e.pending).toHaveLength(1);
  });

  it('reports a crashing engine, and once real calls failed it waits for a decode of its own', async () => {
    const e = engine();
    const check = new LocalDecodeCheck(e);
    await check.check(signal());
    e.pending[0]!.reject(new Error('pocketsphinx exited with 139'));
    await tick();
    // The last decode failed: the check waits for a new one (is it back?).
    const again = check.check(signal());
    expect(e.pending).toHaveLength(2);
    e.pending[1]!.reject(new Error('pocketsphinx exited with 139'));
    await expect(again).rejects.toThrow('exited with 139');
    // Fixed: the next check decodes afresh and passes.
    const fixed = check.check(signal(), true);
    e.pending[2]!.resolve();
    await expect(fixed).resolves.toEqual({ ageMs: expect.any(Number), tookMs: expect.any(Number) });
  });
});
