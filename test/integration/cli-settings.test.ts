import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SettingEntry } from '../../src/shared/contract';
import { runCliHere } from '../support/cli-in-process';
import { tempDir } from '../support/temp-dir';

describe('lifeline settings, run as a real process', () => {
  it('lists, gets and sets settings; a bad value is refused with the reason and the stored value is kept', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');
    const list = JSON.parse((await runCliHere(data, ['settings', '--json'])).stdout) as SettingEntry[];
    expect(list.find((e) => e.key === 'asr.engine')).toMatchObject({
      value: 'auto',
      source: 'default',
      kind: 'choice',
      env: 'LIFELINE_ASR_ENGINE',
    });

    const set = await runCliHere(data, ['settings', 'set', 'heartbeatMs', '2s']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout.trim()).toBe('heartbeatMs = 2 s');
    expect((await runCliHere(data, ['settings', 'get', 'heartbeatMs'])).stdout.trim()).toBe('2000');
    expect((await runCliHere(data, ['settings', 'set', 'workers', '2'])).stdout.trim()).toBe(
      'workers = 2 (applies at next start)',
    );
    expect((await runCliHere(data, ['settings', 'set', 'asr.engine', 'OpenAI'])).stdout.trim()).toBe(
      'asr.engine = openai',
    );
    expect((await runCliHere(data, ['settings', 'set', 'watchDir', dir])).stdout.trim()).toBe(`watchDir = ${dir}`);

    const badUrl = await runCliHere(data, ['settings', 'set', 'asr.url', 'localhost:8080']);
    expect(badUrl.code).toBe(1);
    expect(badUrl.stderr).toContain('asr.url must be an http:// or https:// address (or empty), got "localhost:8080"');
    const badDir = await runCliHere(data, ['settings', 'set', 'watchDir', path.join(dir, 'nowhere')]);
    expect(badDir.code).toBe(1);
    expect(badDir.stderr).toContain('does not exist');
    const unknown = await runCliHere(data, ['settings', 'get', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('there is no setting "nope"');
    expect((await runCliHere(data, ['settings', 'get', 'watchDir'])).stdout.trim()).toBe(dir);

    const reset = await runCliHere(data, ['settings', 'set', 'heartbeatMs', '--reset', '--json']);
    expect(JSON.parse(reset.stdout)).toMatchObject({ key: 'heartbeatMs', value: 1000, source: 'default' });
  });

  it('shows a value set in the environment as such and refuses to change it', async () => {
    const data = path.join(tempDir(), 'data');
    const env = { LIFELINE_LLM_ENGINE: 'ollama' };
    const got = JSON.parse(
      (await runCliHere(data, ['settings', 'get', 'llm.engine', '--json'], env)).stdout,
    ) as SettingEntry;
    expect(got).toMatchObject({ value: 'ollama', source: 'env' });
    const human = await runCliHere(data, ['settings'], env);
    expect(human.stdout).toMatch(/llm\.engine\s+ollama\s+set by LIFELINE_LLM_ENGINE/);
    const refused = await runCliHere(data, ['settings', 'set', 'llm.engine', 'rules'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('llm.engine is set by LIFELINE_LLM_ENGINE in the environment; change it there');
  });
});
