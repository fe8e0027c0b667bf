import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/spawn';

// `Queue` is the one door to job state (design.md House style 6): the store's queue adapters and the
// ports they implement are held by the queue alone. Outside src/main/store and src/main/queue, the
// ports may only be handed to `new Queue(…)` in a composition root; nothing imports an adapter or
// names a port type, so a handler cannot write job state around the queue's rules and events.
const mainDir = path.join(repoRoot, 'src/main');
const inside = ['store/', 'queue/'];
const portTypes = [
  'QueuePorts',
  'JobSchedule',
  'JobRuns',
  'StageParking',
  'LeaseReads',
  'SuspendedLeases',
  'UserActions',
  'EmergencyRecord',
  'QueueStore',
];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return sources(file);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [file] : [];
  });
}

/** Every way `text` (the source of `rel`, relative to src/main) reaches job state around the queue. */
function backDoors(rel: string, text: string): string[] {
  const found: string[] = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  for (const m of code.matchAll(/\.queuePorts\b/g)) {
    const before = code.slice(Math.max(0, m.index - 80), m.index);
    // Only as the whole first argument of `new Queue(`.
    if (!/new Queue\(\s*[\w.]+$/.test(before) || /^\.queuePorts\s*\./.test(code.slice(m.index)))
      found.push(`${rel} reaches the store's queue ports (only \`new Queue(store.queuePorts, …)\` may)`);
  }
  for (const m of code.matchAll(/\b(?:store\.queue|queue\.store)\b/g))
    found.push(`${rel} uses \`${m[0]}\`, the old door to the adapter`);
  for (const m of code.matchAll(/from\s*['"]([^'"]*\/store\/sqlite-[^'"]*)['"]/g))
    found.push(`${rel} imports the adapter ${m[1]}`);
  for (const m of code.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"][^'"]*queue\/queue-store['"]/g)) {
    const names = m[1]!.split(',').map(
      (n) =>
        n
          .replace(/^\s*type\s+/, '')
          .trim()
          .split(/\s+as\s+/)[0]!,
    );
    for (const n of names) if (portTypes.includes(n)) found.push(`${rel} names the queue port ${n}`);
  }
  return found;
}

describe('Queue is the only door to job state', () => {
  it('the check finds each kind of back door (it can fail)', () => {
    const rel = 'api/some-handlers.ts';
    expect(backDoors(rel, `const r = store.queuePorts.actions.retry(id, now);`)).toHaveLength(1);
    expect(backDoors(rel, `const { actions } = ctx.store.queuePorts;`)).toHaveLength(1);
    expect(backDoors(rel, `deps.store.queue.retryItem(id, now)`)).toHaveLength(1);
    expect(backDoors(rel, `this.queue.store.enqueue(item)`)).toHaveLength(1);
    expect(backDoors(rel, `import { SqliteUserActions } from '../store/sqlite-user-actions';`)).toHaveLength(1);
    expect(backDoors(rel, `import type { ClaimedJob, UserActions } from '../queue/queue-store';`)).toHaveLength(1);
    expect(backDoors(rel, `const q = new Queue(new Queue(x).queuePorts.runs, o);`)).toHaveLength(1);
    // The one allowed use, and the types every layer shares.
    expect(backDoors(rel, `const queue = new Queue(deps.store.queuePorts, {`)).toEqual([]);
    expect(backDoors(rel, `import type { ClaimedJob, LeaseRef } from '../queue/queue-store';`)).toEqual([]);
  });

  it('no code outside src/main/store and src/main/queue reaches the queue adapter or its ports', () => {
    const files = sources(mainDir)
      .map((f) => path.relative(mainDir, f).split(path.sep).join('/'))
      .filter((rel) => !inside.some((dir) => rel.startsWith(dir)));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((rel) => backDoors(rel, fs.readFileSync(path.join(mainDir, rel), 'utf8')));
    expect(found).toEqual([]);
  });
});
