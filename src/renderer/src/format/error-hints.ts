/**
 * What to do about an item's error, one or two sentences, by the engine's error code. Codes the
 * page does not know yet (new stages, services) get the general advice.
 */
const hints: Record<string, string> = {
  AUDIO_UNDECODABLE:
    'The file is not audio Lifeline can read. Check that it plays in another app; if it is a recording in another format, convert it to WAV and add it again. Discard it if it is not a recording.',
  AUDIO_UNSUPPORTED:
    'This build reads WAV only. Convert the file to WAV (16-bit PCM) and add it again, then discard this one.',
  AUDIO_EMPTY: 'The file holds no sound at all: the recorder probably stopped at once. Discard it.',
  SOURCE_MISSING:
    'The file was moved or deleted before Lifeline could copy it. Put it back where it was and press Retry, or add it again from its new place.',
  SOURCE_CHANGED:
    'The file changed after it was added (edited or re-exported). Add it again so Lifeline takes the new version, then discard this one.',
  RECOVERY_EXHAUSTED:
    'The stage kept stopping without finishing (a crash or a hang each time). Retry once; if it stops again, the file may trip up the engine: look at the log and report it.',
  PART_FAILED:
    'Part of the recording (named above) could not be transcribed: it timed out or stopped the stage every time it was tried, while the transcription engine itself kept working. The rest of the recording is transcribed and kept. Press Retry to try only the missing part again; if it fails again, that stretch of audio trips up the engine: look at the log and report it.',
  STAGE_CRASHED: 'The stage failed unexpectedly. Retry; if it fails the same way again, the log has the details.',
  INTERNAL: 'Lifeline hit an internal error. Retry; if it happens again, the log has the details.',
  NO_ERROR_RECORDED: 'No error was recorded. Retry it.',
  AUDIO_TOO_LONG:
    'The recording is longer than the longest Lifeline accepts (LIFELINE_MAX_AUDIO_SECONDS). Split it, or raise that limit, then add it again.',
  AUDIO_MISSING:
    'The stored copy of the audio vanished before transcription. Add the original file again, then discard this one.',
  TRANSCRIPT_MISSING: 'There was no transcript to extract memories from. Retry: transcription runs again first.',
  NO_HEARTBEAT:
    'The stage stopped reporting (a hang or a crash) and was put back in the queue by itself; nothing to do unless it keeps happening.',
  RAN_TOO_LONG:
    'The stage ran longer than its limit and was put back in the queue by itself. If it keeps happening, the recording may be too long for this machine.',
  PROGRESS_STALLED:
    'The stage made no progress for too long and was put back in the queue by itself; nothing to do unless it keeps happening.',
  WORKER_LOST: 'The worker process running the stage exited, and the stage was put back in the queue by itself.',
  RECOVERED_BY_USER: 'You asked to recover this stage (Recover now); it was put back in the queue.',
  WHISPER_BINDING_FAILED:
    'The whisper engine cannot run on this machine (its native part would not load; the message says why). Reinstall Lifeline, or choose pocketsphinx in Settings → Transcription engine; items wait and go on once an engine works.',
  WHISPER_MODEL_INVALID:
    'The whisper model file would not load (damaged or not a whisper model). Download it again in Settings → Speech models, or pick another; items wait and go on once it loads.',
  LLM_BAD_OUTPUT:
    'The language model answered with something that is not a list of memories, twice. Retry, or choose another model or the offline rules extractor.',
};

/** Errors of the transcription (ASR_*) and language model (LLM_*) services, by what follows the prefix. */
const serviceHints: Record<string, (service: string) => string> = {
  TIMEOUT: (s) =>
    `The ${s} did not answer in time. It is retried by itself; if it keeps timing out, check that it is running and not overloaded.`,
  UNREACHABLE: (s) =>
    `The ${s} could not be reached. Check that it is running and that its address in the settings is right; items wait and go on once it answers.`,
  SERVER_ERROR: (s) => `The ${s} failed on its side (HTTP 5xx). It is retried by itself; its own log says why.`,
  BUSY: (s) => `The ${s} is busy (too many requests). It is retried by itself a little later.`,
  BAD_REPLY: (s) =>
    `The ${s} answered something that is not its protocol: check its address points at the right kind of server.`,
  UNAUTHORIZED: (s) => `The ${s} refused the key. Fix the key in the settings, then press Retry.`,
  NOT_FOUND: (s) =>
    `The ${s} does not know that address or model. Fix the address or model name in the settings, then press Retry.`,
  REJECTED: (s) =>
    `The ${s} refused this request as invalid. Press Retry once; if it fails again, the recording may be in a form it does not accept.`,
  ENGINE_FAILED: (s) =>
    `The local ${s} crashed or stopped with an error. It is retried by itself; if it keeps failing, reinstall it or choose another engine.`,
  UNAVAILABLE: (s) =>
    `No ${s} is set up. Install one or choose one in the settings; items wait and go on once it is there.`,
};

export function errorHint(code: string): string {
  if (hints[code]) return hints[code];
  const service = /^(ASR|LLM)_(.+)$/.exec(code);
  const serviceHint = service && serviceHints[service[2]!];
  if (service && serviceHint) return serviceHint(service[1] === 'ASR' ? 'transcription engine' : 'language model');
  if (code.startsWith('IO_'))
    return 'The disk refused a read or write (permissions, a full disk or a removed drive). Fix that, then press Retry.';
  return 'Press Retry. If it fails the same way again, the log has the details.';
}
