import os from 'node:os';
import type { HealthConfig } from '../../config/config';
import { describe, expect, it } from 'vitest';
import type { WorkerLiveness } from '../../engine/stage-executor';
import { workerLiveness } from '../../../../test/support/worker-liveness';
import { ownerIsGone } from '../../recovery/process-alive';
import { engineOwnerIn, processProbe } from './process-probe';

const config = () => ({ memoryAmberMb: 65_536 }) as HealthConfig;
const pool = (more: Partial<WorkerLiveness> = {}) => workerLiveness({ onDemand: true, expected: 4, busy: 1, ...more });

describe('the engine check', () => {
  const startedAt = 1_796_659_585_310;
  const owner = `${os.hostname()}:${process.pid}:${startedAt}`;

  it('says the pid, how long the engine has run and its workers, never the internal owner id', async () => {
    const probe = processProbe(
      config,
      owner,
      () => pool(),
      () => startedAt + 12 * 60_000 + 5_000,
    );
    const { message, status } = await probe.check(new AbortController().signal);
    expect(status).toBe('up');
    expect(message).toMatch(
      new RegExp(
        `^\\d+ MiB memory, \\d+% CPU; pid ${process.pid} on ${os.hostname()}, running for 12 min; 2 of up to 4 worker processes running$`,
      ),
    );
    expect(message).not.toContain(owner);
    expect(message).not.toContain(String(startedAt));
  });

  it('says when no worker runs, and when stages run in the engine itself', async () => {
    const idle = processProbe(
      config,
      owner,
      () => pool({ ready: 0, busy: 0 }),
      () => startedAt,
    );
    expect((await idle.check(new AbortController().signal)).message).toContain(
      'no worker process running (up to 4, started on demand)',
    );
    const inProcess = processProbe(
      config,
      owner,
      () => pool({ mode: 'in-process', expected: 0 }),
      () => startedAt,
    );
    expect((await inProcess.check(new AbortController().signal)).message).toContain('stages run in this process');
  });

  it('names the process well enough for the CLI to tell that it is gone', async () => {
    const probe = processProbe(
      config,
      owner,
      () => pool(),
      () => startedAt,
    );
    const named = engineOwnerIn((await probe.check(new AbortController().signal)).message);
    expect(named).toBe(`${os.hostname()}:${process.pid}:0`);
    // Another process (the CLI) asks: this pid is its own, so the engine it names is not running.
    expect(ownerIsGone(named!, `${os.hostname()}:${process.pid}:1`)).toBe(true);
    expect(engineOwnerIn('80 MiB memory, 3% CPU')).toBeNull();
  });
});
