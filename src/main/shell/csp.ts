import type { Session } from 'electron';
import { contentSecurityPolicy, withPolicy } from './content-security-policy';
import type { RendererLocation } from './renderer-location';

/**
 * Sets the policy on every response the session receives (the dev server's, and any other). The
 * built renderer's own protocol handler sets it too, since it does not depend on webRequest seeing
 * custom-protocol responses.
 */
export function installContentSecurityPolicy(session: Session, renderer: RendererLocation): void {
  const policy = contentSecurityPolicy(renderer);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withPolicy(details.responseHeaders, policy) });
  });
}
