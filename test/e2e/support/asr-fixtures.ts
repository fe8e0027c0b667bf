import { test as base } from './fixtures';
import { startSwitchableAsr, type SwitchableAsr } from './switchable-asr';

/**
 * Server settings for breaker tests: the OpenAI-compatible engine pointed at a switchable server,
 * a breaker that opens after two service faults and stays open five minutes (so only a person, or a
 * recovery, closes it during the test), quick retries, one worker process (the machine is shared),
 * and health checks every two seconds so the history strips fill up.
 */
export const breakerEnv: NodeJS.ProcessEnv = {
  LIFELINE_ASR_ENGINE: 'openai',
  LIFELINE_WORKERS: '1',
  LIFELINE_BREAKER_CONSECUTIVE_FAILURES: '2',
  LIFELINE_BREAKER_OPEN_MS: '300000',
  LIFELINE_BREAKER_OPEN_MAX_MS: '300000',
  LIFELINE_BACKOFF_BASE_MS: '100',
  LIFELINE_BACKOFF_CAP_MS: '300',
  LIFELINE_MAX_ATTEMPTS_TRANSCRIBE: '10',
  LIFELINE_AVAILABILITY_MS: '200',
  LIFELINE_AUTO_RECOVERY_COOLDOWN_MS: '600000',
  LIFELINE_HEALTH_INTERVAL_MS: '2000',
};

/** `lifeline serve` with its transcription server on 127.0.0.1 (`asr`), which the test can break and mend. */
export const test = base.extend<{ asr: SwitchableAsr; asrEnv: NodeJS.ProcessEnv }>({
  asrEnv: [{}, { option: true }],
  asr: async ({}, use) => {
    const asr = await startSwitchableAsr();
    try {
      await use(asr);
    } finally {
      await asr.close();
    }
  },
  serverEnv: async ({ asr, asrEnv }, use) => {
    await use({ ...breakerEnv, LIFELINE_ASR_URL: asr.url, ...asrEnv });
  },
});
