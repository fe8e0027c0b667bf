import type { JobFailure } from '../queue/failure-policy';

const brand = Symbol.for('lifeline.StageError');

/**
 * An error a stage raises on purpose, with a stable code. `permanent` errors (bad input, unsupported
 * format, 4xx) go straight to dead letters; transient ones (timeouts, refused connections, 5xx, busy)
 * are retried with backoff.
 */
export class StageError extends Error {
  override readonly name = 'StageError';
  readonly [brand] = true;
  /** The stage's external service failed (timeout, refused, 5xx), not the item: counts for its breaker. */
  readonly serviceFault: boolean;
  constructor(
    readonly code: string,
    message: string,
    readonly permanent: boolean,
    options?: { cause?: unknown; serviceFault?: boolean },
  ) {
    super(message, options);
    this.serviceFault = options?.serviceFault ?? false;
  }
}

export function isStageError(e: unknown): e is StageError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[brand] === true;
}

export const permanentError = (code: string, message: string, cause?: unknown) =>
  new StageError(code, message, true, { cause });
export const transientError = (code: string, message: string, cause?: unknown) =>
  new StageError(code, message, false, { cause });
/** A transient failure of the stage's external service (ASR/LLM down, timing out, 5xx). */
export const serviceError = (code: string, message: string, cause?: unknown) =>
  new StageError(code, message, false, { cause, serviceFault: true });

/** Node's I/O error codes that no retry will fix. */
const permanentSystemCodes = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR']);

/** Anything thrown by a stage, as the data the queue records. Unknown errors are transient. */
export function toJobFailure(err: unknown): JobFailure {
  if (isStageError(err))
    return { code: err.code, message: err.message, permanent: err.permanent, serviceFault: err.serviceFault };
  const sys = err as NodeJS.ErrnoException | undefined;
  if (sys && typeof sys.code === 'string') {
    return { code: `IO_${sys.code}`, message: sys.message, permanent: permanentSystemCodes.has(sys.code) };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'STAGE_CRASHED', message: `unexpected error: ${message}`, permanent: false };
}
