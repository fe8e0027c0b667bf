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
export function useQueryInAddress({ path, addressQuery: given, current, normalize, apply }: QueryInAddress): void {
  const seen = useRef<string | null>(null);
  // The query asked of the store, until the store shows it: the address is not overwritten meanwhile.
  const awaiting = useRef<string | null>(null);
  useEffect(() => {
    // The address as it is now. `given` comes from the parent's last render, and the replaceState below
    // fires no hashchange: a parent redrawn for another reason (a new dead letter's badge) between two
    // changes on the screen hands down a query this hook has since replaced, which read as a new
    // address would undo the later change (a search typed after a sort was cleared, on a loaded machine).
    const addressQuery = addressQueryOf(window.location.hash, path) ?? given;
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
  }, [path, given, current, normalize, apply]);
}

/** The query of `hash` when it is the address of the screen at `path`; null for another screen. */
function addressQueryOf(hash: string, path: string): string | null {
  const [at = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  return at.replace(/\/$/, '') === path ? query : null;
}
