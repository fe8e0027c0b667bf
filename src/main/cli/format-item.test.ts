import { describe, expect, it } from 'vitest';
import type { ItemDetail } from '../../shared/contract';
import { formatItem, localTime } from './format';

const stored = '/data/audio/48/4831.wav';
const silent: ItemDetail = {
  id: 5,
  file: stored,
  fileName: 'silent.wav',
  sha256: '4831',
  sizeBytes: 320_044,
  state: 'done',
  stage: 'index',
  priority: 0,
  attempts: 1,
  maxAttempts: 3,
  error: null,
  waitReason: null,
  runAt: null,
  progress: null,
  startedAt: null,
  createdAt: '2026-12-07T18:50:31.317Z',
  updatedAt: '2026-12-07T18:50:43.868Z',
  storedPath: stored,
  recordedAt: '2026-12-07T18:50:31.317Z',
  recordedFrom: 'added',
  events: [],
  transcript: { text: '', segments: [] },
  memories: [],
};

describe('lifeline show', () => {
  it('names an uploaded file by its name, not by the stored copy twice', () => {
    const text = formatItem(silent);
    expect(text).toMatch(/^file {4}silent\.wav, added through the app; the stored copy is the only one$/m);
    expect(text).toMatch(/^stored {2}\/data\/audio\/48\/4831\.wav$/m);
    expect(formatItem({ ...silent, file: '/home/me/memo.wav' })).toMatch(/^file {4}\/home\/me\/memo\.wav$/m);
  });

  it("writes times on the reader's clock, not as UTC timestamps", () => {
    const at = new Date(2026, 11, 7, 18, 50, 31).toISOString();
    const text = formatItem({
      ...silent,
      recordedAt: at,
      events: [
        { id: 1, at, type: 'added', stage: 'ingest', actor: 'user', detail: 'uploaded silent.wav', error: null },
      ],
    });
    expect(localTime(at)).toBe('2026-12-07 18:50:31');
    expect(text).toMatch(/^recorded 2026-12-07 18:50:31, the time it was added/m);
    expect(text).toMatch(/^2026-12-07 18:50:31 +added +ingest +user +uploaded silent\.wav$/m);
    expect(text).not.toMatch(/\d{2}:\d{2}:\d{2}\.\d{3}Z/);
    const ingest = formatItem({
      ...silent,
      events: [
        {
          id: 2,
          at,
          type: 'succeeded',
          stage: 'ingest',
          actor: 'engine',
          detail: `stored 313 KB; 10.0 s of 16000 Hz 1-channel audio; recorded ${at} (from the time it was added)`,
          error: null,
        },
      ],
    });
    expect(ingest).toMatch(
      /audio; recorded 2026-12-07 18:50:31, the time it was added; when it was recorded is not known$/m,
    );
  });

  it('says when no speech was heard instead of an empty transcript', () => {
    expect(formatItem(silent)).toMatch(/^transcript\n {2}no speech was heard in this recording$/m);
    expect(formatItem({ ...silent, state: 'running', stage: 'transcribe' })).toMatch(/^ {2}no speech heard so far$/m);
  });
});
