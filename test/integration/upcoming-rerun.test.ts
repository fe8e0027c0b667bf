import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  UpcomingList,
  type ChannelName,
  type Memory,
  type RequestOf,
  type ResponseOf,
} from '../../src/shared/contract';
import { openLifeline, type Lifeline } from '../../src/main/lifeline';
import { FakeClock } from '../../src/main/time/clock';
import { runCliHere } from '../support/cli-in-process';
import { closeAfterEach } from '../support/close-after-each';
import { doneItem, pipelineOutputs } from '../support/done-item';
import { queueFixture } from '../support/queue-fixture';
import { tempDir } from '../support/temp-dir';

const opened = closeAfterEach();
/** Monday 7 December 2026, noon on this machine's clock. */
const monday = new Date(2026, 11, 7, 12, 0).getTime();
const local = (day: number, hour: number) => new Date(2026, 11, day, hour, 0).toISOString();

const said = (start: number, text: string) => ({ start, end: start + 3, text });
const todo = (text: string, start: number, at: string | null = null): Memory => ({
  kind: 'todo',
  text,
  at,
  allDay: false,
  repeats: null,
  source: said(start, text),
});
const event = (text: string, start: number, at: string | null = null): Memory => ({
  kind: 'event',
  text,
  at,
  allDay: false,
  repeats: null,
  source: said(start, text),
});

const segments = [
  said(0, 'pay the rent'),
  said(3, 'dentist appointment today'),
  said(6, 'call alice on thursday'),
  said(9, 'book club'),
];
const memories = [
  todo('pay the rent', 0, local(6, 9)),
  event('dentist appointment today', 3, local(7, 15)),
  todo('call alice on thursday', 6, local(10, 16)),
  event('book club', 9, local(28, 19)),
  todo('water the plants', 12),
  event('a party some day', 14),
  { kind: 'fact', text: 'the sky is blue', at: null, allDay: false, repeats: null, source: null } satisfies Memory,
];

function open(dataDir: string): Lifeline {
  return opened.track(
    openLifeline({ dataDir, withEngine: false, processName: 'test', env: {}, clock: new FakeClock(monday) }),
  );
}

