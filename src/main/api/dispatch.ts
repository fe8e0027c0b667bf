import { z } from 'zod';
import { contract, isChannelName, type Result } from '../../shared/contract';
import type { Logger } from '../log/logger';
import { isApiError } from './api-error';
import type { Handlers } from './handlers';

/**
 * The one entry for every transport (Electron IPC, HTTP, the CLI): validates the request against
 * the contract, runs the handler, and turns every outcome into a Result. Nothing is thrown across.
 */
export async function dispatch(handlers: Handlers, channel: unknown, payload: unknown, log?: Logger): Promise<Result<unknown>> {
  if (!isChannelName(channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `no such call: ${String(channel)}` } };
  }
  const parsed = contract[channel].request.safeParse(payload ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'INVALID_REQUEST', message: `${channel}: ${z.prettifyError(parsed.error)}` } };
  }
  try {
    const handler = handlers[channel] as (req: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (err: unknown) {
    if (isApiError(err)) return { ok: false, error: { code: err.code, message: err.message } };
    log?.error({ err, channel }, 'handler failed');
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'INTERNAL', message: `internal error in ${channel}: ${message}` } };
  }
}
