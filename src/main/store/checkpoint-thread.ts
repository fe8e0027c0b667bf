import { Worker } from 'node:worker_threads';

/** What a PASSIVE checkpoint reports: frames in the WAL, and how many of them are in the database file. */
export interface WalFrames {
  log: number;
  checkpointed: number;
}

/** A thread idle this long is ended (it holds a connection and a V8 heap), ms; the next write starts it again. */
const idleExitMs = 30_000;

// The thread's whole program: its own connection, one PASSIVE checkpoint per request. Plain
// CommonJS evaluated as is, so it runs the same from the sources, the build and the packaged app.
const program = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 5000, nativeBinding: workerData.nativeBinding });
parentPort.on('message', (id) => {
  try {
    const r = db.pragma('wal_checkpoint(PASSIVE)')[0];
    parentPort.postMessage({ id, log: r.log, checkpointed: r.checkpointed });
  } catch (err) {
    parentPort.postMessage({ id, error: String((err && err.message) || err) });
  }
});
`;

/**
 * PASSIVE checkpoints on a thread of their own. Copying the frames and the fsync of the database file
 * take ~10 ms per acknowledged write under load; on the engine's event loop that is a stall of that
 * length for every add, retry or setting. A PASSIVE checkpoint never blocks the writers, so the
 * engine keeps committing while the thread works. Started on first use, ended when idle.
 */
export class CheckpointThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve(f: WalFrames): void; reject(err: Error): void }>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly file: string) {}

  passive(): Promise<WalFrames> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    const worker = this.worker ?? this.start();
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage(id);
    });
  }

  close(): void {
    this.closed = true;
    this.stop(new Error('the store is closed'));
  }

  private start(): Worker {
    const worker = new Worker(program, {
      eval: true,
      workerData: {
        driver: require.resolve('better-sqlite3'),
        file: this.file,
        nativeBinding: process.env.LIFELINE_SQLITE_BINDING,
      },
    });
    worker.unref();
    worker.on('message', (m: { id: number; error?: string } & WalFrames) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.error === undefined) p?.resolve({ log: m.log, checkpointed: m.checkpointed });
      else p?.reject(new Error(m.error));
      if (this.pending.size === 0) {
        this.idleTimer = setTimeout(() => this.stop(), idleExitMs);
        this.idleTimer.unref();
      }
    });
    worker.on('error', (err) => this.stop(err));
    worker.on('exit', () => {
      if (this.worker === worker) this.stop(new Error('the checkpoint thread exited'));
    });
    this.worker = worker;
    return worker;
  }

  private stop(err?: Error): void {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = null;
    for (const p of this.pending.values()) p.reject(err ?? new Error('the checkpoint thread stopped'));
    this.pending.clear();
    void worker?.terminate();
  }
}
