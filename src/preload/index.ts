// The sandboxed preload: exposes the typed API as `window.lifeline` and nothing else. Main checks
// every call again (sender and payload); this side only keeps unknown channels off the wire.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  desktopChannels,
  isChannelName,
  pushedEventChannel,
  type ChannelName,
  type LifelineApi,
  type PushedEvent,
  type RequestOf,
  type ResponseOf,
  type Result,
  type UploadableFile,
} from '../shared/contract';

const transportError = (what: string, err: unknown) =>
  ({
    ok: false,
    error: { code: 'TRANSPORT', message: `${what}: ${err instanceof Error ? err.message : String(err)}` },
  }) as const;

const api = {
  transport: 'desktop',

  async call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
    if (!isChannelName(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `no such call: ${String(channel)}` } };
    }
    try {
      return (await ipcRenderer.invoke(channel, request)) as Result<ResponseOf<C>>;
    } catch (err: unknown) {
      return transportError(channel, err);
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

  // Served by the shell's app:// protocol handler (renderer-protocol.ts), with byte ranges.
  audioUrl: (itemId: number) => `app://lifeline/api/audio/${encodeURIComponent(String(itemId))}`,

  async chooseFiles(): Promise<string[]> {
    const paths: unknown = await ipcRenderer.invoke(desktopChannels.chooseFiles);
    return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : [];
  },

  // Electron no longer puts `path` on File; this is the supported way to learn where a dropped file is.
  pathForFile: (file: UploadableFile) => webUtils.getPathForFile(file as File),

  async showItemFile(itemId: number): Promise<Result<null>> {
    try {
      return (await ipcRenderer.invoke(desktopChannels.showItemFile, itemId)) as Result<null>;
    } catch (err: unknown) {
      return transportError('show file', err);
    }
  },
} satisfies LifelineApi;

contextBridge.exposeInMainWorld('lifeline', api);
