/**
 * `npm run bench:ui`: the Items screen over a store of 100,000 items. Seeds the items straight into
 * a real store, starts a real `lifeline serve` on it, and drives Debian's Chromium with Playwright:
 *   - first paint of Items: navigation start → the first rows in the DOM, at the next animation frame
 *     (a fresh page each run, so it includes loading the app, the token, the count and page 0);
 *   - first paint of Overview: navigation start → its counts on screen, the same way;
 *   - a filter change: the click on a state chip (or a stage/sort choice) → the list showing rows of
 *     the new filter, at the next animation frame.
 * Prints medians of several runs and writes bench-results/ui.json. Goals: < 1 s and < 100 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { stages } from '../src/shared/contract';
import { dataPaths } from '../src/main/config/data-dir';
import { openDatabase } from '../src/main/store/database';
import { cliPath, spawnNode } from '../test/support/spawn';
import { fmt, median, report } from './bench-table';
import {
  changeProbe,
  figuresAt,
  figuresSeen,
  firstRowsProbe,
  overviewFiguresProbe,
  rowsAt,
  rowsSeen,
} from './ui-probes';
import { seedItems } from './ui-seed';

const quick = process.argv.includes('--quick');
const itemCount = 100_000;
const paintRuns = quick ? 5 : 9;
const filterRounds = quick ? 3 : 7;

async function startServe(dataDir: string): Promise<{ url: string; token: string; stop(): Promise<void> }> {
  // Nothing may change under the bench: no stage runs a job (concurrency 0 stops each one: its queued
  // items are parked as waiting once, at start), and transcription has an engine that cannot run (an
  // HTTP engine with no URL), so the seeded waiting items stay waiting.
  const env = {
    ...Object.fromEntries(stages.map((s) => [`LIFELINE_CONCURRENCY_${s.toUpperCase()}`, '0'])),
    LIFELINE_ASR_ENGINE: 'whisper-server',
  };
  const { child, done } = spawnNode([cliPath, '--data-dir', dataDir, 'serve', '--port', '0'], { env });
  let out = '';
  const m = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no address:\n${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const found = /Open (http:\/\/127\.0\.0\.1:\d+\/)\?token=(\S+)/.exec(out);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    void done.then((f) => reject(new Error(`serve exited early: ${f.stderr}`)));
  });
  return {
    url: m[1]!,
    token: m[2]!,
    async stop() {
      child.kill('SIGTERM');
      await done;
    },
  };
}

/** Milliseconds from navigation start to the first item rows, painted. */
async function firstPaintOfItems(page: Page, openUrl: string): Promise<number> {
  await page.addInitScript({ content: firstRowsProbe });
  await page.goto(openUrl);
  await page.waitForFunction(rowsSeen, undefined, { timeout: 30_000 });
  return (await page.evaluate(rowsAt)) as number;
}

/** Milliseconds from navigation start to the Overview's counts, painted. */
async function firstPaintOfOverview(page: Page, openUrl: string): Promise<number> {
  await page.addInitScript({ content: overviewFiguresProbe });
  await page.goto(openUrl);
  await page.waitForFunction(figuresSeen, undefined, { timeout: 30_000 });
  return (await page.evaluate(figuresAt)) as number;
}

/** Milliseconds from a click (or choice) to rows of the new filter on screen. */
async function timeChange(page: Page, act: string): Promise<number> {
  return (await page.evaluate(changeProbe(act))) as number;
}

// The probes are strings evaluated in the page, which the app's CSP (no eval) would refuse: the
// bench's contexts bypass CSP; the app runs the same code either way.
async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-bench-ui-'));
  const dataDir = path.join(root, 'data');
  const t0 = performance.now();
  const db = openDatabase(dataPaths(dataDir).database);
  seedItems(db, itemCount);
  db.exec('ANALYZE');
  db.close();
  const seededMs = performance.now() - t0;
  const server = await startServe(dataDir);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const openUrl = `${server.url}?token=${server.token}#/items`;
    const paints: number[] = [];
    for (let i = 0; i < paintRuns; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      paints.push(await firstPaintOfItems(await context.newPage(), openUrl));
      await context.close();
    }

    const overviewPaints: number[] = [];
    for (let i = 0; i < paintRuns; i++) {
      const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      overviewPaints.push(
        await firstPaintOfOverview(await fresh.newPage(), `${server.url}?token=${server.token}#/overview`),
      );
      await fresh.close();
    }

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await firstPaintOfItems(page, openUrl);
    const steps: { name: string; act: string; back: string }[] = [
      { name: 'state chip → Dead (4% of items)', act: 'chip:Dead', back: 'chip:All' },
      { name: 'state chip → Waiting', act: 'chip:Waiting', back: 'chip:All' },
      { name: 'state chip → Done (80%)', act: 'chip:Done', back: 'chip:All' },
      { name: 'stage → Transcribe', act: 'Stage:transcribe', back: 'Stage:' },
      { name: 'sort → highest priority first', act: 'Sort:priority-desc', back: 'Sort:age-desc' },
    ];
    const times: Record<string, number[]> = {};
    for (let r = 0; r < filterRounds; r++) {
      for (const step of steps) {
        (times[step.name] ??= []).push(await timeChange(page, step.act));
        (times['back to All / newest'] ??= []).push(await timeChange(page, step.back));
      }
    }
    await context.close();

    const p = median(paints);
    const filterAll = Object.values(times).flat();
    const rows = [
      {
        name: `first paint of Items, ${fmt(itemCount)} items`,
        value: `${fmt(p)} ms`,
        note: `median of ${paintRuns} fresh pages (first ${fmt(paints[0]!)} ms); goal < 1,000 ms`,
      },
      {
        name: `first paint of Overview, ${fmt(itemCount)} items`,
        value: `${fmt(median(overviewPaints))} ms`,
        note: `median of ${paintRuns} fresh pages (first ${fmt(overviewPaints[0]!)} ms); goal < 1,000 ms`,
      },
      ...Object.entries(times).map(([name, xs]) => ({
        name: `filter change: ${name}`,
        value: `${fmt(median(xs), 1)} ms`,
        note: `median of ${xs.length}; max ${fmt(Math.max(...xs), 1)} ms`,
      })),
      {
        name: 'filter change, all of the above',
        value: `${fmt(median(filterAll), 1)} ms`,
        note: `median of ${filterAll.length}; goal < 100 ms`,
      },
    ];
    report(
      `Items screen over ${fmt(itemCount)} items (real serve + Chromium; seeded in ${fmt(seededMs / 1000, 1)} s)`,
      'ui',
      rows,
      {
        items: itemCount,
        firstPaintMs: paints,
        overviewFirstPaintMs: overviewPaints,
        filterChangeMs: times,
        machine: { cpus: os.cpus().length, node: process.version },
      },
    );
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
