#!/usr/bin/env node
// The `lifeline` command. Runs the TypeScript sources through tsx, so the CLI and `serve` need no
// build step; only the UI that `serve` hands to browsers is built (npm run build).
'use strict';
require('tsx/cjs');
const { runCli } = require('../src/main/cli/main.ts');
const { terminalText } = require('../src/main/cli/terminal-text.ts');
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // Escaped like everything else the CLI prints, in case the message names a file.
    const message = terminalText(String(err && err.message ? err.message : err));
    process.stderr.write(`lifeline: internal error: ${message}\n`);
    process.exitCode = 2;
  },
);
