import fs from 'node:fs';
import path from 'node:path';
import { findExecutable } from '../system/find-executable';
import { runProcess } from '../system/run-process';
import { chooseRecordingTime, type RecordingTime } from './recording-time-policy';

/** ffprobe beside the ffmpeg in use (or on PATH); none when ffmpeg is off or absent. */
export function findFfprobe(ffmpeg: string | null, env: NodeJS.ProcessEnv = process.env): string | null {
  if (!ffmpeg) return null;
  const beside = path.join(path.dirname(ffmpeg), process.platform === 'win32' ? 'ffprobe.exe' : 'ffprobe');
  return findExecutable(beside, env) ?? findExecutable('ffprobe', env);
}

/**
 * A WAV's `bext` chunk (Broadcast WAV): its origination date and time, from the first bytes of the
 * file. Null when the file is not a RIFF WAVE or has no such chunk in `head`.
 */
export function readBext(head: Buffer): { date: string; time: string } | null {
  if (head.length < 12 || head.toString('latin1', 0, 4) !== 'RIFF' || head.toString('latin1', 8, 12) !== 'WAVE')
    return null;
  // bext: description 256, originator 32, originator reference 32, then date (10) and time (8).
  const dateAt = 256 + 32 + 32;
  for (let at = 12; at + 8 <= head.length;) {
    const id = head.toString('latin1', at, at + 4);
    const size = head.readUInt32LE(at + 4);
    if (id === 'bext') {
      if (at + 8 + dateAt + 18 > head.length) return null;
      const text = (from: number, n: number) =>
        head
          .toString('latin1', at + 8 + from, at + 8 + from + n)
          .replace(/\0.*$/s, '')
          .trim();
      const date = text(dateAt, 10);
      return date ? { date, time: text(dateAt + 10, 8) } : null;
    }
    if (id === 'data') return null;
    at += 8 + size + (size % 2);
  }
  return null;
}

/** The container's and its streams' tags, keys in lower case; empty when ffprobe is absent or fails. */
async function probeTags(ffprobe: string | null, file: string, signal: AbortSignal): Promise<Record<string, string>> {
  if (!ffprobe) return {};
  try {
    const r = await runProcess(
      ffprobe,
      ['-v', 'quiet', '-print_format', 'json', '-show_entries', 'format_tags:stream_tags', file],
      { signal, timeoutMs: 15_000, maxStdoutBytes: 1 << 20 },
    );
    if (r.code !== 0) return {};
    const json = JSON.parse(r.stdout.toString('utf8')) as {
      format?: { tags?: Record<string, unknown> };
      streams?: { tags?: Record<string, unknown> }[];
    };
    const tags: Record<string, string> = {};
    // Stream tags first, so the container's own win (Opus keeps its comments on the stream).
    for (const t of [...(json.streams ?? []).map((s) => s.tags), json.format?.tags]) {
      for (const [k, v] of Object.entries(t ?? {})) if (typeof v === 'string') tags[k.toLowerCase()] = v;
    }
    return tags;
  } catch {
    signal.throwIfAborted();
    return {};
  }
}

export interface RecordingTimeInput {
  /** The stored copy (same bytes as the original). */
  stored: string;
  /** Its first bytes, already read. */
  head: Buffer;
  /** The file the user added; its modification time counts only when it lies outside the data dir. */
  sourcePath: string;
  dataDir: string;
  addedAt: number;
  now: number;
  ffprobe: string | null;
  signal: AbortSignal;
}

/** When the recording was made: its metadata, else the original's modification time, else when it was added. */
export async function readRecordingTime(input: RecordingTimeInput): Promise<RecordingTime> {
  const inStore = path.resolve(input.sourcePath).startsWith(path.resolve(input.dataDir) + path.sep);
  let fileTime: number | null = null;
  // An upload or an in-app recording lives in the store: its file time is only when it arrived.
  if (!inStore) {
    try {
      fileTime = Math.round(fs.statSync(input.sourcePath).mtimeMs);
    } catch {
      fileTime = null;
    }
  }
  return chooseRecordingTime({
    tags: await probeTags(input.ffprobe, input.stored, input.signal),
    bext: readBext(input.head),
    fileTime,
    addedAt: input.addedAt,
    now: input.now,
  });
}
