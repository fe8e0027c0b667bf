import { ItemDetail, ItemSummary } from '../../../src/shared/contract';
import { runCli } from '../../support/spawn';

/** Runs `lifeline --data-dir D <args>` as a child process; a non-zero exit fails the test with its output. */
export async function lifelineCli(dataDir: string, args: string[]): Promise<string> {
  const r = await runCli(dataDir, args);
  if (r.code !== 0) {
    throw new Error(`lifeline ${args.join(' ')} exited with ${r.code ?? r.signal}:\n${r.stdout}${r.stderr}`);
  }
  return r.stdout;
}

/** `lifeline add FILE`; returns the new item's id. */
export async function addFile(dataDir: string, file: string): Promise<number> {
  const out = await lifelineCli(dataDir, ['add', file]);
  const m = /^added (\d+) /m.exec(out);
  if (!m) throw new Error(`lifeline add did not report a new item:\n${out}`);
  return Number(m[1]);
}

/** `lifeline show ID --json`, checked against the contract's ItemDetail. */
export async function showItem(dataDir: string, id: number): Promise<ItemDetail> {
  return ItemDetail.parse(JSON.parse(await lifelineCli(dataDir, ['show', String(id), '--json'])));
}

/** `lifeline items --json`. */
export async function listItems(dataDir: string): Promise<ItemSummary[]> {
  return ItemSummary.array().parse(JSON.parse(await lifelineCli(dataDir, ['items', '--json'])));
}
