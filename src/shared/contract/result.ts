import { z } from 'zod';

/**
 * Stable error codes that cross the IPC / HTTP boundary. Scripts and the UI switch on these, so a
 * code is never renamed; add new ones at the end.
 */
export const errorCodes = [
  'INVALID_REQUEST',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'INVALID_STATE',
  'FILE_NOT_FOUND',
  'FILE_UNREADABLE',
  'UNAUTHORIZED',
  'TRANSPORT',
  'INTERNAL',
  'TOO_LARGE',
  /** The disk holding the store is nearly full: intake is refused until space returns (HTTP 507). */
  'DISK_FULL',
  /** The process is stopping (the shutdown drain): nothing is taken now; ask again after its next start. */
  'STOPPING',
  /** A file offered as audio whose content is not audio (checked at the door, by content). */
  'NOT_AUDIO',
] as const;
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const TransferableError = z.object({
  code: ErrorCode,
  message: z.string(),
});
export type TransferableError = z.infer<typeof TransferableError>;

/** Every reply is data, never a thrown error: `{ ok: true, value } | { ok: false, error }`. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: TransferableError };

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: TransferableError }),
  ]);
}
