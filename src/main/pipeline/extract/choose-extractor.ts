import { engineSettings } from '../engine-settings';
import type { Availability } from '../../engine/stage-handler';
import { LlmExtractor } from './llm-extractor';
import type { MemoryExtractor } from './memory-extractor';

export const extractorNames = ['rules', 'ollama', 'openai'] as const;

/**
 * The built-in rules extractor, loaded when it first extracts: its language libraries (compromise,
 * chrono-node) take about a second to load, which the engine process, the CLI and the workers of
 * other stages never need.
 */
function lazyRulesExtractor(): MemoryExtractor {
  let real: Promise<MemoryExtractor> | undefined;
  return {
    name: 'rules',
    availability: (): Availability => ({ ok: true }),
    async extract(transcript, options) {
      real ??= import('./rules-extractor').then((m) => new m.RulesExtractor());
      return (await real).extract(transcript, options);
    },
  };
}

/**
 * The extractor named by the `llm.engine` setting ($LIFELINE_LLM_ENGINE wins over the stored value):
 * rules | ollama | openai; rules when unset. The API key only ever comes from $LIFELINE_LLM_KEY.
 */
export function chooseExtractor(env: NodeJS.ProcessEnv, stored?: ReadonlyMap<string, unknown>): MemoryExtractor {
  const s = engineSettings(env, stored);
  const choice = s.llmEngine;
  switch (choice) {
    case 'rules':
      return lazyRulesExtractor();
    case 'ollama':
    case 'openai':
      return new LlmExtractor({
        flavour: choice,
        url: s.llmUrl || undefined,
        model: s.llmModel || undefined,
        apiKey: env.LIFELINE_LLM_KEY || undefined,
      });
    default: {
      const reason = `llm.engine (LIFELINE_LLM_ENGINE) "${choice}" is not an extractor; use one of ${extractorNames.join(', ')}`;
      return {
        name: 'none',
        availability: (): Availability => ({ ok: false, reason }),
        extract: () => Promise.reject(new Error(reason)),
      };
    }
  }
}
