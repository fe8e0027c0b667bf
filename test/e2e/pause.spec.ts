import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeWav } from '../support/audio-files';
import { addFile, lifelineCli, showItem } from './support/cli';
import { expect, openLifeline, test, screenshotsLightAndDark } from './support/fixtures';

// Each test runs a server and the CLI on a loaded machine: generous, never timed.
test.describe.configure({ timeout: 120_000 });

const stagesPanel = (page: Page) => page.getByRole('region', { name: 'Stages' });
const stageRow = (page: Page, name: string) => stagesPanel(page).getByRole('listitem').filter({ hasText: name });
const running = (page: Page) => page.getByRole('region', { name: /^Running now/ });

test('Pause all holds every stage and says so with what waits; Resume lets the recording through', async ({
  page,
  lifeline,
}) => {
  await openLifeline(page, lifeline);
  await stagesPanel(page).getByRole('button', { name: 'Pause all' }).click();
  await expect(stageRow(page, 'Ingest')).toContainText('Ingest is paused by you, 0 waiting');
  await expect(stagesPanel(page).getByRole('button', { name: 'Pause all' })).toHaveAccessibleDescription(
    'Every stage is paused already',
  );

  const id = await addFile(lifeline.dataDir, writeWav(path.join(lifeline.inputsDir, 'memo.wav'), { seconds: 1 }));
  await expect(stageRow(page, 'Ingest')).toContainText('Ingest is paused by you, 1 waiting');
  // Never "Nothing is running" without the reason.
  await expect(running(page)).toContainText('Nothing is running: Ingest is paused by you, 1 waiting.');
  // A person who paused work and forgot sees it at a glance: never "Everything is working".
  await expect(page.getByRole('region', { name: /Overall status/ }).getByRole('status')).toHaveText(
    'Paused — 1 item waits (every stage is paused by you)',
  );
  expect((await showItem(lifeline.dataDir, id)).waitReason).toBe('Ingest is paused by you');
  await screenshotsLightAndDark(page, 'pause-overview');

  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: /^Services/ })
    .click();
  await expect(stageRow(page, 'Transcribe')).toContainText('Transcribe is paused by you');
  await screenshotsLightAndDark(page, 'pause-services');
  await stagesPanel(page).getByRole('button', { name: 'Resume all' }).click();
  await expect(stageRow(page, 'Ingest')).not.toContainText('paused');
  await expect
    .poll(
      async () =>
        (await showItem(lifeline.dataDir, id)).events.some((e) => e.type === 'succeeded' && e.stage === 'ingest'),
      { timeout: 60_000 },
    )
    .toBe(true);
});

test('a pause from the command line shows on the page without a reload, and its Resume button undoes it', async ({
  page,
  lifeline,
}) => {
  await openLifeline(page, lifeline);
  await expect(stageRow(page, 'Transcribe')).toContainText('runs');
  await lifelineCli(lifeline.dataDir, ['pause', 'transcribe']);
  await expect(stageRow(page, 'Transcribe')).toContainText('Transcribe is paused by you, 0 waiting', {
    timeout: 20_000,
  });
  await expect(running(page)).toContainText('Nothing is running: Transcribe is paused by you.');
  await stageRow(page, 'Transcribe').getByRole('button', { name: 'Resume Transcribe' }).click();
  await expect(stageRow(page, 'Transcribe')).not.toContainText('paused');
  const out = await lifelineCli(lifeline.dataDir, ['resume', 'transcribe']);
  expect(out.trim()).toBe('transcribe  runs');
});
