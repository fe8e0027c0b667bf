import { z } from 'zod';
import { channel, writeChannel } from './define';

/** Where a whisper model stands on this machine. */
export const ModelState = z.enum(['available', 'downloading', 'partial', 'installed']);
export type ModelState = z.infer<typeof ModelState>;

export const ModelEntry = z.object({
  name: z.string(),
  /** Approximate size from the catalogue, for people. */
  megabytes: z.number(),
  state: ModelState,
  /** Bytes on disk: the whole file when installed, the part so far while downloading or paused. */
  receivedBytes: z.number().int(),
  /** The download's full size once the server said it; null before. */
  totalBytes: z.number().int().nullable(),
  /** The model transcription uses now (the `whisper.model` setting, or the best installed one). */
  inUse: z.boolean(),
  /** In the built-in list (it can be downloaded); false for a file put into the models folder by hand. */
  inCatalogue: z.boolean(),
  /** Why the last download of it failed (network, checksum), until the next try. */
  error: z.string().nullable(),
});
export type ModelEntry = z.infer<typeof ModelEntry>;

export const ModelList = z.object({ models: z.array(ModelEntry), dir: z.string() });
export type ModelList = z.infer<typeof ModelList>;

const Name = z.object({ name: z.string().min(1).max(100) }).strict();

export const modelsChannels = {
  'models:list': channel(
    z.object({}).strict(),
    ModelList,
    'Whisper models: the catalogue, what is downloaded, downloading or paused, and which is in use.',
  ),
  'models:download': channel(
    Name,
    ModelEntry,
    'Starts (or resumes) downloading a catalogue model; progress is pushed as models.changed; the checksum is verified before it can be used.',
  ),
  'models:cancel': channel(
    Name,
    ModelEntry,
    'Stops a download; what was received is kept and the next download resumes from it. A download that already ended is left as it is (its entry is the answer).',
  ),
  'models:use': writeChannel(
    Name,
    ModelEntry,
    'Makes an installed model the one transcription uses (the whisper.model setting).',
  ),
  'models:remove': writeChannel(
    Name,
    ModelEntry,
    'Deletes a model file (or a paused download); a model in use goes back to the automatic choice.',
  ),
};
