/**
 * A message the headless server sends on its event socket about the server itself, not the engine:
 * it is not a PushedEvent (the desktop app's window has no such state), so the contract stays one.
 * `stopping`: `lifeline serve` was asked to stop; running jobs finish, calls are refused, then it closes.
 */
export const serverStoppingMessage = { server: 'stopping' } as const;

export function isServerStopping(message: unknown): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { server?: unknown }).server === serverStoppingMessage.server
  );
}
