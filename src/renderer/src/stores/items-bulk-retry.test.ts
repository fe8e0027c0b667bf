import { describe, expect, it } from 'vitest';
import type { LifelineApi } from '../../../shared/contract';
import { itemSummary } from '../../../shared/contract/item-summary-fixture';
import { createItemsStore } from './items-store';

const dead = (id: number, code: string) => itemSummary(id, 'dead', { error: { code, message: `${code} happened` } });

function apiCounting(byCode: Record<string, number>) {
  const asked: unknown[] = [];
  const api = {
    call: (channel: string, request: { errorCode?: string }) => {
      asked.push([channel, request]);
      return Promise.resolve({ ok: true, value: { count: byCode[request.errorCode ?? ''] ?? 0 } });
    },
  } as unknown as LifelineApi;
  return { api, asked };
}

describe('a bulk Retry over dead letters a retry cannot fix', () => {
  it('counts the ticked items whose error is in the file itself', async () => {
    const { api } = apiCounting({});
    const store = createItemsStore(api);
    store.setState({
      pages: {
        0: [dead(1, 'AUDIO_UNDECODABLE'), dead(2, 'ASR_TIMEOUT'), dead(3, 'AUDIO_EMPTY'), itemSummary(4, 'done')],
      },
      selection: { mode: 'ids', ids: new Set([1, 2, 3, 4]) },
    });
    expect(await store.getState().failingForGoodInSelection()).toBe(2);
  });

  it('asks the store how many there are among all matching items', async () => {
    const { api, asked } = apiCounting({ AUDIO_UNDECODABLE: 3_915, AUDIO_EMPTY: 2 });
    const store = createItemsStore(api);
    store.setState({ selection: { mode: 'all', filter: { state: 'dead' }, except: new Set() } });
    expect(await store.getState().failingForGoodInSelection()).toBe(3_917);
    expect(asked).toContainEqual(['items:count', { state: 'dead', errorCode: 'AUDIO_UNDECODABLE' }]);
  });

  it('finds none when the items matching are not dead letters', async () => {
    const { api, asked } = apiCounting({ AUDIO_UNDECODABLE: 5 });
    const store = createItemsStore(api);
    store.setState({ selection: { mode: 'all', filter: { state: 'cancelled' }, except: new Set() } });
    expect(await store.getState().failingForGoodInSelection()).toBe(0);
    expect(asked).toEqual([]);
  });
});
