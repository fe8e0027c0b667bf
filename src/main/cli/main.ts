import { exitCodes } from './cli-error';
import { plainStatusArgs, runStatus } from './status-command';

// bin/lifeline.cjs escapes a last-resort error with it, from the sources or the build alike.
export { terminalText } from './terminal-text';

/**
 * Runs the CLI; resolves with the exit code instead of exiting, so tests can call it too. A plain
 * `lifeline status` is run at every glance: it loads only what it reads (status-command.ts); every
 * other command loads the whole program (program.ts), which runs status the same way.
 */
export async function runCli(argv: string[]): Promise<number> {
  const status = plainStatusArgs(argv);
  if (!status) return (await import('./program')).runProgram(argv);
  try {
    await runStatus(status.dataDir, status.json);
    return exitCodes.ok;
  } catch (err: unknown) {
    return (await import('./program')).cliFailure(err, status.dataDir);
  }
}
