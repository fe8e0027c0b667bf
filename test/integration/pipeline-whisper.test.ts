import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AutoAsrEngine, chooseAsrEngine } from '../../src/main/pipeline/asr/choose-asr-engine';
import { PocketsphinxEngine } from '../../src/main/pipeline/asr/pocketsphinx-engine';
import { noWhisperModelReason, WhisperEngine } from '../../src/main/pipeline/asr/whisper-engine';
import {
  downloadWhisperModel,
  installedModels,
  resolveWhisperModel,
  type WhisperModelInfo,
} from '../../src/main/pipeline/asr/whisper-models';
import { isStageError } from '../../src/main/engine/stage-error';
import { spawnTs } from '../support/spawn';
import { tempDir } from '../support/temp-dir';

/** whisper.cpp's tiny test model (random weights): proves the wiring only, never quality. */
const testModel = process.env.LIFELINE_TEST_WHISPER_MODEL ?? '/work/shared/models/for-tests-ggml-base.en.bin';
const haveModel = fs.existsSync(testModel);
if (!haveModel)
  process.stdout.write(
    `[pipeline-whisper] skipping the model run: no test model at ${testModel} (set LIFELINE_TEST_WHISPER_MODEL)\n`,
  );

const tone = (seconds: number) => ({
  samples: Float32Array.from({ length: seconds * 16000 }, (_, i) => 0.3 * Math.sin(i / 5)),
  sampleRate: 16000,
});

describe('the whisper engine', () => {
  it.skipIf(!haveModel)(
    'loads the test model and transcribes a chunk without error',
    async () => {
      const engine = new WhisperEngine({ model: testModel, threads: 2 });
      expect(engine.availability()).toEqual({ ok: true });
      try {
        const segments = await engine.transcribe(tone(1), { signal: AbortSignal.timeout(170_000), tmpDir: tempDir() });
        // Random weights: any text (usually none) is fine; the shape is what is checked.
        expect(Array.isArray(segments)).toBe(true);
        for (const s of segments)
          expect(s).toEqual({ start: expect.any(Number), end: expect.any(Number), text: expect.any(String) });
      } finally {
        await engine.dispose();
      }
    },
    180_000,
  );

  it('is unavailable with "no whisper model: download one in Settings → Speech models" when there is none', () => {
    const engine = new WhisperEngine({ model: null });
    expect(engine.availability()).toEqual({ ok: false, reason: noWhisperModelReason });
    expect(noWhisperModelReason).toContain('Settings → Speech models');
  });

  it('is unavailable, and fails with a clear error, when the model file is missing', async () => {
    const missing = path.join(tempDir(), 'ggml-base.en.bin');
    const engine = new WhisperEngine({ model: missing });
    expect(engine.availability()).toEqual({ ok: false, reason: `whisper model ${missing} does not exist` });
    const err = await engine
      .transcribe(tone(1), { signal: new AbortController().signal, tmpDir: tempDir() })
      .catch((e: unknown) => e);
    expect(isStageError(err) && err.code).toBe('ASR_UNAVAILABLE');
    expect((err as Error).message).toContain('does not exist');
  });

  it('is unavailable, and fails with a clear error, when the model file is corrupt', async () => {
    const corrupt = path.join(tempDir(), 'ggml-base.en.bin');
    fs.writeFileSync(corrupt, 'this is not a model, it is a text file');
    const engine = new WhisperEngine({ model: corrupt });
    const a = engine.availability();
    expect(a.ok).toBe(false);
    expect(!a.ok && a.reason).toContain('not a whisper.cpp ggml model');
    const err = await engine
      .transcribe(tone(1), { signal: new AbortController().signal, tmpDir: tempDir() })
      .catch((e: unknown) => e);
    expect(isStageError(err) && err.code).toBe('ASR_UNAVAILABLE');
  });

  it('reports a model with the right magic but broken contents as WHISPER_MODEL_INVALID', async () => {
    const broken = path.join(tempDir(), 'ggml-broken.bin');
    fs.writeFileSync(broken, Buffer.concat([Buffer.from('lmgg'), Buffer.alloc(64, 1)]));
    const engine = new WhisperEngine({ model: broken });
    const err = await engine
      .transcribe(tone(1), { signal: new AbortController().signal, tmpDir: tempDir() })
      .catch((e: unknown) => e);
    expect(isStageError(err) && err.code).toBe('WHISPER_MODEL_INVALID');
    expect((err as Error).message).toContain(broken);
  });

  it('is chosen automatically when LIFELINE_WHISPER_MODEL names a model, else pocketsphinx, else nothing with the fix', () => {
    const modelsDir = tempDir();
    if (haveModel)
      expect(chooseAsrEngine({ LIFELINE_WHISPER_MODEL: testModel, PATH: '' }, modelsDir).name).toBe(
        `whisper:${path.basename(testModel)}`,
      );
    const none = chooseAsrEngine({ PATH: '' }, modelsDir);
    expect(none.availability()).toEqual({
      ok: false,
      reason:
        'no transcription engine: install pocketsphinx, or download a whisper model (Settings → Speech models, or lifeline models download base)',
    });
    expect(chooseAsrEngine({ LIFELINE_ASR_ENGINE: 'nope' }, modelsDir).availability()).toMatchObject({
      ok: false,
      reason: expect.stringContaining('"nope" is not an engine'),
    });
  });
});

