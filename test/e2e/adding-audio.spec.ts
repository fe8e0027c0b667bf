import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeFakeWav, writeWav } from '../support/audio-files';
import { listItems, showItem } from './support/cli';
import { expect, openLifeline, screenshotPath, test } from './support/fixtures';

// A refused upload (415 NOT_AUDIO) is logged by the browser as a failed request.
test.use({ expectedConsoleErrors: /status of 415/ });

const added = (page: Page) => page.getByRole('region', { name: 'Added files' });

async function chooseFiles(page: Page, files: string[]): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Add files…' }).click(),
  ]);
  await chooser.setFiles(files);
}

test('Add files… uploads the chosen files, refuses a text file renamed .wav, and reports the same audio again as a duplicate', async ({
  page,
  lifeline,
}) => {
  const memo = writeWav(path.join(lifeline.inputsDir, 'memo.wav'), { seconds: 1 });
  const notes = writeFakeWav(path.join(lifeline.inputsDir, 'notes.wav'));
  await openLifeline(page, lifeline);
  await chooseFiles(page, [memo, notes]);
  await expect(added(page).getByRole('listitem').filter({ hasText: 'memo.wav' })).toContainText(/added as item \d+/);
  await expect(added(page).getByRole('listitem').filter({ hasText: 'notes.wav' })).toContainText(
    'not added: notes.wav is not audio: it holds text',
  );

  const copy = path.join(lifeline.inputsDir, 'memo (copy).wav');
  fs.copyFileSync(memo, copy);
  await chooseFiles(page, [copy]);
  const duplicate = added(page).getByRole('listitem').filter({ hasText: 'memo (copy).wav' });
  await expect(duplicate).toContainText(/already in Lifeline as item \d+; not added again/);
  await page.screenshot({ path: screenshotPath('adding-audio-upload'), fullPage: true });

  const items = await listItems(lifeline.dataDir);
  expect(items.map((i) => i.fileName)).toEqual(['memo.wav']);
  const memoItem = items.find((i) => i.fileName === 'memo.wav')!;
  await expect
    .poll(async () => (await showItem(lifeline.dataDir, memoItem.id)).state, { timeout: 30_000 })
    .toBe('done');
  // The upload's stored copy is the file the user picked, byte for byte.
  expect(fs.readFileSync((await showItem(lifeline.dataDir, memoItem.id)).storedPath!)).toEqual(fs.readFileSync(memo));

  await added(page).getByRole('link', { name: 'memo.wav' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'memo.wav' })).toBeVisible();
});

test('audio dropped anywhere on the window is added', async ({ page, lifeline }) => {
  const bytes = fs
    .readFileSync(writeWav(path.join(lifeline.inputsDir, 'dropped.wav'), { seconds: 1, seed: 7 }))
    .toString('base64');
  await openLifeline(page, lifeline);
  const dataTransfer = await page.evaluateHandle((b64) => {
    // Runs in the page (the test's tsconfig has no DOM types).
    const w = globalThis as unknown as {
      DataTransfer: new () => { items: { add(file: unknown): void } };
      File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
    };
    const dt = new w.DataTransfer();
    const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    dt.items.add(new w.File([raw], 'dropped.wav', { type: 'audio/wav' }));
    return dt;
  }, bytes);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop audio files to add them to Lifeline')).toBeVisible();
  await page.screenshot({ path: screenshotPath('adding-audio-drop') });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByText('Drop audio files to add them to Lifeline')).toBeHidden();
  await expect(added(page).getByRole('listitem').filter({ hasText: 'dropped.wav' })).toContainText(/added as item \d+/);
  await expect(page.getByRole('group', { name: 'Items', exact: true })).toHaveText('Items 1');
});

test('a recording that appears in the watch folder is added by itself, once, and the Overview says what the folder did', async ({
  page,
  lifeline,
}) => {
  const watch = path.join(lifeline.root, 'watch');
  fs.mkdirSync(watch);
  await lifeline.stopServer();
  await lifeline.startServerAgain({ LIFELINE_WATCH_DIR: watch });
  await openLifeline(page, lifeline);
  const panel = page.getByRole('region', { name: 'Watch folder' });
  await expect(panel).toContainText(`${watch} — watching: new recordings there are added by themselves.`);
  await expect(panel).toContainText('0 files added');

  const memo = writeWav(path.join(watch, 'from the recorder.wav'), { seconds: 1, seed: 11 });
  await expect(page.getByRole('group', { name: 'Items', exact: true })).toHaveText('Items 1');
  fs.copyFileSync(memo, path.join(watch, 'same audio again.wav'));
  await expect(panel).toContainText('1 file added, 1 already in Lifeline (not added again).');
  await expect(page.getByRole('group', { name: 'Items', exact: true })).toHaveText('Items 1');
  expect((await listItems(lifeline.dataDir)).map((i) => i.fileName)).toEqual(['from the recorder.wav']);
  await page.screenshot({ path: screenshotPath('overview-watch-folder'), fullPage: true });
});

test('without a watch folder, the Overview says how to set one', async ({ page, lifeline }) => {
  await openLifeline(page, lifeline);
  await expect(page.getByRole('region', { name: 'Watch folder' })).toContainText(
    'No watch folder is set. Choose one in Settings (or start Lifeline with LIFELINE_WATCH_DIR=',
  );
});
