import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeBrokenAudio, writeWav } from '../support/audio-files';
import { startAsrServer, type FakeService } from '../support/fake-services';
import { addFile } from './support/cli';
import { expect, openLifeline, screenshotPath, test as base } from './support/fixtures';

/** Every screen, by its address and the heading it shows when it has loaded. */
function screens(itemId: number): { name: string; hash: string; heading: RegExp }[] {
  return [
    { name: 'overview', hash: '#/', heading: /^Overview$/ },
    { name: 'items', hash: '#/items', heading: /^Items$/ },
    { name: 'item', hash: `#/items/${itemId}`, heading: /^morning note\.wav$/ },
    { name: 'memories', hash: '#/memories', heading: /^Memories$/ },
    { name: 'upcoming', hash: '#/upcoming', heading: /^Upcoming$/ },
    { name: 'dead-letters', hash: '#/dead-letters', heading: /^Dead letters/ },
    { name: 'services', hash: '#/services', heading: /^Services$/ },
    { name: 'settings', hash: '#/settings', heading: /^Settings$/ },
  ];
}

/** The serious and critical axe-core findings on the page as it is, one line per rule and node. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? v.help}`,
      ),
    );
}

/** `serve` with an OpenAI-compatible transcription server on 127.0.0.1, so a recording gets a transcript. */
const test = base.extend<{ asr: FakeService }>({
  asr: async ({}, use) => {
    const asr = await startAsrServer();
    try {
      await use(asr);
    } finally {
      await asr.close();
    }
  },
  serverEnv: async ({ asr }, use) => {
    await use({ LIFELINE_ASR_ENGINE: 'openai', LIFELINE_ASR_URL: asr.url });
  },
});

test('every screen, in the light and the dark theme, has no serious or critical accessibility problems', async ({
  page,
  lifeline,
  browser,
}) => {
  // A transcription and 18 axe-core runs: on a loaded 2-core machine this can take minutes (a wait
  // limit, not a timing goal; alone it takes about 25 s).
  test.setTimeout(180_000);
  // A transcribed recording (transcript times, memories) and a dead letter give every screen content.
  const id = await addFile(
    lifeline.dataDir,
    writeWav(path.join(lifeline.inputsDir, 'morning note.wav'), { seconds: 3 }),
  );
  await addFile(lifeline.dataDir, writeBrokenAudio(path.join(lifeline.inputsDir, 'not audio.wav')));
  await openLifeline(page, lifeline);
  await page.goto(`${lifeline.url}#/items/${id}`);
  await expect(page.locator('.view-header .state')).toHaveText('Done', { timeout: 60_000 });

  const found: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const screen of screens(id)) {
      await page.goto(`${lifeline.url}${screen.hash}`);
      await expect(page.getByRole('heading', { level: 2, name: screen.heading })).toBeVisible();
      await expect(page.getByText(/^Loading/)).toHaveCount(0);
      found.push(...(await seriousViolations(page)).map((v) => `${screen.name}, ${theme}: ${v}`));
    }
  }
  // The page a browser without a session gets.
  const stranger = await browser.newContext();
  const notice = await stranger.newPage();
  for (const theme of ['light', 'dark'] as const) {
    await notice.emulateMedia({ colorScheme: theme });
    await notice.goto(lifeline.url);
    await expect(notice.getByRole('heading', { level: 1, name: /^Open Lifeline from the address/ })).toBeVisible();
    found.push(...(await seriousViolations(notice)).map((v) => `no session, ${theme}: ${v}`));
  }
  await stranger.close();
  expect(found).toEqual([]);
});

test('a skip link takes keyboard users past the header to the screen itself', async ({ page, lifeline }) => {
  await openLifeline(page, lifeline);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.screenshot({ path: screenshotPath('skip-link') });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  // The next stop is inside the screen, not the header's navigation.
  await expect(page.locator('main#content :focus')).toHaveCount(1);
});
