import type { TranscriptSegment } from '../../../shared/contract';

/** Tokens pocketsphinx prints that are not words: sentence marks, silence, fillers, noise. */
const nonWord = (w: string) => /^(<s>|<\/s>|<sil>|\[.*\]|\+\+.*\+\+|\(NULL\))$/i.test(w);

const wordLine = /^(\S+) (-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)$/;

/**
 * Parses `pocketsphinx_continuous -time yes` output (pure): per utterance, a hypothesis line and
 * then one `word start end confidence` line per word, framed by `<s>` and `</s>`. Each utterance
 * becomes a segment; alternate pronunciations (`to(2)`) lose their suffix.
 */
export function parsePocketsphinxOutput(stdout: string): TranscriptSegment[] {
  const segments: TranscriptSegment[] = [];
  let words: { w: string; start: number; end: number }[] = [];
  const flush = () => {
    if (words.length > 0) {
      segments.push({ start: words[0]!.start, end: words.at(-1)!.end, text: words.map((x) => x.w).join(' ') });
    }
    words = [];
  };
  for (const raw of stdout.split('\n')) {
    const line = raw.trim();
    const m = wordLine.exec(line);
    if (!m) continue;
    const token = m[1]!;
    if (token === '<s>') flush();
    if (token === '</s>') {
      flush();
      continue;
    }
    if (nonWord(token)) continue;
    words.push({ w: token.replace(/\(\d+\)$/, ''), start: Number(m[2]), end: Number(m[3]) });
  }
  flush();
  return segments;
}
