import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import { defaultConfig } from '../config/config';
import { dataPaths } from '../config/data-dir';
import { createLogger } from '../log/logger';
import { openStore, type Store } from '../store/store';
import { FakeClock } from '../time/clock';
import { BreakerBoard, type BreakerView } from './breaker-board';

const opened: Store[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

/** A board on a real store with the user's default thresholds (5 faults open it for 30 s, doubling). */
function boardOn(dir: string, clock: FakeClock) {
  const store = openStore(dataPaths(dir));
  opened.push(store);
  const board = new BreakerBoard({
    store,
    clock,
    config: () => defaultConfig.breaker,
    log: createLogger(null, 'test'),
  });
  const seen: string[] = [];
  board.on('transition', (v: BreakerView, t) => seen.push(`${t.from}→${t.to}@${clock.monotonic()}`));
  board.register('asr', 'speech recognition');
  return { store, board, seen };
}

const trip = (board: BreakerBoard) => {
  for (let i = 0; i < defaultConfig.breaker.consecutiveFailures; i++) board.failure('asr', 'ECONNREFUSED');
};

describe('the breaker board', () => {
  it('moves an open breaker to half-open once its open time is up, and lets exactly one probe through', () => {
    const clock = new FakeClock();
    const { store, board, seen } = boardOn(path.join(tempDir(), 'data'), clock);
    trip(board);
    expect(board.gate('asr')).toBe('blocked');
    expect(board.view('asr')).toMatchObject({ state: 'open', openUntil: clock.now() + 30_000 });

    clock.advance(29_999);
    expect(board.gate('asr')).toBe('blocked');
    clock.advance(10);
    expect(board.gate('asr')).toBe('probe');
    expect(seen).toEqual(['closed→open@0', 'open→half_open@30005']);
    expect(store.serviceEvents.recent(1, 'asr')[0]).toMatchObject({
      type: 'breaker_half_open',
      actor: 'engine',
      at: clock.now() - 4,
    });

    expect(board.tryProbe('asr')).toBe(true);
    expect(board.tryProbe('asr')).toBe(false);
    board.success('asr');
    expect(board.view('asr')!.state).toBe('closed');
    expect(clock.countTimers()).toBe(0);
  });

  it('keeps a breaker whose probe failed open twice as long (60 s), then probes again', () => {
    const clock = new FakeClock();
    const { board, seen } = boardOn(path.join(tempDir(), 'data'), clock);
    trip(board);
    clock.advance(30_005);
    expect(board.tryProbe('asr')).toBe(true);
    board.failure('asr', 'still refused');
    expect(board.view('asr')).toMatchObject({
      state: 'open',
      reopenings: 1,
      reason: 'the probe failed: still refused',
    });

    clock.advance(59_999);
    expect(board.gate('asr')).toBe('blocked');
    clock.advance(10);
    expect(board.gate('asr')).toBe('probe');
    expect(seen).toEqual(['closed→open@0', 'open→half_open@30005', 'half_open→open@30005', 'open→half_open@90010']);
  });

  it('picks up the open time saved by a previous process and goes half-open on time', () => {
    const dir = path.join(tempDir(), 'data');
    const clock = new FakeClock();
    const first = boardOn(dir, clock);
    trip(first.board);
    first.board.stop();
    clock.advance(20_000);

    const second = boardOn(dir, clock);
    expect(second.board.view('asr')!.state).toBe('open');
    clock.advance(9_999);
    expect(second.board.gate('asr')).toBe('blocked');
    clock.advance(10);
    expect(second.board.gate('asr')).toBe('probe');
    expect(first.board.view('asr')!.state).toBe('open'); // stopped: its timer is gone
  });

  it('ends the open time at once when auto-recovery finds the service answering', () => {
    const clock = new FakeClock();
    const { board } = boardOn(path.join(tempDir(), 'data'), clock);
    trip(board);
    clock.advance(1_000);
    board.expedite('asr', 'its check passes again');
    expect(board.gate('asr')).toBe('probe');
    expect(clock.countTimers()).toBe(0);
  });

  it('stops with no timer left', () => {
    const clock = new FakeClock();
    const { board } = boardOn(path.join(tempDir(), 'data'), clock);
    trip(board);
    expect(clock.countTimers()).toBe(1);
    board.stop();
    expect(clock.countTimers()).toBe(0);
  });
});
