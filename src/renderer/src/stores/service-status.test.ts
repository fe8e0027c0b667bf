import { describe, expect, it } from 'vitest';
import type { BreakerInfo, HealthCheckResult, StageInfo } from '../../../shared/contract';
import {
  countdown,
  describeChecks,
  formatLatency,
  formatPercent,
  orderServices,
  overallHeadline,
  serviceStatusLabels,
  serviceTone,
  withBreaker,
} from './service-status';

const svc = (
  name: string,
  status: 'up' | 'down' | 'degraded' | 'paused' | 'starting',
  required = true,
  needsYou = false,
) => ({ name, status, required, needsYou });

describe('service status', () => {
  it('shows a required service that is down in red, an optional one in amber, and one that needs you in red whatever its status', () => {
    expect(serviceTone(svc('db', 'down'))).toBe('bad');
    expect(serviceTone(svc('asr', 'down', false))).toBe('warn');
    expect(serviceTone(svc('asr', 'up', false, true))).toBe('bad');
    expect(serviceTone(svc('asr', 'paused'))).toBe('muted');
    expect(serviceTone(svc('asr', 'up'))).toBe('good');
  });

  it('shows a required service that is starting in grey as "Starting", never as a failure', () => {
    expect(serviceTone(svc('workers', 'starting'))).toBe('muted');
    expect(serviceStatusLabels.starting).toBe('Starting');
  });

  it('lists services that need you first, then red, amber and the rest in the engine order', () => {
    const list = [
      svc('a', 'up'),
      svc('b', 'down', false),
      svc('c', 'down'),
      svc('d', 'paused'),
      svc('e', 'up', false, true),
      svc('f', 'up'),
    ];
    expect(orderServices(list).map((s) => s.name)).toEqual(['e', 'c', 'b', 'd', 'a', 'f']);
  });

  it('replaces a breaker by name when a change is pushed, and adds one it did not know', () => {
    const b = (name: string, state: BreakerInfo['state']): BreakerInfo => ({
      name,
      label: name,
      state,
      since: null,
      openUntil: null,
      consecutiveFailures: 0,
      reopenings: 0,
      reason: null,
      stages: [],
    });
    const list = [b('asr', 'closed'), b('llm', 'closed')];
    expect(withBreaker(list, b('asr', 'open')).map((x) => `${x.name}:${x.state}`)).toEqual(['asr:open', 'llm:closed']);
    expect(withBreaker(list, b('ocr', 'open'))).toHaveLength(3);
  });

  it('counts down to a time in minutes and seconds, and stops at zero', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(countdown('2026-11-23T10:01:05Z', now)).toBe('1:05');
    expect(countdown('2026-11-23T10:00:00.200Z', now)).toBe('0:01');
    expect(countdown('2026-11-23T09:59:00Z', now)).toBe('0:00');
    expect(countdown('2026-11-23T11:02:03Z', now)).toBe('1:02:03');
    expect(countdown(null, now)).toBeNull();
  });

  it('describes recent checks in a sentence, naming the last failure', () => {
    const check = (status: HealthCheckResult['status'], at: string, message = 'ok'): HealthCheckResult => ({
      status,
      at,
      message,
      latencyMs: 1,
    });
    const history = [check('up', 't3'), check('down', 't2', 'connection refused'), check('up', 't1')];
    expect(describeChecks(history, (t) => t)).toBe(
      '3 recent checks, 2 fine, 1 failed; the last failure at t2: connection refused',
    );
    expect(describeChecks([], (t) => t)).toBe('No checks yet');
    const started = [check('up', 't3'), check('starting', 't2'), check('starting', 't1')];
    expect(describeChecks(started, (t) => t)).toBe('3 recent checks, 1 fine, 0 failed, 2 while starting');
  });

  it('formats latency and uptime for people', () => {
    expect(formatLatency(0.42)).toBe('0.4 ms');
    expect(formatLatency(0.01)).toBe('< 0.1 ms');
    expect(formatLatency(0)).toBe('< 0.1 ms');
    expect(formatLatency(35.2)).toBe('35 ms');
    expect(formatLatency(2100)).toBe('2.1 s');
    expect(formatLatency(null)).toBe('–');
    expect(formatPercent(100)).toBe('100 %');
    expect(formatPercent(97.456)).toBe('97.5 %');
    expect(formatPercent(null)).toBe('–');
  });
});

describe('the overall headline', () => {
  const stage = (name: StageInfo['stage'], heldBy: string | null, waiting = 0): StageInfo => ({
    stage: name,
    concurrency: 1,
    running: 0,
    paused: heldBy !== null,
    heldBy,
    blockedBy: null,
    service: null,
    counts: { waiting } as StageInfo['counts'],
    oldestQueuedMs: null,
  });

  it('never says everything is working while every stage is paused and an item waits', () => {
    const stages = [
      stage('ingest', 'Ingest is paused by you', 1),
      stage('transcribe', 'Transcribe is paused by you'),
      stage('extract', 'Extract is paused by you'),
      stage('index', 'Index is paused by you'),
    ];
    expect(overallHeadline('green', stages)).toEqual({
      text: 'Paused — 1 item waits (every stage is paused by you)',
      short: 'Paused',
      tone: 'muted',
    });
  });

  it('says everything is working when nothing is held, and lets a problem win over a pause', () => {
    const stages = [stage('ingest', null), stage('transcribe', 'Transcribe is paused by you', 2)];
    expect(overallHeadline('green', [stage('ingest', null)])).toMatchObject({
      text: 'Everything is working',
      tone: 'good',
    });
    expect(overallHeadline('amber', stages)).toEqual({
      text: 'Working, with problems — 2 items wait',
      short: 'Working, with problems',
      tone: 'warn',
    });
  });

  it('says how many items a problem holds (a full disk, an open breaker), whose reasons follow the headline', () => {
    const disk = { ...stage('ingest', null, 1), blockedBy: 'paused: only 80 MiB free' };
    expect(overallHeadline('red', [disk, stage('transcribe', null)]).text).toBe(
      'Something needs attention — 1 item waits',
    );
    expect(overallHeadline('red', [stage('ingest', null, 3)]).text).toBe('Something needs attention');
    expect(overallHeadline('green', null).text).toBe('Everything is working');
  });
});
