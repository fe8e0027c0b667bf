import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inProcessLifelines } from '../support/in-process-lifeline';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';
import { callOk } from '../support/lifeline-calls';

const lifelines = inProcessLifelines();
const open = (dataDir: string, withEngine = true) => lifelines.open({ dataDir, withEngine });
const add = lifelines.add;

describe('dead letters as attention', () => {
  it('new dead letters make the app amber until seen; seen ones leave it green as a count, and a later one is news again', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const app = open(dataDir);
    await app.start();
    const changes: string[] = [];
    app.events.on('health.changed', (h) => changes.push(h.overall));
    const bad = [add(app, 'bad-1.wav'), add(app, 'bad-2.wav')];
    app.engine!.wake();
    await waitFor('two dead letters', () => bad.every((id) => app.store.reads.summary(id)!.state === 'dead'));
    const amber = await waitFor('amber for new dead letters', async () => {
      const h = await callOk(app, 'health:get', {});
      return h.attention.newDeadLetters === 2 && h;
    });
    expect(amber.overall).toBe('amber');
    expect(amber.reasons).toEqual(['2 new dead letters: open Dead letters to see why']);
    expect(amber.services.map((s) => s.name)).not.toContain('dead-letters');
    expect(changes).toContain('amber');

    const seen = await callOk(app, 'deadLetters:markSeen', {});
    expect(seen).toMatchObject({ deadLetters: 2, newDeadLetters: 0 });
    expect(seen.seenAt).not.toBeNull();
    const green = await callOk(app, 'health:get', {});
    expect(green.overall).toBe('green');
    expect(green.notes).toContain('2 dead letters already seen');
    expect(changes.at(-1)).toBe('green');

    const third = add(app, 'bad-3.wav');
    app.engine!.wake();
    await waitFor('amber again for the new one', async () => {
      const h = await callOk(app, 'health:get', {});
      return (
        h.attention.newDeadLetters === 1 &&
        h.overall === 'amber' &&
        /^1 new dead letter since you last looked/.test(h.reasons[0] ?? '')
      );
    });
    // Acting on it (discard) is as good as looking.
    await callOk(app, 'items:discard', { id: third });
    await waitFor('green after the discard', async () => (await callOk(app, 'health:get', {})).overall === 'green');
  });

  it('the seen mark is durable: a restart, or another process, sees the same', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const app = open(dataDir);
    await app.start();
    const id = add(app, 'bad-x.wav');
    app.engine!.wake();
    await waitFor('a dead letter', () => app.store.reads.summary(id)!.state === 'dead');
    const cli = open(dataDir, false);
    await callOk(cli, 'deadLetters:markSeen', {});
    // The engine learns of the other process's write through its change feed.
    await waitFor('the engine to see the mark', async () => (await callOk(app, 'health:get', {})).overall === 'green');
    await lifelines.close(app);
    const again = open(dataDir);
    expect((await callOk(again, 'health:get', {})).attention).toMatchObject({ deadLetters: 1, newDeadLetters: 0 });
  });
});
