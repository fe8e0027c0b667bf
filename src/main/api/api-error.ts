import type { ErrorCode } from '../../shared/contract';

const brand = Symbol.for('lifeline.ApiError');

/** An error meant for the caller: its code and message cross the boundary as they are. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly [brand] = true;
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isApiError(e: unknown): e is ApiError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[brand] === true;
}
