import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeWav } from '../support/audio-files';
import { listItems } from './support/cli';
import { expect, openLifeline, screenshotPath, test, screenshotsLightAndDark } from './support/fixtures';

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(page.getByRole('heading', { name: 'Engines' })).toBeVisible();
}

/** A field by the name people read on the screen (the setting's key stays beside it, quietly). */
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const showAdvanced = (page: Page) => page.getByRole('button', { name: 'Show advanced settings' }).click();
const save = (page: Page) => page.getByRole('button', { name: 'Save', exact: true }).click();
const status = (page: Page) => page.locator('.settings-bar').getByRole('status');

test.describe('the Settings screen', () => {
  // The main process refusing the missing folder is an HTTP 400, which Chromium logs; nothing else may be logged.
  test.describe('refusals', () => {
    test.use({
      expectedConsoleErrors: /^Failed to load resource: the server responded with a status of 400 \(Bad Request\)$/,
    });
    test('bad values show an error beside their field and the stored values are kept after a reload', async ({
      page,
      lifeline,
    }) => {
      await openLifeline(page, lifeline);
      await openSettings(page);
      await showAdvanced(page);
      // Each address field suggests its own server's usual address (Ollama's port, not whisper.cpp's).
      await expect(field(page, 'Transcription server address')).toHaveAttribute('placeholder', 'http://127.0.0.1:8080');
      await expect(field(page, 'Language model server address')).toHaveAttribute(
        'placeholder',
        'http://127.0.0.1:11434',
      );

      await field(page, 'Heartbeat interval').fill('fast please');
      await field(page, 'Transcription server address').fill('127.0.0.1:8080');
      await save(page);
      await expect(page.locator('#setting-heartbeatMs-error')).toHaveText(
        'Must be a duration from 50 ms to 1 min, such as 30 s or 5 min.',
      );
      await expect(page.locator('#setting-asr-url-error')).toHaveText(
        'Must be an http:// or https:// address (or empty).',
      );
      await expect(field(page, 'Heartbeat interval')).toHaveAttribute('aria-invalid', 'true');
      await expect(status(page)).toHaveText('Not saved: 2 fields need fixing; the stored values are kept.');

      // The page lets a path through; the main process finds it does not exist.
      await field(page, 'Heartbeat interval').fill('1 s');
      await field(page, 'Transcription server address').fill('');
      const missing = path.join(lifeline.root, 'no-such-folder');
      await field(page, 'Watch folder').fill(missing);
      await save(page);
      await expect(page.locator('#setting-watchDir-error')).toHaveText(`The folder "${missing}" does not exist.`);
      await page.screenshot({ path: screenshotPath('settings-error') });

      await page.reload();
      await expect(page.getByRole('heading', { name: 'Engines' })).toBeVisible();
      await showAdvanced(page);
      await expect(field(page, 'Heartbeat interval')).toHaveValue('1 s');
      await expect(field(page, 'Transcription server address')).toHaveValue('');
      await expect(field(page, 'Watch folder')).toHaveValue('');
    });
  });

  test('a good value is saved with a confirmation, survives a reload, and can be reset to its default', async ({
    page,
    lifeline,
  }) => {
    await openLifeline(page, lifeline);
    await openSettings(page);
    // The advanced part is closed at first: the engines, models, watch folder and notices come first.
    await expect(field(page, 'Stuck check interval')).toBeHidden();
    await showAdvanced(page);
    await field(page, 'Stuck check interval').fill('3 s');
    await field(page, 'Transcription server address').fill('http://127.0.0.1:9/');
    await field(page, 'Transcription engine').selectOption('whisper-server');
    await save(page);
    await expect(status(page)).toHaveText('Saved 3 settings.');
    await expect(field(page, 'Stuck check interval')).toHaveValue('3 s');

    await page.reload();
    await expect(
      page.getByText('Workers, timeouts, circuit breakers, health and retention · 1 differs from the default'),
    ).toBeVisible();
    await showAdvanced(page);
    await expect(field(page, 'Stuck check interval')).toHaveValue('3 s');
    await expect(field(page, 'Transcription engine')).toHaveValue('whisper-server');
    await expect(field(page, 'Transcription server address')).toHaveValue('http://127.0.0.1:9/');
    await page.locator('#settings-timeouts').screenshot({ path: screenshotPath('settings-timeouts') });

    const stuckRow = page.locator('.setting').filter({ has: field(page, 'Stuck check interval') });
    await stuckRow.getByRole('button', { name: 'Reset to default' }).click();
    await expect(field(page, 'Stuck check interval')).toHaveValue('2 s');
    await field(page, 'Worker processes').fill('2');
    await save(page);
    await expect(status(page)).toHaveText('Saved 2 settings; 1 of them applies at the next start.');
    await page.reload();
    await showAdvanced(page);
    await expect(field(page, 'Stuck check interval')).toHaveValue('2 s');
    await expect(field(page, 'Worker processes')).toHaveValue('2');
    // A default value has nothing to reset, and says so.
    await expect(stuckRow.getByRole('button', { name: 'Reset to default' })).toBeDisabled();
    await expect(stuckRow.getByRole('button', { name: 'Reset to default' })).toHaveAttribute(
      'title',
      'Already the default',
    );
  });

  test('the pocketsphinx language model is among the engines, memo by default, with the trade-off in its description', async ({
    page,
    lifeline,
  }) => {
    await openLifeline(page, lifeline);
    await openSettings(page);
    // Not behind "advanced": someone who dictates a diary should find it with the engine.
    const model = field(page, 'Pocketsphinx language model');
    await expect(model).toBeVisible();
    await expect(model).toHaveValue('memo');
    await expect(model.locator('option')).toHaveText(['memo', 'general']);
    await expect(model).toHaveAccessibleDescription(
      /^For pocketsphinx only\. memo suits short voice memos .*: 9\.0 % of words wrong on memos it was not built from, against 16\.2 % with general\. general \(Debian's English model\) suits ordinary notes, lectures or a diary: 5\.9 % wrong on five ordinary sentences, against 10\.4 % with memo\. Applies to the next job\./,
    );
    await model.selectOption('general');
    await save(page);
    await expect(status(page)).toHaveText('Saved 1 setting.');
    await page.reload();
    await expect(field(page, 'Pocketsphinx language model')).toHaveValue('general');
  });

  test('a new watch folder is watched at once: a recording already there becomes an item without a restart', async ({
    page,
    lifeline,
  }) => {
    const watch = path.join(lifeline.root, 'new-watch');
    fs.mkdirSync(watch);
    writeWav(path.join(watch, 'waiting in the folder.wav'), { seconds: 1, seed: 21 });
    await openLifeline(page, lifeline);
    await openSettings(page);
    await field(page, 'Watch folder').fill(watch);
    await save(page);
    await expect(status(page)).toHaveText('Saved 1 setting.');

    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Overview' }).click();
    const panel = page.getByRole('region', { name: 'Watch folder' });
    await expect(panel).toContainText(`${watch} — watching`);
    await expect(page.getByRole('group', { name: 'Items', exact: true })).toHaveText('Items 1');
    writeWav(path.join(watch, 'dropped in later.wav'), { seconds: 1, seed: 22 });
    await expect(page.getByRole('group', { name: 'Items', exact: true })).toHaveText('Items 2');
    expect((await listItems(lifeline.dataDir)).map((i) => i.fileName).sort()).toEqual([
      'dropped in later.wav',
      'waiting in the folder.wav',
    ]);
  });

  test.describe('with the transcription engine set in the environment', () => {
    test.use({ serverEnv: { LIFELINE_ASR_ENGINE: 'whisper-server' } });

    test('a value set by an environment variable is read-only and says which variable sets it', async ({
      page,
      lifeline,
    }) => {
      await openLifeline(page, lifeline);
      await openSettings(page);
      await expect(field(page, 'Transcription engine')).toBeDisabled();
      await expect(field(page, 'Transcription engine')).toHaveValue('whisper-server');
      const row = page.locator('.setting').filter({ has: field(page, 'Transcription engine') });
      await expect(row).toContainText('set by LIFELINE_ASR_ENGINE');
      await expect(row.getByRole('button', { name: /Reset/ })).toHaveCount(0);
      await showAdvanced(page);
      await expect(page.locator('.setting').filter({ has: field(page, 'Worker processes') })).toContainText(
        'applies at next start',
      );

      // Keyboard: the first field is reachable with Tab and shows its focus.
      await field(page, 'Transcription server address').focus();
      await page.keyboard.press('Tab');
      await expect(field(page, 'Transcription server model')).toBeFocused();
      await page.getByRole('heading', { name: 'Engines' }).scrollIntoViewIfNeeded();
      await screenshotsLightAndDark(page, 'settings', { fullPage: false });
    });
  });
});
