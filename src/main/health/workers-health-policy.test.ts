import { describe, expect, it } from 'vitest';
import { workerLiveness } from '../../../test/support/worker-liveness';
import { workersHealth } from './workers-health-policy';

const pool = workerLiveness;
const crashed = (n: number) => ({ recentCrashes: n, lastCrash: { at: 0, detail: 'worker 42 killed by SIGABRT' } });

describe('workersHealth', () => {
  it('is up when every worker is ready, and when stages run in the engine process', () => {
    expect(workersHealth(pool({ busy: 1 }))).toEqual({ status: 'up', message: '2 of 2 workers ready, 1 busy' });
    expect(workersHealth(pool({ mode: 'in-process', expected: 0, ready: 0 })).status).toBe('up');
  });

  it('speaks of one worker and one crash in the singular', () => {
    expect(workersHealth(pool({ expected: 1, ready: 1 })).message).toBe('1 of 1 worker ready, 0 busy');
    expect(workersHealth(pool({ onDemand: true, expected: 1, ready: 1 })).message).toMatch(
      /^1 of up to 1 worker running/,
    );
    expect(workersHealth(pool(crashed(1))).message).toContain('; 1 crash in 10 min');
  });

  it('says the workers are starting, not down, while they start within their start-up window', () => {
    expect(workersHealth(pool({ ready: 0, starting: 2, startingForMs: 3_400 }))).toEqual({
      status: 'starting',
      message: 'starting 2 worker processes (3 s so far)',
    });
    expect(workersHealth(pool({ ready: 1, starting: 1, startingForMs: 500 }))).toEqual({
      status: 'starting',
      message: '1 of 2 workers ready, 0 busy, 1 starting',
    });
  });

  it('counts a replacement after a crash as starting, and names the crash', () => {
    const r = workersHealth(pool({ ready: 1, starting: 1, startingForMs: 200, ...crashed(1) }));
    expect(r).toEqual({
      status: 'starting',
      message: '1 of 2 workers ready, 0 busy, 1 starting; 1 crash in 10 min, last: worker 42 killed by SIGABRT',
    });
  });

  it('is down when the start outlasts its window', () => {
    expect(workersHealth(pool({ ready: 0, starting: 2, startingForMs: 61_000 }))).toEqual({
      status: 'down',
      explicit: false,
      message: 'no worker process is running: not ready after 61 s',
    });
    expect(workersHealth(pool({ ready: 1, starting: 1, startingForMs: 61_000 }))).toEqual({
      status: 'degraded',
      message: '1 of 2 workers ready, 0 busy, 1 starting (one for 61 s already)',
    });
  });

  it('is down at once when no worker can be launched', () => {
    expect(workersHealth(pool({ ready: 0, launchError: 'spawn ENOENT' }))).toEqual({
      status: 'down',
      explicit: true,
      message: 'no worker process is running: spawn ENOENT',
    });
    expect(
      workersHealth(pool({ ready: 0, starting: 1, startingForMs: 10, launchError: 'cannot load the stages' })).status,
    ).toBe('down');
  });

  it('is a failure, not a start, when workers keep dying', () => {
    expect(workersHealth(pool({ ready: 0, starting: 2, startingForMs: 10, ...crashed(3) })).status).toBe('down');
    expect(workersHealth(pool({ ready: 1, starting: 1, startingForMs: 10, ...crashed(3) })).status).toBe('degraded');
    expect(workersHealth(pool(crashed(3))).status).toBe('degraded');
  });

  it('is degraded when workers are missing and none is starting to replace them', () => {
    expect(workersHealth(pool({ ready: 1 }))).toEqual({ status: 'degraded', message: '1 of 2 workers ready, 0 busy' });
    expect(workersHealth(pool({ ready: 0 }))).toEqual({
      status: 'down',
      explicit: true,
      message: 'no worker process is running',
    });
  });

  it('does not count idle workers that stop answering as ready, and says so', () => {
    expect(workersHealth(pool({ ready: 1, silent: 1 }))).toEqual({
      status: 'degraded',
      message: '1 of 2 workers ready, 0 busy, 1 not answering (replaced if silent for a lease)',
    });
    expect(workersHealth(pool({ ready: 0, silent: 2 }))).toMatchObject({
      status: 'down',
      message: 'no worker process answers: 2 worker processes idle and not answering (frozen?), being replaced',
    });
  });

  it('names workers replaced for not answering, once their replacements are ready', () => {
    const replaced = {
      recentReplacements: 2,
      lastReplacement: { at: 0, detail: 'worker 42 did not answer for 10 s while idle; replaced' },
    };
    expect(workersHealth(pool(replaced))).toEqual({
      status: 'up',
      message:
        '2 of 2 workers ready, 0 busy; 2 replaced for not answering in 10 min, last: worker 42 did not answer for 10 s while idle; replaced',
    });
    expect(workersHealth(pool({ ...replaced, ready: 0, starting: 2, startingForMs: 1_000 })).status).toBe('starting');
  });

  it('calls an on-demand pool with no worker running idle, not down, and names its crashes', () => {
    const idle = pool({ onDemand: true, expected: 4, ready: 0 });
    expect(workersHealth(idle)).toEqual({
      status: 'up',
      message: 'idle, started on demand (up to 4 worker processes)',
    });
    expect(workersHealth({ ...idle, ...crashed(1) })).toEqual({
      status: 'up',
      message:
        'idle, started on demand (up to 4 worker processes); 1 crash in 10 min, last: worker 42 killed by SIGABRT',
    });
    expect(workersHealth({ ...idle, ...crashed(3) }).status).toBe('degraded');
  });

  it('is up while an on-demand pool starts a worker for waiting work, and down once the start outlasts its window', () => {
    const pool1 = pool({ onDemand: true, expected: 4, ready: 1, busy: 1, starting: 1, startingForMs: 1_200 });
    expect(workersHealth(pool1)).toEqual({
      status: 'up',
      message: '1 of up to 4 workers running, 1 busy, 1 starting (1 s so far)',
    });
    expect(workersHealth(pool({ onDemand: true, ready: 0, starting: 1, startingForMs: 61_000 }))).toMatchObject({
      status: 'down',
      message: 'no worker process is running: not ready after 61 s',
    });
  });

  it('still fails an on-demand pool that cannot launch a worker or whose idle workers stop answering', () => {
    expect(workersHealth(pool({ onDemand: true, ready: 0, launchError: 'spawn ENOENT' }))).toMatchObject({
      status: 'down',
      message: 'no worker process is running: spawn ENOENT',
    });
    expect(workersHealth(pool({ onDemand: true, ready: 1, silent: 1 })).status).toBe('degraded');
  });
});
