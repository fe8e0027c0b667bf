import { describe, expect, it } from 'vitest';
import { rerunProblems } from './rerun-command';

describe('lifeline rerun, when some ids cannot run again', () => {
  it('says there is no such item in plain words ("1 id name no item" before)', () => {
    expect(rerunProblems([999], { notFound: 1, skippedByState: {} })).toEqual(['there is no item 999']);
    expect(rerunProblems([1, 998, 999], { notFound: 1, skippedByState: {} })).toEqual(['1 id names no item']);
    expect(rerunProblems([998, 999], { notFound: 2, skippedByState: {} })).toEqual(['2 ids name no item']);
  });

  it('says which states kept the others from running again', () => {
    expect(rerunProblems([8], { notFound: 0, skippedByState: { dead: 1 } })).toEqual([
      '1 item is dead; only done items can be run again',
    ]);
  });
});
