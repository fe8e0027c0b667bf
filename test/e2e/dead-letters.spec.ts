import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeBrokenAudio } from '../support/audio-files';
import { addFile, showItem } from './support/cli';
import { expect, openLifeline, screenshotPath, test, screenshotsLightAndDark } from './support/fixtures';
import { missingSourceDeadLetters } from './support/store';

async function openDeadLetters(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: /Dead letters/ })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: /^Dead letters/ })).toBeVisible();
}

const group = (page: Page, code: string) => page.getByRole('region', { name: new RegExp(`^${code} `) });
const deadLetterRow = (page: Page, fileName: string) =>
  page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(fileName.replace('.', '\\.')) }) });
const backInQueue = (page: Page) => page.getByRole('region', { name: 'Back in the queue' });

test('a text file renamed to .wav shows up in Dead letters under its error code, with what to do', async ({
  page,
  lifeline,
}) => {
  await openLifeline(page, lifeline);
  await openDeadLetters(page);
  await expect(page.getByText('No dead letters — everything that failed has been handled')).toBeVisible();
  await page.screenshot({ path: screenshotPath('dead-letters-empty'), fullPage: true });

  await addFile(lifeline.dataDir, writeBrokenAudio(path.join(lifeline.inputsDir, 'shopping-list.wav')));
  const undecodable = group(page, 'AUDIO_UNDECODABLE');
  await expect(undecodable.getByRole('heading')).toHaveText('AUDIO_UNDECODABLE 1');
  await expect(undecodable).toContainText('Check that it plays in another app');
  const row = deadLetterRow(page, 'shopping-list.wav');
  await expect(row.getByRole('cell').nth(0)).toHaveText('Ingest');
  await expect(row).toContainText('not decodable audio');
  await expect(row).toContainText('1 of 3');
  await expect(page.getByRole('link', { name: /^Dead letters\s*1$/ })).toBeVisible();
});

test('Retry all in a group empties the group, and its items get past the stage where they failed', async ({
  page,
  lifeline,
}) => {
  const missing = await missingSourceDeadLetters(lifeline, ['call one.wav', 'call two.wav']);
  await addFile(lifeline.dataDir, writeBrokenAudio(path.join(lifeline.inputsDir, 'notes.wav')));
  await openLifeline(page, lifeline);
  await openDeadLetters(page);
  const sourceMissing = group(page, 'SOURCE_MISSING');
  await expect(sourceMissing.getByRole('heading')).toHaveText('SOURCE_MISSING 2');
  await expect(group(page, 'AUDIO_UNDECODABLE').getByRole('heading')).toHaveText('AUDIO_UNDECODABLE 1');
  await expect(sourceMissing).toContainText('Put it back where it was and press Retry');
  await screenshotsLightAndDark(page, 'dead-letters');

  // The user put the files back; one click retries the whole group.
  missing.restore(0);
  missing.restore(1);
  await sourceMissing.getByRole('button', { name: 'Retry all 2 with SOURCE_MISSING' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '2 dead letters with SOURCE_MISSING are back in the queue.' }),
  ).toBeVisible();
  await expect(sourceMissing).toHaveCount(0);
  await expect(group(page, 'AUDIO_UNDECODABLE')).toBeVisible();
  for (const name of ['call one.wav', 'call two.wav']) {
    const row = backInQueue(page).getByRole('listitem').filter({ hasText: name });
    await expect(row).toContainText('Done', { timeout: 30_000 });
  }
  for (const id of missing.ids) {
    const item = await showItem(lifeline.dataDir, id);
    expect(item.state).toBe('done');
    expect(item.events.filter((e) => e.type === 'succeeded').map((e) => e.stage)).toEqual([
      'ingest',
      'transcribe',
      'extract',
      'index',
    ]);
  }
  await expect(page.getByRole('link', { name: /^Dead letters\s*1$/ })).toBeVisible();
  await page.screenshot({ path: screenshotPath('dead-letters-after-retry'), fullPage: true });
});

test('Retry on one dead letter takes it off the list and shows its progress until it is through', async ({
  page,
  lifeline,
}) => {
  const missing = await missingSourceDeadLetters(lifeline, ['long lecture.wav']);
  await openLifeline(page, lifeline);
  await openDeadLetters(page);
  const row = deadLetterRow(page, 'long lecture.wav');
  await expect(row).toContainText('no longer exists');

  missing.block(0);
  await row.getByRole('button', { name: 'Retry' }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByText('No dead letters — everything that failed has been handled')).toBeVisible();
  const retried = backInQueue(page).getByRole('listitem').filter({ hasText: 'long lecture.wav' });
  await expect(retried).toContainText('Running');
  await expect(retried.getByRole('progressbar', { name: 'long lecture.wav: Ingest' })).toHaveAttribute(
    'aria-valuetext',
    /^copy/,
  );
  await page.screenshot({ path: screenshotPath('dead-letters-retry-progress'), fullPage: true });

  await missing.release(0);
  await expect(retried).toContainText('Done', { timeout: 30_000 });
  await expect(retried.getByRole('progressbar')).toHaveCount(0);
});

