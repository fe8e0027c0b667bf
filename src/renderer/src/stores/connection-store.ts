import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PushedEvent } from '../../../shared/contract';
import type { ConnectionStatus, Transport } from '../api/transport';

export interface ConnectionState {
  status: ConnectionStatus;
  transport: 'desktop' | 'headless';
  /** Starts listening to pushed events and the connection; returns the function that stops it. */
  start(): () => void;
}

export type ConnectionStore = StoreApi<ConnectionState>;

export interface LiveUpdateHandlers {
  onEvent(event: PushedEvent): void;
  /** The pushed events start (again): whatever happened while they were not arriving is unknown. */
  onSynchronise(): void;
}

/** The line to the engine: its status for the indicator, and the pushed events routed to the stores. */
export function createConnectionStore(transport: Transport, handlers: LiveUpdateHandlers): ConnectionStore {
  return createStore<ConnectionState>()((set) => ({
    status: transport.connection.status,
    transport: transport.api.transport,
    start() {
      const stopEvents = transport.api.subscribe(handlers.onEvent);
      const stopStatus = transport.connection.onStatusChange((status) => {
        set({ status });
        if (status === 'connected') handlers.onSynchronise();
      });
      set({ status: transport.connection.status });
      handlers.onSynchronise();
      return () => {
        stopEvents();
        stopStatus();
      };
    },
  }));
}
