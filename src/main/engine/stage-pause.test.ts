import { describe, expect, it } from 'vitest';
import { heldByUserReason } from './stage-pause';

describe('a stage held by the user', () => {
  it('says a paused stage is paused by you', () => {
    expect(heldByUserReason('transcribe', { paused: true, concurrency: 1 })).toBe('Transcribe is paused by you');
  });

  it('says a stage with concurrency 0 is stopped, and how to start it', () => {
    expect(heldByUserReason('extract', { paused: false, concurrency: 0 })).toBe(
      'Extract is stopped: it may run 0 jobs at once; raise its concurrency in Settings to start it',
    );
  });

  it('says nothing about a stage that may run', () => {
    expect(heldByUserReason('index', { paused: false, concurrency: 2 })).toBeNull();
  });
});
