import { describe, expect, it } from 'vitest';
import type { BreakerInfo, ChannelName, HealthSnapshot, LifelineApi, ServiceHealth } from '../../../shared/contract';
import { createHealthStore } from './health-store';

const asr = (over: Partial<ServiceHealth> = {}): ServiceHealth => ({
  name: 'asr',
  label: 'Speech recognition server',
  required: true,
  status: 'up',
  message: 'answered in 3 ms',
  latencyMs: 3,
  uptimePercent: 100,
  checkedAt: '2026-01-01T00:00:00.000Z',
  breaker: null,
  needsYou: false,
  autoRecovery: {
    action: 're-probe the endpoint',
    attempts: 0,
    maxAttempts: 3,
    lastRunAt: null,
    nextAllowedAt: null,
    running: false,
  },
  ...over,
});
const snapshot = (services: ServiceHealth[], overall: HealthSnapshot['overall'] = 'green'): HealthSnapshot => ({
  overall,
  attention: { deadLetters: 0, newDeadLetters: 0, seenAt: null },
  reasons: overall === 'green' ? [] : ['Speech recognition server is down: refused'],
  notes: [],
  checkedAt: '2026-01-01T00:00:00.000Z',
  source: 'engine',
  services,
});
const breaker = (state: BreakerInfo['state']): BreakerInfo => ({
  name: 'asr',
  label: 'Speech recognition server',
  state,
  since: null,
  openUntil: state === 'open' ? '2026-01-01T00:05:00.000Z' : null,
  consecutiveFailures: 0,
  reopenings: 0,
  reason: state === 'open' ? 'refused' : null,
  stages: ['transcribe'],
});

function fakeApi(answers: Partial<Record<ChannelName, unknown>>): { api: LifelineApi; calls: ChannelName[] } {
  const calls: ChannelName[] = [];
  const api = {
    transport: 'headless',
    audioUrl: () => '',
    subscribe: () => () => {},
    call: (channel: ChannelName) => {
      calls.push(channel);
      const answer = answers[channel];
      return Promise.resolve(
        answer === undefined
          ? { ok: false, error: { code: 'INTERNAL', message: channel } }
          : { ok: true, value: answer },
      );
    },
  } as unknown as LifelineApi;
  return { api, calls };
}

describe('the health store', () => {
  it('loads every service with its history, the breakers, recoveries and what happened', async () => {
    const { api } = fakeApi({
      'health:get': snapshot([asr()]),
      'health:services': [
        { ...asr(), history: [{ at: '2026-01-01T00:00:00.000Z', status: 'up', latencyMs: 3, message: 'ok' }] },
      ],
      'breakers:list': [breaker('closed')],
      'recovery:stats': {
        last24h: {
          recoveries: 0,
          byRule: {},
          byStrategy: {},
          successRate: null,
          meanTimeToRecoveryMs: null,
          pending: 0,
        },
        recent: [],
        autoRecovery: [],
      },
      'health:events': [],
    });
    const store = createHealthStore(api);
    await store.getState().refresh();
    expect(store.getState()).toMatchObject({ loaded: true, error: null, breakers: [{ state: 'closed' }] });
    expect(store.getState().history.asr).toHaveLength(1);
  });

  it('shows a pushed breaker change and overall status at once', () => {
    const store = createHealthStore(fakeApi({}).api);
    store.getState().applyBreaker(breaker('open'));
    store.getState().applyHealth(snapshot([asr({ status: 'down' })], 'red'));
    expect(store.getState().breakers.map((b) => b.state)).toEqual(['open']);
    expect(store.getState().snapshot?.overall).toBe('red');
  });

  it('says in a sentence what Reset breaker and Trigger recovery did', async () => {
    const { api } = fakeApi({
      'breakers:reset': breaker('closed'),
      'recovery:triggerService': {
        service: 'asr',
        action: 're-probe the endpoint',
        outcome: 'failed',
        detail: 'the speech recognition server at http://127.0.0.1:9 does not answer (ECONNREFUSED)',
        recovered: [],
        autoRecovery: asr().autoRecovery,
      },
    });
    const store = createHealthStore(api);
    store.getState().applyBreaker(breaker('open'));
    await store.getState().resetBreaker('asr');
    expect(store.getState().breakers[0]!.state).toBe('closed');
    expect(store.getState().actions.asr).toEqual({
      kind: 'reset',
      pending: false,
      failed: false,
      message: 'Breaker closed by you. Items waiting at Transcribe go on now.',
    });
    await store.getState().triggerRecovery('asr');
    expect(store.getState().actions.asr).toMatchObject({
      kind: 'recover',
      failed: true,
      message:
        'Recovery ran (re-probe the endpoint) but the service is not back yet: the speech recognition server at http://127.0.0.1:9 does not answer (ECONNREFUSED).',
    });
  });

  it('says why an action could not run, without internals', async () => {
    const store = createHealthStore(fakeApi({}).api);
    await store.getState().resetBreaker('asr');
    expect(store.getState().actions.asr).toMatchObject({
      failed: true,
      message: 'Could not reset the breaker. Lifeline hit an internal error; the details are in its log.',
    });
  });
});
