import { afterEach, describe, expect, it } from 'vitest';
import type { Transcript } from '../../src/shared/contract';
import { HttpAsrEngine } from '../../src/main/pipeline/asr/http-asr-engine';
import { LlmExtractor } from '../../src/main/pipeline/extract/llm-extractor';
import { isStageError, type StageError } from '../../src/main/engine/stage-error';
import {
  closedPort,
  startAsrServer,
  startChatServer,
  wordsFor,
  type Behaviour,
  type FakeService,
} from '../support/fake-services';
import { tempDir } from '../support/temp-dir';

const servers: FakeService[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});
const keep = (s: FakeService) => (servers.push(s), s);

const chunk = { samples: Float32Array.from({ length: 32000 }, (_, i) => 0.2 * Math.sin(i / 7)), sampleRate: 16000 };
const never = () => new AbortController().signal;

async function failure(p: Promise<unknown>): Promise<StageError> {
  const err = await p.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  if (!isStageError(err)) throw err;
  return err;
}

const transcript: Transcript = {
  text: 'remind me to call alice tomorrow at three pm the meeting is on friday',
  segments: [
    { start: 0, end: 3, text: 'remind me to call alice tomorrow at three pm' },
    { start: 3.5, end: 5, text: 'the meeting is on friday' },
  ],
};
const recordedAt = new Date('2026-01-14T09:00:00Z');
const goodReply = JSON.stringify({
  memories: [
    { kind: 'todo', text: 'Call Alice', at: '2026-01-15T15:00:00Z', segment: 0 },
    { kind: 'person', text: 'Alice', at: null, segment: 0 },
    { kind: 'event', text: 'Meeting', at: '2026-01-16T12:00:00Z', segment: 1 },
  ],
});