/** A file that passes the model check (the ggml magic) without being a model. */
const modelShapedFile = () => {
  const file = path.join(tempDir(), 'ggml-base.en.bin');
  fs.writeFileSync(file, Buffer.concat([Buffer.from('lmgg'), Buffer.alloc(64, 1)]));
  return file;
};

describe('whether whisper can run, asked by the engine process', () => {
  it.skipIf(!haveModel)(
    "is answered by the transcribe stage, health check included, without loading any of whisper's code into that process",
    async () => {
      const modelsDir = tempDir();
      fs.symlinkSync(testModel, path.join(modelsDir, 'ggml-base.en.bin'));
      const r = await spawnTs(path.join(__dirname, '../support/whisper-availability-run.ts'), [tempDir(), modelsDir])
        .done;
      expect(r.code, r.stderr).toBe(0);
      const seen = JSON.parse(r.stdout) as Record<string, unknown> & { loaded: string[] };
      expect(seen).toMatchObject({
        availability: { ok: true },
        service: 'whisper',
        // The addon really loads on this machine: in a child process of the check.
        probe: 'passed',
        sharedObjects: [],
      });
      expect(seen.loaded.filter((f) => f.includes('node_modules'))).toEqual([]);
    },
    90_000,
  );

  it('says the addon is not installed, by name, before any job runs', () => {
    const engine = new WhisperEngine({ model: modelShapedFile(), binding: { paths: [tempDir()] } });
    expect(engine.availability()).toEqual({
      ok: false,
      reason: `the whisper binding for this machine (@fugood/node-whisper-${process.platform}-${process.arch}) is not installed: reinstall Lifeline, or transcribe with pocketsphinx`,
    });
  });

  it("fails the first job and the health check with WHISPER_BINDING_FAILED and the loader's reason when the addon is broken", async () => {
    const pkg = `@fugood/node-whisper-${process.platform}-${process.arch}`;
    const root = tempDir();
    const dir = path.join(root, 'node_modules', pkg);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: pkg, main: 'index.node' }));
    fs.writeFileSync(path.join(dir, 'index.node'), 'not a shared library');
    const engine = new WhisperEngine({ model: modelShapedFile(), binding: { paths: [root] } });
    // On disk it is there: the engine process lets the job go to a worker.
    expect(engine.availability()).toEqual({ ok: true });
    const job = await engine
      .transcribe(tone(1), { signal: new AbortController().signal, tmpDir: tempDir() })
      .catch((e: unknown) => e);
    expect(isStageError(job) && job.code).toBe('WHISPER_BINDING_FAILED');
    expect((job as Error).message).toMatch(
      new RegExp(`^the whisper binding \\(${pkg}\\) cannot load on this machine: .+`),
    );
    expect((job as Error).message).toContain(path.join(dir, 'index.node'));
    // From then on whisper is unavailable with that reason (the automatic choice falls back to pocketsphinx).
    expect(engine.availability()).toEqual({ ok: false, reason: (job as Error).message });

    // The engine process finds out by its health check, which loads the addon in a child process.
    const engineSide = new WhisperEngine({ model: modelShapedFile(), binding: { paths: [root] } });
    const check = await engineSide.service!.probe!(AbortSignal.timeout(60_000)).catch((e: unknown) => e);
    expect(isStageError(check) && check.code).toBe('WHISPER_BINDING_FAILED');
    expect((check as Error).message).toContain(path.join(dir, 'index.node'));
    expect(engineSide.availability()).toEqual({ ok: false, reason: (check as Error).message });
    // The automatic choice then takes pocketsphinx (when it is installed) instead of a whisper that cannot run.
    const pocketsphinx = new PocketsphinxEngine();
    const auto = new AutoAsrEngine([engineSide, pocketsphinx]);
    expect(auto.name).toBe(pocketsphinx.availability().ok ? 'pocketsphinx' : 'none');
  }, 90_000);
});

