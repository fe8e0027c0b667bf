import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeWav } from '../support/audio-files';
import { test } from './support/asr-fixtures';
import { addFile } from './support/cli';
import { expect, openLifeline, screenshotPath, screenshotsLightAndDark } from './support/fixtures';

const asrName = 'Speech recognition server';

/** A service's card on the Services screen, found by its heading. */
function card(page: Page, label: string) {
  return page.getByRole('article', { name: label, exact: true });
}

async function openServices(page: Page) {
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: /^Services/ })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Services' })).toBeFocused();
}

test('a failing transcription server trips its breaker with a countdown, its items wait with the reason, and Reset breaker brings them through', async ({
  page,
  lifeline,
  asr,
}) => {
  await openLifeline(page, lifeline);
  await openServices(page);
  const service = card(page, asrName);
  await expect(service).toContainText('Working');
  await expect(service).toContainText('Required');
  // A check too quick to measure (the database's, usually) is "< 0.1 ms", never "0.0 ms".
  for (const figure of await page
    .locator('.service-charts')
    .getByText(/\d ms\b/)
    .allTextContents())
    expect(figure).not.toMatch(/\b0\.0 ms/);
  await expect(service.getByText('Breaker Closed', { exact: true })).toBeVisible();
  await expect(service.getByRole('button', { name: 'Reset breaker' })).toBeDisabled();

  // Its check (the model list) still passes; the transcriptions fail.
  asr.failCalls();
  for (const [i, name] of ['monday.wav', 'tuesday.wav'].entries()) {
    await addFile(lifeline.dataDir, writeWav(path.join(lifeline.inputsDir, name), { seconds: 1, seed: 10 + i }));
  }

  // Two service faults in a row open the breaker: the card turns red, says why and counts down.
  await expect(service.getByText('Breaker Open', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(service).toContainText('Down');
  // (Automatic recovery finds its check passing and lets one item test it at once: that one fails too.)
  await expect(service).toContainText(
    /Circuit open: (2 failures in a row, last: |the probe failed: )ASR_BUSY: (chunk \d+ of \d+ \([^)]*\): )?the ASR server at http:\/\/127\.0\.0\.1:\d+ is busy(, HTTP 503| \(HTTP 503\))/,
  );
  const countdown = service.locator('.countdown');
  await expect(countdown).toHaveText(/^[45]:\d\d$/);
  const first = await countdown.textContent();
  await expect(countdown).not.toHaveText(first!, { timeout: 5_000 });
  await expect(service).toContainText('2 items wait at Transcribe until this service works again; nothing is lost.');
  await expect(
    service.getByRole('img', {
      name: /Speech recognition server, recent checks: \d+ recent checks?, \d+ fine, [1-9]\d* failed/,
    }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: /^Services/ }).getByRole('img', { name: 'Something needs attention' }),
  ).toBeVisible();
  await screenshotsLightAndDark(page, 'services-breaker-open');

  // The items themselves say why they wait.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Items' }).click();
  // The wait reason nests no parentheses: the breaker's reason is flattened into one level.
  await expect(page.getByRole('row', { name: /monday\.wav/ })).toContainText(
    new RegExp(`${asrName} is failing \\((2 failures in a row, last: |the probe failed: )ASR_BUSY`),
  );
  await expect(page.getByRole('row', { name: /tuesday\.wav/ })).toContainText('Waiting');

  asr.heal();
  await openServices(page);
  const reset = service.getByRole('button', { name: 'Reset breaker' });
  await reset.focus();
  await page.keyboard.press('Enter');
  await expect(service.getByRole('status')).toHaveText('Breaker closed by you. Items waiting at Transcribe go on now.');
  await expect(service.getByText('Breaker Closed', { exact: true })).toBeVisible();
  await expect(service).toContainText('Working');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('group', { name: 'Done', exact: true })).toHaveText('Done 2', { timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Everything is working' })).toBeVisible({ timeout: 15_000 });
});

test.describe('when automatic recovery gives up', () => {
  test.use({ asrEnv: { LIFELINE_AUTO_RECOVERY_MAX_ATTEMPTS: '1', LIFELINE_AUTO_RECOVERY_COOLDOWN_MS: '500' } });

  test('the service shows "Needs you" at the top, and Trigger recovery says what it found and brings the items through', async ({
    page,
    lifeline,
    asr,
  }) => {
    await openLifeline(page, lifeline);
    await openServices(page);
    asr.fail();
    await addFile(lifeline.dataDir, writeWav(path.join(lifeline.inputsDir, 'wednesday.wav'), { seconds: 1, seed: 30 }));

    const needsYou = page.getByRole('region', { name: 'Needs you' });
    const service = needsYou.getByRole('article', { name: asrName, exact: true });
    await expect(service).toBeVisible({ timeout: 30_000 });
    await expect(service).toContainText('Automatic recovery gave up after 1 try');
    await expect(page.getByRole('status').filter({ hasText: 'Something needs attention' })).toBeVisible();
    await page.screenshot({ path: screenshotPath('services-needs-you'), fullPage: true });

    // While the server is still down, a recovery says so. (The card may move out of "Needs you" while
    // the fresh attempt's cooldown runs, so it is found on the whole page from here on.)
    await service.getByRole('button', { name: 'Trigger recovery' }).click();
    const recovered = page.getByRole('article', { name: asrName, exact: true });
    await expect(recovered.getByRole('status')).toContainText(
      'Recovery ran (re-probe the endpoint) but the service is not back yet: the speech recognition server at http://127.0.0.1:',
    );
    await expect(recovered.getByRole('status')).toContainText('is busy (HTTP 503)');

    asr.heal();
    await recovered.getByRole('button', { name: 'Trigger recovery' }).click();
    await expect(recovered.getByRole('status')).toHaveText(
      'Recovery worked (re-probe the endpoint): it answered its check: its stages resume.',
    );
    // Its check passes again: the waiting item goes on and the service leaves "Needs you".
    await expect(needsYou).toHaveCount(0, { timeout: 30_000 });
    await expect(recovered.getByText('Breaker Closed', { exact: true })).toBeVisible({ timeout: 30_000 });
    await recovered.getByText(/^What happened/).click();
    await expect(recovered.getByRole('listitem').filter({ hasText: 'Recovery ran (you)' })).toBeVisible();
    await expect(
      recovered.getByRole('listitem').filter({ hasText: 'Automatic recovery gave up: needs you' }).first(),
    ).toBeVisible();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByRole('group', { name: 'Done', exact: true })).toHaveText('Done 1', { timeout: 30_000 });
  });
});

