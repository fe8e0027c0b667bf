import type { ItemState, ItemSummary } from './model';

/**
 * An ItemSummary for tests (renderer stores, shell rules): a plain recording at ingest, a dead one
 * with an AUDIO_UNDECODABLE error. `patch` sets whatever a test is about. Imported by tests only.
 */
export function itemSummary(id: number, state: ItemState, patch: Partial<ItemSummary> = {}): ItemSummary {
  return {
    id,
    file: `/rec/${id}.wav`,
    fileName: `${id}.wav`,
    sha256: String(id),
    sizeBytes: 1,
    state,
    stage: 'ingest',
    priority: 0,
    attempts: 1,
    maxAttempts: 3,
    error: state === 'dead' ? { code: 'AUDIO_UNDECODABLE', message: 'not audio' } : null,
    waitReason: null,
    runAt: null,
    progress: null,
    startedAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...patch,
  };
}
