import http from 'node:http';
import { listenOnLoopback } from '../../support/fake-services';

export interface SwitchableAsr {
  /** http://127.0.0.1:PORT */
  url: string;
  /** From now on every request (transcriptions and the health probe's GET) answers 503. */
  fail(): void;
  /** From now on transcriptions succeed and the probe's GET answers 200. */
  heal(): void;
  /** From now on transcriptions answer 503 while its check (the model list) still passes. */
  failCalls(): void;
  /** Transcription requests received so far. */
  transcriptions(): number;
  close(): Promise<void>;
}

/**
 * An OpenAI-compatible transcription server on 127.0.0.1 that a test can break and mend: while
 * failing it answers 503 (a transient service fault, which counts for the breaker), also to the
 * health probe, so automatic recovery cannot bring it back either.
 */
export async function startSwitchableAsr(): Promise<SwitchableAsr> {
  let failing = false;
  let callsFail = false;
  let transcriptions = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const isTranscription = req.method === 'POST' && (req.url ?? '').includes('/audio/transcriptions');
      if (isTranscription) transcriptions++;
      if (failing || (callsFail && isTranscription)) {
        res
          .writeHead(503, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'the model is loading' } }));
        return;
      }
      if ((req.url ?? '').endsWith('/models')) {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ object: 'list', data: [{ id: 'whisper-1', object: 'model' }] }));
        return;
      }
      if (!isTranscription) {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          text: 'call the garden centre',
          segments: [{ start: 0, end: 1, text: ' call the garden centre' }],
        }),
      );
    });
  });
  const listening = await listenOnLoopback(server);
  return {
    url: listening.url,
    fail: () => void (failing = true),
    heal: () => void ((failing = false), (callsFail = false)),
    failCalls: () => void (callsFail = true),
    transcriptions: () => transcriptions,
    close: listening.close,
  };
}
