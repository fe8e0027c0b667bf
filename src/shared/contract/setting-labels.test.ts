import { describe, expect, it } from 'vitest';
import { settingFieldText, parseSettingInput } from './setting-input';
import { isBasicGroup, settingLabel } from './setting-labels';
import { settingGroupOf } from './setting-groups';
import { settingSpecs } from './settings';

describe('settings as people read them', () => {
  it('every setting has a name in words, never its internal key', () => {
    for (const spec of settingSpecs) {
      const label = settingLabel(spec.key);
      expect(label, spec.key).not.toBe(spec.key);
      expect(label, spec.key).not.toMatch(/[.]|[a-z][A-Z]|Ms\b/);
    }
    expect(settingLabel('asr.engine')).toBe('Transcription engine');
    expect(settingLabel('maxAttempts.transcribe')).toBe('Transcribe: attempts before dead letter');
  });

  it('no two settings share a name', () => {
    const labels = settingSpecs.map((s) => settingLabel(s.key));
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('durations and sizes are edited in seconds, minutes and MB, and read back to exactly what was stored', () => {
    for (const spec of settingSpecs) {
      if (spec.kind !== 'int' || (spec.unit !== 'ms' && spec.unit !== 'bytes')) continue;
      for (const value of [spec.default, spec.min, spec.max]) {
        const text = settingFieldText(spec, value);
        expect(text, `${spec.key} ${value}`).toMatch(/ (ms|s|min|h|bytes|KiB|MiB|GiB|MB|GB)$/);
        expect(parseSettingInput(spec, text), `${spec.key} "${text}"`).toEqual({ ok: true, value });
      }
    }
    const lease = settingSpecs.find((s) => s.key === 'leaseMs')!;
    expect(settingFieldText(lease, 10_000)).toBe('10 s');
    expect(
      settingFieldText(
        settingSpecs.find((s) => s.key === 'maxDurationMs.transcribe')!,
        10_800_000,
      ),
    ).toBe('3 h');
    expect(
      settingFieldText(
        settingSpecs.find((s) => s.key === 'health.diskRedBytes')!,
        209_715_200,
      ),
    ).toBe('200 MiB');
    expect(
      parseSettingInput(
        settingSpecs.find((s) => s.key === 'health.diskRedBytes')!,
        '500 MB',
      ),
    ).toEqual({ ok: true, value: 500_000_000 });
  });

  it('the basic sections hold the engines, the watch folder and notifications; the rest is advanced', () => {
    expect(isBasicGroup(settingGroupOf('asr.engine'))).toBe(true);
    expect(isBasicGroup(settingGroupOf('watchDir'))).toBe(true);
    expect(isBasicGroup(settingGroupOf('notify.deadLetters'))).toBe(true);
    expect(isBasicGroup(settingGroupOf('leaseMs'))).toBe(false);
    expect(isBasicGroup(settingGroupOf('breaker.openMs'))).toBe(false);
  });
});

describe('setting descriptions', () => {
  it('say something their label does not: none opens with its label or repeats it', () => {
    const repeats = settingSpecs
      .map((s) => ({
        key: s.key,
        label: settingLabel(s.key)
          .replace(/^\w+: /, '')
          .toLowerCase(),
        doc: s.doc.toLowerCase(),
      }))
      .filter(({ label, doc }) => doc.startsWith(label) || doc.includes(label))
      .map(({ key }) => key);
    expect(repeats).toEqual([]);
  });
});
