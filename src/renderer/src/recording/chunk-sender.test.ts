import { describe, expect, it } from 'vitest';
import type { ChannelName, RequestOf, Result } from '../../../shared/contract';
import { ChunkSender, type SenderStatus } from './chunk-sender';

/** A store that keeps bytes per session, can go away, and can close a session as a restart would. */
function fakeStore() {
  const sessions = new Map<number, { bytes: number[]; open: boolean; name: string }>();
  let next = 1;
  const state = { down: false, calls: [] as string[] };
  const call = async (channel: ChannelName, req: unknown): Promise<Result<unknown>> => {
    state.calls.push(channel);
    if (state.down) return { ok: false, error: { code: 'TRANSPORT', message: 'Cannot reach the Lifeline server.' } };
    switch (channel) {
      case 'recordings:start': {
        const r = req as RequestOf<'recordings:start'>;
        sessions.set(next, { bytes: [], open: true, name: r.name! });
        return { ok: true, value: { id: next++, name: r.name } };
      }
      case 'recordings:append': {
        const r = req as RequestOf<'recordings:append'>;
        const s = sessions.get(r.id)!;
        if (!s.open) return { ok: false, error: { code: 'INVALID_STATE', message: 'recording ended' } };
        const data = Array.from(atob(r.data), (c) => c.charCodeAt(0));
        s.bytes.splice(r.offset, data.length, ...data);
        return { ok: true, value: { bytes: s.bytes.length, seconds: 0 } };
      }
      case 'recordings:finish': {
        const r = req as RequestOf<'recordings:finish'>;
        sessions.get(r.id)!.open = false;
        return { ok: true, value: { id: r.id, itemId: 10 + r.id, duplicate: false, seconds: 0 } };
      }
      default:
        return { ok: true, value: { id: (req as { id: number }).id } };
    }
  };
  return { sessions, state, call: call as never };
}

const bytes = (...v: number[]) => new Uint8Array(v);

/** A sender of 16 kHz mono "memo.wav" to `store`, collecting its statuses; `sleep` is its wait between tries. */
function memoSender(store: ReturnType<typeof fakeStore>, sleep: () => Promise<void> = async () => {}) {
  const statuses: SenderStatus[] = [];
  const sender = new ChunkSender({
    call: store.call,
    sampleRate: 16_000,
    channels: 1,
    name: 'memo.wav',
    onStatus: (s) => statuses.push(s),
    sleep,
  });
  return { sender, statuses };
}

describe('ChunkSender', () => {
  it('sends chunks in order and keeps them until the store has them', async () => {
    const store = fakeStore();
    const { sender, statuses } = memoSender(store);
    expect((await sender.open()).ok).toBe(true);
    sender.push(bytes(1, 2));
    sender.push(bytes(3, 4));
    await sender.drain();
    expect(store.sessions.get(1)!.bytes).toEqual([1, 2, 3, 4]);
    expect(statuses.at(-1)).toEqual({ savedBytes: 4, pendingBytes: 0, problem: null });
  });

  it('keeps audio while the server is unreachable and saves all of it when it answers again', async () => {
    const store = fakeStore();
    let sleeps = 0;
    const { sender, statuses } = memoSender(store, async () => {
      if (++sleeps === 3) store.state.down = false;
    });
    await sender.open();
    store.state.down = true;
    sender.push(bytes(1, 2));
    sender.push(bytes(3, 4));
    await sender.drain();
    expect(statuses.some((s) => s.problem?.includes('Cannot reach the Lifeline server'))).toBe(true);
    expect(store.sessions.get(1)!.bytes).toEqual([1, 2, 3, 4]);
    expect(statuses.at(-1)!.problem).toBeNull();
  });

  it('goes on in a new session when the store closed the first one, and finishes the last', async () => {
    const store = fakeStore();
    const { sender } = memoSender(store);
    await sender.open();
    sender.push(bytes(1, 2));
    await sender.drain();
    store.sessions.get(1)!.open = false; // recovered by a restarted server
    sender.push(bytes(3, 4));
    const done = await sender.finish();
    expect(store.sessions.get(2)).toMatchObject({ bytes: [3, 4], name: 'memo (part 2).wav' });
    expect(sender.recoveredSessions).toEqual([1]);
    expect(sender.currentName).toBe('memo (part 2).wav');
    expect(done).toMatchObject({ ok: true, value: { id: 2, itemId: 12 } });
  });
});
