import { plural } from '../../../shared/text/plural';

/** What a finished search found, for the one line above its results. */
export interface SearchFound {
  query: string;
  /** " in to-dos" when a kind is chosen, else "". */
  among: string;
  hits: number;
  /** How many hits hold every word; the rest are close matches. */
  exact: number;
  /** The most hits one search returns. */
  limit: number;
}

/**
 * The line above a search's results: how many, and whether they hold every word ("best first") or
 * only some ("close matches"). Nothing found is said plainly; there is no "best" among none.
 */
export function searchSummary({ query, among, hits, exact, limit }: SearchFound): string {
  if (hits === 0) return `No match for “${query}”${among}`;
  // When not every word was found, it says so: these hits are close, not exact.
  if (exact === 0) return `No exact match for “${query}”${among}; close matches`;
  if (hits > exact) return `${plural(exact, 'match', 'matches')} for “${query}”${among}, then close matches`;
  return hits >= limit
    ? `The best ${hits} matches for “${query}”${among}`
    : `${plural(hits, 'match', 'matches')} for “${query}”${among}, best first`;
}
