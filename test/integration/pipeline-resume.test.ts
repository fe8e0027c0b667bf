import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dataPaths } from '../../src/main/config/data-dir';
import { wavHeader } from '../../src/main/pipeline/audio/wav-header';
import { startAsrServer, wordsFor, type FakeService } from '../support/fake-services';
import { runCliHere } from '../support/cli-in-process';
import { spawnTs } from '../support/spawn';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

/** 10 minutes of speech-like sound at 16 kHz: 2.6 s bursts of warbling tone, 0.4 s pauses. */
function writeTalk(file: string, seconds: number): string {
  const rate = 16000;
  const data = Buffer.alloc(seconds * rate * 2);
  let s = 7;
  for (let i = 0; i < seconds * rate; i++) {
    const t = i / rate;
    const inBurst = t % 3 < 2.6;
    s = (s * 1664525 + 1013904223) >>> 0;
    const v = inBurst
      ? 9000 * Math.sin(2 * Math.PI * (180 + 40 * Math.sin(t * 3)) * t) + ((s >>> 16) % 600) - 300
      : ((s >>> 16) % 40) - 20;
    data.writeInt16LE(Math.round(v), i * 2);
  }
  fs.writeFileSync(file, Buffer.concat([wavHeader(rate, 1, data.length), data]));
  return file;
}

const servers: FakeService[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function runPipeline(dataDir: string, env: NodeJS.ProcessEnv, killWhen?: (db: Database.Database) => boolean) {
  const { child, done } = spawnTs(path.join(__dirname, '..', 'support', 'pipeline-process.ts'), [dataDir], env);
  if (killWhen) {
    const db = new Database(dataPaths(dataDir).database, { readonly: true, fileMustExist: true });
    try {
      await waitFor('enough chunks to be stored', () => killWhen(db), 60_000, 10);
    } finally {
      db.close();
    }
    child.kill('SIGKILL');
  }
  return done;
}

const storedChunks = (db: Database.Database) =>
  db
    .prepare('SELECT chunk_index FROM transcript_chunks WHERE item_id = 1 ORDER BY chunk_index')
    .pluck()
    .all() as number[];

describe('a 10-minute recording killed mid-transcription', () => {
  it('resumes from its last stored chunk and ends with the transcript of an uninterrupted run', async () => {
    const dir = tempDir();
    const audio = writeTalk(path.join(dir, 'talk.wav'), 600);
    // A slow-ish server, so the kill lands between chunks; its text is a function of the chunk audio.
    const server = await startAsrServer({ delayMs: 120 });
    servers.push(server);
    const env = { LIFELINE_ASR_ENGINE: 'openai', LIFELINE_ASR_URL: server.url };
    const uploads = () => server.requests.map((r) => (r.fields.file as { sha256: string }).sha256);

    // Uninterrupted run, for reference.
    const reference = path.join(dir, 'reference');
    expect((await runCliHere(reference, ['add', audio])).code).toBe(0);
    const ref = await runPipeline(reference, env);
    expect(ref.code, ref.stderr).toBe(0);
    const refDb = new Database(dataPaths(reference).database, { readonly: true });
    const total = (
      JSON.parse(
        refDb.prepare('SELECT chunks FROM transcript_plans WHERE item_id = 1').pluck().get() as string,
      ) as unknown[]
    ).length;
    expect(total).toBeGreaterThanOrEqual(18);
    const refShow = await runCliHere(reference, ['show', '1', '--json']);
    const refTranscript = (JSON.parse(refShow.stdout) as { state: string; transcript: { text: string } }).transcript;
    refDb.close();
    const referenceUploads = uploads();
    expect(new Set(referenceUploads).size).toBe(total);
    server.requests.length = 0;

    // The run that is killed once a few chunks are stored, then started again.
    const data = path.join(dir, 'data');
    expect((await runCliHere(data, ['add', audio])).code).toBe(0);
    const killed = await runPipeline(data, env, (db) => {
      try {
        return storedChunks(db).length >= 4;
      } catch {
        return false; // the table appears with the first migration run by the child
      }
    });
    expect(killed.signal).toBe('SIGKILL');
    const db = new Database(dataPaths(data).database, { readonly: true });
    const before = storedChunks(db);
    expect(before.length).toBeGreaterThanOrEqual(4);
    expect(before.length).toBeLessThan(total);
    const uploadsBeforeKill = uploads().length;

    const resumed = await runPipeline(data, env);
    expect(resumed.code, resumed.stderr).toBe(0);
    const after = uploads().slice(uploadsBeforeKill);
    const checkpointed = new Set(before.map((i) => referenceUploads[i]!));
    // Not one stored chunk was sent again; every other chunk was (the one in flight at the kill may
    // have been sent twice: it had not been stored).
    expect(after.filter((sha) => checkpointed.has(sha))).toEqual([]);
    expect(new Set(after).size).toBe(total - before.length);

    const show = JSON.parse((await runCliHere(data, ['show', '1', '--json'])).stdout) as {
      state: string;
      transcript: { text: string; segments: { start: number; end: number; text: string }[] };
      events: { type: string; detail: string | null }[];
    };
    expect(show.state).toBe('done');
    expect(show.transcript.text).toBe(refTranscript.text);
    expect(show.transcript.segments).toHaveLength(total);
    expect(show.transcript.segments[0]!.text).toBe(wordsFor(referenceUploads[0]!));
    expect(show.events.some((e) => e.type === 'recovered')).toBe(true);
    expect(
      show.events.find((e) => e.type === 'succeeded' && e.detail?.includes('kept from an earlier attempt')),
    ).toBeTruthy();
    db.close();
  }, 180_000);
});
