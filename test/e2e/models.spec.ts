import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startModelServer, type ModelServer } from '../support/model-server';
import { expect, openLifeline, screenshotPath, test } from './support/fixtures';

// A model mirror on 127.0.0.1 (the real host is out of reach here) named by $LIFELINE_MODEL_CATALOGUE,
// slow enough that the progress can be seen moving; the download, resume and checksum code is the real one.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-models-e2e-'));
let server: ModelServer;
test.beforeAll(async () => {
  server = await startModelServer(dir, { size: 600_000, pieceDelayMs: 60 });
});
test.afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
test.use({ serverEnv: { LIFELINE_MODEL_CATALOGUE: path.join(dir, 'catalogue.json') } });

test('a speech model downloads with its progress shown, is put to use, and can be deleted', async ({
  page,
  lifeline,
}) => {
  await openLifeline(page, lifeline);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Settings' }).click();
  const models = page.getByRole('list', { name: 'Speech models' });
  const tiny = models.getByRole('listitem', { name: 'tiny-test' });
  await expect(tiny).toContainText('Not downloaded');

  await tiny.getByRole('button', { name: 'Download tiny-test' }).click();
  const bar = tiny.getByRole('progressbar', { name: 'Download of tiny-test' });
  await expect(bar).toBeVisible();
  // Pushed progress: the bar moves while the bytes arrive, nothing is polled.
  await expect
    .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 20_000 })
    .toBeGreaterThan(10);
  await page.getByRole('region', { name: 'Speech models' }).screenshot({ path: screenshotPath('models-downloading') });
  // The only downloaded model is the one transcription uses (the automatic choice).
  await expect(tiny).toContainText('In use', { timeout: 30_000 });

  const turbo = models.getByRole('listitem', { name: 'turbo-test' });
  await turbo.getByRole('button', { name: 'Download turbo-test' }).click();
  await expect(turbo).toContainText('Downloaded', { timeout: 30_000 });
  await turbo.getByRole('button', { name: 'Use turbo-test' }).click();
  await expect(turbo).toContainText('In use');
  await expect(tiny).toContainText('Downloaded');
  await page.getByRole('region', { name: 'Speech models' }).screenshot({ path: screenshotPath('models-in-use') });
  // The choice is the whisper.model setting, shown in Engines.
  await expect(page.getByLabel('Whisper model file', { exact: true })).toHaveValue(/ggml-turbo-test\.bin$/);

  await turbo.getByRole('button', { name: 'Delete turbo-test' }).click();
  await expect(turbo).toContainText('Not downloaded');
  await expect(tiny).toContainText('In use');
  await expect(page.getByLabel('Whisper model file', { exact: true })).toHaveValue('');
});

test('a download that fails its checksum says so on its row and keeps nothing', async ({ page, lifeline }) => {
  await openLifeline(page, lifeline);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Settings' }).click();
  const bad = page.getByRole('list', { name: 'Speech models' }).getByRole('listitem', { name: 'bad-test' });
  await bad.getByRole('button', { name: 'Download bad-test' }).click();
  await expect(bad.getByRole('alert')).toContainText('corrupt: SHA-256', { timeout: 30_000 });
  await expect(bad).toContainText('Not downloaded');
  expect(fs.existsSync(path.join(lifeline.dataDir, 'models', 'ggml-bad-test.bin'))).toBe(false);
});
