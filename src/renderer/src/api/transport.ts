import type { LifelineApi } from '../../../shared/contract';

/**
 * Whether pushed events can reach this page. The desktop window is always `connected` (IPC cannot
 * drop); the headless client moves between the others as its WebSocket opens and closes.
 * `unauthorized` means the server refused the token: nothing will work until the page is reopened.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'stopping' | 'reconnecting' | 'unauthorized';

export interface ConnectionSource {
  readonly status: ConnectionStatus;
  /** Called on every change of `status`; returns the unsubscribe function. */
  onStatusChange(listener: (status: ConnectionStatus) => void): () => void;
}

/** The API plus what the UI needs to say about the line underneath it. */
export interface Transport {
  api: LifelineApi;
  connection: ConnectionSource;
}
