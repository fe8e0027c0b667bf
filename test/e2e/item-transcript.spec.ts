import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeWav } from '../support/audio-files';
import { startAsrServer, type FakeService } from '../support/fake-services';
import { festivalMissing, speakAll } from '../support/festival-speech';
import { addFile } from './support/cli';
import { expect, openLifeline, screenshotPath, test, screenshotsLightAndDark } from './support/fixtures';

const timeline = (page: Page) => page.getByRole('list', { name: 'Timeline, oldest first' });
const actions = (page: Page) => page.getByRole('group', { name: 'Actions' });
const player = (page: Page, fileName: string) => page.getByLabel(`Play ${fileName}`);
const currentTime = (page: Page, fileName: string) =>
  player(page, fileName).evaluate((a) => (a as unknown as { currentTime: number }).currentTime);

test.describe('a transcribed recording', () => {
  test.skip(festivalMissing() !== null, festivalMissing() ?? '');

  test('a done item shows its transcript with times and its memories; a time plays the audio from there', async ({
    page,
    lifeline,
  }) => {
    test.setTimeout(180_000);
    const file = speakAll(
      ['Remind me to call the dentist tomorrow at three pm.', 'My sister lives in Chicago and works as a nurse.'],
      path.join(lifeline.inputsDir, 'errands.wav'),
    );
    const id = await addFile(lifeline.dataDir, file);
    await openLifeline(page, lifeline);
    await page.goto(`${lifeline.url}#/items/${id}`);
    await expect(page.locator('.view-header .state')).toHaveText('Done', { timeout: 150_000 });

    const segments = page.getByRole('list', { name: 'Transcript segments' });
    await expect(segments.getByRole('listitem')).toHaveCount(2);
    await expect(segments.getByRole('listitem').first()).toContainText(/dentist/i);
    await expect(segments.getByRole('button', { name: /^Play from / }).first()).toHaveText('0:00');
    const second = segments.getByRole('listitem').nth(1);
    const secondTime = (await second.getByRole('button').textContent()) ?? '';
    expect(secondTime).toMatch(/^0:0[2-9]$/);

    const memories = page.getByRole('list', { name: 'Memories of this recording' });
    const todo = memories.getByRole('listitem').filter({ has: page.locator('.kind', { hasText: 'To-do' }) });
    await expect(todo).toContainText(/dentist tomorrow at three pm/i);
    await expect(todo.locator('time')).toHaveAttribute('datetime', /T\d\d:00:00/);

    // Keyboard: the second segment's time plays the audio from there.
    await second.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => currentTime(page, 'errands.wav'), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(Number(secondTime.slice(2)));
    await expect(second).toHaveAttribute('aria-current', 'true');
    await player(page, 'errands.wav').evaluate((a) => (a as unknown as { pause(): void }).pause());

    await expect(timeline(page)).toContainText('Stage finished');
    await screenshotsLightAndDark(page, 'item-transcript');
  });
});

test.describe('a recording whose transcription hangs', () => {
  let asr: FakeService;
  let answerFirstChunk: () => void = () => undefined;
  test.beforeEach(async () => {
    // An OpenAI-compatible ASR server on 127.0.0.1: it answers the first chunk when the test says
    // so, and never answers the next one.
    const firstChunk = new Promise<void>((resolve) => (answerFirstChunk = resolve));
    asr = await startAsrServer({ behave: (n) => (n === 1 ? { kind: 'after', ready: firstChunk } : { kind: 'hang' }) });
  });
  test.afterEach(async () => {
    await asr.close();
  });

  test('the transcript grows while transcription runs, and Recover now on the stuck item puts a recovery in the timeline', async ({
    page,
    lifeline,
  }) => {
    await lifeline.stopServer();
    await lifeline.startServerAgain({
      LIFELINE_ASR_ENGINE: 'openai',
      LIFELINE_ASR_URL: asr.url,
      LIFELINE_CHUNK_SECONDS: '10',
    });
    const id = await addFile(
      lifeline.dataDir,
      writeWav(path.join(lifeline.inputsDir, 'stuck memo.wav'), { seconds: 25 }),
    );
    await openLifeline(page, lifeline);
    await page.goto(`${lifeline.url}#/items/${id}`);
    await expect(page.getByText(/^Transcribe is running/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('Transcribing: the first part appears here as soon as it is done.')).toBeVisible();

    // 25 s cut into ≈10 s chunks (at most 10 + 8 s each): at least two. The first finishes while the
    // page is open, and its words appear without a reload.
    await expect.poll(() => asr.requests.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    answerFirstChunk();
    const segments = page.getByRole('list', { name: 'Transcript segments' });
    await expect(segments.getByRole('listitem')).toHaveCount(1, { timeout: 15_000 });
    await expect(segments.getByRole('button', { name: /^Play from / })).toHaveText('0:00');
    await expect(page.getByText(/^Transcribing \(\d+%\): more appears here as each part finishes\.$/)).toBeVisible();
    await expect(page.getByText(/^Transcribe is running/)).toBeVisible();

    const recover = actions(page).getByRole('button', { name: 'Recover now' });
    await expect(recover).toBeEnabled();
    await recover.click();
    // The "was recovered" message goes as soon as the item runs again (here at once): the timeline keeps it.
    const recovered = timeline(page).getByRole('listitem').filter({ hasText: 'Recovered' });
    await expect(recovered).toHaveCount(1);
    await expect(recovered).toContainText('recovery asked by the user (recover now)');
    await expect(recovered.locator('.timeline-recovery dd').nth(1)).toHaveText('by you (Recover now or Reset stuck)');
    await expect(recovered).toContainText(/back in the queue/);
    expect(asr.requests.length).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: screenshotPath('item-recovered'), fullPage: true });
  });
});
