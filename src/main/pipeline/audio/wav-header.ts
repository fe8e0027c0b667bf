/** Size of the canonical PCM WAV header this module writes. */
export const wavHeaderBytes = 44;

/**
 * A 44-byte header for 16-bit PCM. With `dataBytes` null the sizes are 0xFFFFFFFF, the streaming
 * convention: a reader (ours included, see wav-probe) then takes whatever samples follow, so a
 * recording cut off at any point is still a valid file up to its last whole frame.
 */
export function wavHeader(sampleRate: number, channels: number, dataBytes: number | null): Buffer {
  const blockAlign = channels * 2;
  const h = Buffer.alloc(wavHeaderBytes);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(dataBytes === null ? 0xffffffff : 36 + dataBytes, 4);
  h.write('WAVE', 8, 'latin1');
  h.write('fmt ', 12, 'latin1');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(channels, 22);
  h.writeUInt32LE(sampleRate, 24);
  h.writeUInt32LE(sampleRate * blockAlign, 28);
  h.writeUInt16LE(blockAlign, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'latin1');
  h.writeUInt32LE(dataBytes === null ? 0xffffffff : dataBytes, 40);
  return h;
}