describe('the whisper model manager', () => {
  it('downloads a model with progress, resumes a cut-off download, verifies its SHA-256 and then finds it', async () => {
    const payload = Buffer.concat([Buffer.from('lmgg'), Buffer.alloc(300_000, 7)]);
    const sha256 = (await import('node:crypto')).createHash('sha256').update(payload).digest('hex');
    let served = 0;
    const ranges: (string | undefined)[] = [];
    const server = http.createServer((req, res) => {
      ranges.push(req.headers.range);
      const from = Number(/bytes=(\d+)-/.exec(req.headers.range ?? '')?.[1] ?? 0);
      const body = payload.subarray(from);
      res.writeHead(from > 0 ? 206 : 200, { 'content-length': String(body.length) });
      if (served++ === 0) {
        // The first download breaks off half way, as a flaky connection would.
        res.write(body.subarray(0, 100_000), () => res.destroy());
      } else res.end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ggml-test.bin`;
    const model: WhisperModelInfo = { name: 'test', file: 'ggml-test.bin', url, sha256, megabytes: 0.3 };
    const dir = tempDir();
    try {
      await expect(downloadWhisperModel(model, dir)).rejects.toThrow();
      const partial = fs.statSync(path.join(dir, 'ggml-test.bin.part')).size;
      expect(partial).toBeGreaterThan(0);
      expect(installedModels(dir)).toEqual([]);
      const progress: number[] = [];
      const file = await downloadWhisperModel(model, dir, { onProgress: (p) => progress.push(p.receivedBytes) });
      expect(ranges[1]).toBe(`bytes=${partial}-`);
      expect(progress.at(-1)).toBe(payload.length);
      expect(fs.readFileSync(file)).toEqual(payload);
      expect(resolveWhisperModel({}, dir)).toBe(file);
      expect(resolveWhisperModel({ LIFELINE_WHISPER_MODEL: '/elsewhere/ggml-x.bin' }, dir)).toBe(
        '/elsewhere/ggml-x.bin',
      );
    } finally {
      server.close();
    }
  });

  it('deletes a download whose SHA-256 does not match and says so', async () => {
    const server = http.createServer((_req, res) => res.end(Buffer.from('lmgg-but-the-wrong-bytes')));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/m.bin`;
    const dir = tempDir();
    try {
      await expect(
        downloadWhisperModel({ name: 'bad', file: 'ggml-bad.bin', url, sha256: '0'.repeat(64), megabytes: 0 }, dir),
      ).rejects.toThrow(/corrupt: SHA-256/);
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      server.close();
    }
  });
});
