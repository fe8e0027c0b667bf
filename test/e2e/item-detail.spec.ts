import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeBrokenAudio, writeWav } from '../support/audio-files';
import { addFile, showItem } from './support/cli';
import {
  expect,
  openLifeline,
  parkedAtTranscribe,
  parkedReason,
  screenshotPath,
  test,
  screenshotsLightAndDark,
} from './support/fixtures';

async function openItem(page: Page, fileName: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Items' }).click();
  await page.getByRole('grid', { name: 'Items' }).getByRole('link', { name: fileName }).click();
  await expect(page.getByRole('heading', { level: 2, name: fileName })).toBeVisible();
}

const timeline = (page: Page) => page.getByRole('list', { name: 'Timeline, oldest first' });
const actions = (page: Page) => page.getByRole('group', { name: 'Actions' });

test.describe('a recording waiting at transcribe', () => {
  test.use({ serverEnv: parkedAtTranscribe });

  test('a recording’s page plays its stored copy, shows its timeline, and Cancel, Retry and Discard act on it', async ({
    page,
    lifeline,
  }) => {
    const wav = writeWav(path.join(lifeline.inputsDir, 'walk and talk.wav'), { seconds: 2 });
    // Recorded weeks before it is added: the page shows the recording's own time, and where it came from.
    const recordedAt = new Date(Date.UTC(2026, 9, 5, 8, 30));
    fs.utimesSync(wav, recordedAt, recordedAt);
    const id = await addFile(lifeline.dataDir, wav);
    await openLifeline(page, lifeline);
    await openItem(page, 'walk and talk.wav');

    await expect(page.getByText(`Waiting at Transcribe: ${parkedReason}.`)).toBeVisible();
    const player = page.getByLabel('Play walk and talk.wav');
    await expect
      .poll(() =>
        player.evaluate((a) => {
          const audio = a as unknown as { readyState: number; duration: number };
          return audio.readyState >= 1 ? Math.round(audio.duration) : null;
        }),
      )
      .toBe(2);
    await expect(timeline(page).getByRole('listitem')).toHaveCount(4);
    await expect(timeline(page)).toContainText('Stage finished');
    await expect(timeline(page)).toContainText('2.0 s of 16000 Hz 1-channel audio');
    const fact = (term: string) =>
      page.locator('.fact').filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }) });
    // Parked before its first try: not "attempt 0 of 5".
    await expect(fact('Stage')).toContainText('Transcribe, not tried yet');
    const recorded = fact('Recorded');
    await expect(recorded).toContainText("from the file's modification time");
    await expect(recorded.locator('time')).toHaveAttribute('datetime', recordedAt.toISOString());
    // The ingest note in the timeline says the same time the same way, and where it came from in words.
    const ingestNote = timeline(page).locator('.timeline-detail').filter({ hasText: 'recorded' });
    await expect(ingestNote).toContainText("from the file's modification time");
    await expect(ingestNote.locator('time')).toHaveAttribute('datetime', recordedAt.toISOString());
    await expect(ingestNote.locator('time')).toHaveText(await recorded.locator('time').innerText());
    await expect(ingestNote).not.toContainText(recordedAt.toISOString());
    await expect(page.getByRole('heading', { name: 'Transcript' })).toBeVisible();
    await expect(page.getByText(`Waiting to be transcribed: ${parkedReason}.`)).toBeVisible();
    await expect(actions(page).getByRole('button', { name: 'Recover now' })).toBeDisabled();
    const retry = actions(page).getByRole('button', { name: 'Retry' });
    await expect(retry).toBeDisabled();
    // A disabled action reads as disabled (no accent fill) and says why.
    await expect(retry).toHaveAccessibleDescription(
      'Nothing to retry: it is waiting, not failed, and goes on by itself',
    );
    await expect(retry).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
    await expect(retry).toHaveCSS('border-style', 'dashed');
    await screenshotsLightAndDark(page, 'item-detail');

    await actions(page).getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'walk and talk.wav was cancelled.' })).toBeVisible();
    await expect(page.locator('.view-header .state')).toHaveText('Cancelled');
    await expect(timeline(page).getByRole('listitem').last()).toContainText('Cancelled');
    await expect(timeline(page).getByRole('listitem').last()).toContainText('by you');

    await actions(page).getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByText(`Waiting at Transcribe: ${parkedReason}.`)).toBeVisible();
    await expect(timeline(page)).toContainText('Retried');

    await actions(page).getByRole('button', { name: 'Discard' }).click();
    await expect(page.getByRole('status', { name: 'Discards you can undo' })).toContainText(
      'walk and talk.wav will be discarded in',
    );
    await expect(page.locator('.view-header .state')).toHaveText('Discarded', { timeout: 30_000 });
    expect((await showItem(lifeline.dataDir, id)).events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['cancelled', 'retried', 'discarded']),
    );
  });
});

test('a dead letter’s page says why it stopped and what to do, and Retry runs it again', async ({ page, lifeline }) => {
  const id = await addFile(lifeline.dataDir, writeBrokenAudio(path.join(lifeline.inputsDir, 'grocery list.wav')));
  await openLifeline(page, lifeline);
  await openItem(page, 'grocery list.wav');
  const why = page.getByRole('group', { name: 'Why it stopped' });
  await expect(why).toContainText('Stopped for good at Ingest: AUDIO_UNDECODABLE');
  await expect(why).toContainText('Check that it plays in another app');
  // Not "this browser cannot play it": the stored copy is not audio, and the page says what it is.
  await expect(
    page.getByText(
      'The stored copy is not audio: it is a WAV header with no audio after it. It is kept at the path below.',
    ),
  ).toBeVisible();
  // Nothing promises a transcript or memories that will not come without a retry.
  await expect(
    page.getByText(
      'No transcript: the recording stopped for good at Ingest, before it could be transcribed; see the status above for why and what to do.',
    ),
  ).toBeVisible();
  await expect(
    page.getByText('No memories: the recording stopped for good at Ingest, before they could be extracted.'),
  ).toBeVisible();
  await expect(page.getByText(/appears? here once/)).toHaveCount(0);
  const failure = timeline(page).getByRole('listitem').filter({ hasText: 'Failed for good' });
  await expect(failure).toContainText('AUDIO_UNDECODABLE');
  await expect(failure).toContainText('convert it to WAV and add it again');

  await actions(page).getByRole('button', { name: 'Retry' }).click();
  await expect(timeline(page).getByRole('listitem').filter({ hasText: 'Failed for good' })).toHaveCount(2);
  await expect(
    timeline(page)
      .getByRole('listitem')
      .filter({ has: page.locator('.timeline-type', { hasText: /^Retried$/ }) }),
  ).toContainText('by you');
  await expect(
    page.getByRole('status').filter({ hasText: 'grocery list.wav failed again after the retry: AUDIO_UNDECODABLE.' }),
  ).toBeVisible();
  expect((await showItem(lifeline.dataDir, id)).state).toBe('dead');
  await page.screenshot({ path: screenshotPath('item-detail-dead-letter'), fullPage: true });
});

test.describe('a missing item', () => {
  // The API answers 404, which the browser logs on its own.
  test.use({ expectedConsoleErrors: /^Failed to load resource: the server responded with a status of 404/ });

  test('an item that does not exist says so instead of showing an empty page', async ({ page, lifeline }) => {
    await openLifeline(page, lifeline);
    await page.goto(`${lifeline.url}#/items/999`);
    await expect(page.getByRole('alert')).toContainText('Could not load item 999. Not found. There is no item 999.');
    await expect(page.getByRole('alert')).not.toContainText('Error:');
  });
});
