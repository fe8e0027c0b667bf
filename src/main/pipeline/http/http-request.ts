import { StageError } from '../../engine/stage-error';
import { classifyNetworkError, classifyStatus, type ServiceFailure, type ServiceName } from './service-failure-policy';

export interface HttpRequestOptions {
  service: ServiceName;
  /** Names the endpoint in error messages ("ASR server at http://…"). */
  what: string;
  /** Whole call, including reading the body. ms. */
  timeoutMs: number;
  /** The stage's signal: aborting it rejects with its reason, not a service error. */
  signal: AbortSignal;
}

export const toStageError = (f: ServiceFailure, cause?: unknown) =>
  new StageError(f.code, f.message, f.permanent, { cause, serviceFault: f.serviceFault });

function errorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * One HTTP call whose every failure is a classified StageError: timeouts, refused connections, 5xx
 * and 429 are transient service faults; other 4xx are permanent. Resolves with the body text of a
 * 2xx answer.
 */
export async function httpRequest(
  url: string,
  init: RequestInit,
  o: HttpRequestOptions,
): Promise<{ status: number; body: string }> {
  o.signal.throwIfAborted();
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error('timeout')), o.timeoutMs);
  const signal = AbortSignal.any([o.signal, timeout.signal]);
  try {
    const res = await fetch(url, { ...init, signal });
    const body = await res.text();
    if (!res.ok) throw toStageError(classifyStatus(o.service, o.what, res.status, body));
    return { status: res.status, body };
  } catch (err: unknown) {
    if (err instanceof StageError) throw err;
    if (o.signal.aborted) throw o.signal.reason;
    const message = err instanceof Error ? err.message : String(err);
    throw toStageError(classifyNetworkError(o.service, o.what, errorCode(err), message, timeout.signal.aborted), err);
  } finally {
    clearTimeout(timer);
  }
}
