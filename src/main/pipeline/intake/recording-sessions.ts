import fs from 'node:fs';
import path from 'node:path';
import type { RecordingFinished, RecordingStarted } from '../../../shared/contract';
import { RecordingError } from './recording-error';
import type { DataPaths } from '../../config/data-dir';
import type { Logger } from '../../log/logger';
import type { Queue } from '../../queue/queue';
import { ownerIsGone } from '../../recovery/process-alive';
import type { ItemFilesStore } from '../../store/item-files-store';
import type { RecordingRow, RecordingsStore } from '../../store/recordings-store';
import type { Stop } from '../../../shared/stop';
import type { Clock } from '../../time/clock';
import { hashFile, storedAudioPath } from '../ingest/copy-into-store';
import { adoptIntoStore } from './adopt-into-store';
import { wavHeader, wavHeaderBytes } from '../audio/wav-header';

export interface RecordingSessionsDeps {
  recordings: RecordingsStore;
  files: ItemFilesStore;
  queue: Queue;
  paths: DataPaths;
  clock: Clock;
  log: Logger;
  /** This process, as lease owners are named: only its own sessions are written to. */
  owner: string;
  /** Called after an item was added, so UIs hear about it. */
  /** Resolves once the write is in the database file itself. */
  afterWrite(): Promise<void>;
}

/** A session with no chunk for this long is over (the page was closed or crashed), ms. */
export const abandonedAfterMs = 120_000;

const seconds = (bytes: number, r: Pick<RecordingRow, 'sampleRate' | 'channels'>) =>
  bytes / (r.sampleRate * r.channels * 2);

function defaultName(now: number): string {
  const d = new Date(now);
  const two = (n: number) => String(n).padStart(2, '0');
  return `Recording ${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}.${two(d.getMinutes())}.${two(d.getSeconds())}.wav`;
}

function safeName(name: string | undefined, now: number): string {
  const base = (name ?? '').replace(/[/\\\0]/g, '-').trim();
  if (base === '' || base === '.' || base === '..') return defaultName(now);
  return base.toLowerCase().endsWith('.wav') ? base : `${base}.wav`;
}

/**
 * Microphone recordings, written as they arrive: a WAV file whose header says "size unknown" is
 * created at start, every chunk is appended and fsynced before its call returns, and Stop fixes the
 * header and adds the file as an item. Why WAV/PCM rather than WebM/Opus from MediaRecorder: a
 * truncated WAV is valid up to its last whole sample frame with no index or cluster to repair,
 * and Ingest decodes WAV today; the cost is size (16 kHz mono is 1.9 MB a minute).
 *
 * A session its process never finished (the app crashed, the machine lost power, the page went
 * away) is finished by `recoverAbandoned` at the next start, or after two minutes of silence.
 */
export class RecordingSessions {
  private readonly dir: string;
  /** One operation at a time per session: a resent chunk must not race the original. */
  private readonly chains = new Map<number, Promise<unknown>>();
  private readonly log: Logger;

  constructor(private readonly deps: RecordingSessionsDeps) {
    this.dir = path.join(deps.paths.dataDir, 'recordings');
    this.log = deps.log.child({ module: 'recordings' });
  }

  private serial<T>(id: number, fn: () => Promise<T>): Promise<T> {
    const prev = this.chains.get(id) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    const tail = next.catch(() => {});
    this.chains.set(id, tail);
    void tail.then(() => {
      if (this.chains.get(id) === tail) this.chains.delete(id);
    });
    return next;
  }

