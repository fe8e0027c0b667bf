import { plural } from '../../shared/text/plural';
import type { Command } from 'commander';
import { rendererDir } from '../config/app-paths';
import { resolveDataDir } from '../config/data-dir';
import { err, out } from './cli-io';
import { openLifeline } from '../lifeline';
import { CliError, exitCodes } from './cli-error';
import { loopDelayEnv, startLoopDelayProbe } from './loop-delay-probe';

/**
 * `lifeline serve`: the engine plus the UI and the API on 127.0.0.1. Runs until SIGINT/SIGTERM, then
 * stops gracefully: no new claims, running jobs get the grace period, the rest are released.
 */
export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description('run the engine and serve the UI + API on 127.0.0.1')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '4747')
    .action(async (opts: { port: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(`--port must be 0–65535, got "${opts.port}"`, exitCodes.user);
      const dataDir = resolveDataDir(program.opts<{ dataDir?: string }>().dataDir);
      startLoopDelayProbe(process.env[loopDelayEnv]);
      const app = openLifeline({ dataDir, withEngine: true, processName: 'serve' });
      let server;
      try {
        // Loaded here, not at the top: the HTTP and WebSocket server is for `serve` only, not every command.
        const { startHeadlessServer } = await import('../api/http/headless-server');
        server = await startHeadlessServer(app, {
          port,
          rendererDir: rendererDir(),
          token: process.env.LIFELINE_TOKEN || undefined,
        });
      } catch (err: unknown) {
        await app.close(0);
        if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new CliError(`port ${port} is in use; pick another with --port (0 picks a free one)`, exitCodes.user);
        }
        throw err;
      }
      // The address comes first: while the startup gate waits for required services (workers
      // starting, a model loading) the page already shows "starting: waiting for …".
      out(`Lifeline is serving ${dataDir}`);
      out(`Open ${server.openUrl}`);
      const stopped = new Promise<void>((resolve) => {
        let stopping = false;
        const stop = (signal: string) => {
          if (stopping) {
            err(`lifeline: ${signal} again, exiting now; running jobs resume at next start`);
            process.exit(exitCodes.ok);
          }
          stopping = true;
          out(`stopping (${signal}): letting running jobs finish…`);
          void (async () => {
            // The API answers "stopping" while running jobs finish, and closes once they have.
            server.stopping();
            const r = await app.engine?.stop();
            await server.close();
            await app.close();
            out(`stopped: ${r?.finished ?? 0} finished, ${r?.released ?? 0} released for next start`);
            resolve();
          })();
        };
        process.on('SIGINT', () => stop('SIGINT'));
        process.on('SIGTERM', () => stop('SIGTERM'));
      });
      const recovered = await app.start();
      if (recovered.length > 0) out(`recovered ${plural(recovered.length, 'job')} left running by a previous process`);
      out(`engine started`);
      await stopped;
    });
}
