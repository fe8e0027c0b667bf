import type {
  WorkerExit,
  WorkerLauncher,
  WorkerProcess,
  WorkerSpec,
} from '../../src/main/engine/worker/worker-launcher';
import type { FromWorker, ToWorker } from '../../src/main/engine/worker/worker-protocol';

let nextPid = 900_000;

/** A worker process in name only: it answers the protocol in this process, and a test can make it die. */
export class FakeWorker implements WorkerProcess {
  readonly pid = nextPid++;
  readonly received: ToWorker[] = [];
  private readonly messageListeners: ((m: FromWorker) => void)[] = [];
  private readonly exitListeners: ((e: WorkerExit) => void)[] = [];
  private exited = false;
  /** A frozen worker (SIGSTOP) receives messages but answers nothing. */
  frozen = false;
  /** What it was launched with (the stage it serves). */
  spec: WorkerSpec | undefined;

  /** Says ready after `readyAfterMs`, and not before `ready` resolves (the test decides when start-up ends). */
  constructor(
    readyAfterMs: number,
    private readonly runMs: number,
    ready: Promise<void> = Promise.resolve(),
  ) {
    setTimeout(
      () => void ready.then(() => this.emit({ type: 'ready', pid: this.pid, stages: ['ingest', 'transcribe'] })),
      readyAfterMs,
    );
  }

  send(m: ToWorker): boolean {
    if (this.exited) return false;
    this.received.push(m);
    if (m.type === 'run') {
      setTimeout(
        () =>
          this.emit({
            type: 'result',
            itemId: m.job.itemId,
            token: m.job.token,
            end: { kind: 'outcome', outcome: { kind: 'succeeded' } },
          }),
        this.runMs,
      );
    }
    if (m.type === 'stop' && !this.frozen) setTimeout(() => this.exit({ code: 0, signal: null }), 1);
    if (m.type === 'ping') setTimeout(() => this.emit({ type: 'pong', seq: m.seq }), 1);
    return true;
  }
  onMessage(l: (m: FromWorker) => void): void {
    this.messageListeners.push(l);
  }
  onExit(l: (e: WorkerExit) => void): void {
    this.exitListeners.push(l);
  }
  kill(): void {
    this.exit({ code: null, signal: 'SIGKILL' });
  }
  /** Dies as a native crash would. */
  crash(): void {
    this.exit({ code: null, signal: 'SIGABRT' });
  }
  private emit(m: FromWorker): void {
    if (!this.exited && !this.frozen) for (const l of this.messageListeners) l(m);
  }
  private exit(e: WorkerExit): void {
    if (this.exited) return;
    this.exited = true;
    for (const l of this.exitListeners) l(e);
  }
}

export function fakeLauncher(
  options: { readyAfterMs?: number; runMs?: number; fail?: () => boolean; ready?: Promise<void> } = {},
) {
  const launched: FakeWorker[] = [];
  const launcher: WorkerLauncher = {
    launch(spec) {
      if (options.fail?.()) throw new Error('spawn ENOENT (no runtime to start workers with)');
      const w = new FakeWorker(options.readyAfterMs ?? 1, options.runMs ?? 5, options.ready);
      w.spec = spec;
      launched.push(w);
      return w;
    },
  };
  return { launcher, launched };
}