  start(req: { sampleRate: number; channels: number; name?: string }): RecordingStarted {
    const now = this.deps.clock.now();
    fs.mkdirSync(this.dir, { recursive: true });
    const row = this.deps.recordings.create(
      {
        name: safeName(req.name, now),
        owner: this.deps.owner,
        sampleRate: req.sampleRate,
        channels: req.channels,
        now,
      },
      (id) => path.join(this.dir, `${id}.wav`),
    );
    const fd = fs.openSync(row.filePath, 'wx', 0o600);
    try {
      fs.writeSync(fd, wavHeader(row.sampleRate, row.channels, null));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    this.log.info({ recordingId: row.id }, 'recording started');
    return { id: row.id, name: row.name };
  }

  /** The session if this process may write to it. */
  private writable(id: number): RecordingRow {
    const row = this.deps.recordings.get(id);
    if (!row) throw new RecordingError('not-found', `there is no recording ${id}`);
    if (row.state !== 'recording') {
      const how =
        row.state === 'finished' && row.recovered
          ? 'was saved as an item after it stopped receiving audio'
          : `is ${row.state}`;
      throw new RecordingError('invalid-state', `recording ${id} ${how}; start a new one to go on`);
    }
    if (row.owner !== this.deps.owner)
      throw new RecordingError('invalid-state', `recording ${id} belongs to another Lifeline process`);
    return row;
  }

  append(id: number, offset: number, data: Buffer): Promise<{ bytes: number; seconds: number }> {
    return this.serial(id, async () => {
      const row = this.writable(id);
      const frame = row.channels * 2;
      if (data.length % frame !== 0)
        throw new RecordingError('invalid-chunk', `a chunk must hold whole ${frame}-byte sample frames`);
      const fh = await fs.promises.open(row.filePath, 'r+');
      let stored: number;
      try {
        const size = (await fh.stat()).size;
        stored = size - wavHeaderBytes;
        if (offset > stored) {
          throw new RecordingError(
            'invalid-state',
            `recording ${id} has ${stored} bytes; a chunk at ${offset} would leave a gap`,
          );
        }
        // A chunk resent after a lost reply is already (partly) on disk: write only what is new.
        const skip = stored - offset;
        if (skip < data.length) {
          await fh.write(data, skip, data.length - skip, size);
          await fh.sync();
          stored += data.length - skip;
        }
      } finally {
        await fh.close();
      }
      this.deps.recordings.appended(id, stored, this.deps.clock.now());
      return { bytes: stored, seconds: seconds(stored, row) };
    });
  }

  finish(id: number): Promise<RecordingFinished> {
    return this.serial(id, async () => {
      const row = this.writable(id);
      const out = await this.finalise(row, false);
      await this.deps.afterWrite();
      return out;
    });
  }

  cancel(id: number): Promise<{ id: number }> {
    return this.serial(id, async () => {
      const row = this.writable(id);
      fs.rmSync(row.filePath, { force: true });
      this.deps.recordings.ended(id, 'cancelled', false, this.deps.clock.now());
      this.log.info({ recordingId: id }, 'recording cancelled');
      return { id };
    });
  }

  /**
   * Turns every session that will receive no more audio into an item: its process is gone, or it is
   * this process's and silent for `abandonedAfterMs`. Returns what became of them.
   */
  /** Looks for abandoned sessions every `everyMs` (a page that went away is finished within a minute of its silence running out). */
  startSweep(everyMs = 60_000): Stop {
    const timer = this.deps.clock.setInterval(() => void this.recoverAbandoned(), everyMs).unref();
    return () => this.deps.clock.clearInterval(timer);
  }

  async recoverAbandoned(): Promise<RecordingFinished[]> {
    const now = this.deps.clock.now();
    const out: RecordingFinished[] = [];
    for (const row of this.deps.recordings.unfinished()) {
      const mine = row.owner === this.deps.owner;
      const abandoned = mine
        ? now - row.updatedAt > abandonedAfterMs && !this.chains.has(row.id)
        : ownerIsGone(row.owner, this.deps.owner);
      if (!abandoned) continue;
      try {
        out.push(await this.serial(row.id, () => this.finalise(row, true)));
      } catch (err: unknown) {
        this.log.error({ err, recordingId: row.id }, 'could not recover a recording');
      }
    }
    if (out.some((r) => r.itemId !== null)) await this.deps.afterWrite();
    return out;
  }

  private async finalise(row: RecordingRow, recovered: boolean): Promise<RecordingFinished> {
    const { recordings, clock } = this.deps;
    const frame = row.channels * 2;
    let pcm = 0;
    if (fs.existsSync(row.filePath)) {
      // The file, not the row, is the truth: a crash may have left a chunk written but not counted.
      const fd = fs.openSync(row.filePath, 'r+');
      try {
        const size = fs.fstatSync(fd).size;
        pcm = Math.max(0, Math.floor((size - wavHeaderBytes) / frame) * frame);
        fs.ftruncateSync(fd, wavHeaderBytes + pcm);
        fs.writeSync(fd, wavHeader(row.sampleRate, row.channels, pcm), 0, wavHeaderBytes, 0);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } else if (row.state === 'finishing' && row.sha256 && row.storedPath && fs.existsSync(row.storedPath)) {
      // Crashed after moving the file into the store but before the item was written.
      return this.enqueue(row, row.storedPath, row.sha256, row.bytes, recovered);
    }
    if (pcm === 0) {
      fs.rmSync(row.filePath, { force: true });
      recordings.ended(row.id, 'empty', recovered, clock.now());
      this.log.info({ recordingId: row.id, recovered }, 'recording held no audio');
      return { id: row.id, itemId: null, duplicate: false, seconds: 0 };
    }
    const { sha256, bytes } = await hashFile(row.filePath);
    // Noted before the file moves, so a crash between the move and the item can be finished later.
    recordings.finishing(row.id, pcm, sha256, storedAudioPath(this.deps.paths.audio, sha256, row.name), clock.now());
    return this.enqueue(row, row.filePath, sha256, bytes, recovered, pcm);
  }

  private enqueue(
    row: RecordingRow,
    file: string,
    sha256: string,
    bytes: number,
    recovered: boolean,
    pcm = row.bytes,
  ): RecordingFinished {
    const { queue, files, paths, recordings, clock } = this.deps;
    const secs = seconds(pcm, row);
    const detail = recovered
      ? `recovered ${secs.toFixed(1)} s from a recording that was not stopped (the app or the page went away mid-recording)`
      : `recorded in Lifeline: ${secs.toFixed(1)} s`;
    const now = clock.now();
    const r = adoptIntoStore(
      queue,
      files,
      paths,
      {
        file,
        sha256,
        bytes,
        fileName: row.name,
        priority: 0,
        event: { type: 'added', actor: recovered ? 'recovery' : 'user', detail },
      },
      now,
    );
    recordings.finished(row.id, r.itemId, recovered, now);
    this.log.info({ recordingId: row.id, itemId: r.itemId, recovered, seconds: secs }, 'recording saved as an item');
    return { id: row.id, itemId: r.itemId, duplicate: r.outcome === 'duplicate', seconds: secs };
  }
}
