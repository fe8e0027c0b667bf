import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';

export interface TestAsr {
  url: string;
  /** Calls answered so far. */
  calls(): number;
  /** Stops listening and drops open connections: calls are refused. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
  /** While true, the real calls answer 500 and GET /health still answers 200 (a server that lies). */
  failCalls(on: boolean): void;
}

/** A stand-in ASR service on 127.0.0.1: GET /health and GET /transcribe answer 200 while it runs. */
export async function startTestAsr(): Promise<TestAsr> {
  let calls = 0;
  let failing = false;
  const sockets = new Set<Socket>();
  const make = () => {
    const server = http.createServer((req, res) => {
      calls++;
      const health = req.url?.startsWith('/health') === true;
      res.writeHead(failing && !health ? 500 : 200, { 'content-type': 'text/plain', connection: 'close' });
      res.end(health ? 'ok' : failing ? 'broken' : 'hello world');
    });
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    return server;
  };
  let server = make();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls: () => calls,
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
    failCalls(on) {
      failing = on;
    },
    async restart() {
      server = make();
      await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
    },
  };
}
