import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { findExecutable } from '../../src/main/pipeline/system/find-executable';
import { writeWav } from '../support/audio-files';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

const pocketsphinx = findExecutable('pocketsphinx_continuous');
const running: ServeProcess[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) {
    s.child.kill('SIGTERM');
    await s.done;
  }
});

/**
 * The real pocketsphinx behind a wrapper that hangs on the 2nd distinct chunk it is given, every
 * time (its worker then stops reporting progress); checks and every other chunk are decoded for real.
 */
function hangingPocketsphinx(dir: string): string {
  const state = path.join(dir, 'seen-chunks');
  const bin = path.join(dir, 'pocketsphinx-wrapper');
  fs.writeFileSync(
    bin,
    `#!/bin/sh
in=""; prev=""
for a in "$@"; do [ "$prev" = "-infile" ] && in="$a"; prev="$a"; done
if [ "$(wc -c < "$in")" -gt 32044 ]; then
  sum=$(md5sum "$in" | cut -d' ' -f1)
  grep -qx "$sum" ${state} 2>/dev/null || echo "$sum" >> ${state}
  [ "$(grep -nx "$sum" ${state} | cut -d: -f1)" = "2" ] && exec sleep 60
fi
exec ${pocketsphinx} "$@"
`,
    { mode: 0o755 },
  );
  return bin;
}

describe.skipIf(!pocketsphinx)('a part that stops the stage every time, with real workers and pocketsphinx', () => {
  it('is set aside after stopping the stage 3 times, the other parts are decoded and stored, and the item ends naming it', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const serve = await startServe(dataDir, {
      LIFELINE_ASR_ENGINE: 'pocketsphinx',
      LIFELINE_POCKETSPHINX_BIN: hangingPocketsphinx(dir),
      LIFELINE_ADD_FROM_DIR: dir,
      LIFELINE_CHUNK_SECONDS: '10',
      // A hang is found by its stalled progress: seconds here instead of the default 5 minutes.
      LIFELINE_PROGRESS_STALL_MS: '4000',
    });
    running.push(serve);
    const wav = writeWav(path.join(dir, 'memo.wav'), { seconds: 45 });
    const res = await fetch(new URL('api/call/items:add', serve.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${serve.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ paths: [wav] }),
    });
    const id = ((await res.json()) as { value: { added: { id: number }[] } }).value.added[0]!.id;
    const db = new Database(path.join(dataDir, 'lifeline.db'), { readonly: true });
    try {
      const job = await waitFor(
        'the item to end',
        () => {
          const j = db.prepare(`SELECT state, error_code, error_message FROM jobs WHERE item_id = ?`).get(id) as {
            state: string;
            error_code: string | null;
            error_message: string | null;
          };
          return (j.state === 'dead' || j.state === 'done') && j;
        },
        180_000,
        250,
      );
      expect(job).toMatchObject({ state: 'dead', error_code: 'PART_FAILED' });
      expect(job.error_message).toMatch(
        /^chunk 2 of 4 \(0:\d\d–0:\d\d of the audio\) could not be transcribed; the other 3 parts are stored\. It stopped the transcribe stage 3 times in a row, the last time: progress unchanged for/,
      );
      const stored = db
        .prepare(`SELECT chunk_index FROM transcript_chunks WHERE item_id = ? ORDER BY chunk_index`)
        .pluck()
        .all(id);
      expect(stored).toEqual([0, 2, 3]);
      const strategies = db
        .prepare(`SELECT strategy, detail FROM recovery_log WHERE item_id = ? ORDER BY id`)
        .all(id) as { strategy: string; detail: string }[];
      expect(strategies.map((r) => r.strategy)).toEqual(['resume', 'resume', 'resume']);
      expect(strategies.at(-1)!.detail).toMatch(/it is set aside and the other parts go on$/);
    } finally {
      db.close();
    }
  });
});
