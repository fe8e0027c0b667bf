import {
  maxRecordingChunkBytes,
  type LifelineApi,
  type RecordingFinished,
  type Result,
} from '../../../shared/contract';
import { describeError } from '../format/describe-error';
import { concatBytes, toBase64 } from './pcm';

export interface SenderStatus {
  /** Bytes of audio the store has on disk (every session of this recording). */
  savedBytes: number;
  /** Bytes captured but not yet acknowledged. */
  pendingBytes: number;
  /** Why audio is waiting (the server is unreachable…), readable; null while all is well. */
  problem: string | null;
}

export interface ChunkSenderOptions {
  call: LifelineApi['call'];
  sampleRate: number;
  channels: number;
  /** The item's name. */
  name: string;
  onStatus(status: SenderStatus): void;
  /** Delay before retry number `attempt` (0-based), ms. */
  retryDelay?: (attempt: number) => number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultDelay = (attempt: number) => Math.min(5_000, 500 * 2 ** attempt);

/**
 * Sends captured PCM to the store, one call at a time, in order. A chunk leaves memory only when the
 * store has answered that it is on disk; until then it is resent (the offset makes a repeat
 * harmless). When the store says the session is over (it was recovered after a restart of the
 * server), the rest goes to a new session, so an outage loses nothing that was captured.
 */
export class ChunkSender {
  private readonly pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private savedBytes = 0;
  private sessionId: number | null = null;
  private sessionBytes = 0;
  private sessions = 0;
  private problem: string | null = null;
  /** Name of the item the current session becomes (later parts say "part 2"). */
  currentName: string;
  private pumping: Promise<void> | null = null;
  private stopped = false;
  /** Sessions of this recording the store closed on its own (recovered into items). */
  readonly recoveredSessions: number[] = [];

  constructor(private readonly o: ChunkSenderOptions) {
    this.currentName = o.name;
  }

  private get sleep() {
    return this.o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  }

  private report(): void {
    this.o.onStatus({ savedBytes: this.savedBytes, pendingBytes: this.pendingBytes, problem: this.problem });
  }

  /** Opens the first session; the recording only starts when this succeeds. */
  async open(): Promise<Result<{ id: number; name: string }>> {
    const r = await this.o.call('recordings:start', {
      sampleRate: this.o.sampleRate,
      channels: this.o.channels,
      name: this.o.name,
    });
    if (r.ok) {
      this.sessionId = r.value.id;
      this.sessions = 1;
      this.currentName = r.value.name;
    }
    return r;
  }

  push(bytes: Uint8Array): void {
    if (bytes.length === 0 || this.stopped) return;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    this.report();
    this.pumping ??= this.pump().finally(() => {
      this.pumping = null;
    });
  }

  /** Resolves when every pushed byte is acknowledged (however many retries that takes). */
  async drain(): Promise<void> {
    while (this.pumping) await this.pumping;
  }

  private async pump(): Promise<void> {
    let failures = 0;
    while (this.pending.length > 0 && !this.stopped) {
      if (this.sessionId === null && !(await this.reopen())) {
        await this.sleep((this.o.retryDelay ?? defaultDelay)(failures++));
        continue;
      }
      const chunk = concatBytes(this.pending, Math.min(this.pendingBytes, maxRecordingChunkBytes));
      const r = await this.o.call('recordings:append', {
        id: this.sessionId!,
        offset: this.sessionBytes,
        data: toBase64(chunk),
      });
      if (r.ok) {
        failures = 0;
        const taken = r.value.bytes - this.sessionBytes;
        this.sessionBytes = r.value.bytes;
        this.savedBytes += taken;
        this.drop(taken);
        this.problem = null;
        this.report();
        continue;
      }
      if (r.error.code === 'INVALID_STATE' || r.error.code === 'NOT_FOUND') {
        // The store finished this session itself (it restarted meanwhile): go on in a new one.
        this.recoveredSessions.push(this.sessionId!);
        this.sessionId = null;
        continue;
      }
      if (r.error.code === 'INVALID_REQUEST') {
        // A chunk the store will never take; keeping it would block everything after it.
        this.problem = `Part of the recording was refused and is lost. ${describeError(r.error)}`;
        this.drop(chunk.length);
        this.report();
        continue;
      }
      this.problem = `${describeError(r.error)} The recording goes on; the audio is kept here and saved as soon as the server answers.`;
      this.report();
      await this.sleep((this.o.retryDelay ?? defaultDelay)(failures++));
    }
  }

  private async reopen(): Promise<boolean> {
    const name = this.o.name.replace(/(\.wav)?$/i, ` (part ${this.sessions + 1}).wav`);
    const r = await this.o.call('recordings:start', { sampleRate: this.o.sampleRate, channels: this.o.channels, name });
    if (!r.ok) {
      this.problem = `${describeError(r.error)} The recording goes on; the audio is kept here and saved as soon as the server answers.`;
      this.report();
      return false;
    }
    this.sessions++;
    this.sessionId = r.value.id;
    this.sessionBytes = 0;
    this.currentName = r.value.name;
    return true;
  }

  private drop(bytes: number): void {
    let left = bytes;
    while (left > 0 && this.pending.length > 0) {
      const head = this.pending[0]!;
      if (head.length <= left) {
        this.pending.shift();
        left -= head.length;
        this.pendingBytes -= head.length;
      } else {
        this.pending[0] = head.subarray(left);
        this.pendingBytes -= left;
        left = 0;
      }
    }
  }

  /** Waits for every chunk, then asks the store to add the (last) session as an item. */
  async finish(): Promise<Result<RecordingFinished>> {
    await this.drain();
    this.stopped = true;
    if (this.sessionId === null)
      return { ok: false, error: { code: 'INVALID_STATE', message: 'the recording has no open session' } };
    return this.o.call('recordings:finish', { id: this.sessionId });
  }

  /** Throws the recording away (what the store has of the current session). */
  async cancel(): Promise<void> {
    this.stopped = true;
    this.pending.length = 0;
    this.pendingBytes = 0;
    await this.pumping;
    if (this.sessionId !== null) await this.o.call('recordings:cancel', { id: this.sessionId });
  }
}
