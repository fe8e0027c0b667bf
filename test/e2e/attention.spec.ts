import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeBrokenAudio, writeFakeWav } from '../support/audio-files';
import { addFile, listItems, showItem } from './support/cli';
import { expect, openLifeline, test, screenshotsLightAndDark } from './support/fixtures';

const overall = (page: Page) => page.getByRole('region', { name: /^Overall status/ });
const nav = (page: Page, name: RegExp) => page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name });
const deadLetterRow = (page: Page, fileName: string) =>
  page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(fileName.replace('.', '\\.')) }) });

// The door answers a refused upload with 415 NOT_AUDIO, which the browser logs as a failed request.
test.use({ expectedConsoleErrors: /status of 415/ });
// A server, the CLI and a browser on a loaded machine: generous, never timed.
test.describe.configure({ timeout: 120_000 });

test('a new dead letter makes the app amber until Dead letters is opened; then it is green and the dead letter is a count', async ({
  page,
  lifeline,
}) => {
  await openLifeline(page, lifeline);
  await expect(overall(page)).toContainText('Everything is working');
  await addFile(lifeline.dataDir, writeBrokenAudio(path.join(lifeline.inputsDir, 'broken memo.wav')));

  await expect(overall(page)).toContainText('Working, with problems');
  await expect(overall(page)).toContainText('1 new dead letter: open Dead letters to see why.');
  // Dead letters are not a service with an uptime any more.
  await expect(page.getByRole('table', { name: 'Items by stage and state' })).toBeVisible();
  await screenshotsLightAndDark(page, 'attention-new-dead-letter');

  await nav(page, /Dead letters/).click();
  await expect(deadLetterRow(page, 'broken memo.wav')).toBeVisible();
  await nav(page, /^Overview/).click();
  await expect(overall(page)).toContainText('Everything is working');
  await expect(overall(page)).toContainText('1 dead letter already seen.');
  await screenshotsLightAndDark(page, 'attention-seen');

  // A later one is news again.
  await addFile(lifeline.dataDir, writeBrokenAudio(path.join(lifeline.inputsDir, 'second.wav'), 'another broken one'));
  await expect(overall(page)).toContainText(/1 new dead letter since you last looked/);
});

test('a text file renamed .wav is refused when added, with the reason, and never becomes an item', async ({
  page,
  lifeline,
}) => {
  const readme = writeFakeWav(path.join(lifeline.inputsDir, 'README.wav'), '# notes\n\nnot a recording, and private\n');
  await openLifeline(page, lifeline);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Add files…' }).click(),
  ]);
  await chooser.setFiles([readme]);
  const entry = page
    .getByRole('region', { name: 'Added files' })
    .getByRole('listitem')
    .filter({ hasText: 'README.wav' });
  await expect(entry).toContainText('not added: README.wav is not audio: it holds text');
  await expect(entry).not.toContainText('private');
  await screenshotsLightAndDark(page, 'attention-refused-at-the-door');
  expect(await listItems(lifeline.dataDir)).toEqual([]);
  await expect(overall(page)).toContainText('Everything is working');
});

test('for an undecodable file Discard comes first and can be undone for 10 s; a disabled button says why', async ({
  page,
  lifeline,
}) => {
  const kept = await addFile(lifeline.dataDir, writeBrokenAudio(path.join(lifeline.inputsDir, 'keep me.wav'), 'first'));
  const gone = await addFile(lifeline.dataDir, writeBrokenAudio(path.join(lifeline.inputsDir, 'let go.wav'), 'second'));
  await openLifeline(page, lifeline);
  await nav(page, /Dead letters/).click();
  const row = deadLetterRow(page, 'keep me.wav');
  // The first action of the row is the one that helps: a retry cannot fix the file itself.
  await expect(row.getByRole('button').first()).toHaveAccessibleName('Discard keep me.wav');
  await expect(row.getByRole('button', { name: 'Retry keep me.wav' })).toHaveClass(/button-quiet/);

  await row.getByRole('button', { name: 'Discard keep me.wav' }).click();
  await expect(page.getByRole('status', { name: 'Discards you can undo' })).toContainText(
    'keep me.wav will be discarded in',
  );
  await screenshotsLightAndDark(page, 'attention-discard-undo');
  await row.getByRole('button', { name: 'Undo discarding keep me.wav' }).click();
  await expect(row.getByRole('button', { name: 'Discard keep me.wav' })).toBeVisible();

  // Discarded later than the undone one would have been: once it is gone, the undone one is still there.
  await deadLetterRow(page, 'let go.wav').getByRole('button', { name: 'Discard let go.wav' }).click();
  await expect.poll(async () => (await showItem(lifeline.dataDir, gone)).state, { timeout: 30_000 }).toBe('discarded');
  expect((await showItem(lifeline.dataDir, kept)).state).toBe('dead');

  await page.getByRole('button', { name: 'Discard the 1 item with AUDIO_UNDECODABLE' }).click();
  await page.getByRole('button', { name: 'Discard it', exact: true }).click();
  await expect(page.getByText('No dead letters — everything that failed has been handled')).toBeVisible();
  const exportJson = page.getByRole('button', { name: 'Export JSON' });
  await expect(exportJson).toBeDisabled();
  await expect(exportJson).toHaveAccessibleDescription('There are no dead letters');
  await expect(exportJson).toHaveAttribute('title', 'There are no dead letters');
});
