/**
 * The search index stores a dated memory as "text (YYYY-MM-DD)". A snippet cut inside that suffix
 * ends in a stump ("…the birthday party (2026-12…") that says nothing: it is dropped. A suffix that
 * holds a match keeps it (its markers are not digits).
 */
export function withoutCutIndexedDate(snippet: string): string {
  return snippet.replace(/ \([\d-]*…$/, '');
}

/** Where the hit's date is shown on its own (the UI), the whole suffix is dropped too. */
export function withoutIndexedDate(snippet: string): string {
  return withoutCutIndexedDate(snippet.replace(/ \(\d{4}-\d{2}-\d{2}\)$/, ''));
}
