import type { TransferableError } from '../../shared/contract';

/** Exit codes: 0 ok, 1 the user asked for something that cannot be done, 2 Lifeline failed. */
export const exitCodes = { ok: 0, user: 1, internal: 2 } as const;

export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

export function fromTransferable(error: TransferableError): CliError {
  const internal = error.code === 'INTERNAL' || error.code === 'TRANSPORT';
  return new CliError(error.message, internal ? exitCodes.internal : exitCodes.user);
}
