import type { RendererLocation } from './renderer-location';

/**
 * The window's policy: our own origin only, no plugins, no framing, no form posts. The desktop
 * window talks to main over IPC, so unlike the headless page it needs no WebSocket. In dev, Vite's
 * inline React-refresh preamble and its HMR socket need more.
 */
export function contentSecurityPolicy(renderer: RendererLocation): string {
  const devScript = renderer.dev ? " 'unsafe-inline'" : '';
  const devConnect = renderer.dev ? ' ws://localhost:* ws://127.0.0.1:*' : '';
  return [
    "default-src 'self'",
    `script-src 'self'${devScript}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    // Stored audio is served on app://lifeline/api/audio/ (the page's own origin, except in dev).
    `media-src 'self' blob:${renderer.dev ? ' app://lifeline' : ''}`,
    `connect-src 'self'${devConnect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** `headers` with the policy set, replacing any the response had (header names are case-insensitive). */
export function withPolicy(headers: Record<string, string[]> | undefined, policy: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [policy];
  return out;
}
