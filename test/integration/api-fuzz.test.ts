import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channelNames, contract, requestShapeProblem, type ChannelName } from '../../src/shared/contract';
import { dispatch } from '../../src/main/api/dispatch';
import { startHeadlessServer } from '../../src/main/api/http/headless-server';
import { openLifeline, type Lifeline } from '../../src/main/lifeline';
import { seedItems } from '../../bench/ui-seed';
import { closeAfterEach } from '../support/close-after-each';
import { tempDir } from '../support/temp-dir';
import { seededRandom as random } from '../support/seeded-random';

const opened = closeAfterEach();

const awkwardStrings = [
  '',
  ' ',
  '0',
  '-1',
  'null',
  'dead',
  '\u202e3pm.wav',
  '\x1b[2J',
  '\0',
  '../../etc/shadow',
  '/etc/shadow',
  '%',
  '😀',
];

function randomJson(rnd: () => number, depth = 0): unknown {
  const pick = Math.floor(rnd() * (depth > 3 ? 6 : 8));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return rnd() < 0.5;
    case 2:
      return [0, -1, 1, 1.5, -0.0001, 2 ** 53, -(2 ** 63), 1e308, 10_000_001][Math.floor(rnd() * 9)];
    case 3:
      return awkwardStrings[Math.floor(rnd() * awkwardStrings.length)];
    case 4:
      return String.fromCharCode(...Array.from({ length: Math.floor(rnd() * 20) }, () => Math.floor(rnd() * 0xffff)));
    case 5:
      return Math.floor(rnd() * 1000);
    case 6:
      return Array.from({ length: Math.floor(rnd() * 4) }, () => randomJson(rnd, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(rnd() * 4) }, (_, i) => [
          `k${i}${Math.floor(rnd() * 9)}`,
          randomJson(rnd, depth + 1),
        ]),
      );
  }
}

/** The top-level keys a channel's request names (every request is an object). */
function keysOf(channel: ChannelName): string[] {
  const def = contract[channel].request.def as unknown as { shape?: Record<string, unknown> };
  return Object.keys(def.shape ?? {});
}

/**
 * Malformed and wrong-schema bodies for one channel, as the JSON text a client would send: bodies that
 * are not objects, known keys with values of random types, unknown keys, prototype keys, huge strings
 * and deep nesting.
 */