for (const flavour of ['openai', 'whisper-server'] as const) {
  describe(`the ${flavour} transcription engine against a server on 127.0.0.1`, () => {
    const engine = (url: string, timeoutMs?: number) =>
      new HttpAsrEngine({ flavour, url, apiKey: 'sk-test', model: 'whisper-1', timeoutMs });

    it('uploads the chunk as a multipart WAV and returns the segments', async () => {
      const server = keep(await startAsrServer());
      const segments = await engine(server.url).transcribe(chunk, { signal: never(), tmpDir: tempDir() });
      const req = server.requests[0]!;
      expect(req.path).toBe(flavour === 'openai' ? '/v1/audio/transcriptions' : '/inference');
      expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      expect(req.fields).toMatchObject({
        response_format: 'verbose_json',
        file: { fileName: 'chunk.wav', type: 'audio/wav', size: 44 + 64000 },
      });
      if (flavour === 'openai') {
        expect(req.fields.model).toBe('whisper-1');
        expect(req.headers.authorization).toBe('Bearer sk-test');
      }
      const text = wordsFor((req.fields.file as { sha256: string }).sha256);
      expect(segments).toEqual([{ start: 0, end: 1.5, text }]);
    });

    it('calls a hung server a transient ASR_TIMEOUT that counts for the breaker', async () => {
      const server = keep(await startAsrServer({ behave: (): Behaviour => ({ kind: 'hang' }) }));
      const err = await failure(engine(server.url, 300).transcribe(chunk, { signal: never(), tmpDir: tempDir() }));
      expect(err).toMatchObject({ code: 'ASR_TIMEOUT', permanent: false, serviceFault: true });
    });

    it('calls a 500 a transient ASR_SERVER_ERROR and a 503 ASR_BUSY', async () => {
      const server = keep(
        await startAsrServer({ behave: (n): Behaviour => ({ kind: 'status', status: n === 1 ? 500 : 503 }) }),
      );
      expect(await failure(engine(server.url).transcribe(chunk, { signal: never(), tmpDir: tempDir() }))).toMatchObject(
        { code: 'ASR_SERVER_ERROR', permanent: false, serviceFault: true },
      );
      expect(await failure(engine(server.url).transcribe(chunk, { signal: never(), tmpDir: tempDir() }))).toMatchObject(
        { code: 'ASR_BUSY', permanent: false, serviceFault: true },
      );
    });

    it('calls a 400 a permanent ASR_REJECTED and a 401 a permanent ASR_UNAUTHORIZED', async () => {
      const server = keep(
        await startAsrServer({
          behave: (n): Behaviour => ({
            kind: 'status',
            status: n === 1 ? 400 : 401,
            body: '{"error":{"message":"bad audio"}}',
          }),
        }),
      );
      const rejected = await failure(engine(server.url).transcribe(chunk, { signal: never(), tmpDir: tempDir() }));
      expect(rejected).toMatchObject({ code: 'ASR_REJECTED', permanent: true, serviceFault: false });
      expect(rejected.message).toContain('bad audio');
      expect(await failure(engine(server.url).transcribe(chunk, { signal: never(), tmpDir: tempDir() }))).toMatchObject(
        { code: 'ASR_UNAUTHORIZED', permanent: true },
      );
    });

    it('calls a refused connection a transient ASR_UNREACHABLE', async () => {
      const err = await failure(engine(await closedPort()).transcribe(chunk, { signal: never(), tmpDir: tempDir() }));
      expect(err).toMatchObject({ code: 'ASR_UNREACHABLE', permanent: false, serviceFault: true });
      expect(err.message).toContain('ECONNREFUSED');
    });

    it('calls a 200 with invalid JSON a transient ASR_BAD_REPLY', async () => {
      const server = keep(
        await startAsrServer({ behave: (): Behaviour => ({ kind: 'raw', body: '<html>proxy error</html>' }) }),
      );
      expect(await failure(engine(server.url).transcribe(chunk, { signal: never(), tmpDir: tempDir() }))).toMatchObject(
        { code: 'ASR_BAD_REPLY', permanent: false },
      );
    });

    it('stops at once when the stage is aborted, without a service error', async () => {
      const server = keep(await startAsrServer({ behave: (): Behaviour => ({ kind: 'hang' }) }));
      const ac = new AbortController();
      const p = engine(server.url).transcribe(chunk, { signal: ac.signal, tmpDir: tempDir() });
      setTimeout(() => ac.abort(new Error('cancelled by the user')), 50);
      await expect(p).rejects.toThrow('cancelled by the user');
    });

    it('is unavailable with the fix when no URL is set', () => {
      expect(new HttpAsrEngine({ flavour, url: undefined }).availability()).toEqual({
        ok: false,
        reason: `no ASR server configured: set LIFELINE_ASR_URL for the ${flavour} engine`,
      });
    });

    it('declares its server as a service whose probe is real work: up when it does the work, down on 503, a missing model or a refused connection', async () => {
      expect(new HttpAsrEngine({ flavour, url: undefined }).service).toBeUndefined();
      const up = keep(await startAsrServer());
      const service = engine(up.url).service!;
      expect(service).toMatchObject({ name: 'asr', kind: 'http-endpoint', required: true });
      await expect(service.probe!(never())).resolves.toBeUndefined();
      // whisper.cpp: a moment of silence through /inference; OpenAI-compatible: the model is listed.
      expect(up.probes).toEqual([flavour === 'whisper-server' ? 'POST /inference' : '/v1/models']);
      expect(up.requests).toHaveLength(0);
      const busy = keep(
        await startAsrServer({
          probe: () => ({ kind: 'status', status: 503 }),
          behave: () => ({ kind: 'status', status: 503 }),
          models: [],
        }),
      );
      await expect(engine(busy.url).service!.probe!(never())).rejects.toThrow(
        flavour === 'whisper-server' ? 'busy (HTTP 503)' : 'does not have the model "whisper-1"',
      );
      // A server whose front door answers but whose real calls fail ("model not found") is down.
      const lying = keep(
        await startAsrServer({
          probe: () => ({ kind: 'status', status: 404, body: '{"error":"model not found"}' }),
          models: ['another-model'],
        }),
      );
      await expect(engine(lying.url).service!.probe!(never())).rejects.toThrow(
        flavour === 'whisper-server' ? 'HTTP 404' : 'does not have the model',
      );
      await expect(engine(await closedPort()).service!.probe!(never())).rejects.toThrow('unreachable');
    });
  });
}

