import { describe, expect, it } from 'vitest';
import type { ItemEvent } from '../../../shared/contract';
import { openRerun } from './rerun-state';

let id = 0;
const ev = (type: string, stage: ItemEvent['stage'] = 'index'): ItemEvent => ({
  id: ++id,
  at: '',
  type,
  stage,
  actor: 'engine',
  detail: null,
  error: null,
});

describe('openRerun', () => {
  it('says an item is being run again from the time it was asked until its new results are in place', () => {
    expect(openRerun([ev('added', 'ingest'), ev('succeeded')])).toBeNull();
    expect(openRerun([ev('succeeded'), ev('rerun', 'transcribe'), ev('started', 'transcribe')])).toBe('transcribe');
    expect(openRerun([ev('rerun', 'extract'), ev('dead', 'extract'), ev('retried', 'extract')])).toBe('extract');
    expect(openRerun([ev('rerun', 'extract'), ev('rerun_published'), ev('succeeded')])).toBeNull();
  });
});
