#!/usr/bin/env node
// Draws the tray dots (green, amber, red, paused, starting; 16 px and @2x), the app icon (256 px, for the
// window) and the packaging icon (1024 px, from which electron-builder makes the .icns and .ico) into
// resources/ as PNGs.
// The PNGs are committed; run this only to change them: node scripts/make-icons.cjs
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const colours = {
  green: [46, 158, 91],
  amber: [224, 160, 32],
  red: [214, 69, 69],
  // Paused by the user: calm blue, not a warning colour.
  paused: [74, 120, 196],
  // Starting: neutral grey until the startup gate has its answer.
  starting: [140, 140, 140],
};

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGBA PNG of `size`×`size` whose pixel colours come from `shade(x, y)` in [0, 1] coordinates. */
function png(size, shade) {
  const samples = 4; // 4×4 supersampling per pixel for smooth edges
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = shade((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          if (!px) continue;
          r += px[0] * px[3];
          g += px[1] * px[3];
          b += px[2] * px[3];
          a += px[3];
        }
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const n = samples * samples;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a / n) * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const darker = (rgb) => rgb.map((c) => Math.round(c * 0.7));

/** A filled dot with a darker rim, so it reads on light and dark panels alike. */
function dot(rgb) {
  return (x, y) => {
    const d = Math.hypot(x - 0.5, y - 0.5);
    if (d > 0.4) return null;
    return [...(d > 0.32 ? darker(rgb) : rgb), 1];
  };
}

function distanceToSegment(x, y, [x1, y1], [x2, y2]) {
  const dx = x2 - x1,
    dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

/** The app icon: a green disc with a white pulse line across it. */
function appIcon(x, y) {
  const d = Math.hypot(x - 0.5, y - 0.5);
  if (d > 0.46) return null;
  const pulse = [
    [0.14, 0.55],
    [0.36, 0.55],
    [0.44, 0.33],
    [0.54, 0.72],
    [0.62, 0.48],
    [0.66, 0.55],
    [0.86, 0.55],
  ];
  for (let i = 1; i < pulse.length; i++) {
    if (distanceToSegment(x, y, pulse[i - 1], pulse[i]) < 0.035) return [255, 255, 255, 1];
  }
  return [...(d > 0.42 ? darker(colours.green) : colours.green), 1];
}

const out = path.join(__dirname, '..', 'resources');
fs.mkdirSync(out, { recursive: true });
for (const [name, rgb] of Object.entries(colours)) {
  fs.writeFileSync(path.join(out, `tray-${name}.png`), png(16, dot(rgb)));
  fs.writeFileSync(path.join(out, `tray-${name}@2x.png`), png(32, dot(rgb)));
}
fs.writeFileSync(path.join(out, 'icon.png'), png(256, appIcon));
fs.writeFileSync(path.join(out, 'icon-1024.png'), png(1024, appIcon));
process.stdout.write(`icons written to ${out}\n`);
