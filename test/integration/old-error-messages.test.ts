import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/store/database';
import { migrate } from '../../src/main/store/migrate';
import { migrations } from '../../src/main/store/migrations';
import { m0008NoFileBytesInMessages } from '../../src/main/store/migrations/0008-no-file-bytes-in-messages';
import { storeOn } from '../../src/main/store/store';
import { tempDir } from '../support/temp-dir';

describe('dead letters stored before messages stopped quoting file contents', () => {
  it('no longer show the first words or bytes of a non-audio file after the upgrade, in the item or its timeline', () => {
    const file = path.join(tempDir(), 'old.db');
    const old = new Database(file);
    migrate(old, migrations.slice(0, migrations.indexOf(m0008NoFileBytesInMessages)));
    const probe = 'notes.wav is not decodable audio: no RIFF/WAVE header (it starts with text "my PIN is 4711")';
    const decode =
      'notes.m4a is not audio Lifeline can decode (WAV, MP3, Ogg/Opus, FLAC, M4A/AAC): it starts with bytes 504b030414000600';
    old
      .prepare(
        `INSERT INTO items (id, sha256, source_path, file_name, size_bytes, created_at) VALUES
           (1, x'01', '/notes.wav', 'notes.wav', 1, 0), (2, x'02', '/notes.m4a', 'notes.m4a', 1, 0), (3, x'03', '/x.wav', 'x.wav', 1, 0)`,
      )
      .run();
    const job = old.prepare(
      `INSERT INTO jobs (item_id, stage, state, run_at, max_attempts, updated_at, error_code, error_message) VALUES (@id, 'ingest', 'dead', 0, 3, 0, @code, @message)`,
    );
    job.run({ id: 1, code: 'AUDIO_UNDECODABLE', message: probe });
    job.run({ id: 2, code: 'AUDIO_UNDECODABLE', message: decode });
    job.run({ id: 3, code: 'SOURCE_MISSING', message: '/x.wav no longer exists; it starts with nothing' });
    old
      .prepare(
        `INSERT INTO events (item_id, at, type, actor, error_code, error_message) VALUES (1, 1, 'dead', 'engine', 'AUDIO_UNDECODABLE', @probe)`,
      )
      .run({ probe });
    old.close();

    const store = storeOn(openDatabase(file));
    expect(store.reads.detail(1)!.error!.message).toBe(
      'notes.wav is not decodable audio: no RIFF/WAVE header (it looks like text)',
    );
    expect(store.db.prepare('SELECT error_message FROM events WHERE item_id = 1').pluck().get()).toBe(
      'notes.wav is not decodable audio: no RIFF/WAVE header (it looks like text)',
    );
    expect(store.reads.detail(2)!.error!.message).toBe(
      'notes.m4a is not audio Lifeline can decode (WAV, MP3, Ogg/Opus, FLAC, M4A/AAC): it looks like unknown binary',
    );
    // Other codes are left exactly as they were.
    expect(store.reads.detail(3)!.error!.message).toBe('/x.wav no longer exists; it starts with nothing');
    store.db.close();
  });
});
