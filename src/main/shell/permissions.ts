import type { Session } from 'electron';

/** The UI needs no camera, microphone, notifications or location; copying text is all it may ask for. */
const allowed = new Set(['clipboard-sanitized-write']);

export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowed.has(permission)));
}
