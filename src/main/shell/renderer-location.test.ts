import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtFileFor, isRendererUrl, rendererLocation } from './renderer-location';

const mainDir = path.resolve('/app/out/main');

describe('rendererLocation', () => {
  it('opens the built renderer on app://lifeline when there is no dev server', () => {
    const r = rendererLocation(mainDir, undefined, false);
    expect(r.entryUrl).toBe('app://lifeline/index.html');
    expect(r.builtDir).toBe(path.resolve('/app/out/renderer'));
  });

  it('opens the dev server in an unpackaged app', () => {
    const r = rendererLocation(mainDir, 'http://localhost:5173/', false);
    expect(r).toMatchObject({ entryUrl: 'http://localhost:5173/', origin: 'http://localhost:5173', dev: true });
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app, so nobody can point the window elsewhere', () => {
    expect(rendererLocation(mainDir, 'https://evil.example/', true).origin).toBe('app://lifeline');
  });
});

describe('isRendererUrl', () => {
  const built = rendererLocation(mainDir, undefined, false);
  it('trusts any page of our renderer', () => {
    expect(isRendererUrl(built, 'app://lifeline/index.html')).toBe(true);
    expect(isRendererUrl(built, 'app://lifeline/items/3?x=1#t')).toBe(true);
  });
  it('does not trust other origins, file:// pages or garbage', () => {
    for (const url of [
      'app://other/index.html',
      'file:///app/out/renderer/index.html',
      'https://lifeline/',
      'http://localhost:5173/',
      '',
      'not a url',
    ]) {
      expect(isRendererUrl(built, url)).toBe(false);
    }
  });
  it('trusts the dev server only on its own port', () => {
    const dev = rendererLocation(mainDir, 'http://localhost:5173', false);
    expect(isRendererUrl(dev, 'http://localhost:5173/index.html')).toBe(true);
    expect(isRendererUrl(dev, 'http://localhost:5174/index.html')).toBe(false);
  });
});

describe('builtFileFor', () => {
  const dir = path.resolve('/app/out/renderer');
  it('maps a URL path to a file inside the built renderer', () => {
    expect(builtFileFor(dir, '/assets/index-abc.js')).toBe(path.join(dir, 'assets', 'index-abc.js'));
  });
  it('never names a file outside it, however the path is spelled', () => {
    for (const p of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/../../x', '/%2E%2E%2Fsecret']) {
      const file = builtFileFor(dir, p);
      expect(file === null || file.startsWith(dir + path.sep)).toBe(true);
    }
  });
  it('refuses a path that does not decode', () => {
    expect(builtFileFor(dir, '/%E0%A4%A')).toBeNull();
  });
});
