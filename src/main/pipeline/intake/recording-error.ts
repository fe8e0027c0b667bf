const brand = Symbol.for('lifeline.RecordingError');

/** Why a recording session refused a call; the API maps `kind` onto its error codes. */
export type RecordingErrorKind = 'not-found' | 'invalid-state' | 'invalid-chunk';

/** A recording call the caller must fix (no such recording, finished, another process's, a bad chunk). */
export class RecordingError extends Error {
  override readonly name = 'RecordingError';
  readonly [brand] = true;
  constructor(
    readonly kind: RecordingErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export function isRecordingError(e: unknown): e is RecordingError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[brand] === true;
}
