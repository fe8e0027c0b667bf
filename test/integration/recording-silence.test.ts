import { describe, expect, it } from 'vitest';
import type { Lifeline } from '../../src/main/lifeline';
import { FakeClock } from '../../src/main/time/clock';
import { closeAfterEach } from '../support/close-after-each';
import { openAtDefaults, waitingStages } from '../support/lifeline-at-defaults';
import { waitFor } from '../support/wait-for';

// README, Record: "at the next start (or after two minutes without audio) the store turns the
// unfinished recording into an item". The next start is test/chaos/recording-crash.test.ts; this is
// the other half, on the engine clock with the user's defaults (the sweep and the silence are not settings).

const closing = closeAfterEach();
const minute = 60_000;

// Every stage waits (no engine work), so the item stays where the recording put it.
const open = (clock: FakeClock): Lifeline => openAtDefaults(closing, { clock, stages: waitingStages });

async function ok<T>(r: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const v = await r;
  if (!v.ok) throw new Error(v.error.message);
  return v.value;
}

/** A second of 16 kHz mono 16-bit PCM that is not silence. */
const second = Buffer.alloc(32_000, 7);

async function startRecording(app: Lifeline) {
  const rec = await ok(app.call('recordings:start', { sampleRate: 16_000, channels: 1, name: 'Standup' }));
  let offset = 0;
  const append = async () => {
    await ok(app.call('recordings:append', { id: rec.id, offset, data: second.toString('base64') }));
    offset += second.length;
  };
  return { rec, append };
}

const itemNamed = (app: Lifeline, name: string) => app.store.reads.list({ limit: 10 }).find((i) => i.fileName === name);

describe('a recording whose page went away', () => {
  it('becomes an item once no audio has come for two minutes, keeping what arrived', async () => {
    const clock = new FakeClock(Date.now());
    const app = open(clock);
    await app.start();
    const { append } = await startRecording(app);
    await append();
    await append();

    // Under two minutes of silence it is still a recording someone may be making.
    await clock.advanceAsync(2 * minute - 1_000);
    await new Promise((r) => setTimeout(r, 200));
    expect(itemNamed(app, 'Standup.wav')).toBeUndefined();

    // Two minutes without audio, and the sweep that runs every minute finds it.
    await clock.advanceAsync(minute + 1_000);
    const item = await waitFor('the silent recording to become an item', () => itemNamed(app, 'Standup.wav'));
    expect(item.sizeBytes).toBe(44 + 2 * second.length);
  });

  it('is not cut while audio keeps coming, however long it runs', async () => {
    const clock = new FakeClock(Date.now());
    const app = open(clock);
    await app.start();
    const { append } = await startRecording(app);
    for (let i = 0; i < 6; i++) {
      await append();
      await clock.advanceAsync(90_000);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(itemNamed(app, 'Standup.wav')).toBeUndefined();
  });
});
