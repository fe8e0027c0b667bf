import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeFakeWav, writeWav } from '../support/audio-files';
import { addFile } from './support/cli';
import { expect, openLifeline, screenshotPath, test } from './support/fixtures';

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

test('the overview counts change on their own when a file is added from the command line', async ({ page, lifeline }) => {
  await openLifeline(page, lifeline);
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  await expect(figure(page, 'Items')).toHaveText('Items 0');
  await expect(page.getByText('No recordings yet.')).toBeVisible();
  // Survives only if the page is not reloaded: the counts must arrive by push.
  await page.evaluate(() => Object.assign(globalThis, { sameDocument: true }));

  await addFile(lifeline.dataDir, writeFakeWav(path.join(lifeline.inputsDir, 'not-audio.wav')));
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
  await page.screenshot({ path: screenshotPath('overview'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: screenshotPath('overview-dark'), fullPage: true });
});

test('both views can be reached with the keyboard alone', async ({ page, lifeline }) => {
  await openLifeline(page, lifeline);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Overview' })).toBeFocused();
  await page.keyboard.press('Tab');
  const deadLettersLink = page.getByRole('link', { name: /Dead letters/ });
  await expect(deadLettersLink).toBeFocused();
  await page.screenshot({ path: screenshotPath('keyboard-focus') });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Dead letters' })).toBeFocused();
  await expect(deadLettersLink).toHaveAttribute('aria-current', 'page');

  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('link', { name: 'Overview' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeFocused();
});

test('the access token leaves the address bar, and the page keeps working after a reload', async ({ page, lifeline }) => {
  await openLifeline(page, lifeline);
  await expect(page).not.toHaveURL(/token=/);
  await page.reload();
  await expect(page.getByRole('banner').getByRole('status')).toHaveText('Connected');
  await expect(page.getByRole('group', { name: 'Items', exact: true })).toHaveText('Items 0');
});

test('opened without its token, the page says to open the address lifeline serve printed', async ({ page, lifeline }) => {
  await page.goto(lifeline.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Open Lifeline from the address lifeline serve printed' })).toBeVisible();
  await expect(page.getByText('Open http://127.0.0.1:…/?token=…')).toBeVisible();
  await page.screenshot({ path: screenshotPath('no-token'), fullPage: true });
});
