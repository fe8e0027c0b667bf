import path from 'node:path';
import { writeWav } from '../support/audio-files';
import { test } from './support/asr-fixtures';
import { addFile } from './support/cli';
import { expect, openLifeline, screenshotPath, screenshotsLightAndDark } from './support/fixtures';

test('the overview shows the overall status with its reasons, and it turns red on its own when the transcription server fails', async ({
  page,
  lifeline,
  asr,
}) => {
  await openLifeline(page, lifeline);
  const overall = page.getByRole('region', { name: /Overall status/ });
  await expect(overall.getByRole('status')).toHaveText('Everything is working');
  await expect(overall).toContainText('Every service answered its last check; nothing needs you.');

  // A recording goes through: the throughput line and the services list show it.
  await addFile(lifeline.dataDir, writeWav(path.join(lifeline.inputsDir, 'first.wav'), { seconds: 1, seed: 1 }));
  await expect(page.getByRole('group', { name: 'Done', exact: true })).toHaveText('Done 1', { timeout: 30_000 });
  const throughput = page.getByRole('region', { name: 'Throughput' });
  await expect(throughput).toContainText('1 item done in the last hour');
  await expect(
    throughput.getByRole('img', {
      name: /^Items done per minute over the last hour: 1 item finished in the last hour/,
    }),
  ).toBeVisible();
  const services = page.getByRole('region', { name: 'Services' });
  await expect(services.getByRole('listitem').filter({ hasText: 'Speech recognition server' })).toContainText(
    'Working',
  );
  await expect(
    services.getByRole('img', { name: /^Database, recent checks: \d+ recent checks?, \d+ fine, 0 failed$/ }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Recovery, last 24 hours' })).toContainText(
    'No work got stuck in the last 24 hours',
  );
  await page.screenshot({ path: screenshotPath('overview-health-green'), fullPage: true });

  // Pushed, not reloaded: the status changes in the same document.
  await page.evaluate(() => Object.assign(globalThis, { sameDocument: true }));
  asr.fail();
  await addFile(lifeline.dataDir, writeWav(path.join(lifeline.inputsDir, 'second.wav'), { seconds: 1, seed: 2 }));
  // The headline says how many items the failure holds; the reasons below say why.
  await expect(overall.getByRole('status')).toHaveText('Something needs attention — 1 item waits', { timeout: 30_000 });
  await expect(overall.getByRole('list', { name: 'Why' })).toContainText(
    // Its check fails as soon as it does (a real request): the stage is parked on that, before any breaker
    // trips, and the reason says what the server answered, one level of parentheses at most.
    /Speech recognition server is down: (the speech recognition server at http:\/\/127\.0\.0\.1:\d+ is busy \(HTTP 503\)|circuit open: 2 failures in a row \(last: ASR_BUSY)/,
  );
  await expect(services.getByRole('listitem').filter({ hasText: 'Speech recognition server' })).toContainText('Down');
  expect(await page.evaluate(() => (globalThis as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await screenshotsLightAndDark(page, 'overview-health-red');

  await expect(services.getByRole('link', { name: 'Details, breakers and recovery' })).toBeVisible();
  await overall.getByRole('link', { name: 'See services' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Services' })).toBeFocused();
});
