// Run in a fresh Node process by pipeline-whisper.test.ts: asks the automatic ASR choice whether it
// can run with a whisper model present (as the engine process does, health check included) and
// prints which whisper code this process then holds.
import { createRequire } from 'node:module';
import { chooseAsrEngine } from '../../src/main/pipeline/asr/choose-asr-engine';

const [modelsDir] = process.argv.slice(2);
const engine = chooseAsrEngine({ ...process.env, LIFELINE_ASR_ENGINE: 'auto' }, modelsDir!);
const availability = engine.availability();
const service = engine.service;
void (async () => {
  let probe = 'none';
  if (service?.probe)
    probe = await service.probe(AbortSignal.timeout(60_000)).then(
      () => 'passed',
      (e: unknown) => `failed: ${(e as Error).message}`,
    );
  const loaded = Object.keys(createRequire(__filename).cache).filter((f) => f.includes('whisper'));
  const report = process.report.getReport() as unknown as { sharedObjects: string[] };
  const sharedObjects = report.sharedObjects.filter((f) => /whisper|index\.node/.test(f));
  process.stdout.write(
    JSON.stringify({ name: engine.name, availability, service: service?.name, probe, loaded, sharedObjects }),
  );
})();
