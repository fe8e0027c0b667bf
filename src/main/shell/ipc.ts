import { BrowserWindow, dialog, ipcMain, shell, type WebFrameMain } from 'electron';
import fs from 'node:fs';
import {
  channelNames,
  desktopChannels,
  pushedEventChannel,
  type PushedEvent,
  type Result,
} from '../../shared/contract';
import { dispatch } from '../api/dispatch';
import { subscribePushedEvents } from '../api/pushed-events';
import type { Lifeline } from '../lifeline';
import { isRendererUrl, type RendererLocation } from './renderer-location';

/** Only the top frame of a page of our renderer may call: not an iframe, not a page navigated elsewhere. */
function isTrustedSender(frame: WebFrameMain | null, renderer: RendererLocation): boolean {
  return frame !== null && frame.parent === null && isRendererUrl(renderer, frame.url);
}

/**
 * One `ipcMain.handle` per contract channel, all through `dispatch` (validation, errors as data).
 * Returns the function that removes them.
 */
export function serveContractOverIpc(lifeline: Lifeline, renderer: RendererLocation): () => void {
  const log = lifeline.log.child({ module: 'ipc' });
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, request: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event.senderFrame, renderer)) {
        log.warn(
          { channel, sender: event.senderFrame?.url ?? null },
          'call refused: sender is not the Lifeline renderer',
        );
        return { ok: false, error: { code: 'UNAUTHORIZED', message: `${channel}: only the Lifeline window may call` } };
      }
      return dispatch(lifeline.handlers, channel, request, log);
    });
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}

const audioExtensions = ['wav', 'mp3', 'm4a', 'ogg', 'oga', 'opus', 'flac', 'webm', 'aac', 'mp4'];

/**
 * The desktop-only helpers of LifelineApi: the native "open files" dialog (its paths then go to
 * `items:add`) and showing an item's file in the file manager. Same sender check as the contract.
 */
export function serveDesktopHelpers(lifeline: Lifeline, renderer: RendererLocation): () => void {
  const log = lifeline.log.child({ module: 'ipc' });
  ipcMain.handle(desktopChannels.chooseFiles, async (event): Promise<string[]> => {
    if (!isTrustedSender(event.senderFrame, renderer)) return [];
    const win = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions = {
      title: 'Add recordings to Lifeline',
      properties: ['openFile', 'multiSelections'],
      filters: [
        { name: 'Audio', extensions: audioExtensions },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled ? [] : r.filePaths;
  });
  ipcMain.handle(desktopChannels.showItemFile, (event, rawId: unknown): Result<null> => {
    if (!isTrustedSender(event.senderFrame, renderer)) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'only the Lifeline window may call' } };
    }
    const id = Number(rawId);
    const item = Number.isSafeInteger(id) ? lifeline.store.files.stageItem(id) : undefined;
    if (!item) return { ok: false, error: { code: 'NOT_FOUND', message: `there is no item ${String(rawId)}` } };
    const file = [item.storedPath, item.sourcePath].find((f): f is string => f !== null && fs.existsSync(f));
    if (!file)
      return {
        ok: false,
        error: { code: 'FILE_NOT_FOUND', message: `neither the stored copy nor ${item.sourcePath} exists any more` },
      };
    log.info({ itemId: id }, 'showing file');
    shell.showItemInFolder(file);
    return { ok: true, value: null };
  });
  return () => {
    ipcMain.removeHandler(desktopChannels.chooseFiles);
    ipcMain.removeHandler(desktopChannels.showItemFile);
  };
}

/** Pushes every contract event to each window showing our renderer. Returns the unsubscribe function. */
export function pushEngineEvents(lifeline: Lifeline, renderer: RendererLocation): () => void {
  return subscribePushedEvents(lifeline, (event: PushedEvent) => {
    for (const win of BrowserWindow.getAllWindows()) {
      const contents = win.webContents;
      if (!contents.isDestroyed() && isRendererUrl(renderer, contents.getURL()))
        contents.send(pushedEventChannel, event);
    }
  });
}
