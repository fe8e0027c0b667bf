#!/usr/bin/env node
// The `lifeline` command. Runs the built JavaScript (out/main/cli.js, made by `npm run build`) when it
// is newer than the sources; otherwise the TypeScript sources through tsx, so a developer needs no
// build step (LIFELINE_FROM_SOURCES=1 forces the sources).
'use strict';
const { freshBuild } = require('./built-entry.cjs');

function load() {
  const built = freshBuild('out/main/cli.js');
  if (built) return require(built);
  require('tsx/cjs');
  return require('../src/main/cli/main.ts');
}

const cli = load();
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
);
