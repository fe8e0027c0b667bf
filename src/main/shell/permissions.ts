import type { Session } from 'electron';

/**
 * The UI asks for nothing but copying text and, for Record, the microphone (audio only: a request
 * that includes video is refused). Camera, notifications, location and the rest are denied.
 */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    if (permission === 'clipboard-sanitized-write') return callback(true);
    if (permission === 'media') {
      const types = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
      return callback(types.length > 0 && types.every((t) => t === 'audio'));
    }
    callback(false);
  });
}
