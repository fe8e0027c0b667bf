import type { Page } from '@playwright/test';
import { expect, openLifeline, screenshotPath, test, parkedAtTranscribe } from './support/fixtures';
import path from 'node:path';
import { writeWav } from '../support/audio-files';
import { showItem } from './support/cli';
import { addBlockedFile, missingSourceDeadLetters, seedStore } from './support/store';
import { seedTranscribedItem } from './support/seed-transcript';

// Seeded items stay in the states they were given.
test.use({ serverEnv: { LIFELINE_CONCURRENCY_INGEST: '0', ...parkedAtTranscribe } });

const screens = [
  { name: 'overview', hash: '#/', heading: /^Overview$/ },
  { name: 'items', hash: '#/items', heading: /^Items$/ },
  { name: 'item', hash: '#/items/1', heading: /\.\w+$/ },
  { name: 'memories', hash: '#/memories', heading: /^Memories$/ },
  { name: 'upcoming', hash: '#/upcoming', heading: /^Upcoming$/ },
  { name: 'dead-letters', hash: '#/dead-letters', heading: /^Dead letters/ },
  { name: 'services', hash: '#/services', heading: /^Services$/ },
  { name: 'settings', hash: '#/settings', heading: /^Settings$/ },
];

/** The few DOM pieces `sideways` reads (this project's test code is typed without the DOM library). */
interface Box {
  tagName: string;
  classList: Iterable<string>;
  parentElement: Box | null;
  closest(selector: string): Box | null;
  getBoundingClientRect(): { right: number };
}
interface Doc {
  documentElement: { scrollWidth: number; clientWidth: number };
  body: Box;
  querySelectorAll(selector: string): Iterable<Box>;
}

/** How far the page scrolls sideways, and the elements that stick out past the window's right edge. */
function sideways(page: Page) {
  return page.evaluate(() => {
    const { document, getComputedStyle } = globalThis as unknown as {
      document: Doc;
      getComputedStyle(el: Box): { position: string; overflowX: string };
    };
    const root = document.documentElement;
    const wider = [...document.querySelectorAll('body *')]
      .filter(
        (el) => el.getBoundingClientRect().right > root.clientWidth + 1 && getComputedStyle(el).position !== 'fixed',
      )
      .filter((el) => !el.closest('.visually-hidden, .skip-link'))
      // Content inside a box that scrolls or clips sideways does not move the page.
      .filter((el) => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
          if (getComputedStyle(p).overflowX !== 'visible') return false;
        return true;
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    return { overflow: root.scrollWidth - root.clientWidth, wider };
  });
}

async function show(page: Page, url: string, screen: (typeof screens)[number]): Promise<void> {
  await page.goto(`${url}${screen.hash}`);
  await expect(page.getByRole('heading', { level: 2, name: screen.heading })).toBeVisible();
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
}

test('no screen scrolls sideways at 360, 390 or 900 px wide', async ({ page, lifeline }) => {
  test.setTimeout(90_000);
  await seedStore(lifeline, 60);
  await openLifeline(page, lifeline);
  const found: string[] = [];
  for (const width of [360, 390, 900]) {
    await page.setViewportSize({ width, height: 800 });
    for (const screen of screens) {
      await show(page, lifeline.url, screen);
      const { overflow, wider } = await sideways(page);
      if (overflow > 0)
        found.push(`${screen.name} at ${width} px scrolls ${overflow} px sideways (${wider.join(', ')})`);
    }
  }
  expect(found).toEqual([]);
});

test('every screen at 1280 and 390 px, light and dark, for people to look at', async ({ page, lifeline }) => {
  test.setTimeout(90_000);
  await seedStore(lifeline, 60);
  await openLifeline(page, lifeline);
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const screen of screens) {
        await show(page, lifeline.url, screen);
        await page.screenshot({ path: screenshotPath(`screen-${screen.name}-${width}-${theme}`), fullPage: true });
      }
    }
  }
});

test('at 360 px each stage keeps its name, state and Pause button on one line', async ({ page, lifeline }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await openLifeline(page, lifeline);
  const rows = page.getByRole('region', { name: 'Stages' }).getByRole('listitem');
  await expect(rows).toHaveCount(4);
  for (const row of await rows.all()) {
    const name = (await row.locator('.stage-name').boundingBox())!;
    const state = (await row.locator('.stage-state').boundingBox())!;
    const pause = (await row.getByRole('button', { name: /^Pause/ }).boundingBox())!;
    // One line: the state and the button overlap the name's line vertically.
    for (const box of [state, pause]) {
      expect(box.y).toBeLessThan(name.y + name.height);
      expect(box.y + box.height).toBeGreaterThan(name.y);
    }
  }
});

