import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { listItems, showItem } from './support/cli';
import { expect, openLifeline, screenshotPath, test } from './support/fixtures';

// Chromium's fake microphone (see playwright.config.ts) plays a beep every second.
const recording = (page: Page) => page.getByRole('group', { name: 'Recording' });

/** Seconds shown by "saved m:ss". */
async function savedSeconds(page: Page): Promise<number> {
  const text = (await recording(page).locator('.recording-saved').textContent()) ?? '';
  const m = /saved (\d+):(\d{2})/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : -1;
}

// The engine starts before its worker processes are ready, so the first item also waits for a worker
// to start; on a loaded 2-core machine that, plus transcription, can take tens of seconds. These are
// wait limits, not timing goals.
test.describe.configure({ timeout: 120_000 });

test('Record saves the microphone to the store while recording, and Stop adds it as an item that plays', async ({
  page,
  lifeline,
}) => {
  await openLifeline(page, lifeline);
  await page.getByRole('button', { name: 'Record' }).click();
  await expect(recording(page)).toBeVisible();
  await expect(recording(page).getByLabel('Elapsed')).toHaveText(/^0:0[3-9]$/, { timeout: 15_000 });
  // Saved while recording, not at the end: the store's file grows chunk by chunk.
  await expect.poll(() => savedSeconds(page)).toBeGreaterThanOrEqual(2);
  const onDisk = fs.statSync(path.join(lifeline.dataDir, 'recordings', '1.wav')).size;
  expect(onDisk).toBeGreaterThanOrEqual(44 + 2 * 16_000 * 2);
  await expect
    .poll(() => recording(page).getByRole('meter', { name: 'Input level' }).getAttribute('aria-valuenow').then(Number))
    .toBeGreaterThan(0);
  await page.screenshot({ path: screenshotPath('record-recording') });

  await page.getByRole('button', { name: /^Stop recording/ }).click();
  const saved = page.getByRole('status').filter({ hasText: /^Saved Recording/ });
  await expect(saved).toContainText(/as item 1\./);
  await page.screenshot({ path: screenshotPath('record-saved') });
  const item = await showItem(lifeline.dataDir, 1);
  expect(item.fileName).toMatch(/^Recording \d{4}-\d{2}-\d{2} \d{2}\.\d{2}\.\d{2}\.wav$/);
  await expect.poll(async () => (await showItem(lifeline.dataDir, 1)).state, { timeout: 60_000 }).toBe('done');
  expect((await showItem(lifeline.dataDir, 1)).events.find((e) => e.type === 'succeeded')?.detail).toMatch(
    /of 16000 Hz 1-channel audio/,
  );

  await saved.getByRole('link').click();
  const player = page.getByLabel(/^Play Recording/);
  await expect
    .poll(() => player.evaluate((a) => (a as unknown as { readyState: number; duration: number }).duration))
    .toBeGreaterThanOrEqual(3);
});

test.describe('a crash while recording', () => {
  // While the server is down the browser rightly logs its failed calls and reconnect attempts (a chunk
  // on the wire when it is killed is reset).
  test.use({
    expectedConsoleErrors:
      /^(WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/api\/events(\?token=.*)?' failed|Failed to load resource: net::ERR_CONNECTION_(REFUSED|RESET)$|Failed to load resource: the server responded with a status of 409|Failed to load resource: the server responded with a status of 503 \(Service Unavailable\)$)/,
  });

  test('kill -9 of the server mid-recording: what was saved becomes an item at restart, and the page records on into a second part', async ({
    page,
    lifeline,
  }) => {
    await openLifeline(page, lifeline);
    await page.getByRole('button', { name: 'Record' }).click();
    await expect.poll(() => savedSeconds(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    await lifeline.killServer();
    await expect(recording(page).getByRole('alert')).toContainText('Cannot reach the Lifeline server');
    await expect(recording(page).getByRole('alert')).toContainText(
      'the audio is kept here and saved as soon as the server answers',
    );
    await page.screenshot({ path: screenshotPath('record-server-down') });

    await lifeline.startServerAgain();
    // At start the server turned the unfinished recording into an item, by itself.
    await expect
      .poll(async () => (await listItems(lifeline.dataDir)).map((i) => i.fileName), { timeout: 30_000 })
      .toEqual([expect.stringMatching(/^Recording .*\.wav$/)]);
    const recovered = await showItem(lifeline.dataDir, 1);
    expect(recovered.events[0]).toMatchObject({ type: 'added', actor: 'recovery' });
    expect(recovered.events[0]!.detail).toMatch(/^recovered \d+\.\d s from a recording that was not stopped/);
    expect(Number(/recovered (\d+\.\d) s/.exec(recovered.events[0]!.detail!)![1])).toBeGreaterThanOrEqual(3);

    // The page kept recording: what it captured meanwhile goes to a second part.
    await expect(recording(page).getByRole('alert')).toHaveCount(0, { timeout: 20_000 });
    await page.getByRole('button', { name: /^Stop recording/ }).click();
    const saved = page.getByRole('status').filter({ hasText: /^Saved Recording/ });
    await expect(saved).toContainText('(part 2).wav');
    await expect(saved).toContainText(
      'The server restarted while you recorded; the audio before that was saved as a separate item.',
    );
    await expect.poll(async () => (await listItems(lifeline.dataDir)).length).toBe(2);
    for (const id of [1, 2])
      await expect.poll(async () => (await showItem(lifeline.dataDir, id)).state, { timeout: 60_000 }).toBe('done');
  });
});
