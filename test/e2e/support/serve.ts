import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveReady } from '../../support/serve-process';
import { cliPath, spawnNode, type Finished } from '../../support/spawn';

export interface LifelineServer {
  /** Root of this test's files: `data/` is the store, `inputs/` holds files to add. */
  root: string;
  dataDir: string;
  inputsDir: string;
  /** http://127.0.0.1:PORT/ */
  url: string;
  /** The address `serve` printed, with the token: what a user opens. */
  openUrl: string;
  /** Everything the server processes wrote to stdout and stderr so far. */
  output(): string;
  /** Stops the server process but keeps its data, as if the user pressed Ctrl-C. */
  stopServer(): Promise<void>;
  /** Kills the server process with SIGKILL (a crash, a power cut), keeping its data. */
  killServer(): Promise<void>;
  /**
   * Starts `serve` again on the same data, port and token (a page left open can reconnect), with `env`
   * added. `startTimeoutMs` (default 30 s) bounds the wait for its address, which it prints after its
   * startup gate.
   */
  startServerAgain(env?: NodeJS.ProcessEnv, startTimeoutMs?: number): Promise<void>;
  /**
   * Starts `serve` again on the same data and port as a person would, so with a new token; resolves
   * with the new address it printed.
   */
  startServerWithNewToken(): Promise<string>;
  /** Stops the server and removes the test's directory. */
  stop(): Promise<void>;
}

/** How long `serve` may take to print its address and pass its startup gate, ms (tsx compiles the CLI on first start). */
const startTimeoutMs = 45_000;
/** How long `serve` gets to shut down gracefully after SIGTERM before it is killed, ms. */
const gracefulStopMs = 5_000;

interface Running {
  child: ChildProcess;
  done: Promise<Finished>;
}

/**
 * Spawns `lifeline serve` and resolves with the address it prints once its engine has started (serve
 * prints the address first, then waits at its startup gate); rejects, and kills it, if it does not
 * get there in time, and rejects if it exits first.
 */
async function launch(
  dataDir: string,
  port: number,
  token: string | undefined,
  log: (text: string) => void,
  env: NodeJS.ProcessEnv,
  timeoutMs = startTimeoutMs,
) {
  const { child, done } = spawnNode([cliPath, '--data-dir', dataDir, 'serve', '--port', String(port)], {
    env: token === undefined ? env : { ...env, LIFELINE_TOKEN: token },
  });
  let out = '';
  const address = await new Promise<{ url: string; port: number; token: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Not left running behind a failed test.
      child.kill('SIGKILL');
      reject(
        new Error(`lifeline serve did not print its address and start its engine within ${timeoutMs} ms:\n${out}`),
      );
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      out += text;
      log(text);
      const ready = serveReady(out);
      if (ready) {
        clearTimeout(timer);
        resolve(ready);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => log(chunk.toString()));
    void done.then((f) => {
      clearTimeout(timer);
      reject(
        new Error(`lifeline serve exited (${f.code ?? f.signal}) before printing its address:\n${out}${f.stderr}`),
      );
    });
  });
  return { running: { child, done } satisfies Running, ...address };
}

async function terminate({ child, done }: Running): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), gracefulStopMs);
  });
  const outcome = await Promise.race([done.then(() => 'exited' as const), timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    child.kill('SIGKILL');
    await done;
  }
}

export interface ServerOptions {
  /** Extra environment for `serve` (e.g. LIFELINE_CONCURRENCY_INGEST=0 to keep items where they are). */
  env?: NodeJS.ProcessEnv;
}

/**
 * A real `lifeline serve --port 0` child process on a fresh data dir: the real engine and a real
 * SQLite file. Stopping sends SIGTERM, then SIGKILL if it has not exited within 5 s.
 */
export async function startLifelineServer(options: ServerOptions = {}): Promise<LifelineServer> {
  const env = options.env ?? {};
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-e2e-'));
  const dataDir = path.join(root, 'data');
  const inputsDir = path.join(root, 'inputs');
  fs.mkdirSync(inputsDir);
  let log = '';
  const append = (text: string) => {
    log += text;
  };
  let first: Awaited<ReturnType<typeof launch>>;
  try {
    first = await launch(dataDir, 0, undefined, append, env);
  } catch (err: unknown) {
    fs.rmSync(root, { recursive: true, force: true });
    throw err;
  }
  const { port, token, url } = first;
  let running: Running | null = first.running;
  return {
    root,
    dataDir,
    inputsDir,
    url,
    openUrl: `${url}?token=${token}`,
    output: () => log,
    async stopServer() {
      if (running) await terminate(running);
      running = null;
    },
    async killServer() {
      if (running && running.child.exitCode === null && running.child.signalCode === null) {
        running.child.kill('SIGKILL');
        await running.done;
      }
      running = null;
    },
    async startServerAgain(extraEnv?: NodeJS.ProcessEnv, timeoutMs?: number) {
      if (running) throw new Error('the server is already running');
      running = (await launch(dataDir, port, token, append, { ...env, ...extraEnv }, timeoutMs)).running;
    },
    async startServerWithNewToken() {
      if (running) throw new Error('the server is already running');
      const again = await launch(dataDir, port, undefined, append, env);
      running = again.running;
      if (again.token === token) throw new Error('serve printed the same token again');
      return `${again.url}?token=${again.token}`;
    },
    async stop() {
      if (running) await terminate(running);
      running = null;
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
