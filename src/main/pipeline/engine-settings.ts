import { settingEnvName, settingSpec, settingValueSchema } from '../../shared/contract';

/** The settings that choose the pipeline's engines, as the pipeline reads them. */
export interface EngineSettings {
  asrEngine: string;
  asrUrl: string;
  asrModel: string;
  asrLanguage: string;
  asrLanguageModel: string;
  whisperModel: string;
  llmEngine: string;
  llmUrl: string;
  llmModel: string;
}

/**
 * Environment variable, else stored setting, else default — per key. Unlike the settings service
 * this never throws: a worker that meets a bad value still builds its stages, and the stage then
 * waits with the reason ("… is not an engine") shown on its items.
 */
export function engineSettings(
  env: NodeJS.ProcessEnv,
  stored: ReadonlyMap<string, unknown> = new Map(),
): EngineSettings {
  const read = (key: string): string => {
    const spec = settingSpec(key);
    if (!spec) throw new Error(`no setting ${key}`);
    const raw = env[settingEnvName(key)]?.trim();
    if (raw) return spec.kind === 'choice' ? raw.toLowerCase() : raw;
    const s = settingValueSchema(spec).safeParse(stored.get(key));
    return String(s.success ? s.data : spec.default);
  };
  return {
    asrEngine: read('asr.engine'),
    asrUrl: read('asr.url'),
    asrModel: read('asr.model'),
    asrLanguage: read('asr.language'),
    asrLanguageModel: read('asr.languageModel'),
    whisperModel: read('whisper.model'),
    llmEngine: read('llm.engine'),
    llmUrl: read('llm.url'),
    llmModel: read('llm.model'),
  };
}
