/**
 * How a failed call to an ASR or LLM service is classified (pure). Transient service faults count
 * for the service's circuit breaker and are retried with backoff; permanent ones go to dead letters.
 */
export interface ServiceFailure {
  code: string;
  message: string;
  permanent: boolean;
  /** The service failed (not the item): counts for the breaker. */
  serviceFault: boolean;
}

export type ServiceName = 'ASR' | 'LLM';

const clip = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 200);

/** An HTTP status that is not 2xx. */
export function classifyStatus(service: ServiceName, what: string, status: number, body: string): ServiceFailure {
  const detail = body ? `: ${clip(body)}` : '';
  if (status === 408 || status === 504)
    return {
      code: `${service}_TIMEOUT`,
      message: `${what} timed out (HTTP ${status})${detail}`,
      permanent: false,
      serviceFault: true,
    };
  if (status === 429 || status === 503)
    return {
      code: `${service}_BUSY`,
      message: `${what} is busy (HTTP ${status})${detail}`,
      permanent: false,
      serviceFault: true,
    };
  if (status >= 500)
    return {
      code: `${service}_SERVER_ERROR`,
      message: `${what} failed (HTTP ${status})${detail}`,
      permanent: false,
      serviceFault: true,
    };
  if (status === 401 || status === 403) {
    return {
      code: `${service}_UNAUTHORIZED`,
      message: `${what} refused the credentials (HTTP ${status}); check the API key${detail}`,
      permanent: true,
      serviceFault: false,
    };
  }
  // No such endpoint or model is the server's setup, the same for every item: a service fault, so
  // items wait for the fix instead of becoming dead letters.
  if (status === 404)
    return {
      code: `${service}_NOT_FOUND`,
      message: `${what} has no such endpoint or model (HTTP 404)${detail}`,
      permanent: false,
      serviceFault: true,
    };
  if (status === 413)
    return {
      code: `${service}_TOO_LARGE`,
      message: `${what} refused the upload as too large (HTTP 413)`,
      permanent: true,
      serviceFault: false,
    };
  return {
    code: `${service}_REJECTED`,
    message: `${what} rejected the request (HTTP ${status})${detail}`,
    permanent: true,
    serviceFault: false,
  };
}

/** Node network error codes: the service is down or unreachable, not the item's fault. */
const unreachable = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** A call that got no HTTP answer: refused, reset, timed out. */
export function classifyNetworkError(
  service: ServiceName,
  what: string,
  code: string | undefined,
  message: string,
  timedOut: boolean,
): ServiceFailure {
  if (timedOut)
    return {
      code: `${service}_TIMEOUT`,
      message: `${what} did not answer in time`,
      permanent: false,
      serviceFault: true,
    };
  if (code && unreachable.has(code)) {
    return {
      code: `${service}_UNREACHABLE`,
      message: `${what} is unreachable (${code}${code === 'ECONNREFUSED' ? ': is it running?' : ''})`,
      permanent: false,
      serviceFault: true,
    };
  }
  return {
    code: `${service}_UNREACHABLE`,
    message: `${what} failed: ${clip(message)}`,
    permanent: false,
    serviceFault: true,
  };
}
