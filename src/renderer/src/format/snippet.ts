import { snippetMarks } from '../../../shared/contract';

/** Where the hit's date is shown on its own, its indexed "(YYYY-MM-DD)" suffix is dropped. */
export { withoutIndexedDate } from '../../../shared/text/indexed-date';

/** A run of a search snippet's text, a match or not. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * Splits a search hit's `marked` snippet into plain and matching runs, to render as text nodes
 * (never as HTML). Markers are control characters no transcript contains; an unbalanced one (a
 * snippet cut inside a match) ends or starts a match where it stands, and nothing is lost.
 */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let run = '';
  const flush = () => {
    if (run === '') return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += run;
    else parts.push({ text: run, match });
    run = '';
  };
  for (const ch of marked) {
    if (ch === snippetMarks.open || ch === snippetMarks.close) {
      flush();
      match = ch === snippetMarks.open;
    } else {
      run += ch;
    }
  }
  flush();
  return parts;
}
