import { defaultConfig, type EngineConfig } from '../../src/main/config/config';
import { dataPaths } from '../../src/main/config/data-dir';
import { Engine } from '../../src/main/engine/engine';
import { createLogger } from '../../src/main/log/logger';
import type { StageHandler } from '../../src/main/engine/stage-handler';
import { stageBreakers } from './stage-breakers';
import { openStore, type Store } from '../../src/main/store/store';
import type { Clock } from '../../src/main/time/clock';

/** A real engine on a real store with the clock and config a test chooses; stages run in this process. */
export function clockedEngine(
  dir: string,
  options: { clock: Clock; stages: (store: Store) => StageHandler[]; config?: (c: EngineConfig) => void },
) {
  const paths = dataPaths(dir);
  const store = openStore(paths);
  const config: EngineConfig = { ...structuredClone(defaultConfig), idlePollMs: 20, changePollMs: 50 };
  options.config?.(config);
  const log = createLogger(null, 'test');
  const stages = options.stages(store);
  const engine = new Engine({
    store,
    paths,
    config,
    clock: options.clock,
    log,
    stages,
    breakers: stageBreakers({
      store,
      clock: options.clock,
      log,
      stages,
      config: () => config.breaker,
    }),
  });
  return { paths, store, engine, config };
}
