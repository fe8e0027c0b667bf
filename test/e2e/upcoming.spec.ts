import path from 'node:path';
import type { Page } from '@playwright/test';
import { festivalMissing, speak } from '../support/festival-speech';
import { addFile, showItem } from './support/cli';
import { expect, openLifeline, screenshotPath, test, screenshotsLightAndDark } from './support/fixtures';
import { seedTranscribedItem } from './support/seed-transcript';

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name, exact: true }).click();
const group = (page: Page, name: string) => page.getByRole('list', { name, exact: true });
const timeline = (page: Page) => page.getByRole('list', { name: 'Timeline, oldest first' });
const actions = (page: Page) => page.getByRole('group', { name: 'Actions' });

/** What was said, as the recogniser would give it, one sentence per segment (seconds). */
const said = [
  'Remind me to call the dentist tomorrow at three pm.',
  'I need to buy stamps.',
  'Lunch with Sarah today at noon.',
  'The concert is on the twentieth of next month.',
].map((text, i) => ({ start: i * 4, end: i * 4 + 3.5, text }));

test.describe('to-dos and events from a recording', () => {
  // The page loses its server while serve restarts, and says so in the console until it is back.
  test.use({
    expectedConsoleErrors:
      /^(WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/api\/events(\?token=.*)?' failed|Failed to load resource: net::ERR_CONNECTION_(REFUSED|RESET)$)/,
  });

  test('Upcoming lists to-dos and events by date, and a Done tick survives a restart and Extract again', async ({
    page,
    lifeline,
  }) => {
    test.setTimeout(150_000);
    const id = await seedTranscribedItem(lifeline, 'monday plans.wav', said);
    await openLifeline(page, lifeline);
    await nav(page, 'Upcoming');
    await expect(page.getByRole('heading', { level: 2, name: 'Upcoming' })).toBeVisible();

    // The engine extracts the recording; the list fills in by itself.
    const dentist = group(page, 'This week')
      .getByRole('listitem')
      .filter({ hasText: /dentist/i });
    await expect(dentist).toBeVisible({ timeout: 60_000 });
    await expect(
      group(page, 'To-dos without a date')
        .getByRole('listitem')
        .filter({ hasText: /stamps/i }),
    ).toBeVisible();
    await expect(group(page, 'Today').getByRole('listitem').filter({ hasText: /lunch/i })).toBeVisible();
    await expect(
      group(page, 'Later')
        .getByRole('listitem')
        .filter({ hasText: /concert/i }),
    ).toBeVisible();
    await expect(dentist.getByRole('link', { name: /^monday plans\.wav at 0:00$/ })).toHaveAttribute(
      'href',
      `#/items/${id}?t=0`,
    );
    const stampsLink = group(page, 'To-dos without a date').getByRole('link', { name: /^monday plans\.wav at 0:04$/ });
    await expect(stampsLink).toHaveAttribute('href', `#/items/${id}?t=4`);

    // Search: no hit has both words, so the close ones are shown, and said to be close; a memory
    // and the transcript segment it was said in are one result.
    await nav(page, 'Memories');
    await page.getByRole('searchbox', { name: 'Search transcripts and memories' }).fill('phone sarah');
    await expect(
      page.getByRole('status').filter({ hasText: 'No exact match for “phone sarah”; close matches' }),
    ).toBeVisible();
    await expect(page.getByRole('list', { name: 'Search results' })).toHaveCount(0);
    await expect(
      page.getByRole('heading', { level: 3, name: 'Close matches: some of the words, or words starting with them' }),
    ).toBeVisible();
    const results = page.getByRole('list', { name: 'Close matches' });
    await expect(results.getByRole('listitem').filter({ hasText: /sarah/i }).first()).toBeVisible();
    await expect(results.getByRole('listitem').filter({ has: page.locator('.kind-transcript') })).toHaveCount(0);
    await expect(results.getByRole('listitem').filter({ hasText: 'Said: “' }).first()).toContainText(
      /lunch with \[?sarah/i,
    );
    await page.screenshot({ path: screenshotPath('search-close-matches'), fullPage: true });
    await nav(page, 'Upcoming');

    const tick = dentist.getByRole('checkbox', { name: /^Done: .*dentist/i });
    await tick.check();
    await expect(tick).toBeChecked();
    await expect(tick).toBeEnabled();
    await screenshotsLightAndDark(page, 'upcoming');

    // The tick is stored: a restart of serve and a reload show it ticked.
    await lifeline.stopServer();
    await lifeline.startServerAgain();
    await openLifeline(page, lifeline);
    await nav(page, 'Upcoming');
    await expect(tick).toBeChecked();

    // Extract again for a selection in Items: the memories are replaced, the tick stays.
    await nav(page, 'Items');
    await page.getByRole('checkbox', { name: 'Select monday plans.wav' }).check();
    await expect(
      page.getByRole('region', { name: 'Selected items' }).getByRole('button', { name: 'Transcribe again' }),
    ).toBeEnabled();
    await page.screenshot({ path: screenshotPath('items-rerun-selection') });
    await page.getByRole('region', { name: 'Selected items' }).getByRole('button', { name: 'Extract again' }).click();
    await expect(
      page.getByRole('status').filter({
        hasText: /^1 item will be extracted again; its transcript and memories stay until the new ones are ready\.$/,
      }),
    ).toBeVisible();
    await expect
      .poll(async () => (await showItem(lifeline.dataDir, id)).events.map((e) => e.type), { timeout: 60_000 })
      .toContain('rerun_published');
    await nav(page, 'Upcoming');
    await expect(tick).toBeChecked();
    await expect(group(page, 'To-dos without a date').getByRole('checkbox', { name: /stamps/i })).not.toBeChecked();
  });
});

test.describe('with real speech', () => {
  test.skip(festivalMissing() !== null, festivalMissing() ?? '');

  test('Transcribe again from the item screen keeps the transcript shown until the new one replaces it', async ({
    page,
    lifeline,
  }) => {
    test.setTimeout(180_000);
    const file = path.join(lifeline.inputsDir, 'short note.wav');
    const { copyFileSync } = await import('node:fs');
    copyFileSync(speak('Remind me to water the plants on Friday.'), file);
    const id = await addFile(lifeline.dataDir, file);
    await openLifeline(page, lifeline);
    await page.goto(`${lifeline.openUrl}#/items/${id}`);
    await expect(page.locator('.view-header .state')).toHaveText('Done', { timeout: 120_000 });
    const segments = page.getByRole('list', { name: 'Transcript segments' });
    await expect(segments.getByRole('listitem')).not.toHaveCount(0);
    const before = await segments.textContent();

    await actions(page).getByRole('button', { name: 'Transcribe again' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'short note.wav will be transcribed again.' }),
    ).toBeVisible();
    // Until the new run has succeeded, the old transcript is what the screen shows.
    await expect(segments).toHaveText(before ?? '');
    await expect(timeline(page)).toContainText('Run again');
    await expect(timeline(page)).toContainText(
      'Transcribe again: the current transcript and memories stay until the new run succeeds',
    );
    await expect(timeline(page)).toContainText('New results in place', { timeout: 120_000 });
    await expect(page.locator('.view-header .state')).toHaveText('Done');
    await expect(segments.getByRole('listitem')).not.toHaveCount(0);
    await expect(actions(page).getByRole('button', { name: 'Transcribe again' })).toBeEnabled();
    await page.screenshot({ path: screenshotPath('item-rerun'), fullPage: true });
  });
});
