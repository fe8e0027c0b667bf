import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeFakeWav } from '../support/audio-files';
import { addFile, showItem } from './support/cli';
import { expect, openLifeline, screenshotPath, test } from './support/fixtures';

async function openDeadLetters(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /Dead letters/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Dead letters' })).toBeVisible();
}

function deadLetterRow(page: Page, fileName: string) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(fileName.replace('.', '\\.')) }) });
}

test('a text file renamed to .wav shows up in Dead letters as undecodable audio', async ({ page, lifeline }) => {
  await openLifeline(page, lifeline);
  await openDeadLetters(page);
  await expect(page.getByText('No dead letters — everything that failed has been handled')).toBeVisible();

  const file = writeFakeWav(path.join(lifeline.inputsDir, 'shopping-list.wav'));
  await addFile(lifeline.dataDir, file);

  const row = deadLetterRow(page, 'shopping-list.wav');
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell').nth(0)).toHaveText('Ingest');
  await expect(row).toContainText('AUDIO_UNDECODABLE');
  await expect(row).toContainText('1 of');
  await expect(page.getByText('No dead letters')).toBeHidden();
  await expect(page.getByRole('link', { name: /^Dead letters\s*1$/ })).toBeVisible();
});

test('Retry puts a dead letter back in the queue, records that the user asked, and shows it dead again when it fails again', async ({
  page,
  lifeline,
}) => {
  const file = writeFakeWav(path.join(lifeline.inputsDir, 'x.wav'));
  const id = await addFile(lifeline.dataDir, file);
  await openLifeline(page, lifeline);
  await openDeadLetters(page);

  const row = deadLetterRow(page, 'x.wav');
  await expect(row).toContainText('AUDIO_UNDECODABLE');
  const firstFailure = await row.locator('time').getAttribute('datetime');

  await row.getByRole('button', { name: 'Retry' }).click();

  // The store's own record: a `retried` event by the user, then the engine failing it again.
  let detail = await showItem(lifeline.dataDir, id);
  await expect
    .poll(async () => {
      detail = await showItem(lifeline.dataDir, id);
      const retried = detail.events.findIndex((e) => e.type === 'retried' && e.actor === 'user');
      return retried >= 0 && detail.events.slice(retried + 1).some((e) => e.type === 'dead') && detail.state === 'dead';
    }, { message: 'a user retry followed by a second dead letter' })
    .toBe(true);
  expect(detail.events.filter((e) => e.type === 'dead')).toHaveLength(2);

  // The page shows the second failure (its time), learnt from pushed events, without a reload.
  await expect(row.locator('time')).toHaveAttribute('datetime', detail.updatedAt);
  expect(detail.updatedAt).not.toBe(firstFailure);
  await expect(row).toContainText('AUDIO_UNDECODABLE');
  await expect(row.getByRole('button', { name: 'Retry' })).toBeEnabled();
  await expect(page.getByRole('status').filter({ hasText: 'x.wav failed again after the retry: AUDIO_UNDECODABLE.' })).toBeVisible();

  await page.screenshot({ path: screenshotPath('dead-letters'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: screenshotPath('dead-letters-dark'), fullPage: true });
});

test('Retry all requeues every dead letter, and Discard clears them until the list says nothing is left', async ({ page, lifeline }) => {
  const first = await addFile(lifeline.dataDir, writeFakeWav(path.join(lifeline.inputsDir, 'memo-1.wav'), 'first note, not audio'));
  const second = await addFile(lifeline.dataDir, writeFakeWav(path.join(lifeline.inputsDir, 'memo-2.wav'), 'second note, not audio'));
  await openLifeline(page, lifeline);
  await openDeadLetters(page);
  await expect(deadLetterRow(page, 'memo-1.wav')).toBeVisible();
  await expect(deadLetterRow(page, 'memo-2.wav')).toBeVisible();

  await page.getByRole('button', { name: 'Retry all' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 dead letters are back in the queue.' })).toBeVisible();
  await expect
    .poll(async () => {
      const items = await Promise.all([showItem(lifeline.dataDir, first), showItem(lifeline.dataDir, second)]);
      return items.every((i) => i.state === 'dead' && i.events.some((e) => e.type === 'retried' && e.actor === 'user'));
    })
    .toBe(true);

  await deadLetterRow(page, 'memo-1.wav').getByRole('button', { name: 'Discard' }).click();
  await expect(deadLetterRow(page, 'memo-1.wav')).toHaveCount(0);
  await expect(deadLetterRow(page, 'memo-2.wav')).toBeVisible();
  await deadLetterRow(page, 'memo-2.wav').getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByText('No dead letters — everything that failed has been handled')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retry all' })).toBeDisabled();
  expect((await showItem(lifeline.dataDir, first)).state).toBe('discarded');

  await page.screenshot({ path: screenshotPath('dead-letters-empty'), fullPage: true });
});
