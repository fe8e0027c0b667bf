import { describe, expect, it } from 'vitest';
import { settingEnvName } from '../../shared/contract';
import { ConfigError, defaultConfig, loadConfig, resolveSettings } from './config';

describe('configuration', () => {
  it('names environment variables after the setting keys, as the earlier variables were', () => {
    expect(settingEnvName('heartbeatMs')).toBe('LIFELINE_HEARTBEAT_MS');
    expect(settingEnvName('concurrency.ingest')).toBe('LIFELINE_CONCURRENCY_INGEST');
    expect(settingEnvName('breaker.closeAfterSuccesses')).toBe('LIFELINE_BREAKER_CLOSE_AFTER_SUCCESSES');
  });

  it('takes defaults, then stored settings, then the environment', () => {
    const stored = new Map<string, unknown>([
      ['breaker.openMs', 45_000],
      ['stuckScanMs', 500],
    ]);
    const r = resolveSettings({ LIFELINE_STUCK_SCAN_MS: '250' }, stored);
    expect(r.values['breaker.openMs']).toBe(45_000);
    expect(r.sources['breaker.openMs']).toBe('stored');
    expect(r.values.stuckScanMs).toBe(250);
    expect(r.sources.stuckScanMs).toBe('env');
    expect(r.sources.heartbeatMs).toBe('default');
    expect(loadConfig({ LIFELINE_LEASE_MS: '4000', LIFELINE_PAUSED_TRANSCRIBE: 'true' }).stages).toMatchObject({
      ingest: { leaseMs: 4000, paused: false },
      transcribe: { leaseMs: 4000, paused: true },
    });
  });

  it('ignores a stored value that no longer validates, but refuses a bad environment variable with its name', () => {
    const r = resolveSettings({}, new Map([['heartbeatMs', 'soon']]));
    expect(r.values.heartbeatMs).toBe(defaultConfig.heartbeatMs);
    expect(() => loadConfig({ LIFELINE_WORKERS: 'many' })).toThrow(
      new ConfigError('LIFELINE_WORKERS must be a whole number in 0–64, got "many"'),
    );
    expect(() => loadConfig({ LIFELINE_HEARTBEAT_MS: '9000' })).toThrow('leaseMs must be at least twice heartbeatMs');
  });

  it('documents a unit and a default for every setting of the typed config', () => {
    expect(defaultConfig).toMatchObject({ heartbeatMs: 1000, stuckScanMs: 2000, shutdownGraceMs: 30_000, workers: 4 });
    expect(defaultConfig.breaker).toEqual({
      consecutiveFailures: 5,
      failureRate: 0.5,
      windowMs: 60_000,
      minimumCalls: 10,
      openMs: 30_000,
      openBackoff: 2,
      openMaxMs: 600_000,
      closeAfterSuccesses: 1,
    });
    expect(defaultConfig.autoRecovery).toEqual({ cooldownMs: 60_000, maxAttempts: 3, backoff: 2 });
    expect(defaultConfig.health).toMatchObject({
      intervalMs: 30_000,
      historySize: 100,
      diskAmberBytes: 1024 ** 3,
      diskRedBytes: 200 * 1024 ** 2,
    });
  });
});
