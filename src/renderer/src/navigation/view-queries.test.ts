import { describe, expect, it } from 'vitest';
import { defaultQuery } from '../stores/items-query';
import {
  hiddenGroupsFromAddress,
  hiddenGroupsToAddress,
  itemsQueryFromAddress,
  itemsQueryToAddress,
  memoriesQueryFromAddress,
  memoriesQueryToAddress,
} from './view-queries';

describe('the Items filter in the address', () => {
  it('writes what is chosen and reads it back', () => {
    const query = {
      state: 'dead',
      stage: 'transcribe',
      q: 'stand up & go',
      sort: 'priority',
      direction: 'asc',
    } as const;
    const address = itemsQueryToAddress(query);
    expect(address).toBe('state=dead&stage=transcribe&q=stand+up+%26+go&sort=priority&dir=asc');
    expect(itemsQueryFromAddress(address)).toEqual(query);
  });

  it('leaves the defaults out, so the plain route is the list as it starts', () => {
    expect(itemsQueryToAddress(defaultQuery)).toBe('');
    expect(itemsQueryFromAddress('')).toEqual(defaultQuery);
  });

  it('drops values that are not choices of the screen instead of guessing', () => {
    expect(itemsQueryFromAddress('state=exploded&stage=ingest&sort=size&dir=up')).toEqual({
      ...defaultQuery,
      stage: 'ingest',
    });
  });
});

describe('the Memories search in the address', () => {
  it('writes the search and the kind and reads them back', () => {
    const address = memoriesQueryToAddress({ q: 'dentist', kind: 'transcript' });
    expect(address).toBe('q=dentist&kind=transcript');
    expect(memoriesQueryFromAddress(address)).toEqual({ q: 'dentist', kind: 'transcript' });
    expect(memoriesQueryToAddress({ q: '', kind: null })).toBe('');
  });

  it('shows transcript segments only for a search, and ignores unknown kinds', () => {
    expect(memoriesQueryFromAddress('kind=transcript')).toEqual({ q: '', kind: null });
    expect(memoriesQueryFromAddress('kind=todo')).toEqual({ q: '', kind: 'todo' });
    expect(memoriesQueryFromAddress('q=x&kind=recipe')).toEqual({ q: 'x', kind: null });
  });
});

describe('the hidden Dead letters groups in the address', () => {
  it('writes the hidden error codes in one order and reads them back', () => {
    expect(hiddenGroupsToAddress(['RECOVERY_EXHAUSTED', 'AUDIO_UNDECODABLE'])).toBe(
      'hidden=AUDIO_UNDECODABLE,RECOVERY_EXHAUSTED',
    );
    expect(hiddenGroupsFromAddress('hidden=RECOVERY_EXHAUSTED,AUDIO_UNDECODABLE')).toEqual([
      'AUDIO_UNDECODABLE',
      'RECOVERY_EXHAUSTED',
    ]);
    expect(hiddenGroupsToAddress([])).toBe('');
  });

  it('ignores anything that is not an error code', () => {
    expect(hiddenGroupsFromAddress('hidden=<script>,AUDIO_UNDECODABLE,AUDIO_UNDECODABLE,')).toEqual([
      'AUDIO_UNDECODABLE',
    ]);
  });
});
