import { BrowserWindow, ipcMain, type WebFrameMain } from 'electron';
import { channelNames, pushedEventChannel, type ItemSummary, type Progress, type PushedEvent, type Result } from '../../shared/contract';
import { dispatch } from '../api/dispatch';
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
        log.warn({ channel, sender: event.senderFrame?.url ?? null }, 'call refused: sender is not the Lifeline renderer');
        return { ok: false, error: { code: 'UNAUTHORIZED', message: `${channel}: only the Lifeline window may call` } };
      }
      return dispatch(lifeline.handlers, channel, request, log);
    });
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}

/** Pushes the engine's events to every window showing our renderer. Returns the unsubscribe function. */
export function pushEngineEvents(lifeline: Lifeline, renderer: RendererLocation): () => void {
  const engine = lifeline.engine;
  if (!engine) return () => {};
  const send = (event: PushedEvent) => {
    for (const win of BrowserWindow.getAllWindows()) {
      const contents = win.webContents;
      if (!contents.isDestroyed() && isRendererUrl(renderer, contents.getURL())) contents.send(pushedEventChannel, event);
    }
  };
  const onItems = (items: ItemSummary[]) => send({ type: 'items.changed', items });
  const onProgress = (id: number, progress: Progress) => send({ type: 'item.progress', id, progress });
  engine.on('items.changed', onItems);
  engine.on('item.progress', onProgress);
  return () => {
    engine.off('items.changed', onItems);
    engine.off('item.progress', onProgress);
  };
}
