import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** How a fake service answers one request. */
export type Behaviour =
  | { kind: 'ok' }
  | { kind: 'status'; status: number; body?: string }
  /** Accepts the request and never answers (until the server closes). */
  | { kind: 'hang' }
  /** 200 with this raw body (invalid JSON, wrong shape, …). */
  | { kind: 'raw'; body: string }
  /** Answers as `ok` does, once `ready` resolves (the test decides when a call finishes). */
  | { kind: 'after'; ready: Promise<void> };

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  /** Multipart fields (files as their SHA-256 and size), or the parsed JSON body. */
  fields: Record<string, unknown>;
}

export interface FakeService {
  url: string;
  /** Calls of the service itself (uploads, chats); health probes are not among them. */
  requests: RecordedRequest[];
  /** GET requests with no body (Lifeline's health and recovery probes), by path. */
  probes: string[];
  /** When each request arrived (ms epoch), probe or real call, in order. */
  timeline: { at: number; probe: boolean }[];
  close(): Promise<void>;
}

/** The models a fake server has, as OpenAI's `/v1/models` and Ollama's `/api/tags` list them: the engines' defaults. */
export const defaultModels = ['whisper-1', 'gpt-4o-mini', 'llama3.2:latest'];

/**
 * Answers a health probe (a GET) and records it; false for anything else. The model lists
 * (`/v1/models`, `/api/tags`) name `models`; any other GET (the front door) answers 200 "ok".
 */
function answerProbe(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  probes: string[],
  models: readonly string[] = defaultModels,
): boolean {
  if (req.method !== 'GET') return false;
  const url = req.url ?? '';
  probes.push(url);
  const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  if (url.endsWith('/models'))
    return (json({ object: 'list', data: models.map((id) => ({ id, object: 'model' })) }), true);
  if (url.startsWith('/api/tags')) return (json({ models: models.map((name) => ({ name, model: name })) }), true);
  res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  return true;
}

/** Lifeline's probe of a whisper.cpp server: a quarter of a second of silence (a tiny all-zero WAV). */
function isSilentProbe(file: { size: number; bytes: Buffer } | undefined): boolean {
  return file !== undefined && file.size <= 44 + 16_000 && file.bytes.subarray(44).every((b) => b === 0);
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of req as AsyncIterable<Buffer>) parts.push(c);
  return Buffer.concat(parts);
}

/** Parses a multipart/form-data body with the platform's own parser (the real wire format). */
async function parseMultipart(body: Buffer, contentType: string): Promise<Record<string, unknown>> {
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  const fields: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') fields[name] = value;
    else {
      const bytes = Buffer.from(await value.arrayBuffer());
      fields[name] = {
        fileName: value.name,
        type: value.type,
        size: bytes.length,
        sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
        bytes,
      };
    }
  }
  return fields;
}

const vocabulary = [
  'apple',
  'river',
  'garden',
  'window',
  'coffee',
  'paper',
  'harbor',
  'violet',
  'engine',
  'marble',
  'lantern',
  'orchard',
];

/** Deterministic words for an uploaded chunk: the same audio always gets the same text. */
export function wordsFor(sha256: string): string {
  return [0, 2, 4].map((i) => vocabulary[parseInt(sha256.slice(i, i + 2), 16) % vocabulary.length]).join(' ');
}

/** Listens on 127.0.0.1 (a free port, or `port`); `close` also drops kept-alive and hanging connections. */
export async function listenOnLoopback(
  server: http.Server,
  port = 0,
): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

async function listenLocally(
  server: http.Server,
  requests: RecordedRequest[],
  probes: string[],
  port?: number,
): Promise<FakeService> {
  const timeline: FakeService['timeline'] = [];
  // Recorded when the request is sorted (a probe or a real call): just after it arrived.
  const note = <T>(list: T[], probe: boolean) => {
    const push = list.push.bind(list);
    // Not enumerable, so the list still compares equal to a plain array.
    Object.defineProperty(list, 'push', {
      value: (...items: T[]) => {
        for (let i = 0; i < items.length; i++) timeline.push({ at: Date.now(), probe });
        return push(...items);
      },
    });
  };
  note(requests, false);
  note(probes, true);
  return { ...(await listenOnLoopback(server, port)), requests, probes, timeline };
}

