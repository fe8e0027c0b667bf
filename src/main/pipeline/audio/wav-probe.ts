import { permanentError } from '../../engine/stage-error';
import { describeContent } from './audio-format';

export interface WavInfo {
  format: 'pcm' | 'float';
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** Byte offset and length of the sample data. */
  dataOffset: number;
  dataBytes: number;
  durationSec: number;
}

/** Signatures of audio formats this build recognises but does not decode as WAV. */
const knownContainers: { name: string; test: (b: Buffer) => boolean }[] = [
  {
    name: 'MP3',
    test: (b) => b.subarray(0, 3).toString('latin1') === 'ID3' || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0),
  },
  { name: 'Ogg', test: (b) => b.subarray(0, 4).toString('latin1') === 'OggS' },
  { name: 'FLAC', test: (b) => b.subarray(0, 4).toString('latin1') === 'fLaC' },
  { name: 'MP4/M4A', test: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' },
];

/**
 * Reads a WAV header and checks that it describes playable samples. `buf` is the start of the file
 * (the first MiB is plenty), `fileSize` its full size. Throws a permanent AUDIO_UNDECODABLE /
 * AUDIO_EMPTY / AUDIO_UNSUPPORTED error naming the file and the reason.
 */
export function probeWav(buf: Buffer, fileSize: number, fileName: string): WavInfo {
  const fail = (why: string) => permanentError('AUDIO_UNDECODABLE', `${fileName} is not decodable audio: ${why}`);
  if (fileSize === 0) throw permanentError('AUDIO_EMPTY', `${fileName} is an empty file (0 bytes)`);
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'RIFF' || buf.toString('latin1', 8, 12) !== 'WAVE') {
    const known = knownContainers.find((c) => c.test(buf));
    if (known) {
      throw permanentError('AUDIO_UNSUPPORTED', `${fileName} looks like ${known.name}; this build decodes WAV only`);
    }
    throw fail(`no RIFF/WAVE header (it looks like ${describeContent(buf.subarray(0, 512))})`);
  }
  let offset = 12;
  let fmt: Omit<WavInfo, 'dataOffset' | 'dataBytes' | 'durationSec'> | undefined;
  while (offset + 8 <= buf.length) {
    const id = buf.toString('latin1', offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > buf.length) throw fail('the fmt chunk is truncated');
      let tag = buf.readUInt16LE(body);
      if (tag === 0xfffe && size >= 40 && body + 26 <= buf.length) tag = buf.readUInt16LE(body + 24); // WAVE_FORMAT_EXTENSIBLE
      const channels = buf.readUInt16LE(body + 2);
      const sampleRate = buf.readUInt32LE(body + 4);
      const bitsPerSample = buf.readUInt16LE(body + 14);
      if (tag !== 1 && tag !== 3)
        throw permanentError(
          'AUDIO_UNSUPPORTED',
          `${fileName} is a WAV with codec 0x${tag.toString(16)}; only PCM and float WAV are supported`,
        );
      if (channels < 1 || channels > 32) throw fail(`it claims ${channels} channels`);
      if (sampleRate < 1000 || sampleRate > 768_000) throw fail(`it claims a sample rate of ${sampleRate} Hz`);
      if (![8, 16, 24, 32, 64].includes(bitsPerSample)) throw fail(`it claims ${bitsPerSample} bits per sample`);
      fmt = { format: tag === 3 ? 'float' : 'pcm', channels, sampleRate, bitsPerSample };
    } else if (id === 'data') {
      if (!fmt) throw fail('the data chunk comes before the fmt chunk');
      // Recorders that crash leave size 0 or 0xFFFFFFFF: trust the bytes that are really there.
      const available = fileSize - body;
      const dataBytes = size === 0 || size === 0xffffffff || size > available ? available : size;
      const frameBytes = (fmt.bitsPerSample / 8) * fmt.channels;
      const frames = Math.floor(dataBytes / frameBytes);
      if (frames === 0) throw permanentError('AUDIO_EMPTY', `${fileName} contains no audio samples`);
      return { ...fmt, dataOffset: body, dataBytes: frames * frameBytes, durationSec: frames / fmt.sampleRate };
    }
    offset = body + size + (size % 2); // chunks are word-aligned
  }
  throw fail(fmt ? 'there is no data chunk' : 'there is no fmt chunk');
}
