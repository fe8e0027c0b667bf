/**
 * What to do about an item's error, one or two sentences, by the engine's error code. Codes the
 * page does not know yet (new stages, services) get the general advice.
 */
const hints: Record<string, string> = {
  AUDIO_UNDECODABLE:
    'The file is not audio Lifeline can read. Check that it plays in another app; if it is a recording in another format, convert it to WAV and add it again. Discard it if it is not a recording.',
  AUDIO_UNSUPPORTED: 'This build reads WAV only. Convert the file to WAV (16-bit PCM) and add it again, then discard this one.',
  AUDIO_EMPTY: 'The file holds no sound at all: the recorder probably stopped at once. Discard it.',
  SOURCE_MISSING: 'The file was moved or deleted before Lifeline could copy it. Put it back where it was and press Retry, or add it again from its new place.',
  SOURCE_CHANGED: 'The file changed after it was added (edited or re-exported). Add it again so Lifeline takes the new version, then discard this one.',
  RECOVERY_EXHAUSTED:
    'The stage kept stopping without finishing (a crash or a hang each time). Retry once; if it stops again, the file may trip up the engine: look at the log and report it.',
  STAGE_CRASHED: 'The stage failed unexpectedly. Retry; if it fails the same way again, the log has the details.',
  INTERNAL: 'Lifeline hit an internal error. Retry; if it happens again, the log has the details.',
  NO_ERROR_RECORDED: 'No error was recorded. Retry it.',
};

export function errorHint(code: string): string {
  if (hints[code]) return hints[code];
  if (code.startsWith('IO_')) return 'The disk refused a read or write (permissions, a full disk or a removed drive). Fix that, then press Retry.';
  return 'Press Retry. If it fails the same way again, the log has the details.';
}
