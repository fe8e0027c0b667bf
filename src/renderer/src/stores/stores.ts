import type { PushedEvent } from '../../../shared/contract';
import type { Transport } from '../api/transport';
import { createConnectionStore, type ConnectionStore } from './connection-store';
import { createDeadLettersStore, type DeadLettersStore } from './dead-letters-store';
import { createOverviewStore, type OverviewStore } from './overview-store';

export interface Stores {
  connection: ConnectionStore;
  overview: OverviewStore;
  deadLetters: DeadLettersStore;
}

function missingCase(value: never): never {
  throw new Error(`unhandled pushed event: ${JSON.stringify(value)}`);
}

/** One store per domain, wired so pushed events reach the stores that show them. */
export function createStores(transport: Transport): Stores {
  const overview = createOverviewStore(transport.api);
  const deadLetters = createDeadLettersStore(transport.api);
  const connection = createConnectionStore(transport, {
    onEvent(event: PushedEvent) {
      switch (event.type) {
        case 'items.changed':
          overview.getState().requestRefresh();
          deadLetters.getState().applyChanges(event.items);
          return;
        case 'item.progress':
          return; // no view shows live progress yet
        default:
          missingCase(event);
      }
    },
    onSynchronise() {
      overview.getState().requestRefresh();
      void deadLetters.getState().load();
    },
  });
  return { connection, overview, deadLetters };
}