/**
 * A transcription server on 127.0.0.1 speaking OpenAI's `/v1/audio/transcriptions` or whisper.cpp's
 * `/inference` (multipart upload, verbose_json answer). `behave(n)` picks the answer to request n.
 * `port` listens on that port (a server "back up" where it was before).
 */
export async function startAsrServer(
  options: {
    delayMs?: number;
    behave?: (n: number) => Behaviour;
    port?: number;
    /** How Lifeline's probe (a moment of silence posted to `/inference`) is answered. Default: like any call, minus `behave`. */
    probe?: () => Behaviour;
    models?: readonly string[];
  } = {},
): Promise<FakeService> {
  const requests: RecordedRequest[] = [];
  const probes: string[] = [];
  const server = http.createServer((req, res) => {
    if (answerProbe(req, res, probes, options.models)) return;
    void (async () => {
      const body = await readBody(req);
      const fields = await parseMultipart(body, req.headers['content-type'] ?? '');
      const probe = isSilentProbe(fields.file as { size: number; bytes: Buffer } | undefined);
      if (probe) probes.push(`POST ${req.url ?? ''}`);
      else requests.push({ path: req.url ?? '', headers: req.headers, fields });
      const b = probe ? (options.probe?.() ?? { kind: 'ok' }) : (options.behave?.(requests.length) ?? { kind: 'ok' });
      if (b.kind === 'hang') return;
      if (b.kind === 'after') await b.ready;
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      if (b.kind === 'status') {
        res
          .writeHead(b.status, { 'content-type': 'application/json' })
          .end(b.body ?? JSON.stringify({ error: { message: `status ${b.status}` } }));
        return;
      }
      if (b.kind === 'raw') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(b.body);
        return;
      }
      const file = fields.file as { sha256: string; size: number } | undefined;
      if (!file) {
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'no file' } }));
        return;
      }
      const seconds = (file.size - 44) / 32000;
      const text = wordsFor(file.sha256);
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ text, segments: [{ id: 0, start: 0, end: Math.min(seconds, 1.5), text: ` ${text}` }] }));
    })().catch((err: unknown) => res.writeHead(500).end(String(err)));
  });
  return listenLocally(server, requests, probes, options.port);
}

/**
 * A chat server on 127.0.0.1 speaking Ollama's `/api/chat` or OpenAI's `/v1/chat/completions`.
 * `reply(n)` is the assistant's message content for request n (a string), or a failure behaviour.
 */
export async function startChatServer(
  reply: (n: number) => string | Behaviour,
  models?: readonly string[],
): Promise<FakeService> {
  const requests: RecordedRequest[] = [];
  const probes: string[] = [];
  const server = http.createServer((req, res) => {
    if (answerProbe(req, res, probes, models)) return;
    void (async () => {
      const body = await readBody(req);
      const fields = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      requests.push({ path: req.url ?? '', headers: req.headers, fields });
      const r = reply(requests.length);
      if (typeof r !== 'string') {
        if (r.kind === 'hang') return;
        if (r.kind === 'status')
          return void res
            .writeHead(r.status, { 'content-type': 'application/json' })
            .end(r.body ?? '{"error":"failed"}');
        if (r.kind === 'raw') return void res.writeHead(200, { 'content-type': 'application/json' }).end(r.body);
      }
      const content = typeof r === 'string' ? r : '';
      const envelope = req.url?.startsWith('/api/chat')
        ? { model: fields.model, message: { role: 'assistant', content }, done: true }
        : {
            id: 'chatcmpl-1',
            object: 'chat.completion',
            choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(envelope));
    })().catch((err: unknown) => res.writeHead(500).end(String(err)));
  });
  return listenLocally(server, requests, probes);
}

/** A port on 127.0.0.1 with nothing listening (connection refused). */
export async function closedPort(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return `http://127.0.0.1:${port}`;
}
