/**
 * `lifeline serve` with the test stages (test-stages.ts) in the engine and in its worker processes:
 * a real engine process with its headless server, for crash, kill and fencing tests.
 * Usage: node --import tsx test/support/test-serve.ts <dataDir>   (settings through LIFELINE_* env)
 * Prints "ready <url> <token> <pid>" once the engine runs; SIGTERM stops it gracefully (exit 0).
 */
import { startHeadlessServer } from '../../src/main/api/http/headless-server';
import { openLifeline } from '../../src/main/lifeline';
import { testStages, testStagesModule } from './test-stages';

const dataDir = process.argv[2] ?? '';
if (!dataDir) throw new Error('usage: test-serve.ts <dataDir>');

async function main() {
  const app = openLifeline({
    dataDir,
    withEngine: true,
    processName: 'test-serve',
    stages: testStages,
    workerStages: { module: testStagesModule, export: 'testStages' },
  });
  const server = await startHeadlessServer(app, { port: 0, rendererDir: dataDir, token: 'test-token' });
  const recovered = await app.start();
  process.stdout.write(`ready ${server.url} ${server.token} ${process.pid} recovered=${recovered.length}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      server.stopping();
      const r = await app.engine!.stop();
      await server.close();
      await app.close();
      process.stdout.write(`stopped finished=${r.finished} released=${r.released}\n`);
      process.exit(0);
    })();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main().catch((err: unknown) => {
  process.stderr.write(`test-serve failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(2);
});
