import type { ChannelName, ParsedRequestOf, ResponseOf } from '../../shared/contract';
import type { RecordingSessions } from '../pipeline/intake/recording-sessions';
import type { WatchFolder } from '../pipeline/intake/watch-folder';
import type { Queue } from '../queue/queue';
import type { Store } from '../store/store';
import type { Clock } from '../time/clock';
import { bulkHandlers } from './bulk-handlers';
import { intakeHandlers } from './intake-handlers';
import { itemHandlers } from './item-handlers';
import { overviewHandlers } from './overview-handlers';
import { searchHandlers } from './search-handlers';
import { recordingHandlers } from './recording-handlers';

/** What handlers act on: the store, the queue's rules, and a way to tell the engine something changed. */
export interface ApiContext {
  store: Store;
  queue: Queue;
  clock: Clock;
  recordings: RecordingSessions;
  /** Null when no watch folder is set. */
  watchFolder: WatchFolder | null;
  /** Called after every write: pushes changes to UIs and wakes the engine (no-op in the CLI). */
  afterWrite(): void;
}

export type Handler<C extends ChannelName> = (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
export type Handlers = { [C in ChannelName]: Handler<C> };

/** Per-domain handler maps merged into one; a channel answered twice is refused at start. */
export function createHandlers(ctx: ApiContext): Handlers {
  const merged: Record<string, unknown> = {};
  for (const part of [itemHandlers(ctx), bulkHandlers(ctx), overviewHandlers(ctx), searchHandlers(ctx), recordingHandlers(ctx), intakeHandlers(ctx)]) {
    for (const [name, fn] of Object.entries(part)) {
      if (name in merged) throw new Error(`channel ${name} has two handlers`);
      merged[name] = fn;
    }
  }
  return merged as Handlers;
}
