import { useEffect, useRef } from 'react';

export interface QueryInAddress {
  /** The screen's route, e.g. `items`. */
  path: string;
  /** The query after the route in the address now, `''` when there is none. */
  addressQuery: string;
  /** The screen's current filter and sort, as the address writes it. */
  current: string;
  /** `current` as it would be once `apply` took an address's query (unknown values dropped). */
  normalize(addressQuery: string): string;
  /** Sets the screen's filter and sort from an address's query. */
  apply(addressQuery: string): void;
}

/**
 * Keeps a list screen's filter and sort and the address in step. An address that names a query
 * (a bookmark, a new tab, the back button) sets the screen; a change made on the screen rewrites the
 * address in place (replaceState: typing a search does not fill the history). The bare route keeps
 * what the screen had, so the nav link back to a screen does not reset it.
 */
export function useQueryInAddress({ path, addressQuery, current, normalize, apply }: QueryInAddress): void {
  const seen = useRef<string | null>(null);
  // The query asked of the store, until the store shows it: the address is not overwritten meanwhile.
  const awaiting = useRef<string | null>(null);
  useEffect(() => {
    if (addressQuery !== seen.current) {
      seen.current = addressQuery;
      const wanted = normalize(addressQuery);
      if (addressQuery !== '' && wanted !== current) {
        awaiting.current = wanted;
        apply(addressQuery);
        return;
      }
    }
    if (awaiting.current !== null) {
      if (current !== awaiting.current) return;
      awaiting.current = null;
    }
    if (current !== addressQuery) {
      window.history.replaceState(window.history.state, '', `#/${path}${current === '' ? '' : `?${current}`}`);
      seen.current = current;
    }
  }, [path, addressQuery, current, normalize, apply]);
}
