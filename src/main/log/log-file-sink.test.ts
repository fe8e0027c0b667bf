import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import { LogFileSink, type LogFs } from './log-file-sink';

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/** The real file calls, with a switch that makes every write fail as on a full disk. */
function switchableFs() {
  const state = { full: false, attempts: 0 };
  const io: LogFs = {
    write(fd, data, cb) {
      state.attempts++;
      if (state.full) return setImmediate(() => cb(enospc(), 0));
      fs.write(fd, data, (err, n) => cb(err, n));
    },
    writeSync(fd, data) {
      state.attempts++;
      if (state.full) throw enospc();
      return fs.writeSync(fd, data);
    },
  };
  return { io, state };
}

const flushed = (sink: LogFileSink) => new Promise<void>((resolve) => sink.flush(() => resolve()));

describe('the log file sink', () => {
  it('drops and counts lines the disk refuses, never retries them, and writes again once space returns', async () => {
    const file = path.join(tempDir(), 'lifeline.log');
    const fd = fs.openSync(file, 'a');
    const { io, state } = switchableFs();
    const sink = new LogFileSink(fd, io);

    sink.write('{"msg":"before"}\n');
    await flushed(sink);
    state.full = true;
    for (let i = 0; i < 5; i++) sink.write(`{"msg":"lost ${i}"}\n`);
    await flushed(sink);
    expect(sink.status()).toEqual({ dropped: 5, failing: 'ENOSPC' });
    const attemptsWhileFull = state.attempts;
    await new Promise((r) => setTimeout(r, 50));
    expect(state.attempts, 'nothing is retried in the background').toBe(attemptsWhileFull);
    sink.write('{"msg":"pending at exit"}\n');
    sink.flushSync();

    state.full = false;
    sink.write('{"msg":"after"}\n');
    await flushed(sink);
    expect(sink.status().failing).toBeNull();
    expect(fs.readFileSync(file, 'utf8')).toBe('{"msg":"before"}\n{"msg":"after"}\n');
    fs.closeSync(fd);
  });

  it('makes one synchronous attempt at exit and gives up on a full disk instead of hanging', () => {
    const fd = fs.openSync(path.join(tempDir(), 'lifeline.log'), 'a');
    const { io, state } = switchableFs();
    // A write handed to the OS that never comes back (a stalled device) holds the next lines.
    const sink = new LogFileSink(fd, { ...io, write: () => undefined });
    sink.write('{"msg":"in flight"}\n');
    sink.write('{"msg":"waiting 1"}\n{"msg":"waiting 2"}\n');
    state.full = true;
    const before = state.attempts;
    expect(() => sink.flushSync()).not.toThrow();
    expect(state.attempts - before).toBe(1);
    expect(sink.status()).toEqual({ dropped: 2, failing: 'ENOSPC' });
    fs.closeSync(fd);
  });
});
