import fs from 'node:fs';
import type { ItemFilesStore } from '../../store/item-files-store';
import { audioFormatNames, sniffAudioFormat } from '../audio/audio-format';
import type { AudioDecoding } from '../audio/decoder-config';
import { probeWav } from '../audio/wav-probe';
import { permanentError } from '../../engine/stage-error';
import type { StageContext, StageHandler } from '../../engine/stage-handler';
import { copyIntoStore, hashFile, storedAudioPath } from './copy-into-store';
import { readRecordingTime } from './recording-time';
import { formatBytes } from '../../../shared/text/byte-size';

const probeBytes = 1 << 20;

function readHead(file: string): { head: Buffer; size: number } {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, probeBytes));
    fs.readSync(fd, head, 0, head.length, 0);
    return { head, size };
  } finally {
    fs.closeSync(fd);
  }
}

export interface IngestStageOptions {
  /** Streaming decoder: compressed formats are decoded to check them (WAV is checked from its header alone). */
  decode: Pick<AudioDecoding, 'measure'>;
  /** Longest accepted recording, seconds. */
  maxSeconds: number;
  /** ffprobe, to read when the recording was made from its metadata; null to use the file's time only. */
  ffprobe?: string | null;
  now?: () => number;
}

/**
 * Ingest: copy the user's file into the store (atomically), prove it is the audio that was added
 * (same SHA-256), and check that it decodes: a WAV by its header, MP3/Ogg/FLAC/M4A/AAC by decoding
 * it. The copy is kept even when the audio is bad, so a dead letter can always be inspected and
 * retried. It also reads when the recording was made (recording-time-policy.ts), once per item.
 */
export class IngestStage implements StageHandler {
  readonly stage = 'ingest' as const;
  constructor(
    private readonly files: ItemFilesStore,
    private readonly options: IngestStageOptions,
  ) {}

  availability() {
    return { ok: true } as const;
  }

  async run(ctx: StageContext): Promise<string> {
    const { item } = ctx;
    const target = storedAudioPath(ctx.paths.audio, item.sha256, item.fileName);
    // Idempotent re-run: a complete copy from an earlier attempt is verified, not copied again.
    const reuse = fs.existsSync(target) && (await hashFile(target, ctx.signal)).sha256 === item.sha256;
    if (!reuse) {
      if (!fs.existsSync(item.sourcePath)) {
        throw permanentError(
          'SOURCE_MISSING',
          `${item.sourcePath} no longer exists; it was moved or deleted before it could be copied`,
        );
      }
      const total = fs.statSync(item.sourcePath).size;
      ctx.progress({ step: 'copy', percent: 0, message: 'copying into the store' });
      const copied = await copyIntoStore(item.sourcePath, target, ctx.paths.tmp, {
        signal: ctx.signal,
        onBytes: (n) =>
          ctx.progress({
            step: 'copy',
            percent: total ? Math.min(100, (100 * n) / total) : 100,
            message: 'copying into the store',
          }),
      });
      if (copied.sha256 !== item.sha256) {
        fs.rmSync(target, { force: true });
        throw permanentError(
          'SOURCE_CHANGED',
          `${item.sourcePath} changed after it was added (its SHA-256 is now ${copied.sha256.slice(0, 12)}…); add it again`,
        );
      }
    }
    this.files.setStoredPath(item.id, target);
    ctx.progress({ step: 'check', percent: 0, message: 'checking that the audio decodes' });
    const { head, size } = readHead(target);
    const format = sniffAudioFormat(head);
    if (format === null || format === 'wav') {
      // probeWav names what a non-audio file starts with (AUDIO_UNDECODABLE) and reads a WAV in microseconds.
      const wav = probeWav(head, size, item.fileName);
      this.checkLength(wav.durationSec, item.fileName);
      const recorded = await this.recordingTime(ctx, target, head, false);
      return `stored ${formatBytes(size)}; ${wav.durationSec.toFixed(1)} s of ${wav.sampleRate} Hz ${wav.channels}-channel audio${recorded}`;
    }
    // Progress as the decode goes: a long recording's check is visibly moving, never "stalled".
    let shown = 0;
    const audio = await this.options.decode.measure(target, item.fileName, ctx.signal, (done) => {
      const percent = Math.floor(100 * done);
      if (percent > shown)
        ctx.progress({ step: 'check', percent: (shown = percent), message: 'checking that the audio decodes' });
    });
    const src = audio.source;
    const recorded = await this.recordingTime(ctx, target, head, true);
    return `stored ${formatBytes(size)}; ${audio.durationSec.toFixed(1)} s of ${src.sampleRate} Hz ${src.channels}-channel ${audioFormatNames[format]} audio${recorded}`;
  }

  /**
   * Reads and stores when the recording was made, once (a re-run keeps it); "; recorded … (from …)"
   * for the timeline. `probe`: ask ffprobe for the container's tags; a WAV's come from its header,
   * so its check stays a header read with no process started.
   */
  private async recordingTime(ctx: StageContext, stored: string, head: Buffer, probe: boolean): Promise<string> {
    const { item } = ctx;
    if (this.files.hasRecordingTime(item.id)) return '';
    const time = await readRecordingTime({
      stored,
      head,
      sourcePath: item.sourcePath,
      dataDir: ctx.paths.dataDir,
      addedAt: item.createdAt,
      now: (this.options.now ?? Date.now)(),
      ffprobe: probe ? (this.options.ffprobe ?? null) : null,
      signal: ctx.signal,
    });
    this.files.setRecordingTime(item.id, { at: time.at, from: time.from });
    return `; recorded ${new Date(time.at).toISOString()} (from ${time.source})`;
  }

  private checkLength(durationSec: number, fileName: string): void {
    if (durationSec > this.options.maxSeconds) {
      throw permanentError(
        'AUDIO_TOO_LONG',
        `${fileName} lasts ${(durationSec / 60).toFixed(1)} min; the limit is ${(this.options.maxSeconds / 60).toFixed(0)} min`,
      );
    }
  }
}
