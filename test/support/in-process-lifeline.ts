import path from 'node:path';
import { openLifeline, type Lifeline } from '../../src/main/lifeline';
import type { Clock } from '../../src/main/time/clock';
import { closeAfterEach } from './close-after-each';
import { testItem } from './lifeline-calls';
import { tempDir } from './temp-dir';
import { testStagesFor } from './test-stages';

/**
 * Stages run inside the engine (no worker processes), an idle engine looks for work every 30 ms, stage
 * availability is re-read every 100 ms, and the startup gate does not wait: quick for tests that act
 * through the API and watch the engine react.
 */
export const inProcessEnv: Record<string, string> = {
  LIFELINE_WORKERS: '0',
  LIFELINE_IDLE_POLL_MS: '30',
  LIFELINE_AVAILABILITY_MS: '100',
  LIFELINE_HEALTH_STARTUP_TIMEOUT_MS: '0',
};

export interface OpenOptions {
  /** Default: a new temporary data dir. */
  dataDir?: string;
  /** Default true; false opens the store as the CLI does, with no engine. */
  withEngine?: boolean;
  /** Added to (and overriding) `inProcessEnv`. */
  env?: Record<string, string>;
  clock?: Clock;
}

/**
 * Opens Lifelines with the test stages (closed after each test, newest first): call once at the top of a
 * test file. `add` queues a test item by name and returns its id; `close` closes one early.
 */
export function inProcessLifelines() {
  const opened = closeAfterEach();
  return {
    open(options: OpenOptions = {}): Lifeline {
      return opened.track(
        openLifeline({
          dataDir: options.dataDir ?? path.join(tempDir(), 'data'),
          withEngine: options.withEngine ?? true,
          processName: 'test',
          stages: testStagesFor({}),
          env: { ...inProcessEnv, ...options.env },
          clock: options.clock,
        }),
      );
    },
    add: (app: Lifeline, name: string): number => app.queue.add(testItem(name)).itemId,
    /** Closes one early (a test of a restart). */
    close: (app: Lifeline): Promise<void> => opened.close(app),
  };
}
