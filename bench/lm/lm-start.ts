/**
 * `npx tsx bench/lm/lm-start.ts [model …]`: what a language model costs each pocketsphinx start. Every
 * transcribed chunk (and the health probe) starts a process, so the time to load the model is paid
 * per chunk. Times a 0.25 s decode, process start to exit, through the real engine: median of 5 per
 * model, `debian` for Debian's built-in binary. Run it with `uptime` beside it: the figure is load-bound.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PocketsphinxEngine, pocketsphinxDecoderArgs } from '../../src/main/pipeline/asr/pocketsphinx-engine';
import { speechRate } from '../../src/main/pipeline/audio/pcm-audio';

const runs = 5;

async function startSeconds(model: string): Promise<number[]> {
  const args = model === 'debian' ? pocketsphinxDecoderArgs : [...pocketsphinxDecoderArgs, '-lm', model];
  const engine = new PocketsphinxEngine({ decoderArgs: args });
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lm-start-'));
  // A quarter second of faint noise: the decode itself is negligible, the start is what is measured.
  const samples = new Float32Array(speechRate / 4).map((_, i) => 0.001 * Math.sin(i * 0.37));
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await engine.transcribe({ samples, sampleRate: speechRate }, { signal: new AbortController().signal, tmpDir });
      times.push((performance.now() - t) / 1000);
    }
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
  return times;
}

async function main() {
  const models = process.argv.slice(2);
  for (const model of models.length ? models : ['debian']) {
    const times = await startSeconds(model);
    const median = [...times].sort((a, b) => a - b)[Math.floor(runs / 2)]!;
    const size = model === 'debian' ? '' : ` ${(fs.statSync(model).size / 1e6).toFixed(1)} MB`;
    process.stdout.write(
      `${path.basename(model)}${size}: median ${median.toFixed(2)} s (${times.map((t) => t.toFixed(2)).join(' ')}), load ${os.loadavg()[0]!.toFixed(1)}\n`,
    );
  }
}

void main().catch((err: unknown) => {
  process.stderr.write(`lm-start failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
