// Run in a fresh Node process by pipeline-whisper.test.ts: builds the pipeline on a real store as the
// engine process does, with a whisper model present, asks its transcribe stage whether it can run
// (health check included) and prints which whisper code this process then holds.
import { createRequire } from 'node:module';
import { dataPaths } from '../../src/main/config/data-dir';
import { pipelineStages } from '../../src/main/pipeline/pipeline-stages';
import { openStore } from '../../src/main/store/store';

const [dataDir, modelsDir] = process.argv.slice(2);
const store = openStore(dataPaths(dataDir!));
const transcribe = pipelineStages(store, { env: { ...process.env, LIFELINE_ASR_ENGINE: 'auto' }, modelsDir }).find(
  (s) => s.stage === 'transcribe',
)!;
const availability = transcribe.availability();
const service = transcribe.service;
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
  store.close();
  process.stdout.write(JSON.stringify({ availability, service: service?.name, probe, loaded, sharedObjects }));
})();
