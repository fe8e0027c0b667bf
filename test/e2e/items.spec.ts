import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeBrokenAudio, writeWav } from '../support/audio-files';
import { addFile, lifelineCli } from './support/cli';
import {
  expect,
  openLifeline,
  screenshotPath,
  test,
  parkedAtTranscribe,
  screenshotsLightAndDark,
} from './support/fixtures';
import { seedStore } from './support/store';

// Nothing is ingested in these tests: seeded items stay in the states they were given.
test.use({ serverEnv: { LIFELINE_CONCURRENCY_INGEST: '0', ...parkedAtTranscribe } });

interface Status {
  items: Record<string, number>;
  total: number;
}

async function status(dataDir: string): Promise<Status> {
  return JSON.parse(await lifelineCli(dataDir, ['status', '--json'])) as Status;
}

async function openItems(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Items' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Items' })).toBeVisible();
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Items' });
const bodyRows = (page: Page) => grid(page).locator('.items-body [role="row"]:not([aria-busy])');
const countLine = (page: Page) => page.locator('.items-count');
/** A state chip, by its label; its name ends with how many items are in that state ("Dead 3"). */
const chip = (page: Page, name: string) =>
  page
    .getByRole('group', { name: 'Show items in state' })
    .getByRole('button', { name: new RegExp(`^${name}( [\\d,]+)?$`) });

test('filters by state, searches file names, sorts, and scrolls to the end of hundreds of items', async ({
  page,
  lifeline,
}) => {
  await seedStore(lifeline, 600);
  const s = await status(lifeline.dataDir);
  const shown = s.total - s.items.discarded!;
  await openLifeline(page, lifeline);
  await openItems(page);
  await expect(countLine(page)).toHaveText(`${shown} items`);
  await screenshotsLightAndDark(page, 'items');

  await chip(page, 'Dead').click();
  await expect(chip(page, 'Dead')).toHaveAttribute('aria-pressed', 'true');
  await expect(countLine(page)).toHaveText(`${s.items.dead} items match`);
  for (const state of await bodyRows(page).locator('.col-state').allTextContents()) expect(state).toBe('Dead');

  await page.getByRole('searchbox', { name: 'Search file names' }).fill('STANDUP');
  await expect(countLine(page)).not.toHaveText(`${s.items.dead} items match`);
  const names = await bodyRows(page).locator('.col-file').allTextContents();
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) expect(name).toContain('standup');

  await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Oldest first' });
  await expect(bodyRows(page).first()).not.toHaveText(names[0]!);
  const oldestFirst = await bodyRows(page).locator('.col-file').allTextContents();
  expect(oldestFirst).toEqual([...names].reverse());

  // Back to everything, newest first: scrolling to the bottom loads and shows the very first item.
  await page.getByRole('searchbox', { name: 'Search file names' }).fill('');
  await chip(page, 'All').click();
  await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Newest first' });
  await expect(countLine(page)).toHaveText(`${shown} items`);
  const all = JSON.parse(await lifelineCli(lifeline.dataDir, ['items', '--json', '--limit', '1000'])) as {
    fileName: string;
  }[];
  await grid(page)
    .locator('.items-scroll')
    .evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(bodyRows(page).filter({ hasText: all.at(-1)!.fileName })).toBeVisible();
  // Only the rows in view exist in the page, however long the list.
  expect(await grid(page).locator('.items-body [role="row"]').count()).toBeLessThan(60);
});

test('Cancel applies to the ticked items, and Discard to all items matching the filter', async ({ page, lifeline }) => {
  await seedStore(lifeline, 300);
  const before = await status(lifeline.dataDir);
  const waiting = before.items.waiting!;
  await openLifeline(page, lifeline);
  await openItems(page);
  await chip(page, 'Waiting').click();
  await expect(countLine(page)).toHaveText(`${waiting} items match`);

  const boxes = grid(page).getByRole('checkbox', { name: /^Select .*\.wav$/ });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  const bar = page.getByRole('region', { name: 'Selected items' });
  await expect(bar).toContainText('2 selected');
  await bar.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled 2 items.' })).toBeVisible();
  await expect(countLine(page)).toHaveText(`${waiting - 2} items match`);

  await page.getByRole('button', { name: `Select all ${waiting - 2} matching` }).click();
  await expect(bar).toContainText(`All ${waiting - 2} matching selected`);
  await bar.getByRole('button', { name: 'Discard' }).click();
  await page.screenshot({ path: screenshotPath('items-bulk-confirm'), fullPage: true });
  await bar.getByRole('button', { name: `Discard ${waiting - 2} items` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Discarded ${waiting - 2} items.` })).toBeVisible();
  await expect(page.getByText('No items match this filter.')).toBeVisible();

  const after = await status(lifeline.dataDir);
  expect(after.items.waiting).toBe(0);
  expect(after.items.cancelled).toBe(before.items.cancelled! + 2);
  expect(after.items.discarded).toBe(before.items.discarded! + waiting - 2);
});

test('a file added from the command line appears at the top of the list by itself', async ({ page, lifeline }) => {
  await openLifeline(page, lifeline);
  await openItems(page);
  await expect(page.getByText('No recordings yet.')).toBeVisible();
  await page.screenshot({ path: screenshotPath('items-empty'), fullPage: true });
  await addFile(lifeline.dataDir, writeWav(path.join(lifeline.inputsDir, 'fresh memo.wav'), { seconds: 1 }));
  await expect(bodyRows(page).first()).toContainText('fresh memo.wav');
  // Ingest is stopped here (concurrency 0), so the item waits there with that reason.
  await expect(bodyRows(page).first().locator('.col-state')).toHaveText('Waiting');
  await expect(countLine(page)).toHaveText('1 items'.replace('1 items', '1 item'));
});

test('rows can be ticked and walked with the keyboard alone, scrolling as focus moves', async ({ page, lifeline }) => {
  await seedStore(lifeline, 200);
  await openLifeline(page, lifeline);
  await openItems(page);
  const boxes = grid(page).getByRole('checkbox', { name: /^Select .*\.wav$/ });
  await boxes.first().focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(page.getByRole('region', { name: 'Selected items' })).toContainText('2 selected');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('data-row-index', '25');
  await expect(focused).toBeInViewport();
  await page.screenshot({ path: screenshotPath('items-keyboard') });
});

test.describe('while items come and go', () => {
  // Ingest runs here, so a broken file becomes a dead letter.
  test.use({ serverEnv: {} });

  test('a filter, sort and search set one after another stay set when the app redraws between them', async ({
    page,
    lifeline,
  }) => {
    await openLifeline(page, lifeline);
    await openItems(page);
    await chip(page, 'Done').click();
    await expect(page).toHaveURL(/#\/items\?state=done$/);
    // A new dead letter redraws the whole app (its badge), which reads the address as it is now.
    await addFile(lifeline.dataDir, writeBrokenAudio(path.join(lifeline.inputsDir, 'not audio.wav')));
    await expect(
      page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /^Dead letters/ }),
    ).toHaveText(/1/);
    await page.getByLabel('Sort').selectOption({ label: 'Oldest first' });
    await page.getByRole('searchbox', { name: 'Search file names' }).fill('memo');
    await expect(page).toHaveURL(/#\/items\?state=done&q=memo&dir=asc$/);
    await expect(page.getByRole('searchbox', { name: 'Search file names' })).toHaveValue('memo');
    await expect(page.getByLabel('Sort')).toHaveValue('age-asc');
    await expect(chip(page, 'Done')).toHaveAttribute('aria-pressed', 'true');
  });
});
