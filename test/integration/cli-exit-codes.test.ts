import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCliHere } from '../support/cli-in-process';
import { tempDir } from '../support/temp-dir';

// README, CLI: "Exit codes: 0 ok, 1 a user error (one line on stderr saying what and why), 2 an
// internal error." Codes 0 and 1 are all through cli.test.ts; this is the one left: something the user
// did not cause and cannot fix from the command line, reported in one line and not as their mistake.
describe('lifeline exit codes', () => {
  it('exits 2 with one line on stderr when Lifeline itself fails, not 1 as for a user error', async () => {
    const data = path.join(tempDir(), 'data');
    expect((await runCliHere(data, ['status'])).code).toBe(0);
    // A store Lifeline made, broken in a way no user action leads to (the queue's table is gone).
    const db = new Database(path.join(data, 'lifeline.db'));
    db.exec('ALTER TABLE jobs RENAME TO jobs_gone');
    db.close();
    for (const args of [['status'], ['items']]) {
      const r = await runCliHere(data, args);
      expect(r.code, `lifeline ${args.join(' ')}`).toBe(2);
      expect(r.stderr).toMatch(/^lifeline: internal error.*no such table: jobs\n$/);
      expect(r.stdout).toBe('');
    }
  });
});
