import os from 'node:os';
import { speechRate, type PcmAudio } from '../audio/pcm-audio';
import type { AsrEngine } from './asr-engine';

/** A quarter of a second of silence: the smallest real job an ASR engine can be given. */
export const probeSilence = (): PcmAudio => ({ samples: new Float32Array(speechRate / 4), sampleRate: speechRate });

/**
 * The probe of an ASR engine: a real transcription of a fraction of a second of silence, which
 * proves the engine does the work (a server's `/inference` with its model loaded, a local decoder
 * that starts and exits cleanly), not merely that something answers.
 */
export const tinyTranscription = (engine: Pick<AsrEngine, 'transcribe'>) => async (signal: AbortSignal): Promise<void> => {
  await engine.transcribe(probeSilence(), { signal, tmpDir: os.tmpdir() });
};
