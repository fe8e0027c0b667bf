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

/** The per-launch token, from `Authorization: Bearer …` or `?token=` (WebSockets cannot set headers). */
export function tokenMatches(req: IncomingMessage, url: URL, token: string): boolean {
  const auth = req.headers.authorization;
  const given = auth?.startsWith('Bearer ') ? auth.slice(7) : url.searchParams.get('token');
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}
