import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests: the built renderer in a real Chromium, served by a real `lifeline serve` child
 * process with the real engine on a real SQLite file (one per test). Build first: `npm run build`.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/',
  globalSetup: './test/e2e/support/global-setup.ts',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Each test runs a server process and a browser; two at a time is what a 2-core machine carries.
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    headless: true,
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            // Record is tested with Chromium's fake microphone (a beeping tone), allowed without a prompt.
            '--use-fake-device-for-media-stream',
            '--use-fake-ui-for-media-stream',
          ],
        },
      },
    },
  ],
});
