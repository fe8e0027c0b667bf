import path from 'node:path';
import { writeBrokenAudio } from '../support/audio-files';
import { addFile, lifelineCli, showItem } from './support/cli';
import { expect, openLifeline, screenshotPath, test } from './support/fixtures';

// While the server is down the browser rightly logs its failed reconnect attempts and calls.
test.use({
  // A request on the wire when the server stops is refused or reset: both are the restart, not a fault.
  expectedConsoleErrors:
    /^(WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/api\/events(\?token=.*)?' failed|Failed to load resource: net::ERR_CONNECTION_(REFUSED|RESET)$|Failed to load resource: the server responded with a status of 503 \(Service Unavailable\)$)/,
});

test('when the server restarts, the page says it is reconnecting and then catches up with what changed meanwhile', async ({
  page,
  lifeline,
}) => {
  const id = await addFile(lifeline.dataDir, writeBrokenAudio(path.join(lifeline.inputsDir, 'voice-note.wav')));
  await openLifeline(page, lifeline);
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: /Dead letters/ })
    .click();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /voice-note\.wav/ }) });
  await expect(row).toContainText('not decodable audio');

  const connection = page.getByRole('banner').getByRole('status');
  await lifeline.stopServer();
  await expect(connection).toHaveText('Reconnecting…');

  // A click meanwhile fails with a message a person can act on, not a stack trace.
  await row.getByRole('button', { name: 'Retry' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not retry voice-note.wav. Cannot reach the Lifeline server');
  await expect(alert).toContainText('Is “lifeline serve” still running?');
  await expect(row.getByRole('button', { name: 'Retry' })).toBeEnabled();
  await page.screenshot({ path: screenshotPath('dead-letters-server-down'), fullPage: true });

  // Discarded from the command line while no server runs: no event about it will ever be pushed,
  // so only the page's catch-up after reconnecting can take the row away.
  await lifelineCli(lifeline.dataDir, ['discard', String(id)]);
  expect((await showItem(lifeline.dataDir, id)).state).toBe('discarded');
  await expect(row).toBeVisible();

  await lifeline.startServerAgain();
  await expect(connection).toHaveText('Connected');
  await expect(row).toHaveCount(0);
  await expect(page.getByText('No dead letters — everything that failed has been handled')).toBeVisible();
  await expect(page.getByRole('link', { name: /^Dead letters$/ })).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
});
