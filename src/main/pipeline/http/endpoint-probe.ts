import { serviceError } from '../../engine/stage-error';

/** Statuses that mean the service behind an address is not there: a proxy without its backend, or "busy". */
const unavailableStatuses = new Set([502, 503, 504]);

/**
 * A cheap check that a server answers at `baseUrl`'s origin: a GET of `/`. Any HTTP answer counts
 * (OpenAI-compatible servers often answer 404 there) except 502/503/504; a refused connection, a
 * reset or no answer within the health probe's timeout (the signal) rejects.
 */
export async function probeEndpoint(baseUrl: string, what: string, signal: AbortSignal): Promise<void> {
  const origin = new URL(baseUrl).origin;
  let status: number;
  try {
    const res = await fetch(`${origin}/`, { method: 'GET', signal });
    status = res.status;
    await res.body?.cancel();
  } catch (err: unknown) {
    const code = (err as { cause?: { code?: unknown } }).cause?.code;
    throw serviceError('ENDPOINT_UNREACHABLE', `${what} at ${origin} does not answer${typeof code === 'string' ? ` (${code})` : ''}`);
  }
  if (unavailableStatuses.has(status)) throw serviceError('ENDPOINT_UNAVAILABLE', `${what} at ${origin} answers HTTP ${status}: not available`);
}
