import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';

/** Content types of the built renderer's files (the headless server and the desktop app:// scheme). */
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export function builtFileContentType(file: string): string {
  return types[path.extname(file)] ?? 'application/octet-stream';
}

/** The renderer's policy: nothing but our own origin; the WebSocket back to us. */
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; media-src 'self' blob:; " +
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** Serves the built renderer; unknown paths get index.html (client-side routes). */
export function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  const index = path.join(root, 'index.html');
  if (!fs.existsSync(index)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The Lifeline UI is not built yet: run `npm run build` (the API under /api/ works already).\n');
    return;
  }
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const file = path.resolve(root, '.' + path.posix.normalize(rel));
  const inside = file.startsWith(root + path.sep);
  const target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : index;
  res.writeHead(200, {
    'content-type': builtFileContentType(target),
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'cache-control': target === index ? 'no-cache' : 'max-age=3600',
  });
  fs.createReadStream(target).pipe(res);
}
