import fs from 'node:fs';

/** whisper.cpp model files start with the ggml magic 0x67676d6c, little-endian ("lmgg"). */
const ggmlMagic = 0x67676d6c;

export type ModelFileCheck = { ok: true; bytes: number } | { ok: false; reason: string };

/** Whether `file` looks like a whisper.cpp (ggml) model: present, readable, right magic. Reads 4 bytes. */
export function checkModelFile(file: string): ModelFileCheck {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err: unknown) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      ok: false,
      reason:
        code === 'ENOENT' ? `whisper model ${file} does not exist` : `whisper model ${file} cannot be read (${code})`,
    };
  }
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(4);
    const n = fs.readSync(fd, head, 0, 4, 0);
    if (n < 4 || head.readUInt32LE(0) !== ggmlMagic) {
      return {
        ok: false,
        reason: `whisper model ${file} is not a whisper.cpp ggml model (corrupt or wrong file); download it again`,
      };
    }
    return { ok: true, bytes: size };
  } finally {
    fs.closeSync(fd);
  }
}
