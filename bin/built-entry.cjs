// Whether the built JavaScript under out/ may run instead of the TypeScript sources: it exists and
// nothing in src/ changed after it was built (a developer who edits a file and runs the command
// without building gets the sources through tsx, never a stale build). An installed copy without
// src/ runs what was built.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');

function newestIn(dir, since) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (newestIn(p, since)) return true;
    } else if (fs.statSync(p).mtimeMs > since) return true;
  }
  return false;
}

/** The built file's path when it is there and at least as new as the sources, else null. */
function freshBuild(relative, base = root) {
  const file = path.join(base, relative);
  let built;
  try {
    built = fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
  if (process.env.LIFELINE_FROM_SOURCES === '1') return null;
  for (const dir of ['src/main', 'src/shared']) if (newestIn(path.join(base, dir), built)) return null;
  return file;
}

module.exports = { freshBuild };
