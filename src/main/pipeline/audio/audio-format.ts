/** Audio containers Lifeline decodes, recognised by their first bytes (pure). */
export type AudioFormat = 'wav' | 'mp3' | 'ogg' | 'flac' | 'm4a' | 'aac';

export const audioFormatNames: Record<AudioFormat, string> = {
  wav: 'WAV',
  mp3: 'MP3',
  ogg: 'Ogg (Opus/Vorbis)',
  flac: 'FLAC',
  m4a: 'MP4/M4A',
  aac: 'AAC (ADTS)',
};

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** The container of `head` (the first bytes of a file), or null when it is none of ours. */
export function sniffAudioFormat(head: Uint8Array): AudioFormat | null {
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WAVE') return 'wav';
  if (head.length >= 4 && ascii(head, 0, 4) === 'OggS') return 'ogg';
  if (head.length >= 4 && ascii(head, 0, 4) === 'fLaC') return 'flac';
  if (head.length >= 8 && ascii(head, 4, 8) === 'ftyp') return 'm4a';
  if (head.length >= 3 && ascii(head, 0, 3) === 'ID3') return 'mp3';
  if (head.length >= 2 && head[0] === 0xff) {
    const b1 = head[1]!;
    // ADTS: 12-bit sync, layer bits 00. MPEG audio frames: 11-bit sync, layer bits non-zero.
    if ((b1 & 0xf6) === 0xf0) return 'aac';
    if ((b1 & 0xe0) === 0xe0 && (b1 & 0x06) !== 0) return 'mp3';
  }
  return null;
}

/** Signatures of common files that are not audio, for saying what a file looks like instead. */
const otherKinds: { kind: string; test: (b: Uint8Array) => boolean }[] = [
  { kind: 'a ZIP archive (or an Office document)', test: (b) => ascii(b, 0, 4) === 'PK\x03\x04' },
  { kind: 'a PDF document', test: (b) => ascii(b, 0, 5) === '%PDF-' },
  { kind: 'a PNG image', test: (b) => ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n' },
  { kind: 'a JPEG image', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { kind: 'a GIF image', test: (b) => ascii(b, 0, 4) === 'GIF8' },
  { kind: 'a gzip archive', test: (b) => b[0] === 0x1f && b[1] === 0x8b },
  { kind: 'a program (ELF)', test: (b) => ascii(b, 0, 4) === '\x7fELF' },
  { kind: 'a Windows program', test: (b) => ascii(b, 0, 2) === 'MZ' },
  { kind: 'an SQLite database', test: (b) => ascii(b, 0, 16) === 'SQLite format 3\0' },
  { kind: 'a Matroska/WebM file', test: (b) => b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3 },
  { kind: 'a RIFF file that is not WAVE (a video or an image)', test: (b) => ascii(b, 0, 4) === 'RIFF' },
];

/** Whether bytes read as text: no NUL and almost only printable characters (UTF-8 counts as printable). */
function looksLikeText(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  let odd = 0;
  for (const x of b) {
    if (x === 0) return false;
    if (x < 0x20 && x !== 0x09 && x !== 0x0a && x !== 0x0d && x !== 0x1b) odd++;
  }
  return odd <= b.length / 50;
}

/**
 * What kind of content a file that is not audio holds, for error messages and exports: "text", "a
 * ZIP archive", … or "unknown binary". Never its bytes: a text file's first words may be private,
 * and a message is shown, logged and exported.
 */
export function describeContent(head: Uint8Array): string {
  const known = otherKinds.find((k) => k.test(head));
  if (known) return known.kind;
  return looksLikeText(head.subarray(0, 512)) ? 'text' : 'unknown binary';
}
