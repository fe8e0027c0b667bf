import { describe, expect, it } from 'vitest';
import { FakeClock } from '../time/clock';
import { StartupGatePolicy } from './startup-gate-policy';

const services = [
  { name: 'database', label: 'Database' },
  { name: 'disk', label: 'Disk space' },
  { name: 'asr', label: 'Speech recognition server' },
];

function gate(clock: FakeClock, timeoutMs = 30_000) {
  return new StartupGatePolicy({ startedAt: clock.monotonic(), timeoutMs, retryEveryMs: 250 });
}

describe('the startup gate', () => {
  it('waits for every service until each has answered at this start, and asks for all of them to be checked at once', () => {
    const clock = new FakeClock();
    const g = gate(clock);
    expect(g.decide(services, clock.monotonic())).toEqual({
      kind: 'wait',
      waitingFor: ['Database', 'Disk space', 'Speech recognition server'],
      check: ['database', 'disk', 'asr'],
      wakeInMs: 30_000,
    });
  });

  it('opens once every service answered up in this start', () => {
    const clock = new FakeClock();
    const g = gate(clock);
    g.checkStarted();
    for (const s of services) g.record(s.name, 'up');
    g.checkEnded(clock.monotonic());
    expect(g.decide(services, clock.monotonic())).toEqual({ kind: 'open' });
  });

  it('keeps waiting for a service that is down now, checking only that one again after the pause', () => {
    const clock = new FakeClock();
    const g = gate(clock);
    g.checkStarted();
    g.record('database', 'up');
    g.record('disk', 'up');
    g.record('asr', 'down');
    clock.advance(40);
    g.checkEnded(clock.monotonic());
    // In the pause: nothing to check, wake when it ends.
    expect(g.decide(services, clock.monotonic())).toEqual({
      kind: 'wait',
      waitingFor: ['Speech recognition server'],
      check: [],
      wakeInMs: 250,
    });
    clock.advance(250);
    expect(g.decide(services, clock.monotonic())).toMatchObject({ kind: 'wait', check: ['asr'] });
    g.checkStarted();
    // While that round is out, nothing more is asked for.
    expect(g.decide(services, clock.monotonic())).toMatchObject({ kind: 'wait', check: [] });
    g.record('asr', 'up');
    g.checkEnded(clock.monotonic());
    expect(g.decide(services, clock.monotonic())).toEqual({ kind: 'open' });
  });

  it('does not count a service that has not answered yet (a probe still out) as up', () => {
    const clock = new FakeClock();
    const g = gate(clock);
    g.checkStarted();
    g.record('database', 'up');
    g.record('disk', 'up');
    clock.advance(5_000);
    expect(g.decide(services, clock.monotonic())).toEqual({
      kind: 'wait',
      waitingFor: ['Speech recognition server'],
      check: [],
      wakeInMs: 25_000,
    });
  });

  it('gives up at the timeout and names what is still not up', () => {
    const clock = new FakeClock();
    const g = gate(clock, 1_000);
    g.checkStarted();
    g.record('database', 'up');
    g.record('disk', 'up');
    g.record('asr', 'down');
    g.checkEnded(clock.monotonic());
    clock.advance(999);
    expect(g.decide(services, clock.monotonic())).toMatchObject({ kind: 'wait', wakeInMs: 1 });
    clock.advance(1);
    expect(g.decide(services, clock.monotonic())).toEqual({ kind: 'timed_out', still: ['Speech recognition server'] });
  });

  it('with a timeout of 0 does not wait at all', () => {
    const clock = new FakeClock();
    expect(gate(clock, 0).decide(services, clock.monotonic())).toEqual({
      kind: 'timed_out',
      still: ['Database', 'Disk space', 'Speech recognition server'],
    });
  });

  it('lets a slow or switched-off service through, but not one that is down or still starting', () => {
    const clock = new FakeClock();
    const g = gate(clock);
    g.record('database', 'degraded');
    g.record('disk', 'degraded');
    g.record('asr', 'disabled');
    expect(g.decide(services, clock.monotonic())).toEqual({ kind: 'open' });
    g.record('asr', 'starting');
    expect(g.decide(services, clock.monotonic())).toMatchObject({
      kind: 'wait',
      waitingFor: ['Speech recognition server'],
    });
  });

  it('follows the services as they are now: one dropped while waiting no longer holds the start', () => {
    const clock = new FakeClock();
    const g = gate(clock);
    g.record('database', 'up');
    g.record('disk', 'up');
    g.record('asr', 'down');
    expect(g.decide(services, clock.monotonic())).toMatchObject({ kind: 'wait' });
    expect(g.decide(services.slice(0, 2), clock.monotonic())).toEqual({ kind: 'open' });
  });
});
