import { describe, expect, it } from 'vitest';
import { formatMs, formatSettingValue, parseSettingInput } from './setting-input';
import { settingProblem, settingValueSchema } from './setting-schemas';
import { settingEnvName, settingSpec, type SettingSpec } from './settings';

const spec = (key: string): SettingSpec => {
  const s = settingSpec(key);
  if (!s) throw new Error(`no setting ${key}`);
  return s;
};

describe('typed setting values', () => {
  it('reads durations with or without a unit, and refuses text in a number field', () => {
    expect(parseSettingInput(spec('heartbeatMs'), '1500')).toEqual({ ok: true, value: 1500 });
    expect(parseSettingInput(spec('heartbeatMs'), ' 30 s ')).toEqual({ ok: true, value: 30_000 });
    expect(parseSettingInput(spec('progressStallMs'), '5min')).toEqual({ ok: true, value: 300_000 });
    expect(parseSettingInput(spec('heartbeatMs'), 'fast please')).toEqual({
      ok: false,
      message: 'must be a duration from 50 ms to 1 min, such as 30 s or 5 min',
    });
    expect(parseSettingInput(spec('heartbeatMs'), '')).toMatchObject({ ok: false });
    expect(parseSettingInput(spec('heartbeatMs'), '1.5')).toMatchObject({ ok: false });
    expect(parseSettingInput(spec('workers'), '5 s')).toMatchObject({ ok: false });
    expect(parseSettingInput(spec('breaker.failureRate'), '0.25')).toEqual({ ok: true, value: 0.25 });
  });

  it('reads flags and engine choices the way people type them', () => {
    expect(parseSettingInput(spec('notify.deadLetters'), 'off')).toEqual({ ok: true, value: false });
    expect(parseSettingInput(spec('paused.ingest'), '1')).toEqual({ ok: true, value: true });
    expect(parseSettingInput(spec('asr.engine'), ' Whisper-Server ')).toEqual({ ok: true, value: 'whisper-server' });
    expect(parseSettingInput(spec('asr.engine'), 'nope')).toEqual({
      ok: false,
      message: 'must be one of auto, whisper, pocketsphinx, openai, whisper-server',
    });
    expect(parseSettingInput(spec('llm.engine'), 'ollama')).toEqual({ ok: true, value: 'ollama' });
  });

  it('accepts only http(s) addresses for URLs, and empty for "not set"', () => {
    const url = settingValueSchema(spec('asr.url'));
    for (const ok of ['', 'http://127.0.0.1:8080', 'https://api.example.com/v1'])
      expect(url.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['127.0.0.1:8080', 'localhost', 'ftp://example.com', 'file:///etc/passwd', 'http://', 42])
      expect(url.safeParse(bad).success, String(bad)).toBe(false);
    expect(settingProblem(spec('llm.url'), 'ollama.local')).toBe(
      'llm.url must be an http:// or https:// address (or empty), got "ollama.local"',
    );
    expect(settingProblem(spec('watchDir'), '/srv/recordings')).toBeNull();
    expect(settingProblem(spec('asr.engine'), 'whisper')).toBeNull();
  });

  it('keeps the environment variable names the engines always had', () => {
    expect(
      [
        'asr.engine',
        'asr.url',
        'asr.model',
        'asr.language',
        'whisper.model',
        'llm.engine',
        'llm.url',
        'llm.model',
        'watchDir',
      ].map(settingEnvName),
    ).toEqual([
      'LIFELINE_ASR_ENGINE',
      'LIFELINE_ASR_URL',
      'LIFELINE_ASR_MODEL',
      'LIFELINE_ASR_LANGUAGE',
      'LIFELINE_WHISPER_MODEL',
      'LIFELINE_LLM_ENGINE',
      'LIFELINE_LLM_URL',
      'LIFELINE_LLM_MODEL',
      'LIFELINE_WATCH_DIR',
    ]);
    expect(settingEnvName('notify.serviceRed')).toBe('LIFELINE_NOTIFY_SERVICE_RED');
  });

  it('shows values as people read them', () => {
    expect(formatMs(250)).toBe('250 ms');
    expect(formatMs(30_000)).toBe('30 s');
    expect(formatMs(90_000)).toBe('1 min 30 s');
    expect(formatMs(3 * 3_600_000)).toBe('3 h');
    expect(formatSettingValue(spec('health.diskAmberBytes'), 1024 ** 3)).toBe('1 GiB');
    expect(formatSettingValue(spec('health.diskRedBytes'), 200 * 1024 ** 2)).toBe('200 MiB');
    expect(formatSettingValue(spec('breaker.failureRate'), 0.5)).toBe('50 %');
    expect(formatSettingValue(spec('retention.doneEventsDays'), 1)).toBe('1 day');
    expect(formatSettingValue(spec('notify.deadLetters'), true)).toBe('on');
    expect(formatSettingValue(spec('asr.url'), '')).toBe('(not set)');
  });
});
