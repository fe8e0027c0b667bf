/**
 * How soon a service known to be down is checked again (pure). Short at first, so a server that
 * comes back is in use within seconds; growing, so an outage of hours costs one cheap request every
 * `capMs` and no more.
 */
export interface RecheckOptions {
  /** The first re-check after the service was found down, ms. Default 2 000. */
  firstMs: number;
  /** Each further re-check waits this many times longer. Default 1.5. */
  factor: number;
  /** The longest wait between two checks, ms. Default 10 000. */
  capMs: number;
}

export const defaultRecheck: RecheckOptions = { firstMs: 2_000, factor: 1.5, capMs: 10_000 };

/** The wait before re-check number `n` (1 for the first) of one outage, ms. */
export function recheckDelayMs(n: number, o: RecheckOptions = defaultRecheck): number {
  return Math.round(Math.min(o.capMs, o.firstMs * o.factor ** Math.max(0, n - 1)));
}
