// better-sqlite3 for Electron's ABI, kept beside (never instead of) the Node build in node_modules:
// the CLI, `serve` and the tests load node_modules/better-sqlite3 with plain Node, while the desktop
// app loads this copy through LIFELINE_SQLITE_BINDING.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** Where the Electron build of better-sqlite3 lives; one file per Electron and better-sqlite3 version. */
function electronSqlitePath(root, electronVersion) {
  const sqliteVersion = JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8'),
  ).version;
  return path.join(
    root,
    '.cache',
    'electron-native',
    electronVersion,
    `better-sqlite3-${sqliteVersion}`,
    'better_sqlite3.node',
  );
}

/**
 * The environment for the build tools. A `nodedir` setting (npm exports `npm_config_nodedir` from
 * .npmrc) makes node-gyp use Node's headers and silently build for Node's ABI, so it is removed.
 */
function buildEnv(env) {
  const out = { ...env };
  for (const key of Object.keys(out)) {
    if (key.toLowerCase() === 'npm_config_nodedir') delete out[key];
  }
  return out;
}

/** node-gyp as npm ships it, or a project copy. */
function findNodeGyp(root, env) {
  const candidates = [
    env.npm_config_node_gyp,
    path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(
      path.dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
    path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((file) => file && fs.existsSync(file)) ?? null;
}

/** The line that says what went wrong, out of a tool's output (node-gyp's is mostly boilerplate). */
function summarize(output) {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const stack = lines
    .filter((l) => l.startsWith('gyp ERR! stack') && !/^gyp ERR! stack\s+at /.test(l))
    .map((l) => l.replace(/^gyp ERR! stack\s*/, ''));
  if (stack.length > 0) return stack.join(' ');
  return lines.find((l) => /\b(err|error|warn)\b/i.test(l)) ?? lines[lines.length - 1] ?? '';
}

function run(args, options) {
  const r = spawnSync(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    ...options,
  });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.error && r.error.code === 'ETIMEDOUT')
    return { ok: false, output, detail: `timed out after ${options.timeout / 1000} s` };
  if (r.error) return { ok: false, output, detail: r.error.message };
  return r.status === 0
    ? { ok: true, output }
    : { ok: false, output, detail: summarize(output) || `exit code ${r.status}` };
}

/**
 * Returns the path of better-sqlite3 built for Electron `electronVersion`, building it on first use:
 * a prebuilt binary (prebuild-install) if one can be fetched, else a compile with node-gyp against
 * Electron's headers. Works on a copy of the package in a temp dir, so node_modules is never touched.
 * @param {{ root: string, electronVersion: string, env?: NodeJS.ProcessEnv, say?: (line: string) => void,
 *   prebuildTimeoutMs?: number, compileTimeoutMs?: number }} options
 *   Timeouts in ms; defaults 60 000 (download) and 900 000 (compile).
 * @returns {{ ok: true, binding: string, built: boolean } | { ok: false, why: string }}
 */
function prepareElectronSqlite(options) {
  const { root, electronVersion } = options;
  const env = buildEnv(options.env ?? process.env);
  const say = options.say ?? (() => {});
  let target;
  try {
    target = electronSqlitePath(root, electronVersion);
  } catch (err) {
    return { ok: false, why: `better-sqlite3 is not installed in node_modules (${err.message})` };
  }
  if (fs.existsSync(target)) return { ok: true, binding: target, built: false };

  say(`Preparing SQLite for Electron ${electronVersion} (once per Electron version)…`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-electron-sqlite-'));
  try {
    const pkg = path.join(work, 'better-sqlite3');
    const source = path.join(root, 'node_modules', 'better-sqlite3');
    fs.cpSync(source, pkg, {
      recursive: true,
      filter: (file) => path.relative(source, file).split(path.sep)[0] !== 'build',
    });
    const built = path.join(pkg, 'build', 'Release', 'better_sqlite3.node');

    const prebuild = run(
      [
        path.join(root, 'node_modules', 'prebuild-install', 'bin.js'),
        '--runtime',
        'electron',
        '--target',
        electronVersion,
        '--arch',
        process.arch,
      ],
      { cwd: pkg, env, timeout: options.prebuildTimeoutMs ?? 60_000 },
    );
    let compile = { ok: false, detail: 'not tried' };
    if (!prebuild.ok || !fs.existsSync(built)) {
      const nodeGyp = findNodeGyp(root, env);
      if (!nodeGyp) {
        compile = { ok: false, detail: 'node-gyp was not found' };
      } else {
        say('No prebuilt binary could be fetched; compiling better-sqlite3 against Electron (a few minutes)…');
        compile = run(
          [
            nodeGyp,
            'rebuild',
            '--release',
            '--runtime=electron',
            `--target=${electronVersion}`,
            `--arch=${process.arch}`,
            '--dist-url=https://electronjs.org/headers',
            // Electron's headers apart from Node's: both are cached by version number.
            `--devdir=${path.join(root, '.cache', 'electron-gyp')}`,
            '--jobs=max',
          ],
          { cwd: pkg, env, timeout: options.compileTimeoutMs ?? 900_000 },
        );
      }
    }
    if (!fs.existsSync(built)) {
      const log = path.join(path.dirname(path.dirname(target)), 'prepare.log');
      let logNote = '';
      try {
        fs.mkdirSync(path.dirname(log), { recursive: true });
        fs.writeFileSync(
          log,
          `$ prebuild-install\n${prebuild.output ?? ''}\n$ node-gyp rebuild\n${compile.output ?? ''}\n`,
        );
        logNote = `; the full output is in ${path.relative(root, log)}`;
      } catch {
        // a read-only checkout: the summary above has to do
      }
      return {
        ok: false,
        why:
          `better-sqlite3 could not be prepared for Electron ${electronVersion}: no prebuilt binary ` +
          `(${prebuild.detail ?? 'the download gave no file'}) and compiling failed (${compile.detail ?? 'no file was produced'})${logNote}`,
      };
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Rename into place so a concurrent start never loads a half-written file.
    const partial = `${target}.${process.pid}.partial`;
    fs.copyFileSync(built, partial);
    fs.renameSync(partial, target);
    return { ok: true, binding: target, built: true };
  } catch (err) {
    return { ok: false, why: `better-sqlite3 could not be prepared for Electron ${electronVersion}: ${err.message}` };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

module.exports = { prepareElectronSqlite, electronSqlitePath };