test.describe('when the server restarts while a required service is down', () => {
  // While the server is down the page rightly logs its failed reconnect attempts and calls.
  test.use({
    expectedConsoleErrors:
      /^(WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/api\/events(\?token=.*)?' failed|Failed to load resource: net::ERR_CONNECTION_(REFUSED|RESET)$|Failed to load resource: the server responded with a status of 503 \(Service Unavailable\)$)/,
  });

  test('the open page shows what the startup gate waits for, and that Lifeline starts once the service answers', async ({
    page,
    lifeline,
    asr,
  }) => {
    test.setTimeout(120_000);
    await openLifeline(page, lifeline);
    await openServices(page);
    // The server goes down and its checks say so; then Lifeline is restarted.
    asr.fail();
    await expect(card(page, asrName)).toContainText('Down', { timeout: 30_000 });
    await lifeline.stopServer();
    // `serve` prints its address before its startup gate, 'engine started' after it; startServerAgain waits for that: not awaited yet.
    const again = lifeline.startServerAgain(
      { LIFELINE_HEALTH_STARTUP_TIMEOUT_MS: '90000', LIFELINE_HEALTH_INTERVAL_MS: '1000' },
      90_000,
    );
    again.catch(() => {});
    const overall = page.getByRole('region', { name: /Overall status/ });
    await expect(overall.getByRole('status')).toHaveText('Starting', { timeout: 30_000 });
    await expect(overall.getByRole('list', { name: 'Why' })).toContainText(
      'Starting: waiting for Speech recognition server',
    );
    await page.screenshot({ path: screenshotPath('services-starting'), fullPage: true });

    asr.heal();
    await again;
    await expect(overall.getByRole('status')).toHaveText('Everything is working', { timeout: 30_000 });
    await expect(card(page, asrName)).toContainText('Working');
  });
});
