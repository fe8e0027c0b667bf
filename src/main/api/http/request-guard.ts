import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const allowedHosts = new Set(['127.0.0.1', 'localhost']);

/** Host must be 127.0.0.1 or localhost on our port: blocks DNS-rebinding pages that resolve to us. */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  if (!host) return false;
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host);
  if (!m || !m[1] || !allowedHosts.has(m[1].toLowerCase())) return false;
  return m[2] === undefined ? port === 80 : Number(m[2]) === port;
}

/** An Origin, when a browser sends one, must be our own page. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' && allowedHosts.has(u.hostname) && Number(u.port || 80) === port;
  } catch {
    return false;
  }
}

/**
 * Where `?token=` is accepted: only where the client cannot send a header. An `<audio>` element
 * fetching /api/audio/<id>, and the WebSocket upgrade of /api/events. Anywhere else a token in the
 * address would end up in history, logs and Referer headers for no reason.
 */
function queryTokenAllowed(req: IncomingMessage, url: URL): boolean {
  if (url.pathname === '/api/events') return req.headers.upgrade?.toLowerCase() === 'websocket';
  return /^\/api\/audio\/[^/]+$/.test(url.pathname) && (req.method === 'GET' || req.method === 'HEAD');
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * Why a request's credentials are refused (the 401's message), or null when they are good: the
 * per-launch token from `Authorization: Bearer …`, or from `?token=` where a header is impossible.
 * The one place every /api/ request is authorised.
 */
export function tokenRefusal(req: IncomingMessage, url: URL, token: string): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer '))
    return sameToken(auth.slice(7), token) ? null : 'wrong token (it changes every time lifeline serve starts)';
  const query = url.searchParams.get('token');
  if (query !== null) {
    if (!queryTokenAllowed(req, url)) {
      return 'the token goes in an "Authorization: Bearer <token>" header; ?token= is accepted only for /api/audio/<id> and the /api/events WebSocket';
    }
    return sameToken(query, token) ? null : 'wrong token (it changes every time lifeline serve starts)';
  }
  return 'missing token: send "Authorization: Bearer <token>" (the token is in the address lifeline serve printed)';
}

/** Whether the request carries the per-launch token where it may (see tokenRefusal). */
export function tokenMatches(req: IncomingMessage, url: URL, token: string): boolean {
  return tokenRefusal(req, url, token) === null;
}

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}
