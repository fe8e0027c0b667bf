import fs from 'node:fs';

/** The file-system calls the sink makes: tests inject ENOSPC here. */
export interface LogFs {
  write(fd: number, data: Buffer, callback: (err: NodeJS.ErrnoException | null, written: number) => void): void;
  writeSync(fd: number, data: Buffer): number;
}

/** How the log file is doing, for the disk health check. */
export interface LogSinkStatus {
  /** Lines dropped since the process started because the file could not take them. */
  dropped: number;
  /** The error code of the last failed write while it still fails (e.g. ENOSPC), else null. */
  failing: string | null;
}

/** Lines waiting for the file beyond this are dropped (and counted) rather than held in memory, bytes. */
const maxPendingBytes = 4 * 1024 * 1024;

const liveSinks = new Set<WeakRef<LogFileSink>>();
let exitHookInstalled = false;

/**
 * pino's destination for logs/lifeline.log. A log line is never worth the engine: when the file
 * cannot take a write (a full disk, a file-size limit, an I/O error) the lines in hand are dropped
 * and counted, the next line tries again, and nothing waits or retries in a loop. pino's own file
 * destination (sonic-boom) retries a failed synchronous flush forever, which froze `serve` on a full
 * disk. Writes are asynchronous and one at a time; at exit one synchronous attempt is made.
 */
export class LogFileSink {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private writing = false;
  private waiters: (() => void)[] = [];
  private droppedLines = 0;
  private failure: string | null = null;

  constructor(
    private readonly fd: number,
    private readonly io: LogFs = fs,
  ) {
    liveSinks.add(new WeakRef(this));
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      process.once('exit', () => {
        for (const ref of liveSinks) ref.deref()?.flushSync();
      });
    }
  }

  /** pino calls this with one JSON line. */
  write(line: string): boolean {
    const data = Buffer.from(line);
    if (this.pendingBytes + data.length > maxPendingBytes) {
      this.drop(countLines(data), this.failure ?? 'EBACKLOG');
      return true;
    }
    this.pending.push(data);
    this.pendingBytes += data.length;
    this.pump();
    return true;
  }

  /** pino's `logger.flush(cb)`: calls back once what was written so far has reached the file (or was dropped). */
  flush(cb?: (err?: Error) => void): void {
    if (!this.writing && this.pending.length === 0) return void cb?.();
    this.waiters.push(() => cb?.());
  }

  /**
   * One synchronous attempt at exit for the lines still waiting (one already handed to the OS is
   * its business); what the file refuses is dropped, never retried.
   */
  flushSync(): void {
    if (this.pending.length === 0) return;
    const data = this.take();
    try {
      this.io.writeSync(this.fd, data);
    } catch (err: unknown) {
      this.drop(countLines(data), (err as NodeJS.ErrnoException).code ?? 'EIO');
    }
  }

  status(): LogSinkStatus {
    return { dropped: this.droppedLines, failing: this.failure };
  }

  private take(): Buffer {
    const data = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    return data;
  }

  private pump(): void {
    if (this.writing) return;
    if (this.pending.length === 0) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
      return;
    }
    this.writing = true;
    const data = this.take();
    this.writeAll(data, () => {
      this.writing = false;
      this.pump();
    });
  }

  private writeAll(data: Buffer, done: () => void): void {
    this.io.write(this.fd, data, (err, written) => {
      if (err) {
        this.drop(countLines(data), err.code ?? 'EIO');
        return done();
      }
      this.failure = null;
      if (written < data.length) return this.writeAll(data.subarray(written), done);
      done();
    });
  }

  private drop(lines: number, code: string): void {
    this.droppedLines += lines;
    this.failure = code;
  }
}

function countLines(data: Buffer): number {
  let n = 0;
  for (const b of data) if (b === 0x0a) n++;
  return Math.max(n, 1);
}
