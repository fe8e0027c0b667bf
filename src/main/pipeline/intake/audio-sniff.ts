import fs from 'node:fs';
import { audioFormatNames, sniffAudioFormat, type AudioFormat } from '../audio/audio-format';

/**
 * The door check every intake path runs (add, upload, drop, watch folder): is this file audio at
 * all? Decided by content, never by the name, from the first bytes: a container signature and a
 * cheap probe of what follows it (an MPEG frame header that names a real bitrate and rate, an Ogg
 * page of version 0). A file that passes may still fail to decode: that is a dead letter with its
 * reason, as before. A file that fails never becomes an item, so it cannot sit in Dead letters.
 *
 * Messages name the file and what it looks like; they never quote its bytes (it may be private text).
 */
export type SniffResult = { ok: true; format: AudioFormat } | { ok: false; code: 'NOT_AUDIO'; message: string };

/** Bytes read from the start of a file: enough for a tag-less MP3's first two frames. */
export const sniffBytes = 8192;

const ascii = (b: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

/** MPEG-1/2/2.5 Layer I–III bitrates (kbps) by [version is MPEG-1][layer 1..3][index]. */
const bitrates = {
  v1: [
    [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
    [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  ],
  v2: [
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  ],
};
const sampleRates: Record<number, number[]> = {
  3: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  0: [11025, 12000, 8000],
};

/** The length in bytes of the MPEG audio frame whose header is at `at`, or null when it is no valid header. */
export function mpegFrameLength(b: Uint8Array, at: number): number | null {
  if (at + 4 > b.length || b[at] !== 0xff || (b[at + 1]! & 0xe0) !== 0xe0) return null;
  const version = (b[at + 1]! >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5, 1: reserved
  const layerBits = (b[at + 1]! >> 1) & 3; // 3: Layer I, 2: II, 1: III, 0: reserved
  const bitrateIndex = b[at + 2]! >> 4;
  const rateIndex = (b[at + 2]! >> 2) & 3;
  const padding = (b[at + 2]! >> 1) & 1;
  if (version === 1 || layerBits === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const layer = 4 - layerBits;
  const kbps = (version === 3 ? bitrates.v1 : bitrates.v2)[layer - 1]![bitrateIndex]!;
  const rate = sampleRates[version]![rateIndex]!;
  if (layer === 1) return (Math.floor((12 * kbps * 1000) / rate) + padding) * 4;
  const perFrame = layer === 3 && version !== 3 ? 72 : 144;
  return Math.floor((perFrame * kbps * 1000) / rate) + padding;
}

/** A tag-less MP3 starts with a valid frame header, and the next frame's header follows where it says. */
function looksLikeMpegStream(head: Uint8Array): boolean {
  const first = mpegFrameLength(head, 0);
  if (first === null) return false;
  if (first + 4 > head.length) return true; // a file shorter than two frames: the one header is all there is
  return mpegFrameLength(head, first) !== null;
}

/** The cheap probe after the signature: does what follows it make sense for that container? */
function probeContainer(format: AudioFormat, head: Uint8Array): boolean {
  switch (format) {
    case 'mp3':
      return ascii(head, 0, 3) === 'ID3' ? head.length < 4 || head[3]! <= 4 : looksLikeMpegStream(head);
    case 'aac':
      // ADTS: sampling frequency index 0..12 (13..15 are reserved).
      return head.length < 3 || ((head[2]! >> 2) & 0xf) <= 12;
    case 'ogg':
      return head.length < 5 || head[4] === 0; // stream structure version 0 is the only one
    case 'm4a':
      // ISO media that is a still image, not a recording.
      return !['heic', 'heix', 'mif1', 'msf1', 'avif', 'avis'].includes(ascii(head, 8, 12));
    case 'wav':
    case 'flac':
      return true;
    default: {
      const never: never = format;
      return never;
    }
  }
}

/** What a non-audio file looks like, in words, for the refusal. */
function lookalike(head: Uint8Array): string {
  const four = ascii(head, 0, 4);
  if (four === '%PDF') return 'it is a PDF document';
  if (four === '\x89PNG') return 'it is a PNG image';
  if (head[0] === 0xff && head[1] === 0xd8) return 'it is a JPEG image';
  if (four === 'GIF8') return 'it is a GIF image';
  if (four === 'PK\x03\x04') return 'it is a ZIP archive (or an office document)';
  if (four === '\x1aE\xdf\xa3')
    return 'it is a WebM/Matroska file, which Lifeline cannot decode; convert it to MP3, Ogg or WAV';
  if (four === '\x7fELF' || ascii(head, 0, 2) === 'MZ') return 'it is a program';
  if (ascii(head, 0, 4) === 'FORM' && ['AIFF', 'AIFC'].includes(ascii(head, 8, 12)))
    return 'it is AIFF audio, which Lifeline cannot decode; convert it to WAV or FLAC';
  if (isText(head)) return 'it holds text';
  return 'its content is not WAV, MP3, Ogg, FLAC or M4A/AAC audio';
}

/** Printable ASCII or UTF-8 with no control characters other than whitespace. */
function isText(head: Uint8Array): boolean {
  const sample = head.subarray(0, 512);
  if (sample.length === 0) return false;
  if (sample.includes(0)) return false;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, lastWholeChar(sample)));
    return !/[\x00-\x08\x0e-\x1f\x7f]/.test(text);
  } catch {
    return false;
  }
}

/** Cuts a UTF-8 sample before a character split by the end of the sample. */
function lastWholeChar(b: Uint8Array): number {
  const end = b.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const c = b[end - i]!;
    if ((c & 0xc0) === 0xc0) return end - i; // a lead byte: its sequence may be cut
    if ((c & 0x80) === 0) break;
  }
  return end;
}

/** Decides from the start of a file (its first {@link sniffBytes}) and its name. Pure. */
export function sniffAudio(head: Uint8Array, fileName: string, fileSize: number = head.length): SniffResult {
  const refuse = (why: string): SniffResult => ({
    ok: false,
    code: 'NOT_AUDIO',
    message: `${fileName} is not audio: ${why}`,
  });
  if (fileSize === 0) return refuse('the file is empty (0 bytes)');
  const format = sniffAudioFormat(head.subarray(0, 64));
  if (format && probeContainer(format, head)) return { ok: true, format };
  if (format) return refuse(`it starts like ${audioFormatNames[format]} but what follows is not`);
  return refuse(lookalike(head));
}

/** Reads the start of `file` and sniffs it; read errors are thrown for the caller to report. */
export async function sniffAudioFile(file: string, fileName: string): Promise<SniffResult> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const { size } = await fh.stat();
    const head = Buffer.alloc(Math.min(sniffBytes, size));
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    return sniffAudio(head.subarray(0, bytesRead), fileName, size);
  } finally {
    await fh.close();
  }
}
