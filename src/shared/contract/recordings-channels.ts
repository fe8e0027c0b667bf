import { z } from 'zod';
import { channel } from './define';

/**
 * Recording from the microphone. The page captures 16-bit PCM and sends it in small chunks while it
 * records; each chunk is on disk (fsync) before its call returns, so a crash of the page, the app or
 * the machine loses at most the chunk in flight. An unfinished recording becomes an item at the
 * next start (or once it has been silent for a while).
 */
export const RecordingId = z.number().int().positive();

/** Largest chunk one append may carry, decoded (its base64 fits the 1 MiB body limit): 16 s of 16 kHz mono. */
export const maxRecordingChunkBytes = 512 * 1024;

export const RecordingStarted = z.object({
  id: RecordingId,
  /** The file name the item will have. */
  name: z.string(),
});
export type RecordingStarted = z.infer<typeof RecordingStarted>;

export const RecordingFinished = z.object({
  id: RecordingId,
  /** The item the recording became, or null when it held no audio at all. */
  itemId: z.number().int().nullable(),
  duplicate: z.boolean(),
  /** Seconds of audio kept. */
  seconds: z.number(),
});
export type RecordingFinished = z.infer<typeof RecordingFinished>;

export const recordingsChannels = {
  'recordings:start': channel(
    z.object({
      sampleRate: z.number().int().min(8_000).max(48_000),
      channels: z.number().int().min(1).max(2),
      /** File name for the item, e.g. "Recording 2026-11-23 16.16.wav"; made up when absent. */
      name: z.string().trim().min(1).max(200).optional(),
    }),
    RecordingStarted,
    'Starts a recording session: a WAV file in the store that chunks are appended to.',
  ),
  'recordings:append': channel(
    z.object({
      id: RecordingId,
      /** Bytes of audio the page has had acknowledged so far: makes a resent chunk harmless. */
      offset: z.number().int().min(0),
      /** 16-bit little-endian PCM, base64. */
      data: z.base64().max(Math.ceil(maxRecordingChunkBytes / 3) * 4),
    }),
    z.object({ bytes: z.number().int(), seconds: z.number() }),
    'Appends a chunk of PCM to a recording, durably, before answering.',
  ),
  'recordings:finish': channel(
    z.object({ id: RecordingId }),
    RecordingFinished,
    'Ends a recording and adds it as an item.',
  ),
  'recordings:cancel': channel(
    z.object({ id: RecordingId }),
    z.object({ id: RecordingId }),
    'Ends a recording and throws its audio away.',
  ),
};
