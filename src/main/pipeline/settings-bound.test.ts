import { describe, expect, it } from 'vitest';
import { engineSettings } from './engine-settings';
import { SettingsBound } from './settings-bound';

describe('a value that follows the settings', () => {
  it('is rebuilt only when a write changed what it depends on, and the old one is retired', () => {
    let revision = 1;
    let url = 'http://a';
    const built: string[] = [];
    const retired: string[] = [];
    const bound = new SettingsBound<string>({
      revision: () => revision,
      read: () => ({ key: url, build: () => (built.push(url), `engine for ${url}`) }),
      retire: (old) => retired.push(old),
    });
    expect(bound.get()).toBe('engine for http://a');
    expect(bound.get()).toBe('engine for http://a');
    revision = 2; // another setting changed
    expect(bound.get()).toBe('engine for http://a');
    url = 'http://b';
    revision = 3;
    expect(bound.get()).toBe('engine for http://b');
    expect(built).toEqual(['http://a', 'http://b']);
    expect(retired).toEqual(['engine for http://a']);
  });
});

describe('the engine settings the pipeline reads', () => {
  it('takes the environment, then the stored setting, then the default, per key', () => {
    const stored = new Map<string, unknown>([
      ['asr.engine', 'openai'],
      ['asr.url', 'http://stored:1'],
      ['llm.url', 'not a url'],
    ]);
    const s = engineSettings({ LIFELINE_ASR_URL: 'http://env:2', LIFELINE_LLM_ENGINE: ' Ollama ' }, stored);
    expect(s).toMatchObject({
      asrEngine: 'openai',
      asrUrl: 'http://env:2',
      llmEngine: 'ollama',
      llmUrl: '',
      whisperModel: '',
    });
    expect(engineSettings({}).asrEngine).toBe('auto');
  });
});