function hostileBodies(channel: ChannelName, rnd: () => number, count: number): string[] {
  const keys = keysOf(channel);
  const key = () => keys[Math.floor(rnd() * keys.length)] ?? 'id';
  const fixed = [
    'null',
    'true',
    '0',
    '"items"',
    '[]',
    '[{}]',
    '{"__proto__":{"isAdmin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    `{"${key()}":{"__proto__":null}}`,
    `{"values":{"__proto__":{"workers":64}}}`,
    `{"${key()}":"${'x'.repeat(300_000)}"}`,
    `{"unknownKey":"${'y'.repeat(300_000)}"}`,
    `{"${key()}":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
    JSON.stringify({ id: 6 }),
    JSON.stringify({ [key()]: undefined, extra: 1 }),
  ];
  const made: string[] = [...fixed];
  while (made.length < count) {
    // Each body breaks the schema somewhere: an unknown key, or known keys with values of random type.
    const body: Record<string, unknown> = {};
    for (const k of keys) if (rnd() < 0.6) body[k] = randomJson(rnd);
    if (keys.length === 0 || Object.keys(body).length === 0 || rnd() < 0.4)
      body[`extra${Math.floor(rnd() * 100)}`] = randomJson(rnd);
    made.push(JSON.stringify(rnd() < 0.1 ? randomJson(rnd) : body));
  }
  return made;
}

/** Whether a body is one the contract would take: those are not malformed and are not sent. */
function wellFormed(channel: ChannelName, text: string): boolean {
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value) || requestShapeProblem(value)) return false;
  return (contract[channel].request as z.ZodType).safeParse(value).success;
}

/** Every row of every table, in a stable order: what "the store is unchanged" means. */
function snapshot(app: Lifeline): Record<string, unknown[]> {
  const tables = app.store.db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .pluck()
    .all() as string[];
  // Sorted in JS: some tables have no rowid.
  const rows = (t: string) =>
    app.store.db
      .prepare(`SELECT * FROM "${t}"`)
      .all()
      .map((r) => JSON.stringify(r))
      .sort();
  return Object.fromEntries(tables.map((t) => [t, rows(t)]));
}

async function seededStore() {
  const dataDir = path.join(tempDir(), 'data');
  const app = opened.track(openLifeline({ dataDir, withEngine: false, processName: 'test', env: {} }));
  seedItems(app.store.db, 200);
  await app.call('settings:set', { values: { workers: 2, 'retention.doneEventsDays': 10 } });
  return { app, dataDir };
}

const refusal = { ok: false, error: { code: 'INVALID_REQUEST', message: expect.any(String) } };

describe('fuzzing every channel with malformed requests', () => {
  it('refuses every malformed body to every channel with a coded error, and the store keeps every row as it was', async () => {
    const { app } = await seededStore();
    const before = snapshot(app);
    const rnd = random(15);
    let sent = 0;
    let skipped = 0;
    for (const channel of channelNames) {
      for (const text of hostileBodies(channel, rnd, 40)) {
        if (wellFormed(channel, text)) {
          skipped++;
          continue;
        }
        const r = await dispatch(app.handlers, channel, JSON.parse(text), undefined, 'api');
        expect(r, `${channel} ${text.slice(0, 200)}`).toEqual(refusal);
        sent++;
      }
    }
    expect(sent).toBeGreaterThan(channelNames.length * 30);
    expect(skipped).toBeLessThan(sent / 5);
    expect(snapshot(app)).toEqual(before);
  });

  it('answers malformed HTTP calls with 4xx and a coded error, never a 5xx, and changes nothing', async () => {
    const { app, dataDir } = await seededStore();
    const server = opened.track(await startHeadlessServer(app, { port: 0, rendererDir: dataDir, token: 't' }));
    const before = snapshot(app);
    const rnd = random(6);
    let sent = 0;
    for (const channel of channelNames) {
      // The transport's share (the dispatcher test above covers the schemas): a body of each kind,
      // random ones after the fixed list, and bodies that are not JSON at all.
      const bodies = hostileBodies(channel, rnd, 17)
        .filter((_, i) => [0, 4, 6, 10, 12, 13].includes(i) || i >= 15)
        .filter((t) => !wellFormed(channel, t));
      // Also bodies that are not JSON at all.
      bodies.push('{', '{"id":', '\u0000', 'undefined');
      for (const body of bodies) {
        const res = await fetch(`${server.url}api/call/${channel}`, {
          method: 'POST',
          headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
          body,
        });
        const reply = (await res.json()) as { ok: boolean; error?: { code: string } };
        expect(res.status, `${channel} ${body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${channel} ${body.slice(0, 200)}`).toBeLessThan(500);
        expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
        sent++;
      }
    }
    expect(sent).toBeGreaterThan(channelNames.length * 10);
    expect(snapshot(app)).toEqual(before);
  });

  it('answers hostile audio ids, unknown routes and wrong methods with 4xx, never a 5xx', async () => {
    const { app, dataDir } = await seededStore();
    const server = opened.track(await startHeadlessServer(app, { port: 0, rendererDir: dataDir, token: 't' }));
    const before = snapshot(app);
    const ids = [
      '0',
      '-1',
      '1.5',
      '1e3',
      'NaN',
      '99999999999999999999',
      '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '%00',
      'abc',
      '1;DROP TABLE items',
      '%E2%80%AE1',
    ];
    const auth = { authorization: 'Bearer t' };
    for (const id of ids) {
      const res = await fetch(`${server.url}api/audio/${id}`, { headers: { ...auth, range: 'bytes=-' } });
      expect(res.status, id).toBeGreaterThanOrEqual(400);
      expect(res.status, id).toBeLessThan(500);
    }
    for (const [method, route] of [
      ['GET', 'api/call/items:list'],
      ['PUT', 'api/upload?name=a.wav'],
      ['DELETE', 'api/audio/1'],
      ['POST', 'api/call/items:nope'],
      ['POST', 'api/call/__proto__'],
      ['POST', 'api/call/constructor:x'],
      ['POST', 'api/nothing'],
    ] as const) {
      const res = await fetch(`${server.url}${route}`, {
        method,
        headers: auth,
        body: method === 'GET' ? undefined : '{}',
      });
      expect(res.status, `${method} ${route}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${method} ${route}`).toBeLessThan(500);
    }
    expect(snapshot(app)).toEqual(before);
  });
});
