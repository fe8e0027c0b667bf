import { test as base, expect, type Page } from '@playwright/test';
import path from 'node:path';
import { startLifelineServer, type LifelineServer } from './serve';

export { expect };

interface Fixtures {
  /** A fresh `lifeline serve` for this test; stopped and cleaned up after it. */
  lifeline: LifelineServer;
}

interface Options {
  /** Console errors a test provokes on purpose (a server it stopped), which do not fail it. */
  expectedConsoleErrors: RegExp | null;
  /** Environment for this test's `lifeline serve`. */
  serverEnv: NodeJS.ProcessEnv;
}

/**
 * Tests run against a real server; the page must not log errors (a CSP violation, a failed request,
 * an exception in React): each one fails the test.
 */
export const test = base.extend<Fixtures & Options>({
  expectedConsoleErrors: [null, { option: true }],
  serverEnv: [{}, { option: true }],
  lifeline: async ({ serverEnv }, use, testInfo) => {
    const server = await startLifelineServer({ env: serverEnv });
    try {
      await use(server);
    } finally {
      await server.stop();
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('lifeline-serve.log', { body: server.output(), contentType: 'text/plain' });
      }
    }
  },
  page: async ({ page, lifeline: _startedFirst, expectedConsoleErrors }, use) => {
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() !== 'error' && msg.type() !== 'warning') return;
      if (expectedConsoleErrors?.test(msg.text())) return;
      problems.push(`console.${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
    // Chromium's console line for a failed load has no address: these name it when a test fails.
    const failedLoads: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400)
        failedLoads.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
    });
    await use(page);
    // Checked before the server stops: its going away would rightly log reconnect errors.
    await page.close();
    expect(problems, `the page logged errors or warnings (failed loads: ${failedLoads.join('; ') || 'none'})`).toEqual(
      [],
    );
  },
});

/** Where screenshots for people to look at go: test-results/screenshots/NAME.png. */
export function screenshotPath(name: string): string {
  return path.join(test.info().project.outputDir, 'screenshots', `${name}.png`);
}

/** Opens the address `lifeline serve` printed and waits until pushed events can arrive. */
export async function openLifeline(page: Page, lifeline: LifelineServer): Promise<void> {
  await page.goto(lifeline.openUrl);
  await expect(page.getByRole('banner').getByRole('status')).toHaveText('Connected');
}

/**
 * Server settings under which items stop at transcribe and wait, visibly: an HTTP engine chosen but
 * no server URL given. For tests that need items to stay put (bulk actions, cancel).
 */
export const parkedAtTranscribe: NodeJS.ProcessEnv = { LIFELINE_ASR_ENGINE: 'whisper-server' };
export const parkedReason = 'no ASR server configured: set LIFELINE_ASR_URL for the whisper-server engine';

/** Screenshots NAME and NAME-dark for people to look at; the page is back in the light scheme afterwards. */
export async function screenshotsLightAndDark(page: Page, name: string, options = { fullPage: true }): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: screenshotPath(name), fullPage: options.fullPage });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: screenshotPath(`${name}-dark`), fullPage: options.fullPage });
  await page.emulateMedia({ colorScheme: 'light' });
}
