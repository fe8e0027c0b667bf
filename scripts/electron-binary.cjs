// Where the Electron binary is, without require('electron'): that module downloads the binary
// when it is missing, which must never happen as a side effect of asking.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** The executable's path inside dist/, as electron's install.js names it per platform. */
function platformExecutable(platform = process.platform) {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

/**
 * Locates the Electron binary of the project at `root`.
 * ELECTRON_OVERRIDE_DIST_PATH (electron's own convention) points at another dist/ directory.
 * @returns {{ version: string, binary: string, present: boolean }}
 */
function locateElectron(root, env = process.env) {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  let version = '';
  try {
    version = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  } catch {
    // electron is not installed at all; `present` is false below
  }
  let executable = platformExecutable();
  try {
    executable = fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim() || executable;
  } catch {
    // path.txt is written only after a successful download
  }
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(pkgDir, 'dist');
  const binary = path.join(distDir, executable);
  // dist/version names the binary's real version when it differs from the package's.
  try {
    version = fs.readFileSync(path.join(distDir, 'version'), 'utf8').trim().replace(/^v/, '') || version;
  } catch {
    // no version file: trust package.json
  }
  return { version, binary, present: version !== '' && fs.existsSync(binary) };
}

module.exports = { locateElectron, platformExecutable };
