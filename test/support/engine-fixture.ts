import { defaultConfig, type EngineConfig } from '../../src/main/config/config';
import { dataPaths } from '../../src/main/config/data-dir';
import { Engine } from '../../src/main/engine/engine';
import { createLogger } from '../../src/main/log/logger';
import { pipelineStages } from '../../src/main/pipeline/pipeline-stages';
import type { StageHandler } from '../../src/main/engine/stage-handler';
import { stageBreakers } from './stage-breakers';
import { openStore, type Store } from '../../src/main/store/store';
import { systemClock } from '../../src/main/time/clock';

/** A real engine on a real store in `dir`, with fast timers; stages default to the real pipeline. */
export function engineFixture(
  dir: string,
  options: { stages?: (store: Store) => StageHandler[]; config?: Partial<EngineConfig> } = {},
) {
  const paths = dataPaths(dir);
  const store = openStore(paths);
  const config: EngineConfig = {
    ...structuredClone(defaultConfig),
    idlePollMs: 50,
    changePollMs: 50,
    stuckScanMs: 200,
    heartbeatMs: 100,
    ...options.config,
  };
  const log = createLogger(null, 'test');
  const stages = (options.stages ?? pipelineStages)(store);
  const engine = new Engine({
    store,
    paths,
    config,
    clock: systemClock,
    log,
    stages,
    breakers: stageBreakers({
      store,
      clock: systemClock,
      log,
      stages,
      config: () => config.breaker,
    }),
  });
  return { paths, store, engine, config };
}
