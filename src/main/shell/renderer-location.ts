import path from 'node:path';

/** The scheme the built renderer is served on: a real origin, unlike file://, which CSP 'self' and the sender check can rely on. */
export const rendererScheme = 'app';
export const rendererHost = 'lifeline';

/** Where the window loads the UI from, and the one origin trusted to call the API. */
export interface RendererLocation {
  /** The URL the window opens. */
  entryUrl: string;
  /** `protocol//host` every trusted page has, e.g. `app://lifeline` or `http://localhost:5173`. */
  origin: string;
  /** The built renderer on disk, served on `app://lifeline/` (null in dev, where Vite serves it). */
  builtDir: string | null;
  dev: boolean;
}

/**
 * The dev server (electron-vite dev sets ELECTRON_RENDERER_URL) in an unpackaged app; the built
 * renderer otherwise. A packaged app ignores the variable, so nobody can point it at another page.
 */
export function rendererLocation(mainDir: string, devUrl: string | undefined, packaged: boolean): RendererLocation {
  if (devUrl && !packaged) {
    const url = new URL(devUrl);
    return { entryUrl: url.href, origin: originOf(url), builtDir: null, dev: true };
  }
  return {
    entryUrl: `${rendererScheme}://${rendererHost}/index.html`,
    origin: `${rendererScheme}://${rendererHost}`,
    builtDir: path.resolve(mainDir, '..', 'renderer'),
    dev: false,
  };
}

// URL#origin is "null" for schemes Node does not know (app:), so compare protocol and host.
function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/** Whether `url` is a page of our renderer (the only pages allowed to call the API or be navigated to). */
export function isRendererUrl(location: RendererLocation, url: string): boolean {
  try {
    return originOf(new URL(url)) === location.origin;
  } catch {
    return false;
  }
}

/**
 * The file under `builtDir` that `app://lifeline/<pathname>` names, or null when the path escapes
 * it. Unknown paths are the caller's to answer (index.html, for client-side routes).
 */
export function builtFileFor(builtDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const file = path.resolve(builtDir, '.' + path.posix.normalize('/' + decoded));
  return file === builtDir || file.startsWith(builtDir + path.sep) ? file : null;
}
