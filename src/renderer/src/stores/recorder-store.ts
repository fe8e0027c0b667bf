import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LifelineApi } from '../../../shared/contract';
import { describeError } from '../format/describe-error';
import { formatDuration } from '../format/numbers';
import { ChunkSender } from '../recording/chunk-sender';
import { concatBytes, floatToPcm16, peakLevel } from '../recording/pcm';
import type { PcmCapture } from '../recording/pcm-capture';

export type RecorderPhase = 'idle' | 'starting' | 'recording' | 'stopping';

export interface SavedRecording {
  itemId: number | null;
  name: string;
  seconds: number;
  /** Earlier parts the store saved on its own after it restarted mid-recording. */
  earlierParts: number;
}

export interface RecorderState {
  phase: RecorderPhase;
  /** Seconds captured so far. */
  elapsed: number;
  /** Input level for the meter, 0–1. */
  level: number;
  /** Seconds of this recording safely on disk in the store. */
  savedSeconds: number;
  /** Why captured audio is waiting to be saved; null while all is well. */
  problem: string | null;
  /** Why recording could not start or stop, readable. */
  error: string | null;
  lastSaved: SavedRecording | null;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops and throws the recording away. */
  discard(): Promise<void>;
  dismiss(): void;
}

export type RecorderStore = StoreApi<RecorderState>;

/** How much audio is gathered before it is sent: at most this much is lost if everything crashes at once, ms. */
const chunkMs = 1_000;

export type CaptureStarter = (onSamples: (samples: Float32Array) => void) => Promise<PcmCapture>;

function recordingName(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `Recording ${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())} ${two(now.getHours())}.${two(now.getMinutes())}.${two(now.getSeconds())}.wav`;
}

function micError(err: unknown): string {
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return 'Lifeline may not use the microphone. Allow it in the browser’s (or the system’s) settings, then press Record again.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return 'No microphone was found. Connect one, then press Record again.';
  if (name === 'NotReadableError')
    return 'The microphone is in use by another program or cannot be read. Close that program, then press Record again.';
  return `The microphone could not be started (${err instanceof Error ? err.message : String(err)}).`;
}

/**
 * Record: captures the microphone and streams it to the store in one-second chunks while recording,
 * so whatever happens to the page or the app, at most the last second or so is lost; the store
 * turns an unfinished recording into an item at its next start.
 */
export function createRecorderStore(api: LifelineApi, startCapture: CaptureStarter): RecorderStore {
  let capture: PcmCapture | null = null;
  let sender: ChunkSender | null = null;
  let buffered: Uint8Array[] = [];
  let bufferedBytes = 0;
  let samples = 0;

  return createStore<RecorderState>()((set, get) => {
    const flush = () => {
      if (bufferedBytes === 0 || !sender) return;
      sender.push(concatBytes(buffered, bufferedBytes));
      buffered = [];
      bufferedBytes = 0;
    };

    const onSamples = (f32: Float32Array) => {
      const rate = capture?.sampleRate ?? 16_000;
      samples += f32.length;
      const bytes = floatToPcm16(f32);
      buffered.push(bytes);
      bufferedBytes += bytes.length;
      if (bufferedBytes >= (rate * 2 * chunkMs) / 1000) flush();
      set({ elapsed: samples / rate, level: peakLevel(f32) });
    };

    const reset = () => {
      capture = null;
      sender = null;
      buffered = [];
      bufferedBytes = 0;
      samples = 0;
    };

    return {
      phase: 'idle',
      elapsed: 0,
      level: 0,
      savedSeconds: 0,
      problem: null,
      error: null,
      lastSaved: null,

      async start() {
        if (get().phase !== 'idle') return;
        reset();
        set({ phase: 'starting', elapsed: 0, level: 0, savedSeconds: 0, problem: null, error: null });
        let started: PcmCapture;
        try {
          started = await startCapture(onSamples);
        } catch (err: unknown) {
          set({ phase: 'idle', error: micError(err) });
          return;
        }
        const s = new ChunkSender({
          call: api.call.bind(api),
          sampleRate: started.sampleRate,
          channels: started.channels,
          name: recordingName(new Date()),
          onStatus: (st) => set({ savedSeconds: st.savedBytes / (started.sampleRate * 2), problem: st.problem }),
        });
        const opened = await s.open();
        if (!opened.ok) {
          await started.stop();
          set({ phase: 'idle', error: `Recording could not start. ${describeError(opened.error)}` });
          return;
        }
        capture = started;
        sender = s;
        set({ phase: 'recording' });
      },

      async stop() {
        if (get().phase !== 'recording' || !capture || !sender) return;
        set({ phase: 'stopping' });
        await capture.stop();
        flush();
        const s = sender;
        const r = await s.finish();
        const seconds = get().elapsed;
        reset();
        if (!r.ok) {
          set({
            phase: 'idle',
            level: 0,
            error: `The recording (${formatDuration(seconds)}) could not be saved as an item. ${describeError(r.error)} What reached the store is kept and becomes an item at the next start.`,
          });
          return;
        }
        set({
          phase: 'idle',
          level: 0,
          lastSaved: {
            itemId: r.value.itemId,
            name: s.currentName,
            seconds: r.value.seconds,
            earlierParts: s.recoveredSessions.length,
          },
        });
      },

      async discard() {
        if (get().phase !== 'recording' || !capture || !sender) return;
        set({ phase: 'stopping' });
        await capture.stop();
        await sender.cancel();
        reset();
        set({ phase: 'idle', level: 0, elapsed: 0, savedSeconds: 0, problem: null });
      },

      dismiss: () => set({ lastSaved: null, error: null }),
    };
  });
}