async function call<C extends ChannelName>(app: Lifeline, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const r = await app.call(channel, request);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** The CLI in this process (as `lifeline --data-dir D …`), with what it printed. */
const cli = (dataDir: string, args: string[]) => runCliHere(dataDir, args);

const texts = (list: UpcomingList) =>
  Object.fromEntries(list.groups.map((g) => [g.bucket, g.entries.map((e) => `${e.done ? '[x] ' : ''}${e.text}`)]));

async function storeWithOneRecording() {
  const dataDir = path.join(tempDir(), 'data');
  const f = queueFixture(dataDir);
  f.clock.advance(monday - f.clock.now());
  const itemId = await doneItem(f, 'monday.wav', segments, memories);
  return { dataDir, f, itemId };
}

describe('Upcoming over a real SQLite store', () => {
  it('lists to-dos and events by date: overdue, today, this week, later, and undated to-dos', async () => {
    const { dataDir, f } = await storeWithOneRecording();
    f.store.close();
    const list = await call(open(dataDir), 'upcoming:list', {});
    expect(list.today).toBe('2026-12-07');
    expect(texts(list)).toEqual({
      overdue: ['pay the rent'],
      today: ['dentist appointment today'],
      week: ['call alice on thursday'],
      later: ['book club'],
      undated: ['water the plants'],
    });
    const call_ = list.groups.find((g) => g.bucket === 'week')!.entries[0]!;
    expect(call_).toMatchObject({
      kind: 'todo',
      day: '2026-12-10',
      start: 6,
      fileName: 'monday.wav',
      done: false,
      allDay: false,
    });
  });

  it('keeps a Done tick through the channel and the CLI, and says what is wrong with a bad reference', async () => {
    const { dataDir, f } = await storeWithOneRecording();
    f.store.close();
    const app = open(dataDir);
    const list = await call(app, 'upcoming:list', {});
    const rent = list.groups[0]!.entries[0]!;
    const alice = list.groups[2]!.entries[0]!;
    expect(await call(app, 'upcoming:setDone', { memoryId: alice.memoryId, done: true })).toMatchObject({
      done: true,
      doneAt: new Date(monday).toISOString(),
    });

    const ticked = await cli(dataDir, ['done', `#${rent.memoryId}`]);
    // It names what was ticked, so a mistyped #N shows at once.
    expect(ticked).toMatchObject({ code: 0, stdout: `#${rent.memoryId} done: pay the rent (monday.wav)\n` });
    const after = await call(app, 'upcoming:list', {});
    // A done to-do whose day has passed is behind you; one still to come stays, ticked.
    expect(texts(after)).toMatchObject({ overdue: [], week: ['[x] call alice on thursday'] });

    const json = await cli(dataDir, ['upcoming', '--json']);
    expect(UpcomingList.parse(JSON.parse(json.stdout)).groups[2]!.entries[0]).toMatchObject({
      done: true,
      text: 'call alice on thursday',
    });
    const table = await cli(dataDir, ['upcoming']);
    expect(table.stdout).toMatch(
      new RegExp(
        `^This week \\(1\\)\\ndone +ref +kind +when +said in +what\\n\\[x\\] +#${alice.memoryId} +todo +Thu 2026-12-10 16:00 +monday\\.wav 0:06 +call alice on thursday$`,
        'm',
      ),
    );

    const undo = await cli(dataDir, ['done', String(alice.memoryId), '--undo']);
    expect(undo.stdout).toBe(`#${alice.memoryId} not done: call alice on thursday (monday.wav)\n`);
    expect(texts(await call(app, 'upcoming:list', {})).week).toEqual(['call alice on thursday']);

    const fact = await cli(dataDir, ['done', '7']);
    expect(fact).toMatchObject({
      code: 1,
      stderr: 'lifeline: memory 7 is a fact; only to-dos and events can be ticked Done\n',
    });
    expect(await app.call('upcoming:setDone', { memoryId: 999, done: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect((await cli(dataDir, ['done', 'rent'])).code).toBe(1);
  });
});

describe('running a done item again', () => {
  it('keeps the old memories on screen until the re-run succeeds, then replaces them at once, keeping Done ticks', async () => {
    const { dataDir, f, itemId } = await storeWithOneRecording();
    const app = open(dataDir);
    const before = await call(app, 'upcoming:list', {});
    await call(app, 'upcoming:setDone', { memoryId: before.groups[2]!.entries[0]!.memoryId, done: true });

    const rerun = await cli(dataDir, ['rerun', String(itemId), '--from', 'extract']);
    expect(rerun).toMatchObject({ code: 0, stdout: '1 item queued to run again from extract\n' });
    const queued = await call(app, 'items:get', { id: itemId });
    expect(queued).toMatchObject({ state: 'queued', stage: 'extract', attempts: 0 });
    expect(queued.events.at(-1)).toMatchObject({ type: 'rerun', actor: 'user', stage: 'extract' });
    expect(queued.events.at(-1)!.detail).toMatch(
      /^Extract again: the current transcript and memories stay until the new run succeeds$/,
    );

    // The new extraction runs: the stages see its memories, every screen still the old ones.
    const pipeline = pipelineOutputs(f);
    pipeline.extract([todo('Call Alice on Thursday!', 6, local(10, 16)), todo('buy stamps', 12)]);
    expect(pipeline.memories.list(itemId).map((m) => m.text)).toEqual(['Call Alice on Thursday!', 'buy stamps']);
    expect((await call(app, 'items:get', { id: itemId })).memories.map((m) => m.text)).toContain('book club');
    expect((await call(app, 'memories:list', {})).memories.map((m) => m.text)).toContain('pay the rent');
    expect((await call(app, 'search:query', { query: 'stamps' })).hits).toEqual([]);

    await pipeline.index();
    const done = await call(app, 'items:get', { id: itemId });
    expect(done.state).toBe('done');
    expect(done.memories.map((m) => m.text)).toEqual(['Call Alice on Thursday!', 'buy stamps']);
    expect(done.events.map((e) => e.type)).toContain('rerun_published');
    expect((await call(app, 'search:query', { query: 'stamps' })).hits).toHaveLength(1);
    // The same words of the same recording: the tick made before the re-run is still there.
    expect(texts(await call(app, 'upcoming:list', {}))).toMatchObject({
      week: ['[x] Call Alice on Thursday!'],
      undated: ['buy stamps'],
    });
  });

  it('a tick sent from a page that still shows the memories Extract again replaced goes to what the page showed', async () => {
    const { dataDir, f, itemId } = await storeWithOneRecording();
    const app = open(dataDir);
    // The page lists the memories; then the re-run replaces them before the user's tick arrives.
    const shown = (await call(app, 'upcoming:list', {})).groups.flatMap((g) => g.entries);
    await call(app, 'items:rerun', { target: { kind: 'ids', ids: [itemId] }, from: 'extract' });
    const pipeline = pipelineOutputs(f);
    pipeline.extract([todo('buy stamps', 12), todo('Call Alice on Thursday!', 6, local(10, 16))]);
    await pipeline.index();
    const now = (await call(app, 'upcoming:list', {})).groups.flatMap((g) => g.entries);
    // The old ids are gone or name other memories now: by id alone the tick would be refused or land elsewhere.
    const alice = shown.find((e) => e.text === 'call alice on thursday')!;
    expect(now.find((e) => e.memoryId === alice.memoryId)?.text).not.toBe('Call Alice on Thursday!');

    const r = await app.call('upcoming:setDone', {
      memoryId: alice.memoryId,
      done: true,
      shown: { itemId: alice.itemId, text: alice.text },
    });
    expect(r).toMatchObject({ ok: true, value: { memoryId: alice.memoryId, done: true } });
    expect(texts(await call(app, 'upcoming:list', {}))).toMatchObject({
      week: ['[x] Call Alice on Thursday!'],
      undated: ['buy stamps'],
    });
    // Words no longer said in the recording (SQLite gave "buy stamps" the id "pay the rent" had): the
    // tick is kept for those words, and "buy stamps" is not ticked for them.
    const rent = shown.find((e) => e.text === 'pay the rent')!;
    expect(
      await app.call('upcoming:setDone', { memoryId: rent.memoryId, done: true, shown: { itemId, text: rent.text } }),
    ).toMatchObject({ ok: true });
    expect(texts(await call(app, 'upcoming:list', {})).undated).toEqual(['buy stamps']);
    // A recording that does not exist is still NOT_FOUND.
    expect(
      await app.call('upcoming:setDone', { memoryId: 999, done: true, shown: { itemId: 99, text: 'x' } }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('leaves the old transcript and memories as they were when the re-run fails', async () => {
    const { dataDir, f, itemId } = await storeWithOneRecording();
    const app = open(dataDir);
    expect(
      await call(app, 'items:rerun', { target: { kind: 'ids', ids: [itemId, 99] }, from: 'transcribe' }),
    ).toMatchObject({ changed: 1, notFound: 1 });
    const pipeline = pipelineOutputs(f);
    const job = pipeline.claim('transcribe');
    pipeline.transcripts.savePlan(
      job,
      { sampleRate: 16_000, totalFrames: 16_000, chunks: [[0, 16_000]] },
      f.clock.now(),
    );
    pipeline.transcripts.saveChunk(job, 0, [said(0, 'something else entirely')], 'other-asr', f.clock.now());
    expect(pipeline.transcripts.transcript(itemId)?.text).toBe('something else entirely');
    f.queue.finish(job, {
      kind: 'failed',
      failure: { code: 'ASR_CRASHED', message: 'the engine crashed', permanent: true },
    });

    const dead = await call(app, 'items:get', { id: itemId });
    expect(dead.state).toBe('dead');
    expect(dead.transcript?.segments.map((s) => s.text)).toEqual(segments.map((s) => s.text));
    expect(dead.memories).toHaveLength(memories.length);

    // Only a done item can be run again: the CLI says why, and nothing changes.
    const refused = await cli(dataDir, ['rerun', String(itemId), '--from', 'extract']);
    expect(refused).toMatchObject({ code: 1, stderr: 'lifeline: 1 item is dead; only done items can be run again\n' });
    expect((await cli(dataDir, ['rerun', String(itemId)])).code).toBe(1);

    // Retry goes on with the re-run: when it succeeds, the new transcript replaces the old one.
    f.queue.retry(itemId);
    pipeline.transcribe([said(0, 'the second try')]);
    pipeline.extract([todo('the second try', 0)]);
    await pipeline.index();
    const after = await call(app, 'items:get', { id: itemId });
    expect(after).toMatchObject({
      state: 'done',
      transcript: { text: 'the second try' },
      memories: [{ text: 'the second try' }],
    });
  });

  it('goes through the queue: only a done item, with its stage’s attempts; discarding abandons it', async () => {
    const { f, itemId } = await storeWithOneRecording();
    expect(f.queue.rerun(999, 'extract')).toBeNull();
    expect(f.queue.rerun(itemId, 'transcribe')).toBe('rerun');
    expect(f.queue.rerun(itemId, 'extract')).toBe('not_rerunnable');
    const job = f.store.db
      .prepare(`SELECT stage, state, attempts, max_attempts FROM jobs WHERE item_id = ?`)
      .get(itemId);
    expect(job).toEqual({
      stage: 'transcribe',
      state: 'queued',
      attempts: 0,
      max_attempts: f.queue.policy('transcribe').maxAttempts,
    });
    const pipeline = pipelineOutputs(f);
    pipeline.transcribe([said(0, 'never published')]);
    f.queue.discard(itemId);
    const left = (table: string) =>
      f.store.db.prepare(`SELECT count(*) FROM ${table} WHERE item_id = ?`).pluck().get(itemId);
    expect([left('reruns'), left('rerun_transcript_chunks'), left('rerun_transcript_plans')]).toEqual([0, 0, 0]);
    expect(f.store.reads.detail(itemId)?.transcript?.segments).toHaveLength(segments.length);
    f.store.close();
  });
});
