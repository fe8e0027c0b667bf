// The sandboxed preload: exposes the typed API as `window.lifeline` and nothing else. Main checks
// every call again (sender and payload); this side only keeps unknown channels off the wire.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  isChannelName,
  pushedEventChannel,
  type ChannelName,
  type LifelineApi,
  type PushedEvent,
  type RequestOf,
  type ResponseOf,
  type Result,
} from '../shared/contract';

const api = {
  transport: 'desktop',

  async call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
    if (!isChannelName(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `no such call: ${String(channel)}` } };
    }
    try {
      return (await ipcRenderer.invoke(channel, request)) as Result<ResponseOf<C>>;
    } catch (err: unknown) {
      return { ok: false, error: { code: 'TRANSPORT', message: `${channel}: ${err instanceof Error ? err.message : String(err)}` } };
    }
  },

  subscribe(listener: (event: PushedEvent) => void): () => void {
    // The page gets the event only: the IpcRendererEvent would hand it `sender` and ports.
    const relay = (_event: IpcRendererEvent, pushed: PushedEvent) => listener(pushed);
    ipcRenderer.on(pushedEventChannel, relay);
    return () => {
      ipcRenderer.removeListener(pushedEventChannel, relay);
    };
  },
} satisfies LifelineApi;

contextBridge.exposeInMainWorld('lifeline', api);
