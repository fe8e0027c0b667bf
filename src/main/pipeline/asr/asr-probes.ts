import os from 'node:os';
import { speechRate, type PcmAudio } from '../audio/pcm-audio';
import type { ProbeAnswer } from '../../engine/stage-handler';
import type { AsrEngine } from './asr-engine';

/** A quarter of a second of silence: the smallest real job an ASR engine can be given. */
export const probeSilence = (): PcmAudio => ({ samples: new Float32Array(speechRate / 4), sampleRate: speechRate });

/**
 * The probe of an ASR engine: a real transcription of a fraction of a second of silence, which
 * proves the engine does the work (a server's `/inference` with its model loaded, a local decoder
 * that starts and exits cleanly), not merely that something answers.
 */
export const tinyTranscription =
  (engine: Pick<AsrEngine, 'transcribe'>) =>
  async (signal: AbortSignal): Promise<void> => {
    await engine.transcribe(probeSilence(), { signal, tmpDir: os.tmpdir() });
  };

/** How long a passing decode of a local engine stands for it, ms: its cost stays one decode per 5 minutes. */
const freshForMs = 5 * 60_000;

/**
 * The probe of a local engine (a decoder started as a process): a tiny decode, whose cost (loading
 * the acoustic model, a second or more of CPU) is paid once per 5 minutes while it passes, and whose
 * slowness on a loaded machine never reads as a failure. A decode runs in the background and its
 * outcome is what the next checks report; the check waits for a decode of its own when `fresh` is
 * asked (real calls just failed: is it the engine?) or the last one failed (is it back?).
 */
export class LocalDecodeCheck {
  private last: { at: number; tookMs: number; error: unknown } | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly engine: Pick<AsrEngine, 'transcribe'>) {}

  /** Resolves with when the decode it reports ran and how long it took (not the cost of this look-up). */
  async check(signal: AbortSignal, fresh = false): Promise<ProbeAnswer> {
    const last = this.last;
    const wait = fresh || (last !== null && last.error !== null);
    if (wait || last === null || performance.now() - last.at > freshForMs) this.decode();
    if (wait) await abortable(this.running!, signal);
    const now = this.last;
    if (now?.error) throw now.error;
    return now ? { ageMs: performance.now() - now.at, tookMs: now.tookMs } : { firstRunning: true };
  }

  /** One decode at a time, not tied to any one check's timeout (its own bounds it). */
  private decode(): void {
    const started = performance.now();
    this.running ??= tinyTranscription(this.engine)(new AbortController().signal)
      .then(
        () => (this.last = { at: performance.now(), tookMs: performance.now() - started, error: null }),
        (error: unknown) => (this.last = { at: performance.now(), tookMs: performance.now() - started, error }),
      )
      .then(() => {
        this.running = null;
      });
  }
}

function abortable(p: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    void p.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
