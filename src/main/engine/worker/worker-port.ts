import type { FromWorker, ToWorker } from './worker-protocol';

/** The worker's end of the channel to its engine: a Node fork or an Electron utility process. */
export interface WorkerPort {
  send(message: FromWorker): void;
  onMessage(listener: (message: ToWorker) => void): void;
  /** The engine went away (it exited or was killed). */
  onDisconnect(listener: () => void): void;
}

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}

export function workerPort(): WorkerPort {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (m) => parentPort.postMessage(m),
      onMessage: (l) => parentPort.on('message', (e) => l(e.data as ToWorker)),
      // A utility process is killed with its parent; there is no disconnect to watch.
      onDisconnect: () => {},
    };
  }
  if (!process.send) throw new Error('worker-main must be started by a worker launcher (no IPC channel)');
  return {
    send: (m) => {
      if (process.connected) process.send!(m);
    },
    onMessage: (l) => process.on('message', (m) => l(m as ToWorker)),
    onDisconnect: (l) => process.on('disconnect', l),
  };
}
