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

/** What a file starts with, for error messages: text if printable, else hex. */
export function describeStart(head: Uint8Array): string {
  const text = ascii(head, 0, Math.min(16, head.length));
  const printable = /^[\x20-\x7e\r\n\t]*$/.test(text);
  return printable
    ? `text "${text.replace(/\s+/g, ' ').trim().slice(0, 16)}"`
    : `bytes ${Array.from(head.subarray(0, 8), (x) => x.toString(16).padStart(2, '0')).join('')}`;
}
