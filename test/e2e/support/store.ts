import fs from 'node:fs';
import path from 'node:path';
import { seedItems } from '../../../bench/ui-seed';
import { openDatabase } from '../../../src/main/store/database';
import { dataPaths } from '../../../src/main/config/data-dir';
import { lifelineCli } from './cli';
import type { LifelineServer } from './serve';
import { writeWav } from '../../support/audio-files';

/** Puts `count` made-up items straight into the store (the server is stopped meanwhile). */
export async function seedStore(lifeline: LifelineServer, count: number): Promise<void> {
  await lifeline.stopServer();
  const db = openDatabase(dataPaths(lifeline.dataDir).database);
  try {
    seedItems(db, count);
  } finally {
    db.close();
  }
  await lifeline.startServerAgain();
}

/**
 * Adds real audio whose ingest then blocks: the file becomes a named pipe the engine waits on while
 * copying, so the item stays `running` (with its progress) until `release()` writes the bytes.
 */
export async function addBlockedFile(
  lifeline: LifelineServer,
  file: string,
): Promise<{ id: number; release(): Promise<void> }> {
  const bytes = fs.readFileSync(file);
  await lifeline.stopServer();
  const out = await lifelineCli(lifeline.dataDir, ['add', file]);
  const id = Number(/^added (\d+) /m.exec(out)?.[1]);
  fs.rmSync(file);
  const { execFileSync } = await import('node:child_process');
  execFileSync('mkfifo', [file]);
  await lifeline.startServerAgain();
  return {
    id,
    release: async () => {
      await fs.promises.writeFile(file, bytes);
    },
  };
}

/**
 * Real recordings that became dead letters with SOURCE_MISSING: added while the server was stopped,
 * then moved away before it started. `restore(i)` puts a file back (so a retry succeeds);
 * `block(i)` puts back a named pipe instead, so the retried ingest runs until `release(i)`.
 */
export async function missingSourceDeadLetters(lifeline: LifelineServer, names: string[]) {
  await lifeline.stopServer();
  const files = names.map((name, i) => writeWav(path.join(lifeline.inputsDir, name), { seconds: 1, seed: 100 + i }));
  const bytes = files.map((f) => fs.readFileSync(f));
  const ids: number[] = [];
  for (const f of files) ids.push(Number(/^added (\d+) /m.exec(await lifelineCli(lifeline.dataDir, ['add', f]))?.[1]));
  for (const f of files) fs.rmSync(f);
  await lifeline.startServerAgain();
  const { execFileSync } = await import('node:child_process');
  return {
    ids,
    restore: (i: number) => fs.writeFileSync(files[i]!, bytes[i]!),
    block: (i: number) => execFileSync('mkfifo', [files[i]!]),
    release: (i: number) => fs.promises.writeFile(files[i]!, bytes[i]!),
  };
}
