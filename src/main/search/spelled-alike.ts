/**
 * Typo tolerance for search (pure): the indexed words spelled like a word that was typed wrong
 * ("dentst" → "dentist"). The index's words are Porter stems ("meet", "birthdai"), so a stem is
 * compared with the typed word also with each ending a stem drops put back.
 */

/** Edits allowed for a typed word of this length: none for short words (too many neighbours). */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  return length < 6 ? 1 : 2;
}

/**
 * Optimal string alignment distance (insert, delete, substitute, swap two neighbours) if it is at
 * most `max`, else `max + 1`; stops as soon as every path is over.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rows (the one two back for swaps), reused: this runs for every indexed word of a letter.
  let before = new Int32Array(b.length + 1);
  let prev = new Int32Array(b.length + 1);
  let row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    [before, prev, row] = [prev, row, before];
  }
  return Math.min(prev[b.length]!, max + 1);
}

/** Endings a Porter stem drops ("meeting" is indexed as "meet"): a typed word is compared with the stem plus each. */
const stemEndings = ['', 's', 'es', 'ed', 'ing', 'er', 'e', 'y', 'ly', 'al', 'ful', 'ion', 'ation', 'ment', 'ness'];

/**
 * The indexed terms closest to `word` within its allowed edits (all of them at the best distance),
 * never the word itself. `terms` are the index's terms that share its first letter.
 */
export function spelledAlike(word: string, terms: readonly string[]): string[] {
  const max = allowedEdits(word.length);
  if (max === 0) return [];
  let best = max + 1;
  let found: string[] = [];
  for (const term of terms) {
    if (term === word || term.length < 3) continue;
    let d = max + 1;
    for (const ending of stemEndings)
      if (Math.abs(term.length + ending.length - word.length) <= max)
        d = Math.min(d, editDistance(word, term + ending, max));
    if (d === 0) continue; // the word is this term with its ending: the close search finds it already
    if (d < best) {
      best = d;
      found = [term];
    } else if (d === best && d <= max) found.push(term);
  }
  return best <= max ? found : [];
}
