import { describe, expect, it } from 'vitest';
import type { LifelineApi, Progress } from '../../../shared/contract';
import { createProgressStore } from './progress-store';

const at = (percent: number): Progress => ({ step: 'transcribe', percent, message: null });

/** An api whose `items:progress` answers when the test says. */
function slowApi(value: { id: number; progress: Progress }[]) {
  let answer: () => void = () => {};
  const api = {
    call: (channel: string) => {
      if (channel !== 'items:progress') throw new Error(channel);
      return new Promise((resolve) => (answer = () => resolve({ ok: true, value })));
    },
  } as unknown as LifelineApi;
  return { api, answer: () => answer() };
}

describe('the progress store', () => {
  it('takes the engine’s latest progress on connecting, so a page opened between two reports shows it', async () => {
    const { api, answer } = slowApi([{ id: 7, progress: at(40) }]);
    const store = createProgressStore(api);
    const done = store.getState().synchronise();
    answer();
    await done;
    expect(store.getState().byId[7]).toEqual(at(40));
  });

  it('keeps a report pushed while the answer travelled: it is newer', async () => {
    const { api, answer } = slowApi([
      { id: 7, progress: at(40) },
      { id: 8, progress: at(10) },
    ]);
    const store = createProgressStore(api);
    const done = store.getState().synchronise();
    store.getState().report(7, at(55));
    await new Promise((r) => setTimeout(r, 150));
    answer();
    await done;
    expect(store.getState().byId).toEqual({ 7: at(55), 8: at(10) });
  });
});
