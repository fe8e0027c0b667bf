#!/usr/bin/env node
// The `lifeline` command. Runs the built JavaScript (out/main/cli.js, made by `npm run build`) when it
// is newer than the sources; otherwise the TypeScript sources through tsx, so a developer needs no
// build step (LIFELINE_FROM_SOURCES=1 forces the sources).
'use strict';
const { freshBuild } = require('./built-entry.cjs');

async function load() {
  const built = freshBuild('out/main/cli.js');
  if (built) return require(built);
  // tsx registered as `node --import tsx` does it, for require() and import() alike: the CLI loads
  // parts of itself with import() (the whole program only for commands other than status).
  await import('tsx');
  return require('../src/main/cli/main.ts');
}

void load().then((cli) =>
  cli.runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      // Escaped like everything else the CLI prints, in case the message names a file.
      const message = cli.terminalText(String(err && err.message ? err.message : err));
      process.stderr.write(`lifeline: internal error: ${message}\n`);
      process.exitCode = 2;
    },
  ),
);
