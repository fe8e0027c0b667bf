import { BreakerBoard } from '../../src/main/breakers/breaker-board';
import { defaultConfig, type BreakerConfig } from '../../src/main/config/config';
import type { StageHandler } from '../../src/main/engine/stage-handler';
import type { Logger } from '../../src/main/log/logger';
import type { Store } from '../../src/main/store/store';
import type { Clock } from '../../src/main/time/clock';

/** The board an engine reads, with a breaker for each service the stages call (what the service roster does in Lifeline). */
export function stageBreakers(o: {
  store: Store;
  clock: Clock;
  log: Logger;
  stages: readonly StageHandler[];
  config?: () => BreakerConfig;
}): BreakerBoard {
  const board = new BreakerBoard({
    store: o.store,
    clock: o.clock,
    config: o.config ?? (() => defaultConfig.breaker),
    log: o.log,
  });
  for (const h of o.stages) if (h.service) board.register(h.service.name, h.service.label);
  return board;
}
