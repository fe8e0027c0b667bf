import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/main/time/clock';
import { inProcessLifelines } from '../support/in-process-lifeline';
import { callOk } from '../support/lifeline-calls';
import { waitFor } from '../support/wait-for';

// Settings, retention.doneEventsDays: "Cleanup drops routine events (started, due, waiting…) of items
// done longer ago than this" (30 days). management-api.test.ts runs the cleanup with 1 day; this is
// the nightly run as it is scheduled (no argument: the setting's default).

const lifelines = inProcessLifelines();
const DAY = 86_400_000;

describe('the nightly cleanup with the defaults', () => {
  it('keeps the routine events of an item done 29 days ago and drops them at 31 days, keeping its outcome', async () => {
    const clock = new FakeClock(Date.now());
    const app = lifelines.open({ clock });
    const id = lifelines.add(app, 'a.wav');
    await app.start();
    await waitFor('the item to be done', () => app.store.reads.summary(id)!.state === 'done');
    const before = app.store.reads.detail(id)!.events.map((e) => e.type);
    expect(before).toContain('started');

    clock.jumpWall(29 * DAY);
    expect((await callOk(app, 'maintenance:cleanup', {})).events).toBe(0);
    clock.jumpWall(2 * DAY);
    expect((await callOk(app, 'maintenance:cleanup', {})).events).toBeGreaterThan(0);
    const after = app.store.reads.detail(id)!.events.map((e) => e.type);
    expect(after).not.toContain('started');
    expect(after).toEqual(before.filter((t) => t !== 'started'));
  });
});
