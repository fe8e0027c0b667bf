import type { TranscriptSegment } from '../../../shared/contract';
import { splitUtterances, type TimedWord, type UtteranceOptions } from '../extract/utterances';

/** Tokens pocketsphinx prints that are not words: sentence marks, silence, fillers, noise. */
const nonWord = (w: string) => /^(<s>|<\/s>|<sil>|\[.*\]|\+\+.*\+\+|\(NULL\))$/i.test(w);

const wordLine = /^(\S+) (-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)$/;

/**
 * The timed words of `pocketsphinx_continuous -time yes` output (pure), one list per decoder
 * utterance: per utterance, a hypothesis line and then one `word start end confidence` line per
 * word, framed by `<s>` and `</s>`. Markers, silences and fillers are dropped; alternate
 * pronunciations (`to(2)`) lose their suffix.
 */
export function parsePocketsphinxWords(stdout: string): TimedWord[][] {
  const utterances: TimedWord[][] = [];
  let words: TimedWord[] = [];
  const flush = () => {
    if (words.length > 0) utterances.push(words);
    words = [];
  };
  for (const raw of stdout.split('\n')) {
    const m = wordLine.exec(raw.trim());
    if (!m) continue;
    const token = m[1]!;
    if (token === '<s>') flush();
    if (token === '</s>') {
      flush();
      continue;
    }
    if (nonWord(token)) continue;
    words.push({ word: token.replace(/\(\d+\)$/, ''), start: Number(m[2]), end: Number(m[3]) });
  }
  flush();
  return utterances;
}

/**
 * Segments from pocketsphinx output (pure): each decoder utterance, cut again wherever its own word
 * times show a pause (or a long run reaches a cue word), so a segment is one thing said.
 */
export function parsePocketsphinxOutput(stdout: string, options: UtteranceOptions = {}): TranscriptSegment[] {
  return parsePocketsphinxWords(stdout).flatMap((words) => splitUtterances(words, options));
}