for (const flavour of ['ollama', 'openai'] as const) {
  describe(`the ${flavour} memory extractor against a server on 127.0.0.1`, () => {
    const extractor = (url: string, timeoutMs?: number) =>
      new LlmExtractor({ flavour, url, model: 'test-model', apiKey: 'k', timeoutMs });
    const extract = (url: string, timeoutMs?: number) =>
      extractor(url, timeoutMs).extract(transcript, { recordedAt, signal: never() });

    it('sends the transcript with the memory JSON schema and maps the answer onto segments', async () => {
      const server = keep(await startChatServer(() => goodReply));
      const memories = await extract(server.url);
      const req = server.requests[0]!;
      expect(req.path).toBe(flavour === 'ollama' ? '/api/chat' : '/v1/chat/completions');
      expect(req.fields.model).toBe('test-model');
      if (flavour === 'ollama')
        expect(req.fields).toMatchObject({ stream: false, format: { type: 'object', required: ['memories'] } });
      else
        expect(req.fields).toMatchObject({
          response_format: { type: 'json_schema', json_schema: { name: 'memories', strict: true } },
        });
      const messages = req.fields.messages as { role: string; content: string }[];
      expect(messages.at(-1)!.content).toContain('[1] (3.5s) the meeting is on friday');
      expect(messages.at(-1)!.content).toContain('2026-01-14T09:00:00.000Z');
      expect(memories).toEqual([
        {
          kind: 'todo',
          text: 'Call Alice',
          at: '2026-01-15T15:00:00.000Z',
          allDay: false,
          repeats: null,
          source: transcript.segments[0],
        },
        { kind: 'person', text: 'Alice', at: null, allDay: false, repeats: null, source: transcript.segments[0] },
        {
          kind: 'event',
          text: 'Meeting',
          at: '2026-01-16T12:00:00.000Z',
          allDay: false,
          repeats: null,
          source: transcript.segments[1],
        },
      ]);
    });

    it('asks again once after invalid JSON and succeeds', async () => {
      const server = keep(await startChatServer((n) => (n === 1 ? 'Sure! Here are your memories: {' : goodReply)));
      expect(await extract(server.url)).toHaveLength(3);
      expect(server.requests).toHaveLength(2);
    });

    it('fails with a permanent LLM_BAD_OUTPUT after two invalid answers', async () => {
      const server = keep(
        await startChatServer(() => JSON.stringify({ memories: [{ kind: 'shopping', text: 'eggs' }] })),
      );
      const err = await failure(extract(server.url));
      expect(err).toMatchObject({ code: 'LLM_BAD_OUTPUT', permanent: true, serviceFault: false });
      expect(server.requests).toHaveLength(2);
    });

    it('calls a hang a transient LLM_TIMEOUT, a 500 LLM_SERVER_ERROR, and a refused connection LLM_UNREACHABLE', async () => {
      const hung = keep(await startChatServer((): Behaviour => ({ kind: 'hang' })));
      expect(await failure(extract(hung.url, 300))).toMatchObject({
        code: 'LLM_TIMEOUT',
        permanent: false,
        serviceFault: true,
      });
      const broken = keep(await startChatServer((): Behaviour => ({ kind: 'status', status: 500 })));
      expect(await failure(extract(broken.url))).toMatchObject({
        code: 'LLM_SERVER_ERROR',
        permanent: false,
        serviceFault: true,
      });
      expect(await failure(extract(await closedPort()))).toMatchObject({
        code: 'LLM_UNREACHABLE',
        permanent: false,
        serviceFault: true,
      });
    });

    it('calls a 404 (unknown model) a fault of the service, not of the item: LLM_NOT_FOUND, retried once it is fixed', async () => {
      const server = keep(
        await startChatServer((): Behaviour => ({
          kind: 'status',
          status: 404,
          body: '{"error":"model \\"test-model\\" not found"}',
        })),
      );
      expect(await failure(extract(server.url))).toMatchObject({
        code: 'LLM_NOT_FOUND',
        permanent: false,
        serviceFault: true,
      });
    });
  });
}
