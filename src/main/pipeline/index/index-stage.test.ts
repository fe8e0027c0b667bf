import { describe, expect, it } from 'vitest';
import type { Memory } from '../../../shared/contract';
import { closeAfterEach } from '../../../../test/support/close-after-each';
import { pipelineOutputs } from '../../../../test/support/done-item';
import { fakeItem, queueFixture } from '../../../../test/support/queue-fixture';
import { tempDir } from '../../../../test/support/temp-dir';

const opened = closeAfterEach();

describe('the index stage', () => {
  it('says what it indexed in words a person reads: "1 segment", "1 memory"', async () => {
    const f = queueFixture(tempDir());
    opened.track({ close: () => Promise.resolve(f.store.close()) });
    const out = pipelineOutputs(f);
    f.queue.add(fakeItem('memo.wav'));
    out.succeed(out.claim('ingest'));
    out.transcribe([{ start: 0, end: 3, text: 'buy milk' }]);
    const milk: Memory = { kind: 'todo', text: 'buy milk', at: null, allDay: false, repeats: null, source: null };
    out.extract([milk]);
    expect(await out.index()).toBe('indexed 1 segment and 1 memory');
  });
});
