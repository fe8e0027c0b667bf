import { formatElapsed } from '../../shared/text/format-elapsed';
import type { Command } from 'commander';
import type { ChannelName, RequestOf, ResponseOf } from '../../shared/contract';
import { resolveDataDir } from '../config/data-dir';
import { openLifeline, type Lifeline } from '../lifeline';
import { fromTransferable } from './cli-error';

export { err, json, out } from './cli-output';

/** Runs `fn` against the store for one command; the CLI never starts an engine except in `serve`. */
export async function withStore<T>(program: Command, fn: (app: Lifeline) => Promise<T>): Promise<T> {
  const { dataDir } = program.opts<{ dataDir?: string }>();
  const app = openLifeline({ dataDir: resolveDataDir(dataDir), withEngine: false, processName: 'cli' });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

export async function call<C extends ChannelName>(
  app: Lifeline,
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const r = await app.call(channel, request);
  if (!r.ok) throw fromTransferable(r.error);
  return r.value;
}

/** One store session, one call: most commands are exactly this. */
export function callOnce<C extends ChannelName>(
  program: Command,
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  return withStore(program, (app) => call(app, channel, request));
}

/** A duration as the screens write it ("< 0.1 ms", "35 ms", "2.1 s"), never "0 ms". */
export const ms = (v: number | null | undefined) => (v === null || v === undefined ? '-' : formatElapsed(v));
export const pct = (v: number | null | undefined) => (v === null || v === undefined ? '-' : `${v.toFixed(1)}%`);
