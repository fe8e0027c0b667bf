import { snippetMarks } from '../../../shared/contract';

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

/**
 * The index stores a dated memory as "text (YYYY-MM-DD)"; where the hit's date is shown on its own,
 * that suffix is dropped from the snippet, also when the snippet was cut inside it ("text (2026-12…").
 * A suffix that holds a match stays (it has markers).
 */
export function withoutIndexedDate(marked: string): string {
  return marked.replace(/ \(\d{4}-\d{2}-\d{2}\)$/, '').replace(/ \([\d-]*…$/, '');
}
