import type { LifelineApi } from '../../../shared/contract';
import type { Transport } from './transport';

/** The API the Electron preload exposes on `window.lifeline`, if this page runs in the desktop app. */
export function desktopApi(win: Window): LifelineApi | null {
  const candidate = (win as Window & { lifeline?: unknown }).lifeline;
  if (typeof candidate !== 'object' || candidate === null) return null;
  const api = candidate as Partial<LifelineApi>;
  return typeof api.call === 'function' && typeof api.subscribe === 'function' ? (api as LifelineApi) : null;
}

/** IPC between the window and its own main process does not drop, so it is always connected. */
export function desktopTransport(api: LifelineApi): Transport {
  return {
    api,
    connection: {
      status: 'connected',
      onStatusChange: () => () => {},
    },
  };
}
