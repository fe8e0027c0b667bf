#!/usr/bin/env node
// `npm start`: the desktop app when Electron can run here, else the headless server (engine + UI on
// 127.0.0.1) with one paragraph saying why. Plain CommonJS: it runs before anything is built.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { locateElectron } = require('./electron-binary.cjs');
const { prepareElectronSqlite } = require('./electron-native.cjs');

const root = path.resolve(__dirname, '..');
const passThrough = process.argv.slice(2);
/** Bounds the one download attempt; a blackholed network must not hold `npm start` for long. */
const downloadTimeoutMs = 120_000;
/** An Electron that exits with an error this soon did not start (missing libraries, GPU, …). */
const startupWindowMs = 10_000;

function say(line) {
  process.stderr.write(`lifeline: ${line}\n`);
}

/** One paragraph, wrapped for a terminal. */
function paragraph(text) {
  const words = text.split(/\s+/);
  const lines = [''];
  for (const word of words) {
    const last = lines.length - 1;
    if (lines[last].length > 0 && lines[last].length + word.length + 1 > 100) lines.push(word);
    else lines[last] = lines[last] ? `${lines[last]} ${word}` : word;
  }
  process.stderr.write(`\n${lines.join('\n')}\n\n`);
}

function displayProblem() {
  if (process.platform === 'darwin' || process.platform === 'win32') return null;
  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return null;
  return 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)';
}

function rootProblem() {
  if (process.platform !== 'linux' || typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  return "this runs as root, and Electron refuses to run as root unless Chromium's sandbox is turned off, which Lifeline does not do";
}

/** The binary, downloading it once when allowed. Returns the location or why there is none. */
function electronBinary(mayDownload) {
  let electron = locateElectron(root);
  if (electron.present) return { electron };
  if (!electron.version) return { why: 'the electron package is not installed (run npm install)' };
  if (!mayDownload)
    return {
      why: `the Electron ${electron.version} binary is not installed either (not downloaded, since it could not run here anyway)`,
    };
  if (process.env.LIFELINE_NO_DOWNLOAD === '1') {
    return {
      why: `the Electron ${electron.version} binary is not installed and LIFELINE_NO_DOWNLOAD=1 forbids downloading it`,
    };
  }
  say(`Downloading Electron ${electron.version} (about 100 MB, once; LIFELINE_NO_DOWNLOAD=1 skips this)…`);
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: downloadTimeoutMs,
  });
  electron = locateElectron(root);
  if (electron.present) return { electron };
  const detail =
    r.error && r.error.code === 'ETIMEDOUT'
      ? `it timed out after ${downloadTimeoutMs / 1000} s`
      : String(r.stderr || '')
          .trim()
          .split('\n')[0] || `the installer exited with code ${r.status}`;
  return { why: `the Electron ${electron.version} binary is not installed and could not be downloaded (${detail})` };
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (!entry.isDirectory() && entry.name.endsWith('.test.ts')) continue; // unit tests are not built
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(file) : fs.statSync(file).mtimeMs);
  }
  return newest;
}

/** `out/` is missing or older than anything it is built from. */
function buildIsStale() {
  const outputs = ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html'].map((f) =>
    path.join(root, f),
  );
  if (!outputs.every((f) => fs.existsSync(f))) return true;
  const built = Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs));
  const inputs = ['electron.vite.config.ts', 'package.json', 'tsconfig.json', 'tsconfig.web.json', 'tsconfig.base.json']
    .map((f) => path.join(root, f))
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.statSync(f).mtimeMs);
  return Math.max(newestMtime(path.join(root, 'src')), ...inputs) > built;
}

/** Runs `electron-vite build` when needed; true when `out/` is current. */
function build() {
  if (!buildIsStale()) return true;
  say('Building the app (electron-vite build)…');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron-vite', 'package.json'), 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['electron-vite'];
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', bin), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  return r.status === 0;
}

/**
 * Runs the final process until it exits, then exits with its code. On POSIX it gets its own process
 * group: a Ctrl+C reaches this script twice (from the terminal and forwarded by npm), and the child
 * must see it once, since a second SIGINT means "exit now" to `serve`.
 */
function runToEnd(command, args, env, onEarlyFailure) {
  const detached = process.platform !== 'win32';
  const started = Date.now();
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'], detached });
  const lastForwarded = new Map();
  let forwardedAny = false;
  const forward = (signal) => {
    const now = Date.now();
    if (now - (lastForwarded.get(signal) ?? 0) < 500) return;
    lastForwarded.set(signal, now);
    forwardedAny = true;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  const signals = process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, forward);
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.on('exit', killOnExit);
  child.on('error', (err) => {
    process.off('exit', killOnExit);
    for (const signal of signals) process.off(signal, forward);
    if (onEarlyFailure) return onEarlyFailure(`${command} could not be started (${err.message})`);
    say(`${command} could not be started: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.off('exit', killOnExit);
    for (const s of signals) process.off(s, forward);
    const failedEarly = !forwardedAny && Date.now() - started < startupWindowMs && (signal !== null || code !== 0);
    if (failedEarly && onEarlyFailure) {
      return onEarlyFailure(
        `Electron exited right after starting (${signal ?? `exit code ${code}`}; its own message is above)`,
      );
    }
    process.exit(signal ? 128 + (os.constants.signals[signal] ?? 0) : (code ?? 1));
  });
}

function startHeadless(why) {
  paragraph(
    `Lifeline cannot open its desktop window here: ${why.join('; ')}. ` +
      'Starting the headless server instead: the same engine and UI, in your browser at the address printed below ' +
      '(Ctrl+C stops it gracefully; `npm run serve` starts it directly).',
  );
  if (!build()) {
    say(
      fs.existsSync(path.join(root, 'out', 'renderer', 'index.html'))
        ? 'the build failed (see above); serving the UI from the previous build'
        : 'the build failed (see above); the API works but the UI is not built yet',
    );
  }
  runToEnd(process.execPath, [path.join(root, 'bin', 'lifeline.cjs'), 'serve', ...passThrough], process.env, null);
}

function main() {
  const why = [displayProblem(), rootProblem()].filter(Boolean);
  const binary = electronBinary(why.length === 0);
  if (!binary.electron) why.push(binary.why);
  if (why.length > 0) return startHeadless(why);

  const sqlite = prepareElectronSqlite({ root, electronVersion: binary.electron.version, say });
  if (!sqlite.ok) return startHeadless([sqlite.why]);

  if (!build()) {
    say('the build failed (see above); fix it and run npm start again');
    process.exit(1);
  }
  const env = { ...process.env, LIFELINE_SQLITE_BINDING: sqlite.binding };
  // Set by some tools; it would make the Electron binary behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  runToEnd(binary.electron.binary, [root, ...passThrough], env, (reason) => startHeadless([reason]));
}

main();
