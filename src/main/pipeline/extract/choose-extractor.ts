import type { Availability } from '../stage-handler';
import { LlmExtractor } from './llm-extractor';
import type { MemoryExtractor } from './memory-extractor';
import { RulesExtractor } from './rules-extractor';

export const extractorNames = ['rules', 'ollama', 'openai'] as const;

/** The extractor named by $LIFELINE_LLM_ENGINE (rules | ollama | openai); rules when unset. */
export function chooseExtractor(env: NodeJS.ProcessEnv): MemoryExtractor {
  const choice = (env.LIFELINE_LLM_ENGINE ?? '').trim().toLowerCase() || 'rules';
  switch (choice) {
    case 'rules':
      return new RulesExtractor();
    case 'ollama':
    case 'openai':
      return new LlmExtractor({
        flavour: choice,
        url: env.LIFELINE_LLM_URL || undefined,
        model: env.LIFELINE_LLM_MODEL || undefined,
        apiKey: env.LIFELINE_LLM_KEY || undefined,
      });
    default: {
      const reason = `LIFELINE_LLM_ENGINE="${choice}" is not an extractor; use one of ${extractorNames.join(', ')}`;
      return {
        name: 'none',
        availability: (): Availability => ({ ok: false, reason }),
        extract: () => Promise.reject(new Error(reason)),
      };
    }
  }
}
