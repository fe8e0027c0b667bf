/**
 * Long recordings through a real `lifeline serve` with the defaults and a fast fake whisper.cpp
 * server, so decoding, memory and heartbeats are what is tested: each format goes through with zero
 * recoveries, zero dead letters, and the workers stay under the stated memory limit. Files are
 * generated with ffmpeg into a temporary directory, one at a time, and deleted after their case.
 *
 * Short variant (npm test): 10 minutes as MP3 and as 44.1 kHz stereo WAV. Long (npm run drill):
 * 1 hour and 4 hours in every supported format. LIFELINE_DRILL_HOURS=1 limits the long run to 1 hour;
 * LIFELINE_DRILL_FORMATS=mp3,flac to some formats (by extension).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Drill, DrillRow } from './drill';
import { addFile, drillDir, fastWhisper, itemFacts, startDrillServe, until, watchMemory } from './drill-serve';

/** The stated per-worker memory limit (RSS of one worker process, decoding included). */
export const workerRssLimitMb = 400;

interface Format {
  name: string;
  ext: string;
  args: string[];
}

export const formats: Format[] = [
  { name: 'WAV 16-bit 44.1 kHz stereo', ext: 'wav', args: ['-ar', '44100', '-ac', '2', '-c:a', 'pcm_s16le'] },
  { name: 'WAV float 48 kHz stereo', ext: 'wav', args: ['-ar', '48000', '-ac', '2', '-c:a', 'pcm_f32le'] },
  { name: 'MP3 44.1 kHz stereo', ext: 'mp3', args: ['-ar', '44100', '-ac', '2', '-c:a', 'libmp3lame', '-b:a', '64k'] },
  { name: 'Ogg Opus 48 kHz stereo', ext: 'ogg', args: ['-ar', '48000', '-ac', '2', '-c:a', 'libopus', '-b:a', '32k'] },
  { name: 'FLAC 48 kHz stereo', ext: 'flac', args: ['-ar', '48000', '-ac', '2', '-c:a', 'flac'] },
  { name: 'M4A AAC 44.1 kHz stereo', ext: 'm4a', args: ['-ar', '44100', '-ac', '2', '-c:a', 'aac', '-b:a', '64k'] },
];

/** A tone that pauses every few seconds (so chunks are cut at silences), `seconds` long. */
function generate(dir: string, f: Format, seconds: number): string {
  const file = path.join(dir, `long-${seconds}s.${f.ext}`);
  execFileSync(
    'ffmpeg',
    [
      '-nostdin',
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=330:sample_rate=48000:duration=${seconds}`,
      '-af',
      "volume=enable='lt(mod(t,7),0.6)':volume=0",
      ...f.args,
      file,
    ],
    { timeout: 60 * 60_000 },
  );
  return file;
}

export async function longAudioCase(f: Format, seconds: number): Promise<DrillRow> {
  const dir = drillDir('long-audio');
  const whisper = await fastWhisper();
  const label = `${seconds >= 3600 ? `${seconds / 3600} h` : `${seconds / 60} min`} ${f.name}`;
  try {
    const file = generate(dir, f, seconds);
    const sizeMb = Math.round(fs.statSync(file).size / 1e6);
    const serve = await startDrillServe(dir, whisper.url);
    const memory = watchMemory(serve.child.pid!);
    const started = Date.now();
    try {
      const id = await addFile(serve, file);
      const end = await until(
        `${label} to be done`,
        () => {
          const facts = itemFacts(serve, id);
          return facts.state === 'done' || facts.state === 'dead' ? facts : null;
        },
        Math.max(10 * 60_000, seconds * 300),
      );
      const peaks = memory.stop();
      const figures = {
        state: end.state,
        recoveries: end.recoveries,
        deadLetters: end.state === 'dead' ? 1 : 0,
        recoveredNotStuck: end.recoveries,
        ...peaks,
        workerRssLimitMb,
        asrRequests: whisper.requests(),
        fileMb: sizeMb,
        minutes: Math.round((Date.now() - started) / 600) / 100,
      };
      const missed =
        end.state !== 'done'
          ? `ended ${end.state}: ${end.errorCode} ${end.errorMessage}`
          : end.recoveries > 0
            ? `${end.recoveries} recoveries`
            : peaks.peakWorkerRssMb > workerRssLimitMb
              ? `worker RSS ${peaks.peakWorkerRssMb} MB over ${workerRssLimitMb} MB`
              : undefined;
      return { drill: 'long-audio', case: label, figures, passed: missed === undefined, why: missed };
    } finally {
      memory.stop();
      await serve.stop();
    }
  } finally {
    await whisper.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const drill: Drill = {
  name: 'long-audio',
  short: false,
  async run() {
    const rows: DrillRow[] = [];
    const hours = process.env.LIFELINE_DRILL_HOURS ? process.env.LIFELINE_DRILL_HOURS.split(',').map(Number) : [1, 4];
    const only = process.env.LIFELINE_DRILL_FORMATS?.split(',');
    for (const h of hours)
      for (const f of formats) if (!only || only.includes(f.ext)) rows.push(await longAudioCase(f, h * 3600));
    return rows;
  },
};
