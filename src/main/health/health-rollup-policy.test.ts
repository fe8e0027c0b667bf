import { describe, expect, it } from 'vitest';
import { FakeClock } from '../time/clock';
import {
  dampStatus,
  rollUp,
  uptimePercent,
  type DampedStatus,
  type ProbeResult,
  type ServiceView,
} from './health-rollup-policy';

const result = (clock: FakeClock, status: ProbeResult['status'], explicit = false): ProbeResult => ({
  status,
  message: status,
  latencyMs: 1,
  at: clock.now(),
  explicit,
});
const view = (name: string, status: ServiceView['status'], required = true, needsYou = false): ServiceView => ({
  name,
  label: name,
  required,
  status,
  message: `${name} says ${status}`,
  needsYou,
});

describe('dampStatus', () => {
  it('shows a failure only after N failed probes in a row, and recovery at once', () => {
    const clock = new FakeClock();
    let d: DampedStatus = { shown: 'up', failures: 0 };
    const shown: string[] = [];
    for (const s of ['down', 'down', 'down', 'up', 'down'] as const) {
      d = dampStatus(d, result(clock, s), 3);
      shown.push(d.shown);
      clock.advance(30_000);
    }
    expect(shown).toEqual(['up', 'up', 'down', 'up', 'up']);
  });

  it('shows an explicit down at once', () => {
    const clock = new FakeClock();
    expect(dampStatus({ shown: 'up', failures: 0 }, result(clock, 'down', true), 3).shown).toBe('down');
  });
});

describe('rollUp', () => {
  it('is green with no reasons when everything is up or idle', () => {
    expect(rollUp([view('database', 'up'), view('queue', 'idle', false)])).toEqual({
      overall: 'green',
      reasons: [],
      notes: [],
    });
  });

  it('is red when a required service is down, amber when an optional one is', () => {
    expect(rollUp([view('database', 'down')])).toMatchObject({
      overall: 'red',
      reasons: ['database is down: database says down'],
    });
    expect(rollUp([view('llm', 'down', false)])).toMatchObject({ overall: 'amber' });
    expect(rollUp([view('disk', 'degraded')])).toMatchObject({
      overall: 'amber',
      reasons: ['disk: disk says degraded'],
    });
  });

  it('is never red (nor amber) for a benign state: paused by the user, disabled, nothing to do', () => {
    const r = rollUp([view('transcribe', 'paused'), view('llm', 'disabled', false), view('queue', 'idle')]);
    expect(r.overall).toBe('green');
    expect(r.notes).toHaveLength(2);
  });

  it('is red when automatic recovery gave up and the service needs the user', () => {
    expect(rollUp([view('asr', 'down', false, true)])).toMatchObject({
      overall: 'red',
      reasons: [expect.stringContaining('asr needs you')],
    });
  });

  it('says what the startup gate is waiting for', () => {
    expect(rollUp([view('database', 'unknown')], ['database'])).toMatchObject({
      overall: 'starting',
      reasons: ['starting: waiting for database'],
    });
  });
});

describe('uptimePercent', () => {
  it('counts benign results as up and has no value without results', () => {
    expect(uptimePercent([{ status: 'up' }, { status: 'paused' }, { status: 'down' }, { status: 'idle' }])).toBe(75);
    expect(uptimePercent([])).toBeNull();
  });

  it('leaves checks made while a service was starting out, so a start never lowers uptime', () => {
    expect(uptimePercent([{ status: 'starting' }, { status: 'starting' }, { status: 'up' }])).toBe(100);
    expect(uptimePercent([{ status: 'starting' }, { status: 'up' }, { status: 'down' }])).toBe(50);
    expect(uptimePercent([{ status: 'starting' }])).toBeNull();
  });
});

describe('rollUp while a service starts', () => {
  it('is neither amber nor red for a required service that is starting, and says so in a note', () => {
    expect(rollUp([view('workers', 'starting')])).toEqual({
      overall: 'green',
      reasons: [],
      notes: ['workers: workers says starting'],
    });
  });
});

describe('reasons as sentences', () => {
  it('never nest parentheses more than one deep', () => {
    const asr: ServiceView = {
      ...view('asr', 'down', true, true),
      label: 'Speech server',
      message: 'unreachable (connect ECONNREFUSED (127.0.0.1:8080))',
    };
    expect(rollUp([asr]).reasons).toEqual([
      'Speech server needs you: automatic recovery gave up (unreachable, connect ECONNREFUSED, 127.0.0.1:8080)',
    ]);
  });
});
