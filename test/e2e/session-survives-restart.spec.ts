import path from 'node:path';
import { writeWav } from '../support/audio-files';
import { addFile } from './support/cli';
import { seedStore } from './support/store';
import { expect, openLifeline, screenshotPath, test } from './support/fixtures';

// Items stay where they were added, so the lists below hold still.
test.use({
  serverEnv: { LIFELINE_CONCURRENCY_INGEST: '0' },
  // While the server is down the browser rightly logs its failed reconnect attempts and calls.
  expectedConsoleErrors:
    /^(WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/api\/events' failed|Failed to load resource: net::ERR_CONNECTION_(REFUSED|RESET)$)/,
});

test('a tab left open when serve restarts with a new token is live again without a reload, and new tabs and item links need no token', async ({
  page,
  lifeline,
  context,
}) => {
  // Two starts of serve on a loaded machine: wait limits, not timing goals.
  test.setTimeout(120_000);
  const firstId = await addFile(
    lifeline.dataDir,
    writeWav(path.join(lifeline.inputsDir, 'before restart.wav'), { seconds: 1, seed: 31 }),
  );
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
  await expect(connection).toHaveText('Connected', { timeout: 45_000 });

  // Pushed after the restart, over the socket that came back with the cookie.
  await addFile(
    lifeline.dataDir,
    writeWav(path.join(lifeline.inputsDir, 'after restart.wav'), { seconds: 1, seed: 32 }),
  );
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

test('a browser that never opened the printed address still gets the page that says to open it', async ({
  page,
  lifeline,
  browser,
}) => {
  await openLifeline(page, lifeline);
  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  await other.goto(`${lifeline.url}#/items`);
  await expect(
    other.getByRole('heading', { level: 1, name: 'Open Lifeline from the address lifeline serve printed' }),
  ).toBeVisible();
  await stranger.close();
});

test('filters and sort live in the address: a reload, a new tab and the back button show the same lists', async ({
  page,
  lifeline,
  context,
}) => {
  await seedStore(lifeline, 60);
  await openLifeline(page, lifeline);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Items' }).click();
  const countLine = page.locator('.items-count');
  await expect(countLine).toHaveText(/^\d+ items$/);
  await page
    .getByRole('group', { name: 'Show items in state' })
    .getByRole('button', { name: /^Done\b/ })
    .click();
  await page.getByLabel('Sort').selectOption({ label: 'Oldest first' });
  await page.getByRole('searchbox', { name: 'Search file names' }).fill('memo');
  await expect(page).toHaveURL(/#\/items\?state=done&q=memo&dir=asc$/);
  // A new tab on the same address: the same list, the controls set to match. The tab reads the filter
  // from the address at once, while this page may still show a count from before the search settled.
  const tab = await context.newPage();
  await tab.goto(page.url());
  await expect(tab.locator('.items-count')).toHaveText(/^\d+ items? match$/);
  const matching = (await tab.locator('.items-count').textContent())!;
  await expect(countLine).toHaveText(matching);
  const firstRow = page.locator('.items-body [role="row"]:not([aria-busy]) .col-file').first();
  const first = await firstRow.textContent();
  await expect(tab.getByRole('button', { name: /^Done\b/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(tab.getByRole('searchbox', { name: 'Search file names' })).toHaveValue('memo');
  await expect(tab.getByLabel('Sort')).toHaveValue('age-asc');
  await expect(tab.locator('.items-body [role="row"]:not([aria-busy]) .col-file').first()).toHaveText(first!);

  // Memories: the search and the kind come from the address too.
  await tab.goto(`${lifeline.url}#/memories?q=dentist&kind=todo`);
  await expect(tab.getByRole('searchbox', { name: 'Search transcripts and memories' })).toHaveValue('dentist');
  await expect(tab.getByRole('group', { name: 'Show kind' }).getByRole('button', { name: 'To-dos' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await tab.close();

  // Dead letters: a group whose items are hidden stays hidden after a reload.
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: /Dead letters/ })
    .click();
  const hide = page.getByRole('button', { name: 'Hide items' }).first();
  await hide.click();
  await expect(page).toHaveURL(/#\/dead-letters\?hidden=[A-Z_]+$/);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Show items' })).toHaveCount(1);

  // An item opened from the filtered list, then Back: the filter is still there.
  await page.goto(`${lifeline.url}#/items?state=done&q=memo&dir=asc`);
  await expect(countLine).toHaveText(matching!);
  await firstRow.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 2, name: first! })).toBeVisible();
  await page.goBack();
  await expect(countLine).toHaveText(matching!);
  await expect(page.getByRole('searchbox', { name: 'Search file names' })).toHaveValue('memo');
});
