import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { builtFileFor, rendererHost, rendererScheme, type RendererLocation } from './renderer-location';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Must run before the app is ready: a standard, secure scheme gets a real origin and module scripts. */
export function registerRendererScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: rendererScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the built renderer on `app://lifeline/`: only files inside it, read-only, with the policy
 * set on every response. Unknown paths get index.html (client-side routes).
 */
export function serveBuiltRenderer(renderer: RendererLocation, policy: string): void {
  const dir = renderer.builtDir;
  if (dir === null) return;
  protocol.handle(rendererScheme, async (request) => {
    const url = new URL(request.url);
    const file = url.host === rendererHost && request.method === 'GET' ? builtFileFor(dir, url.pathname) : null;
    if (file === null) return new Response('not found', { status: 404 });
    const target = (await isFile(file)) ? file : path.join(dir, 'index.html');
    let body: Buffer;
    try {
      body = await fs.readFile(target);
    } catch {
      return new Response('The Lifeline UI is not built: run `npm run build`.', { status: 503 });
    }
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': contentTypes[path.extname(target)] ?? 'application/octet-stream',
        'Content-Security-Policy': policy,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  });
}
