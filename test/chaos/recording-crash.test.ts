import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headlessApi, pcmTone } from '../support/headless-calls';
import { startServe } from '../support/serve-process';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

describe('kill -9 of lifeline serve in the middle of a recording', () => {
  it('keeps every acknowledged chunk: at the next start the partial recording is an item that plays', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const first = await startServe(dataDir);
    const api = headlessApi(first.url, first.token);
    const rec = await api.ok('recordings:start', { sampleRate: 16_000, channels: 1, name: 'Interrupted memo.wav' });
    let offset = 0;
    for (let i = 0; i < 4; i++)
      offset = (await api.ok('recordings:append', { id: rec.id, offset, data: pcmTone(0.5).toString('base64') })).bytes;
    first.child.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');

    const second = await startServe(dataDir);
    try {
      const again = headlessApi(second.url, second.token);
      const [item] = await waitFor('the recording to come back as an item', async () => {
        const page = await again.ok('items:list', { q: 'Interrupted memo' });
        return page.items.length > 0 && page.items;
      });
      const detail = await waitFor('ingest to pass', async () => {
        const d = await again.ok('items:get', { id: item!.id });
        return d.stage === 'transcribe' && d;
      });
      expect(detail.events[0]).toMatchObject({ type: 'added', actor: 'recovery' });
      expect(detail.events[0]!.detail).toContain('recovered 2.0 s from a recording that was not stopped');
      expect(detail.events.find((e) => e.type === 'succeeded')?.detail).toContain('2.0 s of 16000 Hz');
      expect((await again.audio(item!.id)).status).toBe(200);
      // The old session is closed: a page still sending to it is told to start a new one.
      const late = await again.call('recordings:append', { id: rec.id, offset, data: pcmTone(0.5).toString('base64') });
      expect(late).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    } finally {
      second.child.kill('SIGTERM');
      await second.done;
    }
  });
});
