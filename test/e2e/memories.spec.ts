import path from 'node:path';
import type { Page } from '@playwright/test';
import { festivalMissing, speakAll } from '../support/festival-speech';
import { addFile } from './support/cli';
import { expect, openLifeline, screenshotPath, test, screenshotsLightAndDark } from './support/fixtures';

/** Spoken by festival, transcribed by pocketsphinx: a to-do with a date, a name, a fact. */
const sentences = [
  'Remind me to call the dentist tomorrow at three pm.',
  'Sarah said the project meeting moved to next Monday.',
  'My sister lives in Chicago and works as a nurse.',
];

const results = (page: Page) => page.getByRole('list', { name: 'Search results' });
const memories = (page: Page) => page.getByRole('list', { name: 'Memories' });
const kindFilter = (page: Page) => page.getByRole('group', { name: 'Show kind' });
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search transcripts and memories' });

test.skip(festivalMissing() !== null, festivalMissing() ?? '');

test('what was said in a recording can be found, filtered by kind, and opened at the moment it was said', async ({
  page,
  lifeline,
}) => {
  // Real speech through the real pipeline (pocketsphinx on a shared 2-core machine).
  test.setTimeout(240_000);
  await openLifeline(page, lifeline);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Memories' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Memories' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^No memories yet$/ })).toBeVisible();
  await expect(page.getByText(/^Add a recording \(Add files…, Record, or drop audio on this window\)/)).toBeVisible();
  await page.screenshot({ path: screenshotPath('memories-empty') });

  const file = speakAll(sentences, path.join(lifeline.inputsDir, 'tuesday notes.wav'));
  const id = await addFile(lifeline.dataDir, file);

  // The list fills in by itself once the recording is done (pushed changes, no reload).
  const dentist = memories(page)
    .getByRole('listitem')
    .filter({ hasText: /dentist tomorrow at three pm/i });
  await expect(dentist).toBeVisible({ timeout: 200_000 });
  await expect(dentist.locator('.kind')).toHaveText('To-do');
  await expect(dentist.locator('time')).toHaveAttribute('datetime', /T\d\d:00:00/);
  await expect(dentist.getByRole('link', { name: /^tuesday notes\.wav at 0:00$/ })).toHaveAttribute(
    'href',
    new RegExp(`^#/items/${id}\\?t=0\\.\\d+$`),
  );
  await expect(
    memories(page)
      .getByRole('listitem')
      .filter({ has: page.locator('.kind', { hasText: 'Person' }) }),
  ).toContainText('Sarah');
  // A day said without a time shows as the day alone ("Mon, Dec 14", as Upcoming says it), never as a made-up hour.
  const meeting = memories(page)
    .getByRole('listitem')
    .filter({ hasText: /moved? to next monday/i });
  await expect(meeting.locator('time')).toHaveText(/^\w{3}, \w{3} \d{1,2}(, \d{4})?$/);

  // Filter by kind: only the to-do is left.
  await kindFilter(page).getByRole('button', { name: 'To-dos' }).click();
  await expect(kindFilter(page).getByRole('button', { name: 'To-dos' })).toHaveAttribute('aria-pressed', 'true');
  await expect(memories(page).getByRole('listitem')).toHaveCount(1);
  await expect(memories(page).getByRole('listitem')).toContainText(/dentist/i);
  await expect(page.getByRole('status').filter({ hasText: '1 to-do, newest recordings first' })).toBeVisible();
  await kindFilter(page).getByRole('button', { name: 'All' }).click();
  await expect(memories(page).getByRole('listitem')).not.toHaveCount(1);
  await page.screenshot({ path: screenshotPath('memories-browse'), fullPage: true });

  // Search: ranked hits with the word highlighted, each linking to its moment in the audio.
  await searchBox(page).fill('chicago');
  // The fact and the transcript segment it was said in are one result (its segment shown with it).
  await expect(
    page.getByRole('status').filter({ hasText: /^\d+ match(es)? for “chicago”, best first$/ }),
  ).toBeVisible();
  const hit = results(page).getByRole('listitem').first();
  await expect(hit.locator('.memory-text mark')).toHaveText(/^chicago$/i);
  await expect(hit.locator('.memory-said mark')).toHaveText(/^chicago$/i);
  const link = hit.getByRole('link', { name: /^tuesday notes\.wav at 0:0\d$/ });
  const href = (await link.getAttribute('href')) ?? '';
  const at = Number(/\?t=([\d.]+)$/.exec(href)?.[1]);
  expect(href).toMatch(new RegExp(`^#/items/${id}\\?t=`));
  expect(at).toBeGreaterThan(5);
  await screenshotsLightAndDark(page, 'memories-search');

  // Narrowing a search to a kind that does not match says so and offers the way back.
  await kindFilter(page).getByRole('button', { name: 'To-dos' }).click();
  await expect(page.getByText('Nothing in to-dos matches “chicago”.', { exact: false })).toBeVisible();
  await expect(results(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Show all kinds' }).click();
  await expect(results(page).getByRole('listitem').first().locator('.memory-text mark')).toHaveText(/^chicago$/i);

  // Open the hit: the item shows its transcript, and its player is at the moment of the match.
  await results(page).getByRole('listitem').first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 2, name: 'tuesday notes.wav' })).toBeVisible();
  const segments = page.getByRole('list', { name: 'Transcript segments' });
  await expect(segments.getByRole('listitem')).toHaveCount(3);
  await expect(segments).toContainText(/chicago/i);
  const player = page.getByLabel('Play tuesday notes.wav');
  await expect
    .poll(() => player.evaluate((a) => (a as unknown as { currentTime: number }).currentTime), { timeout: 15_000 })
    .toBeCloseTo(at, 1);
  await expect(segments.locator('[aria-current="true"]')).toContainText(/chicago/i);
  await expect(page.getByRole('list', { name: 'Memories of this recording' })).toContainText(/dentist/i);
  // Its due date reads as the Memories list and Upcoming say it, and the extract note counts in words.
  await expect(
    page.getByRole('list', { name: 'Memories of this recording' }).getByRole('listitem').locator('time').first(),
  ).toHaveText(/^\w{3}, \w{3} \d{1,2}(, \d{4})?(, \d{1,2}:\d\d [AP]M)?$/);
  const extractNote = page
    .getByRole('list', { name: 'Timeline, oldest first' })
    .locator('.timeline-detail')
    .filter({ hasText: / by rules: / });
  await expect(extractNote).toHaveText(
    /^\d+ memor(y|ies) by rules: \d+ to-dos?, \d+ events?, \d+ (person|people), \d+ facts?$/,
  );
  await expect(extractNote).not.toHaveText(/\b1 (memories|to-dos|events|people|facts)\b/);
  await expect(extractNote).not.toHaveText(/\b(0|[2-9]|\d\d+) (memory|to-do|event|person|fact)\b/);

  await expect(page.locator('.fact').filter({ hasText: /^Stage/ })).toContainText('Index, the last stage, finished');

  // In the list, a finished recording has no leftover "attempt 1 of 3".
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Items' }).click();
  const row = page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: 'tuesday notes.wav' });
  await expect(row.locator('.col-state')).toHaveText('Done');
  await expect(row).not.toContainText('attempt');
});
