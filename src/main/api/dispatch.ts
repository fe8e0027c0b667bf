import { z } from 'zod';
import { contract, isChannelName, requestShapeProblem, type Result } from '../../shared/contract';
import type { Logger } from '../log/logger';
import { isApiError } from './api-error';
import type { Caller, Handlers } from './handlers';

const invalid = (message: string): Result<never> => ({ ok: false, error: { code: 'INVALID_REQUEST', message } });

/**
 * The one entry for every transport (Electron IPC, HTTP, the CLI): validates the request against
 * the contract, runs the handler, and turns every outcome into a Result. Nothing is thrown across.
 *
 * `caller` says who is asking: `api` for the HTTP and IPC transports (a page, or anything that holds
 * the token), `in-process` for the CLI and the engine's own calls (the user at a terminal). The
 * default is the stricter one.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  payload: unknown,
  log?: Logger,
  caller: Caller = 'api',
): Promise<Result<unknown>> {
  if (!isChannelName(channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `no such call: ${String(channel)}` } };
  }
  // Only a missing body means "no parameters"; an explicit null is a caller's mistake, not {}.
  const request = payload === undefined ? {} : payload;
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    return invalid(
      `${channel}: the request must be a JSON object, not ${request === null ? 'null' : Array.isArray(request) ? 'an array' : typeof request}`,
    );
  }
  const problem = requestShapeProblem(request);
  if (problem) return invalid(`${channel}: ${problem}`);
  const parsed = contract[channel].request.safeParse(request);
  if (!parsed.success) return invalid(`${channel}: ${z.prettifyError(parsed.error)}`);
  try {
    const handler = handlers[channel] as (req: unknown, caller: Caller) => unknown;
    const value = await handler(parsed.data, caller);
    return { ok: true, value };
  } catch (err: unknown) {
    if (isApiError(err)) return { ok: false, error: { code: err.code, message: err.message } };
    log?.error({ err, channel }, 'handler failed');
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'INTERNAL', message: `internal error in ${channel}: ${message}` } };
  }
}
