import { isServerStopping } from '../../../shared/headless-control';
import {
  AddFilesResult,
  contract,
  PushedEvent,
  resultSchema,
  type ChannelName,
  type LifelineApi,
  type RequestOf,
  type ResponseOf,
  type Result,
  type UploadableFile,
} from '../../../shared/contract';
import { EventSocket, type SocketLike } from './event-socket';
import type { ConnectionSource, ConnectionStatus, Transport } from './transport';

export interface HeadlessClientOptions {
  /** Page origin, e.g. `http://127.0.0.1:4747`; calls and events go back to the server that served the page. */
  origin: string;
  /** The per-launch token, or null when the browser's session cookie authorises the page. */
  token: string | null;
  /** Asked when the event socket drops: `false` means the server no longer accepts this page. */
  stillSignedIn?: () => Promise<boolean | null>;
  /** Called once when the server refuses the page (a token changes every time `lifeline serve` starts). */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
  createSocket?: (url: string) => SocketLike;
}

function transportError(message: string): Result<never> {
  return { ok: false, error: { code: 'TRANSPORT', message } };
}

function describeThrown(err: unknown): string {
  return err instanceof Error && err.message ? err.message : String(err);
}

/**
 * `LifelineApi` over the headless server: calls are `POST /api/call/<channel>` carrying the session
 * cookie (or the token as a bearer header); pushed events come over one WebSocket that reconnects on its own. Replies and events
 * are checked against the contract, so a mismatched server shows up as an error, not as odd data.
 */
export function createHeadlessClient(options: HeadlessClientOptions): Transport {
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const listeners = new Set<(event: PushedEvent) => void>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  let status: ConnectionStatus = 'connecting';

  const setStatus = (next: ConnectionStatus) => {
    if (status === next || status === 'unauthorized') return;
    status = next;
    for (const l of statusListeners) l(next);
  };

  const wsOrigin = options.origin.replace(/^http/, 'ws');
  const tokenQuery = options.token === null ? '' : `?token=${encodeURIComponent(options.token)}`;
  const bearer: Record<string, string> = options.token === null ? {} : { authorization: `Bearer ${options.token}` };
  const socket = new EventSocket({
    url: `${wsOrigin}/api/events${tokenQuery}`,
    createSocket: options.createSocket,
    onOpenChange: (open) => {
      setStatus(open ? 'connected' : 'reconnecting');
      if (!open && options.stillSignedIn) {
        void options.stillSignedIn().then((signedIn) => {
          if (signedIn === false) refused();
        });
      }
    },
    onMessage: (data) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(data));
      } catch {
        console.warn('lifeline: dropped a pushed event that is not JSON');
        return;
      }
      if (isServerStopping(parsed)) {
        setStatus('stopping');
        return;
      }
      const event = PushedEvent.safeParse(parsed);
      if (!event.success) {
        console.warn('lifeline: dropped a pushed event that does not match the contract');
        return;
      }
      for (const l of listeners) l(event.data);
    },
  });

  // The socket opens with the first listener of either kind and stays open for the page's life.
  let started = false;
  const ensureStarted = () => {
    if (started || status === 'unauthorized') return;
    started = true;
    socket.start();
  };

  const refused = () => {
    if (status === 'unauthorized') return;
    socket.stop();
    setStatus('unauthorized');
    options.onUnauthorized?.();
  };

  const api: LifelineApi = {
    transport: 'headless',
    async call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
      let response: Response;
      try {
        response = await fetchImpl(`${options.origin}/api/call/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...bearer },
          body: JSON.stringify(request ?? {}),
          cache: 'no-store',
        });
      } catch (err: unknown) {
        return transportError(
          `Cannot reach the Lifeline server (${describeThrown(err)}). Is “lifeline serve” still running?`,
        );
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return transportError(
          `The Lifeline server answered ${response.status} ${response.statusText} without a readable reply.`,
        );
      }
      const parsed = resultSchema(contract[channel].response).safeParse(body);
      if (!parsed.success) {
        return transportError(
          `The server's reply to ${channel} does not match what this page expects; reload the page.`,
        );
      }
      const result = parsed.data as Result<ResponseOf<C>>;
      if (!result.ok && result.error.code === 'STOPPING') setStatus('stopping');
      if (!result.ok && result.error.code === 'UNAUTHORIZED' && response.status === 401) refused();
      return result;
    },
    audioUrl(itemId: number): string {
      return `${options.origin}/api/audio/${encodeURIComponent(String(itemId))}${tokenQuery}`;
    },
    uploadFile(file: UploadableFile, onProgress?: (sentBytes: number) => void): Promise<Result<AddFilesResult>> {
      // XMLHttpRequest rather than fetch: it reports upload progress, which a big file needs.
      return new Promise((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `${options.origin}/api/upload?name=${encodeURIComponent(file.name)}`);
        if (options.token !== null) xhr.setRequestHeader('authorization', `Bearer ${options.token}`);
        xhr.setRequestHeader('content-type', 'application/octet-stream');
        xhr.upload.onprogress = (e) => onProgress?.(e.loaded);
        xhr.onerror = () =>
          resolve(
            transportError(
              `Cannot reach the Lifeline server to upload ${file.name}. Is “lifeline serve” still running?`,
            ),
          );
        xhr.onload = () => {
          let body: unknown;
          try {
            body = JSON.parse(xhr.responseText);
          } catch {
            resolve(
              transportError(
                `The Lifeline server answered ${xhr.status} to the upload of ${file.name} without a readable reply.`,
              ),
            );
            return;
          }
          const parsed = resultSchema(AddFilesResult).safeParse(body);
          if (!parsed.success) {
            resolve(
              transportError(
                `The server's reply to the upload does not match what this page expects; reload the page.`,
              ),
            );
            return;
          }
          if (!parsed.data.ok && xhr.status === 401) refused();
          resolve(parsed.data as Result<AddFilesResult>);
        };
        xhr.send(file);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      ensureStarted();
      return () => {
        listeners.delete(listener);
      };
    },
  };

  const connection: ConnectionSource = {
    get status() {
      return status;
    },
    onStatusChange(listener) {
      statusListeners.add(listener);
      ensureStarted();
      return () => {
        statusListeners.delete(listener);
      };
    },
  };

  return { api, connection };
}