test.describe('with work running', () => {
  // The stages run (the file's default holds them), so items really run and are retried.
  test.use({ serverEnv: {} });

  test('a running item and a retried dead letter fit a 390 px phone without sideways scrolling', async ({
    page,
    lifeline,
  }) => {
    test.setTimeout(90_000);
    const missing = await missingSourceDeadLetters(lifeline, ['voice memo from the walk home.wav']);
    const blocked = await addBlockedFile(
      lifeline,
      writeWav(path.join(lifeline.inputsDir, 'a long recording from the phone.wav'), { seconds: 3 }),
    );
    await expect.poll(async () => (await showItem(lifeline.dataDir, missing.ids[0]!)).state).toBe('dead');
    // Opened once the heartbeat stored the copy's progress (a page opened before gets no later push: left
    // for the renderer stores).
    await expect
      .poll(async () => (await showItem(lifeline.dataDir, blocked.id)).progress?.step, { timeout: 30_000 })
      .toBe('copy');
    await page.setViewportSize({ width: 390, height: 800 });
    await openLifeline(page, lifeline);
    const running = page.getByRole('region', { name: /^Running now/ });
    await expect(running.getByRole('progressbar', { name: /a long recording from the phone\.wav/ })).toBeVisible();
    // Beside the bar, the stage's own words, not a step name that repeats the stage.
    await expect(running.getByText(/^0% · copying into the store/)).toBeVisible();
    expect(await sideways(page)).toEqual({ overflow: 0, wider: [] });

    // Retried while its file is a pipe nobody writes: it stays running under "Back in the queue".
    missing.block(0);
    await page.goto(`${lifeline.url}#/dead-letters`);
    await page.getByRole('button', { name: 'Retry the 1 item with SOURCE_MISSING' }).click();
    const retried = page.getByRole('region', { name: 'Back in the queue' });
    await expect(retried.getByRole('listitem').filter({ hasText: 'voice memo from the walk home.wav' })).toBeVisible();
    expect(await sideways(page)).toEqual({ overflow: 0, wider: [] });
    await page.screenshot({ path: screenshotPath('running-and-retried-390'), fullPage: true });
    await missing.release(0);
    await blocked.release();
  });

  test("at 390 px a memory's words use the phone's width, not a third of it beside the kind", async ({
    page,
    lifeline,
  }) => {
    await seedTranscribedItem(lifeline, 'week plans.wav', [
      { start: 0, end: 4, text: 'remind me to pick up the dry cleaning on friday before the shop closes' },
    ]);
    await page.setViewportSize({ width: 390, height: 800 });
    await openLifeline(page, lifeline);
    for (const hash of ['#/upcoming', '#/memories']) {
      await page.goto(`${lifeline.url}${hash}`);
      const words = page.locator('.memory-text').filter({ hasText: /dry cleaning/ });
      await expect(words).toBeVisible({ timeout: 30_000 });
      const box = (await words.boundingBox())!;
      // The list's padding and border leave about 340 px; beside a badge column it was about 200.
      expect(box.width, `${hash}: the memory's words are ${Math.round(box.width)} px wide`).toBeGreaterThan(300);
    }
    expect(await sideways(page)).toEqual({ overflow: 0, wider: [] });
  });

  test('a dead letter that fails again after its retry is not listed as back in the queue', async ({
    page,
    lifeline,
  }) => {
    const missing = await missingSourceDeadLetters(lifeline, ['still missing.wav']);
    await expect.poll(async () => (await showItem(lifeline.dataDir, missing.ids[0]!)).state).toBe('dead');
    await openLifeline(page, lifeline);
    await page.goto(`${lifeline.url}#/dead-letters`);
    await page.getByRole('button', { name: 'Retry the 1 item with SOURCE_MISSING' }).click();
    const failed = page.getByRole('region', { name: 'Failed again after the retry' });
    await expect(failed.getByRole('listitem').filter({ hasText: 'still missing.wav' })).toContainText(
      'failed again: SOURCE_MISSING',
      { timeout: 30_000 },
    );
    await expect(page.getByRole('region', { name: 'Back in the queue' })).toHaveCount(0);

    // Its page does not promise a copy that nothing will make.
    await failed.getByRole('link', { name: 'still missing.wav' }).click();
    await expect(
      page.getByText(
        'No stored copy: Ingest stopped before it copied the audio. Retry copies it from where it was added.',
      ),
    ).toBeVisible();
    await expect(page.getByText(/No stored copy yet/)).toHaveCount(0);
  });
});