test('Export writes every dead letter as JSON and as CSV', async ({ page, lifeline }) => {
  await addFile(lifeline.dataDir, writeBrokenAudio(path.join(lifeline.inputsDir, 'a, "quoted" memo.wav'), 'first'));
  await addFile(lifeline.dataDir, writeBrokenAudio(path.join(lifeline.inputsDir, 'b.wav'), 'second'));
  await openLifeline(page, lifeline);
  await openDeadLetters(page);
  await expect(group(page, 'AUDIO_UNDECODABLE').getByRole('heading')).toHaveText('AUDIO_UNDECODABLE 2');

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  expect(json.suggestedFilename()).toMatch(/^lifeline-dead-letters-.*\.json$/);
  const exported = JSON.parse(fs.readFileSync((await json.path())!, 'utf8')) as {
    count: number;
    deadLetters: { fileName: string; error: { code: string } }[];
  };
  expect(exported.count).toBe(2);
  expect(exported.deadLetters.map((d) => d.fileName).sort()).toEqual(['a, "quoted" memo.wav', 'b.wav']);
  expect(exported.deadLetters.every((d) => d.error.code === 'AUDIO_UNDECODABLE')).toBe(true);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const text = fs.readFileSync((await csv.path())!, 'utf8');
  const lines = text.trimEnd().split('\r\n');
  expect(lines[0]).toBe('id,file,fileName,stage,errorCode,errorMessage,attempts,maxAttempts,failedAt,addedAt,sha256');
  expect(lines).toHaveLength(3);
  expect(text).toContain('"a, ""quoted"" memo.wav"');
  await expect(page.getByRole('status').filter({ hasText: 'Exported 2 dead letters as CSV.' })).toBeVisible();
});

test('Retry all requeues every dead letter, and Discard clears them until the list says nothing is left', async ({
  page,
  lifeline,
}) => {
  const first = await addFile(
    lifeline.dataDir,
    writeBrokenAudio(path.join(lifeline.inputsDir, 'memo-1.wav'), 'first note, not audio'),
  );
  const second = await addFile(
    lifeline.dataDir,
    writeBrokenAudio(path.join(lifeline.inputsDir, 'memo-2.wav'), 'second note, not audio'),
  );
  await openLifeline(page, lifeline);
  await openDeadLetters(page);
  await expect(deadLetterRow(page, 'memo-1.wav')).toBeVisible();
  await expect(deadLetterRow(page, 'memo-2.wav')).toBeVisible();

  // Every one of them failed for good: the bulk retry says so and asks first.
  await page.getByRole('button', { name: 'Retry all', exact: true }).click();
  await expect(page.getByRole('alertdialog')).toContainText('2 of these 2 failed for good (AUDIO_UNDECODABLE)');
  await page.getByRole('button', { name: 'Retry all 2 anyway' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 dead letters are back in the queue.' })).toBeVisible();
  await expect
    .poll(
      async () => {
        const items = await Promise.all([showItem(lifeline.dataDir, first), showItem(lifeline.dataDir, second)]);
        return items.every(
          (i) => i.state === 'dead' && i.events.some((e) => e.type === 'retried' && e.actor === 'user'),
        );
      },
      { timeout: 30_000 },
    )
    .toBe(true);

  // A discard waits out its 10 s undo window, then the row goes.
  await deadLetterRow(page, 'memo-1.wav').getByRole('button', { name: 'Discard' }).click();
  await expect(
    deadLetterRow(page, 'memo-1.wav').getByRole('button', { name: 'Undo discarding memo-1.wav' }),
  ).toBeVisible();
  await expect(deadLetterRow(page, 'memo-1.wav')).toHaveCount(0, { timeout: 30_000 });
  await expect(deadLetterRow(page, 'memo-2.wav')).toBeVisible();
  await deadLetterRow(page, 'memo-2.wav').getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByText('No dead letters — everything that failed has been handled')).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('button', { name: 'Retry all', exact: true })).toBeDisabled();
  expect((await showItem(lifeline.dataDir, first)).state).toBe('discarded');
});
