/**
 * Entry of a worker process: opens its own store connection, builds the handler of the stage it
 * serves (LIFELINE_WORKER_STAGE; every stage when unset), and runs the jobs its engine sends, one at a time. It renews each job's lease itself (a write fenced by
 * the lease token), so a worker presumed dead can never overwrite the attempt that replaced it, and
 * reports progress and the result to the engine over IPC. A crash here takes only this process down.
 */
import { defaultConfig } from './config/config';
import { dataPaths } from './config/data-dir';
import type { JobToRun, RunEnd } from './engine/stage-executor';
import { createLogger } from './log/logger';
import { pipelineStages } from './pipeline/pipeline-stages';
import { toJobFailure } from './engine/stage-error';
import type { StageHandler } from './engine/stage-handler';
import { Queue } from './queue/queue';
import { openStore, type Store } from './store/store';
import { systemClock } from './time/clock';
import { runStageJob } from './engine/worker/run-stage-job';
import { workerEnv } from './engine/worker/worker-protocol';
import { workerPort } from './engine/worker/worker-port';

type StagesFactory = (store: Store) => StageHandler[];

const port = workerPort();
// The terminal's Ctrl-C reaches the whole process group; only the engine decides when a worker stops.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});

function loadStages(store: Store): StageHandler[] {
  const module = process.env[workerEnv.stagesModule];
  if (!module) return pipelineStages(store);
  const name = process.env[workerEnv.stagesExport] || 'pipelineStages';
  const factory = (require(module) as Record<string, unknown>)[name];
  if (typeof factory !== 'function') throw new Error(`${module} has no function export "${name}"`);
  return (factory as StagesFactory)(store);
}

function main(): void {
  const dataDir = process.env[workerEnv.dataDir];
  if (!dataDir) throw new Error(`${workerEnv.dataDir} is not set`);
  const paths = dataPaths(dataDir);
  const log = createLogger(paths.logs, 'worker');
  const store = openStore(paths);
  // A worker serves one stage: only a transcribe worker ever loads a speech model, only an extract
  // worker the language libraries (each loads them at its first job).
  const only = process.env[workerEnv.stage];
  const handlers = new Map(
    loadStages(store)
      .filter((h) => !only || h.stage === only)
      .map((h) => [h.stage, h]),
  );
  // Only for heartbeats: the engine sends each job's lease length, so these policies are not read for them.
  const queue = new Queue(store.queuePorts, {
    stageOrder: [...handlers.keys()],
    policies: defaultConfig.stages,
    clock: systemClock,
  });
  const running = new Map<number, AbortController>();
  let stopping = false;

  const exitWhenIdle = () => {
    if (running.size > 0) return;
    store.close();
    log.flush();
    // Disconnecting lets queued results reach the engine first; the timer only covers a stuck channel.
    if (process.connected) process.disconnect?.();
    setTimeout(() => process.exit(0), 500).unref();
  };
  const stop = (why: string) => {
    stopping = true;
    for (const ac of running.values()) ac.abort(new Error(why));
    exitWhenIdle();
  };

  const run = async (job: JobToRun) => {
    const ac = new AbortController();
    running.set(job.itemId, ac);
    try {
      let end: RunEnd;
      try {
        end = await runStageJob(job, {
          handler: handlers.get(job.stage),
          item: store.files.stageItem(job.itemId),
          paths,
          log,
          heartbeat: (progress) => queue.heartbeat(job, progress, job.leaseMs),
          onProgress: (progress) => port.send({ type: 'progress', itemId: job.itemId, progress }),
          stop: ac,
        });
      } catch (err: unknown) {
        // The stage never started (the store was busy reading the item): the engine still gets an answer.
        end = { kind: 'outcome', outcome: { kind: 'failed', failure: toJobFailure(err) } };
      }
      port.send({ type: 'result', itemId: job.itemId, token: job.token, end });
    } finally {
      running.delete(job.itemId);
      if (stopping) exitWhenIdle();
    }
  };

  port.onMessage((m) => {
    switch (m.type) {
      case 'run':
        if (stopping) return;
        void run(m.job).catch((err: unknown) => log.error({ err, itemId: m.job.itemId }, 'job run crashed'));
        break;
      case 'abort':
        running.get(m.itemId)?.abort(new Error(m.why));
        break;
      case 'stop':
        stop('worker asked to stop');
        break;
      case 'ping':
        port.send({ type: 'pong', seq: m.seq });
        break;
      default:
        log.warn({ message: m }, 'unknown message from the engine');
    }
  });
  // The engine is gone (killed): nobody will record results; stop, and let the fencing refuse any late write.
  port.onDisconnect(() => stop('engine gone'));
  port.send({ type: 'ready', pid: process.pid, stages: [...handlers.keys()] });
}

try {
  main();
} catch (err: unknown) {
  port.send({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  process.exitCode = 1;
  setTimeout(() => process.exit(1), 100).unref();
}
