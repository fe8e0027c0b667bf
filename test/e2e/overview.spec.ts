import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeBrokenAudio, writeWav } from '../support/audio-files';
import { addFile, showItem } from './support/cli';
import { addBlockedFile } from './support/store';
import { expect, openLifeline, screenshotPath, test, screenshotsLightAndDark } from './support/fixtures';

/** One of the headline figures ("Items 3"), found by its label. */
function figure(page: Page, label: string) {
  return page.getByRole('group', { name: label, exact: true });
}

/** The cell of the counts table for a stage (row) and a state (column), found by their headers. */
async function countCell(page: Page, stage: string, state: string) {
  const table = page.getByRole('table', { name: 'Items by stage and state' });
  const headers = await table.locator('thead th').allTextContents();
  const column = headers.indexOf(state);
  expect(column, `a "${state}" column`).toBeGreaterThan(0);
  return table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: stage, exact: true }) })
    .locator('th, td')
    .nth(column);
}

test('the overview counts change on their own when a file is added from the command line', async ({
  page,
  lifeline,
}) => {
  await openLifeline(page, lifeline);
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  await expect(figure(page, 'Items')).toHaveText('Items 0');
  await expect(page.getByText('No recordings yet.')).toBeVisible();
  // Survives only if the page is not reloaded: the counts must arrive by push.
  await page.evaluate(() => Object.assign(globalThis, { sameDocument: true }));

  await addFile(lifeline.dataDir, writeBrokenAudio(path.join(lifeline.inputsDir, 'not-audio.wav')));
  await expect(figure(page, 'Items')).toHaveText('Items 1');
  await expect(figure(page, 'Dead letters')).toHaveText('Dead letters 1');
  await expect(await countCell(page, 'Ingest', 'Dead')).toHaveText('1');
  await expect(await countCell(page, 'All stages', 'Dead')).toHaveText('1');

  // A real recording goes through every stage (offline transcription included) to done.
  await addFile(lifeline.dataDir, writeWav(path.join(lifeline.inputsDir, 'memo.wav'), { seconds: 1 }));
  await expect(figure(page, 'Items')).toHaveText('Items 2');
  await expect(figure(page, 'Done')).toHaveText('Done 1', { timeout: 30_000 });
  await expect(await countCell(page, 'Index', 'Done')).toHaveText('1');
  await expect(page.getByText('No recordings yet.')).toBeHidden();

  expect(await page.evaluate(() => (globalThis as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await screenshotsLightAndDark(page, 'overview');
});

test('every view and the ways to add audio can be reached with the keyboard alone', async ({ page, lifeline }) => {
  await openLifeline(page, lifeline);
  const nav = page.getByRole('navigation', { name: 'Views' });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Overview' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Items' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Upcoming' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Memories' })).toBeFocused();
  await page.keyboard.press('Tab');
  const deadLettersLink = nav.getByRole('link', { name: /Dead letters/ });
  await expect(deadLettersLink).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: /^Services/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Settings' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Add files…' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Record' })).toBeFocused();
  await page.screenshot({ path: screenshotPath('keyboard-focus') });

  await deadLettersLink.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /^Dead letters/ })).toBeFocused();
  await expect(deadLettersLink).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Items' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Items' })).toBeFocused();
  await nav.getByRole('link', { name: 'Memories' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Memories' })).toBeFocused();
  await nav.getByRole('link', { name: 'Overview' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeFocused();
});

test('a running item shows its step, progress and elapsed time under Running now, and leaves it when its stage is done', async ({
  page,
  lifeline,
}) => {
  const blocked = await addBlockedFile(
    lifeline,
    writeWav(path.join(lifeline.inputsDir, 'long walk.wav'), { seconds: 3 }),
  );
  // Progress the page missed (it was not open yet) reaches it from the store once a heartbeat saved it.
  // 'engine started' comes before the worker processes are ready (the startup gate does not wait for
  // them), so this wait includes their start-up on a loaded machine.
  await expect
    .poll(async () => (await showItem(lifeline.dataDir, blocked.id)).progress?.step, { timeout: 30_000 })
    .toBe('copy');
  await openLifeline(page, lifeline);
  const running = page.getByRole('region', { name: /^Running now/ });
  await expect(running.getByRole('link', { name: 'long walk.wav' })).toBeVisible();
  const bar = running.getByRole('progressbar', { name: 'long walk.wav: Ingest' });
  await expect(bar).toHaveAttribute('aria-valuetext', 'copy 0%: copying into the store');
  await expect(figure(page, 'In progress')).toHaveText('In progress 1');
  // The elapsed time counts up on its own.
  await expect(running).toContainText(/· 0:0[2-9]/);
  await page.screenshot({ path: screenshotPath('overview-running'), fullPage: true });

  // The item's own page shows the same live progress.
  await running.getByRole('link', { name: 'long walk.wav' }).click();
  await expect(page.getByRole('progressbar', { name: 'long walk.wav: Ingest' })).toBeVisible();
  await page.goBack();

  await blocked.release();
  // After Ingest the item runs Transcribe, Extract and Index (on a loaded machine, over 10 s): wait for
  // the store to have it done, then the page must show it, from the pushed changes alone.
  await expect.poll(async () => (await showItem(lifeline.dataDir, blocked.id)).state, { timeout: 60_000 }).toBe('done');
  await expect(running.getByText('Nothing is running right now.')).toBeVisible();
  await expect(figure(page, 'Done')).toHaveText('Done 1');
});

test('the access token leaves the address bar, and the page keeps working after a reload', async ({
  page,
  lifeline,
}) => {
  await openLifeline(page, lifeline);
  await expect(page).not.toHaveURL(/token=/);
  await page.reload();
  await expect(page.getByRole('banner').getByRole('status')).toHaveText('Connected');
  await expect(page.getByRole('group', { name: 'Items', exact: true })).toHaveText('Items 0');
});

test('opened without its token, the page says to open the address lifeline serve printed', async ({
  page,
  lifeline,
}) => {
  await page.goto(lifeline.url);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Open Lifeline from the address lifeline serve printed' }),
  ).toBeVisible();
  await expect(page.getByText('Open http://127.0.0.1:…/?token=…')).toBeVisible();
  await page.screenshot({ path: screenshotPath('no-token'), fullPage: true });
});
