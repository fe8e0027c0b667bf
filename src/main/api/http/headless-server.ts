import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { contract, type ErrorCode, type PushedEvent, type Result } from '../../../shared/contract';
import type { Lifeline } from '../../lifeline';
import { dispatch } from '../dispatch';
import { serveAudio } from './audio-route';
import { BrowserSession } from './browser-session';
import { serverStoppingMessage } from '../../../shared/headless-control';
import { subscribePushedEvents } from '../pushed-events';
import { hostAllowed, newToken, originAllowed, tokenRefusal } from './request-guard';
import { exchangeSession, reportSession } from './session-route';
import { handleUpload } from './upload-route';
import { serveStatic } from './static-files';

export interface HeadlessServerOptions {
  /** 0 picks a free port. */
  port: number;
  rendererDir: string;
  /** Fixed token for tests; a random one per launch otherwise. */
  token?: string;
  /** An upload that sends nothing for this long is dropped and its partial file removed, ms. Default 60 s. */
  uploadIdleMs?: number;
}

export interface HeadlessServer {
  url: string;
  /** URL with the token, for the browser. */
  openUrl: string;
  port: number;
  token: string;
  /**
   * The shutdown drain began: calls and uploads are answered 503 STOPPING (nothing is taken, the
   * caller is told why) instead of being refused at the socket; pushed events go on until `close`.
   */
  stopping(): void;
  close(): Promise<void>;
}

const maxBodyBytes = 1 << 20;

const statusFor: Partial<Record<ErrorCode, number>> = {
  INVALID_REQUEST: 400,
  UNKNOWN_CHANNEL: 404,
  NOT_FOUND: 404,
  INVALID_STATE: 409,
  FILE_NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  INTERNAL: 500,
  TOO_LARGE: 413,
  DISK_FULL: 507,
  STOPPING: 503,
};

const stoppingMessage =
  'Lifeline is stopping: running jobs are finishing and nothing new is taken; ask again once it has started again';

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function refuse(res: http.ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } } satisfies Result<never>);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw new Error('body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The contract over HTTP (calls: POST /api/call/<channel>) and WebSocket (pushed events:
 * /api/events), plus the built renderer, on 127.0.0.1 only. Every /api/ request without the
 * per-launch token or the data dir's session cookie gets 401 before any routing; a foreign Host or
 * Origin gets 403.
 */
export async function startHeadlessServer(app: Lifeline, options: HeadlessServerOptions): Promise<HeadlessServer> {
  const token = options.token ?? newToken();
  let port = options.port;
  const log = app.log.child({ module: 'http' });
  const session = BrowserSession.load(app.paths.dataDir);
  // Why a request is not let in (the 401's message), or null: the data dir's session cookie, or the
  // per-launch token where it may be (request-guard.ts says where).
  const refused = (req: http.IncomingMessage, url: URL) =>
    session.matches(req) ? null : tokenRefusal(req, url, token);
  let draining = false;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!hostAllowed(req, port))
      return refuse(res, 403, 'UNAUTHORIZED', 'requests must be addressed to 127.0.0.1 or localhost');
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return refuse(res, 405, 'INVALID_REQUEST', 'only GET outside /api/');
      if (url.pathname === '/session') return reportSession(session, req, res);
      return serveStatic(options.rendererDir, url.pathname, res);
    }
    const refusal = refused(req, url);
    if (refusal) return refuse(res, 401, 'UNAUTHORIZED', refusal);
    if (!originAllowed(req, port)) return refuse(res, 403, 'UNAUTHORIZED', 'cross-origin requests are refused');
    if (url.pathname === '/api/contract' && req.method === 'GET') {
      return sendJson(
        res,
        200,
        Object.fromEntries(Object.entries(contract).map(([name, spec]) => [name, spec.summary])),
      );
    }
    if (url.pathname === '/api/session') {
      if (req.method !== 'POST') return refuse(res, 405, 'INVALID_REQUEST', 'the session is exchanged by POST');
      return exchangeSession(session, res);
    }
    const fail = (status: number, code: ErrorCode, message: string) => refuse(res, status, code, message);
    if (draining && req.method === 'POST') return refuse(res, 503, 'STOPPING', stoppingMessage);
    const audio = /^\/api\/audio\/([^/]+)$/.exec(url.pathname);
    if (audio) {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return refuse(res, 405, 'INVALID_REQUEST', 'audio is GET or HEAD');
      return serveAudio(app.store, audio[1]!, req, res, fail);
    }
    if (url.pathname === '/api/upload') {
      if (req.method !== 'POST')
        return refuse(res, 405, 'INVALID_REQUEST', 'uploads are POST with the file as the body');
      void handleUpload(app, url, req, res, fail, options.uploadIdleMs).catch((err: unknown) => {
        log.error({ err }, 'upload failed');
        if (!res.headersSent) fail(500, 'INTERNAL', 'internal error');
      });
      return;
    }
    const m = /^\/api\/call\/([a-zA-Z]+:[a-zA-Z]+)$/.exec(url.pathname);
    if (!m) return refuse(res, 404, 'UNKNOWN_CHANNEL', `no such endpoint: ${url.pathname}`);
    if (req.method !== 'POST') return refuse(res, 405, 'INVALID_REQUEST', 'calls are POST with a JSON body');
    void (async () => {
      let payload: unknown;
      try {
        const body = await readBody(req);
        payload = body.trim() === '' ? {} : JSON.parse(body);
      } catch (err: unknown) {
        const tooLarge = err instanceof Error && err.message === 'body too large';
        return tooLarge
          ? refuse(res, 413, 'INVALID_REQUEST', 'request body over 1 MiB')
          : sendJson(res, 400, {
              ok: false,
              error: { code: 'INVALID_REQUEST', message: 'the body is not valid JSON' },
            });
      }
      const result = await dispatch(app.handlers, m[1], payload, log);
      sendJson(res, result.ok ? 200 : (statusFor[result.error.code] ?? 400), result);
    })().catch((err: unknown) => {
      log.error({ err }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
    });
  });

  const wss = new WebSocketServer({ noServer: true });
  const clients = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const deny = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!hostAllowed(req, port)) return deny('403 Forbidden');
    if (!url.pathname.startsWith('/api/')) return deny('404 Not Found');
    if (refused(req, url)) return deny('401 Unauthorized');
    if (!originAllowed(req, port)) return deny('403 Forbidden');
    if (url.pathname !== '/api/events') return deny('404 Not Found');
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      // A page that connects while the server drains learns it at once.
      if (draining) ws.send(JSON.stringify(serverStoppingMessage));
      ws.on('close', () => clients.delete(ws));
      ws.on('error', () => clients.delete(ws));
    });
  });

  // Pushed events, and the server's own word that it is stopping, go to every open page.
  const broadcast = (message: PushedEvent | typeof serverStoppingMessage) => {
    if (clients.size === 0) return;
    const text = JSON.stringify(message);
    for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(text);
  };
  const unsubscribe = subscribePushedEvents(app, broadcast);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    openUrl: `${url}?token=${token}`,
    port,
    token,
    stopping() {
      draining = true;
      broadcast(serverStoppingMessage);
    },
    async close() {
      unsubscribe();
      for (const ws of clients) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // A client holding a request open (an upload whose body never comes) must not hold up the
        // shutdown: after a second the rest are cut (an unfinished upload stores nothing).
        setTimeout(() => server.closeAllConnections(), 1_000).unref();
      });
    },
  };
}
