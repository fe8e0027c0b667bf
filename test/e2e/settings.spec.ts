import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeWav } from '../support/audio-files';
import { listItems } from './support/cli';
import { expect, openLifeline, screenshotPath, test } from './support/fixtures';

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(page.getByRole('heading', { name: 'Engines' })).toBeVisible();
}

const field = (page: Page, key: string) => page.getByLabel(key, { exact: true });
const save = (page: Page) => page.getByRole('button', { name: 'Save', exact: true }).click();
const status = (page: Page) => page.locator('.settings-bar').getByRole('status');

test.describe('the Settings screen', () => {
  // The main process refusing the missing folder is an HTTP 400, which Chromium logs; nothing else may be logged.
  test.describe('refusals', () => {
    test.use({ expectedConsoleErrors: /^Failed to load resource: the server responded with a status of 400 \(Bad Request\)$/ });
    test('bad values show an error beside their field and the stored values are kept after a reload', async ({ page, lifeline }) => {
      await openLifeline(page, lifeline);
      await openSettings(page);

      await field(page, 'heartbeatMs').fill('fast please');
      await field(page, 'asr.url').fill('127.0.0.1:8080');
      await save(page);
      await expect(page.locator('#setting-heartbeatMs-error')).toHaveText('Must be a whole number in 50–60000.');
      await expect(page.locator('#setting-asr-url-error')).toHaveText('Must be an http:// or https:// address (or empty).');
      await expect(field(page, 'heartbeatMs')).toHaveAttribute('aria-invalid', 'true');
      await expect(status(page)).toHaveText('Not saved: 2 fields need fixing; the stored values are kept.');

      // The page lets a path through; the main process finds it does not exist.
      await field(page, 'heartbeatMs').fill('1000');
      await field(page, 'asr.url').fill('');
      const missing = path.join(lifeline.root, 'no-such-folder');
      await field(page, 'watchDir').fill(missing);
      await save(page);
      await expect(page.locator('#setting-watchDir-error')).toHaveText(`The folder "${missing}" does not exist.`);
      await page.screenshot({ path: screenshotPath('settings-error') });

      await page.reload();
      await expect(page.getByRole('heading', { name: 'Engines' })).toBeVisible();
      await expect(field(page, 'heartbeatMs')).toHaveValue('1000');
      await expect(field(page, 'asr.url')).toHaveValue('');
      await expect(field(page, 'watchDir')).toHaveValue('');
    });
  });

  test('a good value is saved with a confirmation, survives a reload, and can be reset to its default', async ({ page, lifeline }) => {
    await openLifeline(page, lifeline);
    await openSettings(page);
    await field(page, 'stuckScanMs').fill('3 s');
    await field(page, 'asr.url').fill('http://127.0.0.1:9/');
    await field(page, 'asr.engine').selectOption('whisper-server');
    await save(page);
    await expect(status(page)).toHaveText('Saved 3 settings.');
    await expect(field(page, 'stuckScanMs')).toHaveValue('3000');

    await page.reload();
    await expect(field(page, 'stuckScanMs')).toHaveValue('3000');
    await expect(page.locator('.setting').filter({ has: field(page, 'stuckScanMs') })).toContainText('now 3 s');
    await expect(field(page, 'asr.engine')).toHaveValue('whisper-server');
    await expect(field(page, 'asr.url')).toHaveValue('http://127.0.0.1:9/');
    await page.locator('#settings-timeouts').screenshot({ path: screenshotPath('settings-timeouts') });

    await page.getByRole('button', { name: 'Reset to default: stuckScanMs' }).click();
    await expect(field(page, 'stuckScanMs')).toHaveValue('2000');
    await field(page, 'workers').fill('2');
    await save(page);
    await expect(status(page)).toHaveText('Saved 2 settings; 1 of them applies at the next start.');
    await page.reload();
    await expect(field(page, 'stuckScanMs')).toHaveValue('2000');
    await expect(field(page, 'workers')).toHaveValue('2');
  });

  test('a new watch folder is watched at once: a recording already there becomes an item without a restart', async ({ page, lifeline }) => {
    const watch = path.join(lifeline.root, 'new-watch');
    fs.mkdirSync(watch);
    writeWav(path.join(watch, 'waiting in the folder.wav'), { seconds: 1, seed: 21 });
    await openLifeline(page, lifeline);
    await openSettings(page);
    await field(page, 'watchDir').fill(watch);
    await save(page);
    await expect(status(page)).toHaveText('Saved 1 setting.');

    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Overview' }).click();
    const panel = page.getByRole('region', { name: 'Watch folder' });
    await expect(panel).toContainText(`${watch} — watching`);
    await expect(page.getByRole('group', { name: 'Items', exact: true })).toHaveText('Items 1');
    writeWav(path.join(watch, 'dropped in later.wav'), { seconds: 1, seed: 22 });
    await expect(page.getByRole('group', { name: 'Items', exact: true })).toHaveText('Items 2');
    expect((await listItems(lifeline.dataDir)).map((i) => i.fileName).sort()).toEqual(['dropped in later.wav', 'waiting in the folder.wav']);
  });

  test.describe('with the transcription engine set in the environment', () => {
    test.use({ serverEnv: { LIFELINE_ASR_ENGINE: 'whisper-server' } });

    test('a value set by an environment variable is read-only and says which variable sets it', async ({ page, lifeline }) => {
      await openLifeline(page, lifeline);
      await openSettings(page);
      await expect(field(page, 'asr.engine')).toBeDisabled();
      await expect(field(page, 'asr.engine')).toHaveValue('whisper-server');
      const row = page.locator('.setting').filter({ has: field(page, 'asr.engine') });
      await expect(row).toContainText('set by LIFELINE_ASR_ENGINE');
      await expect(row.getByRole('button', { name: /Reset/ })).toHaveCount(0);
      await expect(page.locator('.setting').filter({ has: field(page, 'workers') })).toContainText('applies at next start');

      // Keyboard: the first field is reachable with Tab and shows its focus.
      await field(page, 'asr.url').focus();
      await page.keyboard.press('Tab');
      await expect(field(page, 'asr.model')).toBeFocused();
      await page.screenshot({ path: screenshotPath('settings'), fullPage: false });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: screenshotPath('settings-dark'), fullPage: false });
    });
  });
});
