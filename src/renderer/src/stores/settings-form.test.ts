import { describe, expect, it } from 'vitest';
import type { SettingEntry } from '../../../shared/contract';
import { collectChanges, errorKey, fieldMessage, fieldText } from './settings-form';

const entry = (
  key: string,
  value: SettingEntry['value'],
  def: SettingEntry['value'],
  source: SettingEntry['source'] = 'default',
): SettingEntry => ({
  key,
  value,
  default: def,
  source,
  env: '',
  kind: typeof def === 'number' ? 'int' : typeof def === 'boolean' ? 'boolean' : 'text',
  unit: '',
  min: null,
  max: null,
  choices: [],
  format: null,
  atStart: false,
  doc: '',
});

describe('the Settings form', () => {
  const entries = [
    entry('heartbeatMs', 1000, 1000),
    entry('asr.url', 'http://a:1', '', 'stored'),
    entry('workers', 4, 4, 'env'),
    entry('stuckScanMs', 500, 2000, 'stored'),
  ];

  it('sends only values that changed, typed, and null for a reset of a stored value', () => {
    const r = collectChanges(entries, {
      heartbeatMs: { kind: 'text', text: '2 s' },
      'asr.url': { kind: 'reset' },
      stuckScanMs: { kind: 'text', text: '500' },
    });
    expect(r).toEqual({ ok: true, values: { heartbeatMs: 2000, 'asr.url': null } });
  });

  it('reports every bad field at once and sends nothing', () => {
    const r = collectChanges(entries, {
      heartbeatMs: { kind: 'text', text: 'soon' },
      'asr.url': { kind: 'text', text: 'a:1' },
    });
    expect(r).toEqual({
      ok: false,
      errors: {
        heartbeatMs: 'Must be a duration from 50 ms to 1 min, such as 30 s or 5 min.',
        'asr.url': 'Must be an http:// or https:// address (or empty).',
      },
    });
  });

  it('never sends a value set by the environment', () => {
    expect(collectChanges(entries, { workers: { kind: 'text', text: '2' } })).toEqual({ ok: true, values: {} });
  });

  it('shows the draft, the default after a reset, else the value', () => {
    expect(fieldText(entries[3]!, undefined)).toBe('500 ms');
    expect(fieldText(entries[3]!, { kind: 'reset' })).toBe('2 s');
    expect(fieldText(entries[3]!, { kind: 'text', text: '7' })).toBe('7');
  });

  it('puts a refusal from the main process beside the field it names', () => {
    expect(errorKey('watchDir: the folder "/x" does not exist', ['heartbeatMs', 'watchDir'])).toBe('watchDir');
    expect(errorKey('leaseMs must be at least twice heartbeatMs', ['heartbeatMs'])).toBeNull();
    expect(errorKey('health.diskRedBytes must not exceed health.diskAmberBytes', ['health.diskRedBytes'])).toBe(
      'health.diskRedBytes',
    );
    expect(fieldMessage('watchDir: the folder "/x" does not exist', 'watchDir')).toBe(
      'The folder "/x" does not exist.',
    );
  });
});
