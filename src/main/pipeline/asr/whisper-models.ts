import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkModelFile } from './whisper-model-file';

export interface WhisperModelInfo {
  name: string;
  file: string;
  url: string;
  /** Expected SHA-256 of the whole file, hex. */
  sha256: string;
  /** Approximate, for the UI. */
  megabytes: number;
}

const hf = (file: string) => `https://huggingface.co/ggerganov/whisper.cpp/resolve/main/${file}`;

/** Models Lifeline offers to download, best first for a laptop CPU. Hashes checked against two published lists. */
export const whisperCatalogue: readonly WhisperModelInfo[] = [
  {
    name: 'base',
    file: 'ggml-base.bin',
    url: hf('ggml-base.bin'),
    sha256: '60ed5bc3dd14eea856493d334349b405782ddcaf0028d4b5df4088345fba2efe',
    megabytes: 142,
  },
  {
    name: 'tiny.en',
    file: 'ggml-tiny.en.bin',
    url: hf('ggml-tiny.en.bin'),
    sha256: '921e4cf8686fdd993dcd081a5da5b6c365bfde1162e72b08d75ac75289920b1f',
    megabytes: 75,
  },
  {
    name: 'tiny',
    file: 'ggml-tiny.bin',
    url: hf('ggml-tiny.bin'),
    sha256: 'be07e048e1e599ad46341c8d2a135645097a538221678b7acdd1b1919c6e1b21',
    megabytes: 75,
  },
  {
    name: 'small',
    file: 'ggml-small.bin',
    url: hf('ggml-small.bin'),
    sha256: '1be3a9b2063867b937e64e2ec7483364a79917e157fa98c5d94b5c1fffea987b',
    megabytes: 466,
  },
];

export interface InstalledModel {
  name: string;
  file: string;
  bytes: number;
}

/** The model files in `modelsDir` that look like whisper.cpp models (catalogue ones first). */
export function installedModels(modelsDir: string): InstalledModel[] {
  let names: string[];
  try {
    names = fs.readdirSync(modelsDir).filter((n) => /^ggml-.+\.bin$/.test(n));
  } catch {
    return [];
  }
  const rank = (n: string) => {
    const i = whisperCatalogue.findIndex((m) => m.file === n);
    return i === -1 ? whisperCatalogue.length : i;
  };
  return names
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .flatMap((n) => {
      const file = path.join(modelsDir, n);
      const c = checkModelFile(file);
      return c.ok ? [{ name: n.replace(/^ggml-|\.bin$/g, ''), file, bytes: c.bytes }] : [];
    });
}

/**
 * The model to use: $LIFELINE_WHISPER_MODEL when set (a file the user picked), else the best one
 * downloaded into `modelsDir`. Null when there is none.
 */
export function resolveWhisperModel(env: NodeJS.ProcessEnv, modelsDir: string): string | null {
  return whisperModelFile(env.LIFELINE_WHISPER_MODEL ?? '', modelsDir);
}

/** The chosen model file (the `whisper.model` setting) when set, else the best downloaded one; null when none. */
export function whisperModelFile(chosen: string, modelsDir: string): string | null {
  if (chosen) return path.resolve(chosen);
  return installedModels(modelsDir)[0]?.file ?? null;
}

export interface DownloadProgress {
  receivedBytes: number;
  totalBytes: number | null;
}

export interface DownloadOptions {
  signal?: AbortSignal;
  onProgress?: (p: DownloadProgress) => void;
  /** Overrides the catalogue entry's URL (mirrors, tests). */
  url?: string;
}

async function sha256Of(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * Downloads a catalogue model into `modelsDir`. Bytes go to `<file>.part`; a later call resumes it
 * with an HTTP Range request (a server that ignores Range restarts it). The whole file must match
 * the catalogue's SHA-256 before it is renamed into place, so a half or corrupt download is never
 * picked as a model. Resolves with the model's path.
 */
export async function downloadWhisperModel(
  model: WhisperModelInfo,
  modelsDir: string,
  options: DownloadOptions = {},
): Promise<string> {
  fs.mkdirSync(modelsDir, { recursive: true });
  const target = path.join(modelsDir, model.file);
  const part = `${target}.part`;
  let have = fs.existsSync(part) ? fs.statSync(part).size : 0;
  const res = await fetch(options.url ?? model.url, {
    headers: have > 0 ? { range: `bytes=${have}-` } : {},
    signal: options.signal,
    redirect: 'follow',
  });
  if (res.status === 416) {
    // The part file is already whole (or longer than the file): verify it as it is.
    await res.body?.cancel();
  } else {
    if (!res.ok || !res.body) throw new Error(`download of ${model.name} failed: HTTP ${res.status}`);
    if (res.status !== 206) have = 0; // no resume support: start over
    const length = Number(res.headers.get('content-length') ?? NaN);
    const total = Number.isFinite(length) ? have + length : null;
    const out = fs.createWriteStream(part, { flags: have > 0 ? 'a' : 'w' });
    let received = have;
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
        received += chunk.length;
        options.onProgress?.({ receivedBytes: received, totalBytes: total });
      }
    } finally {
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    }
  }
  const actual = await sha256Of(part);
  if (actual !== model.sha256) {
    fs.rmSync(part, { force: true });
    throw new Error(
      `download of ${model.name} is corrupt: SHA-256 ${actual.slice(0, 12)}… instead of ${model.sha256.slice(0, 12)}…; it was deleted, try again`,
    );
  }
  fs.renameSync(part, target);
  return target;
}
