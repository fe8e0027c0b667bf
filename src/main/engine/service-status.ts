/**
 * What the engine asks about a stage's service besides its breaker (the engine's port; the health
 * monitor answers it in the composition root). A failure of a service that is known down is the
 * service's, never the item's: the job waits for it with its attempt refunded.
 */
export interface ServiceStatus {
  /** Why the service's last real check failed, or null when it answered (or was never checked). */
  downReason(service: string): string | null;
  /**
   * Checks the service for real now (a service fault just came back): resolves with why it is down,
   * or null when it answered, in which case the failure counts against the item as usual.
   */
  confirmDown(service: string): Promise<string | null>;
}

/** For engines without a health side (unit tests): nothing is known, nothing is checked. */
export const noServiceStatus: ServiceStatus = {
  downReason: () => null,
  confirmDown: () => Promise.resolve(null),
};
