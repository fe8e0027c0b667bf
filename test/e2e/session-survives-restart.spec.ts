import path from 'node:path';
import { writeFakeWav } from '../support/audio-files';
import { addFile } from './support/cli';
import { expect, openLifeline, screenshotPath, test } from './support/fixtures';

// Items stay where they were added, so the lists below hold still.
test.use({
  serverEnv: { LIFELINE_CONCURRENCY_INGEST: '0' },
  // While the server is down the browser rightly logs its failed reconnect attempts and calls.
  expectedConsoleErrors: /^(WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/api\/events' failed|Failed to load resource: net::ERR_CONNECTION_REFUSED$)/,
});

test('a tab left open when serve restarts with a new token is live again without a reload, and new tabs and item links need no token', async ({
  page,
  lifeline,
  context,
}) => {
  const firstId = await addFile(lifeline.dataDir, writeFakeWav(path.join(lifeline.inputsDir, 'before restart.wav')));
  await openLifeline(page, lifeline);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Items' }).click();
  const grid = page.getByRole('grid', { name: 'Items' });
  await expect(grid.getByRole('link', { name: 'before restart.wav' })).toBeVisible();
  // Marks this very document: a reload would lose it.
  await page.evaluate(() => Object.assign(globalThis, { sameDocument: true }));

  const connection = page.getByRole('banner').getByRole('status');
  await lifeline.stopServer();
  await expect(connection).toHaveText('Reconnecting…');
  const newAddress = await lifeline.startServerWithNewToken();
  expect(newAddress).not.toBe(lifeline.openUrl);
  await expect(connection).toHaveText('Connected', { timeout: 30_000 });

  // Pushed after the restart, over the socket that came back with the cookie.
  await addFile(lifeline.dataDir, writeFakeWav(path.join(lifeline.inputsDir, 'after restart.wav'), 'added after the restart'));
  await expect(grid.getByRole('link', { name: 'after restart.wav' })).toBeVisible();
  expect(await page.evaluate(() => (globalThis as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await page.screenshot({ path: screenshotPath('session-after-restart'), fullPage: true });

  // A new tab at the bare address, and an item link as a bookmark would open it.
  const tab = await context.newPage();
  await tab.goto(lifeline.url);
  await expect(tab.getByRole('banner').getByRole('status')).toHaveText('Connected');
  await expect(tab.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  await tab.goto(`${lifeline.url}#/items/${firstId}`);
  await expect(tab.getByRole('heading', { level: 2, name: 'before restart.wav' })).toBeVisible();
  await tab.close();
});

test('a browser that never opened the printed address still gets the page that says to open it', async ({ page, lifeline, browser }) => {
  await openLifeline(page, lifeline);
  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  await other.goto(`${lifeline.url}#/items`);
  await expect(other.getByRole('heading', { level: 1, name: 'Open Lifeline from the address lifeline serve printed' })).toBeVisible();
  await stranger.close();
});
