import { describe, expect, it } from 'vitest';
import type { ItemSummary } from '../../../shared/contract';
import { defaultQuery, matchesFilter, queryFilter, queryKey } from './items-query';

const item = {
  state: 'dead',
  stage: 'ingest',
  fileName: 'Call with Ana.wav',
  error: { code: 'AUDIO_EMPTY', message: '' },
} as ItemSummary;

describe('items query', () => {
  it('ignores blank search text, so typing spaces does not reload the list', () => {
    expect(queryFilter({ ...defaultQuery, q: '   ' }).q).toBeUndefined();
    expect(queryKey({ ...defaultQuery, q: '  ' })).toBe(queryKey(defaultQuery));
    expect(queryKey({ ...defaultQuery, direction: 'asc' })).not.toBe(queryKey(defaultQuery));
  });

  it('decides membership as the server does', () => {
    expect(matchesFilter({}, item)).toBe(true);
    expect(matchesFilter({}, { ...item, state: 'discarded' })).toBe(false);
    expect(matchesFilter({ state: 'discarded' }, { ...item, state: 'discarded' })).toBe(true);
    expect(matchesFilter({ q: 'ANA' }, item)).toBe(true);
    expect(matchesFilter({ stage: 'transcribe' }, item)).toBe(false);
    expect(matchesFilter({ errorCode: 'AUDIO_EMPTY' }, item)).toBe(true);
    expect(matchesFilter({ errorCode: 'NO_ERROR_RECORDED' }, { ...item, error: null })).toBe(true);
  });
});
