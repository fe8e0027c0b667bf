import fs from 'node:fs';

/**
 * Reads sphinxbase's "Trie Language Model" binary (the format of Debian's en-us.lm.bin, written by
 * `sphinx_lm_convert -ofmt bin`), so we can blend it with our own model. Debian's own ARPA writer aborts
 * on this file, which is why we read it ourselves. Layout, all little-endian:
 *
 *   "Trie Language Model" · u8 order · u32 count per order
 *   i32 (unused) · quantiser tables: for each middle order 65536 prob + 65536 backoff centres, then
 *     65536 prob centres for the highest order (f32, log base 1.0001)
 *   unigrams: (count₁ + 1) × { f32 prob, f32 backoff, u32 first child }   (the last is a sentinel)
 *   per middle order a bit-packed array of { word, 16-bit backoff bin, 16-bit prob bin, first child },
 *   then the highest order { word, 16-bit prob bin }; each array has one extra entry (the end pointer)
 *   i32 byte length · the words, NUL-separated
 *
 * The trie is keyed from the predicted word back through its history: a unigram's children are its
 * bigrams "h w" (the child holds h), and a bigram node's children are the trigrams "g h w".
 */
export interface TrieNgramVisitor {
  /** `words` in natural order (history first); `backoff` is undefined for the highest order. */
  (words: readonly string[], log10Prob: number, log10Backoff: number | undefined): void;
}

export interface TrieLm {
  order: number;
  /** How many entries each order holds (the header's counts). */
  counts: readonly number[];
  words: readonly string[];
  /** Calls `visit` for every n-gram of `order` (1-based). */
  forEach(order: number, visit: TrieNgramVisitor): void;
}

const header = 'Trie Language Model';
/** Scores are natural logs in base 1.0001 (sphinxbase's logmath default). */
const toLog10 = Math.log10(1.0001);
const binCount = 1 << 16;

/** Bits needed to store values up to `max` (sphinxbase's bitarr_required_bits). */
export function requiredBits(max: number): number {
  let bits = 0;
  while (max > 0) {
    bits++;
    max = Math.floor(max / 2);
  }
  return bits;
}

interface PackedArray {
  offset: number;
  wordBits: number;
  totalBits: number;
  /** Bits of the next-order pointer (0 for the highest order). */
  nextBits: number;
}

export function readTrieLm(file: string): TrieLm {
  return parseTrieLm(fs.readFileSync(file));
}

export function parseTrieLm(buf: Buffer): TrieLm {
  if (buf.toString('latin1', 0, header.length) !== header) throw new Error('not a sphinxbase trie language model');
  let at = header.length;
  const order = buf.readUInt8(at++);
  const counts: number[] = [];
  for (let i = 0; i < order; i++, at += 4) counts.push(buf.readUInt32LE(at));
  if (order < 2) throw new Error('a unigram-only trie model is not supported');

  at += 4; // unused int before the quantiser
  const tables: { prob: Float32Array; backoff?: Float32Array }[] = [];
  const readTable = (): Float32Array => {
    const t = new Float32Array(binCount);
    for (let i = 0; i < binCount; i++, at += 4) t[i] = buf.readFloatLE(at);
    return t;
  };
  for (let n = 2; n < order; n++) tables.push({ prob: readTable(), backoff: readTable() });
  tables.push({ prob: readTable() });

  const uniAt = at;
  const uni = (i: number, field: 0 | 1 | 2): number =>
    field === 2 ? buf.readUInt32LE(uniAt + i * 12 + 8) : buf.readFloatLE(uniAt + i * 12 + field * 4);
  at += (counts[0]! + 1) * 12;

  const wordBits = requiredBits(counts[0]!);
  const arrays: PackedArray[] = [];
  for (let n = 2; n <= order; n++) {
    const nextBits = n < order ? requiredBits(counts[n]!) : 0;
    const totalBits = wordBits + (n < order ? 32 : 16) + nextBits;
    arrays.push({ offset: at, wordBits, totalBits, nextBits });
    // One extra entry holds the end pointer; 8 spare bytes let 64-bit reads run past the end.
    at += Math.floor(((1 + counts[n - 1]!) * totalBits + 7) / 8) + 8;
  }

  const textLength = buf.readInt32LE(at);
  at += 4;
  const words = buf
    .toString('latin1', at, at + textLength)
    .split('\0')
    .slice(0, counts[0]!);
  if (words.length !== counts[0]!) throw new Error(`expected ${counts[0]!} words, found ${words.length}`);

  /** An unsigned field of up to 25 bits at a bit offset (a 32-bit little-endian read, as sphinxbase does). */
  const bits = (base: number, bitOffset: number, length: number): number => {
    const byte = base + Math.floor(bitOffset / 8);
    const word = byte + 4 <= buf.length ? buf.readUInt32LE(byte) : padRead(buf, byte);
    return (word >>> (bitOffset % 8)) & ((1 << length) - 1);
  };
  const entry = (n: number, i: number) => {
    const a = arrays[n - 2]!;
    const start = i * a.totalBits;
    const word = bits(a.offset, start, a.wordBits);
    if (n === order) return { word, prob: tables[n - 2]!.prob[bits(a.offset, start + a.wordBits, 16)]! };
    return {
      word,
      backoff: tables[n - 2]!.backoff![bits(a.offset, start + a.wordBits, 16)]!,
      prob: tables[n - 2]!.prob[bits(a.offset, start + a.wordBits + 16, 16)]!,
    };
  };
  const next = (n: number, i: number): number => {
    const a = arrays[n - 2]!;
    return bits(a.offset, i * a.totalBits + a.totalBits - a.nextBits, a.nextBits);
  };

  const forEach = (want: number, visit: TrieNgramVisitor): void => {
    if (want === 1) {
      for (let w = 0; w < counts[0]!; w++) visit([words[w]!], uni(w, 0) * toLog10, uni(w, 1) * toLog10);
      return;
    }
    // Reversed path: [predicted word, previous word, …].
    const path: string[] = [];
    const walk = (n: number, begin: number, end: number): void => {
      for (let i = begin; i < end; i++) {
        const e = entry(n, i);
        path[n - 1] = words[e.word]!;
        if (n === want) {
          const natural = path.slice(0, n).reverse();
          visit(natural, e.prob * toLog10, e.backoff === undefined ? undefined : e.backoff * toLog10);
        } else walk(n + 1, next(n, i), next(n, i + 1));
      }
    };
    for (let w = 0; w < counts[0]!; w++) {
      path[0] = words[w]!;
      walk(2, uni(w, 2), uni(w + 1, 2));
    }
  };

  return { order, counts, words, forEach };
}

function padRead(buf: Buffer, byte: number): number {
  let v = 0;
  for (let k = 0; k < 4; k++) v |= (byte + k < buf.length ? buf[byte + k]! : 0) << (8 * k);
  return v >>> 0;
}
