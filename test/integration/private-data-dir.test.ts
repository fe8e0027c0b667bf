import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLifeline } from '../../src/main/lifeline';
import { writeWav } from '../support/audio-files';
import { closeAfterEach } from '../support/close-after-each';
import { fakeLauncher } from '../support/fake-worker-launcher';
import { cliPath, repoRoot } from '../support/spawn';
import { tempDir } from '../support/temp-dir';
import { testStagesFor } from '../support/test-stages';
import { waitFor } from '../support/wait-for';
import { testItem } from '../support/lifeline-calls';

const opened = closeAfterEach();
const mode = (p: string) => fs.statSync(p).mode & 0o777;

/** Every directory and file under `dir` whose mode lets another user in. */
function readableByOthers(dir: string): string[] {
  const loose: string[] = [];
  const walk = (d: string) => {
    if ((fs.lstatSync(d).mode & 0o077) !== 0) loose.push(d);
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && (fs.lstatSync(p).mode & 0o077) !== 0) loose.push(p);
    }
  };
  walk(dir);
  return loose;
}

/** A pid that certainly belonged to a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid;

const engineOptions = (dataDir: string, workers: number, launcher = fakeLauncher().launcher) => ({
  dataDir,
  withEngine: true,
  processName: 'test',
  stages: testStagesFor({ serviceUrl: 'http://127.0.0.1:9/' }),
  workerLauncher: launcher,
  env: { LIFELINE_WORKERS: String(workers), LIFELINE_HEALTH_STARTUP_TIMEOUT_MS: '0' },
});

describe.skipIf(process.platform === 'win32')('privacy on disk', () => {
  it('makes a store that other users could read private at start: folders 0700, database, audio and logs 0600', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const first = openLifeline({ dataDir, withEngine: false, processName: 'test' });
    const wav = writeWav(path.join(path.dirname(dataDir), 'memo.wav'), { seconds: 0.2 });
    expect((await first.call('items:add', { paths: [wav] })).ok).toBe(true);
    await first.close(0);
    // As an older Lifeline left it: world-readable everything.
    fs.mkdirSync(path.join(dataDir, 'audio', 'ab'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'audio', 'ab', 'old.wav'), 'RIFF');
    for (const p of [
      dataDir,
      path.join(dataDir, 'audio'),
      path.join(dataDir, 'audio', 'ab'),
      path.join(dataDir, 'logs'),
    ])
      fs.chmodSync(p, 0o755);
    for (const p of [path.join(dataDir, 'lifeline.db'), path.join(dataDir, 'audio', 'ab', 'old.wav')])
      fs.chmodSync(p, 0o644);
    expect(readableByOthers(dataDir).length).toBeGreaterThan(4);

    opened.track(openLifeline({ dataDir, withEngine: false, processName: 'test' }));
    expect(readableByOthers(dataDir)).toEqual([]);
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, 'lifeline.db'))).toBe(0o600);
    expect(mode(path.join(dataDir, 'audio', 'ab', 'old.wav'))).toBe(0o600);
  });

  it("removes at start a crashed upload's .part and a dead worker's temporary WAV, and keeps the files of running processes", async () => {
    const dataDir = path.join(tempDir(), 'data');
    const tmp = path.join(dataDir, 'tmp');
    fs.mkdirSync(tmp, { recursive: true });
    const dead = deadPid();
    const leftovers = [
      `upload-${dead}-0123456789ab.part`,
      `pocketsphinx-${dead}-cafe0123.wav`,
      `${'a'.repeat(64)}.wav.${dead}.deadbeef.part`,
    ];
    const running = `upload-${process.pid}-0123456789ab.part`;
    for (const f of [...leftovers, running]) fs.writeFileSync(path.join(tmp, f), 'x');

    const app = opened.track(openLifeline(engineOptions(dataDir, 0)));
    await app.start();
    expect(fs.readdirSync(tmp)).toEqual([running]);
  });

  it('removes the temporary files of a worker process that dies, and only its own', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const workers = fakeLauncher({ runMs: 60_000 });
    const app = opened.track(openLifeline(engineOptions(dataDir, 2, workers.launcher)));
    // Workers start on demand: two items give two workers, busy with them.
    for (const name of ['a.wav', 'b.wav']) app.queue.add(testItem(name));
    await app.start();
    await waitFor('two workers', () => workers.launched.length >= 2);
    const [doomed, other] = workers.launched as [(typeof workers.launched)[0], (typeof workers.launched)[0]];
    const tmp = path.join(dataDir, 'tmp');
    fs.mkdirSync(tmp, { recursive: true });
    const mine = `pocketsphinx-${doomed.pid}-cafe0123.wav`;
    const theirs = `pocketsphinx-${other.pid}-cafe0123.wav`;
    for (const f of [mine, theirs]) fs.writeFileSync(path.join(tmp, f), 'samples of the user');
    doomed.crash();
    await waitFor('the dead worker’s file removed', () => !fs.existsSync(path.join(tmp, mine)));
    expect(fs.readdirSync(tmp)).toEqual([theirs]);
  });

  it('a real lifeline process started with umask 022 creates its store private to the user', () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const wav = writeWav(path.join(dir, 'memo.wav'), { seconds: 0.2 });
    // Started from a shell with the usual umask 022, as a user's terminal would.
    const r = spawnSync(
      'sh',
      ['-c', 'umask 022 && exec "$0" "$@"', process.execPath, cliPath, '--data-dir', dataDir, 'add', wav],
      {
        cwd: repoRoot,
        env: { ...process.env, LIFELINE_LOG_LEVEL: 'info' },
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, 'lifeline.db'))).toBe(0o600);
    expect(mode(path.join(dataDir, 'logs'))).toBe(0o700);
    expect(readableByOthers(dataDir)).toEqual([]);
  });
});
