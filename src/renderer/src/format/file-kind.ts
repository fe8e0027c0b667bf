/**
 * What a stored file is, from its first bytes, for a player that could not play it: a person should
 * read "it looks like a PDF document, not audio", not that the browser failed. Only the signatures of
 * common files; `audio` says whether a browser might play such a file at all.
 */
export interface FileKind {
  /** "a WAV recording", "a PDF document", "text". */
  what: string;
  audio: boolean;
}

const ascii = (b: Uint8Array, at: number, text: string) =>
  b.length >= at + text.length && [...text].every((c, i) => b[at + i] === c.charCodeAt(0));

/** Mostly printable UTF-8 (tabs and line ends allowed): a text file. */
function looksLikeText(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  const printable = b.filter((x) => x === 9 || x === 10 || x === 13 || (x >= 32 && x !== 127)).length;
  return printable / b.length > 0.95;
}

/** The kind of file `head` (its first 64 bytes or more) starts, or null when nothing is known. */
export function fileKindOf(head: Uint8Array): FileKind | null {
  if (head.length === 0) return { what: 'an empty file', audio: false };
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE'))
    return ascii(head, 12, 'fmt ') || ascii(head, 12, 'LIST') || ascii(head, 12, 'JUNK') || ascii(head, 12, 'bext')
      ? { what: 'a WAV recording', audio: true }
      : { what: 'a WAV header with no audio after it', audio: false };
  if (ascii(head, 0, 'fLaC'))
    // A real FLAC file starts with its STREAMINFO block: type 0, 34 bytes long.
    return (head[4]! & 0x7f) === 0 && head[5] === 0 && head[6] === 0 && head[7] === 34
      ? { what: 'a FLAC recording', audio: true }
      : { what: 'a FLAC header with no audio after it', audio: false };
  if (ascii(head, 0, 'ID3') || (head[0] === 0xff && (head[1]! & 0xe0) === 0xe0))
    return { what: 'an MP3 recording', audio: true };
  if (ascii(head, 0, 'OggS')) return { what: 'an Ogg recording', audio: true };
  if (ascii(head, 4, 'ftyp')) return { what: 'an MP4 or M4A file', audio: true };
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3)
    return { what: 'a WebM or Matroska file', audio: true };
  if (ascii(head, 0, '%PDF')) return { what: 'a PDF document', audio: false };
  if (head[0] === 0x89 && ascii(head, 1, 'PNG')) return { what: 'a PNG image', audio: false };
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { what: 'a JPEG image', audio: false };
  if (ascii(head, 0, 'GIF8')) return { what: 'a GIF image', audio: false };
  if (ascii(head, 0, 'PK\x03\x04')) return { what: 'a ZIP archive (or an office document)', audio: false };
  if (looksLikeText(head)) return { what: 'text', audio: false };
  return null;
}

/** What the item page says instead of a player that could not play the stored copy. */
export function unplayableText(kind: FileKind | null): string {
  if (kind === null) return 'This browser cannot play the stored copy; it is kept at the path below.';
  if (kind.audio) return `This browser cannot play ${kind.what}; the stored copy is kept at the path below.`;
  return `The stored copy is not audio: it is ${kind.what}. It is kept at the path below.`;
}
