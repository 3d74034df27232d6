#!/usr/bin/env node
// Draws the Tidings logo (a speech bubble on an indigo→teal rounded square) and writes the
// icon files electron-builder reads from build/: icon.png, icon.ico, icon.icns.
// Pure Node on purpose: no image tooling to install, and the output is the same on every
// machine, so the committed files can be regenerated and reviewed like code.
// Run: node scripts/makeIcons.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---- drawing: signed distance fields in a 1024-unit canvas, anti-aliased by coverage ----

const CANVAS = 1024;
const INDIGO = [79, 70, 229];
const VIOLET = [99, 102, 241];
const TEAL = [13, 148, 136];
const WHITE = [255, 255, 255];
const SHADOW = [30, 27, 75];

const clamp01 = (x) => Math.min(1, Math.max(0, x));

function roundedRect(x, y, cx, cy, halfW, halfH, radius) {
  const qx = Math.abs(x - cx) - (halfW - radius);
  const qy = Math.abs(y - cy) - (halfH - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;

/** Signed distance to a simple polygon (negative inside); after Inigo Quilez's sdPolygon. */
function polygon(x, y, points) {
  let d = Infinity;
  let sign = 1;
  for (let i = 0, j = points.length - 1; i < points.length; j = i, i += 1) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    const ex = xj - xi;
    const ey = yj - yi;
    const wx = x - xi;
    const wy = y - yi;
    const t = clamp01((wx * ex + wy * ey) / (ex * ex + ey * ey));
    d = Math.min(d, Math.hypot(wx - ex * t, wy - ey * t));
    const c1 = y >= yi;
    const c2 = y < yj;
    const c3 = ex * wy > ey * wx;
    if ((c1 && c2 && c3) || (!c1 && !c2 && !c3)) sign = -sign;
  }
  return sign * d;
}

/**
 * The logo's layers in canvas units. `margin` is the space around the rounded square: small
 * for Windows/Linux, Apple's grid (100 of 1024) for macOS so the icon sits with its neighbours.
 */
function layers(margin, withDots) {
  const side = CANVAS - 2 * margin;
  const at = (u) => margin + u * side;
  const len = (u) => u * side;
  const bubble = (x, y) =>
    Math.min(
      roundedRect(x, y, at(0.5), at(0.45), len(0.3), len(0.23), len(0.13)),
      polygon(x, y, [
        [at(0.2), at(0.5)],
        [at(0.4), at(0.68)],
        [at(0.2), at(0.83)],
      ]),
    );
  return [
    {
      sdf: (x, y) => roundedRect(x, y, CANVAS / 2, CANVAS / 2, side / 2, side / 2, len(0.225)),
      color: (x, y) => mix3(VIOLET, INDIGO, TEAL, clamp01((x + y - 2 * margin) / (2 * side))),
    },
    { sdf: (x, y) => bubble(x, y - len(0.02)), color: () => SHADOW, alpha: 0.22, blur: len(0.03) },
    { sdf: bubble, color: () => WHITE },
    ...(withDots
      ? [-1, 0, 1].map((i) => ({
          sdf: (x, y) => circle(x, y, at(0.5 + i * 0.135), at(0.45), len(0.05)),
          color: () => INDIGO,
        }))
      : []),
  ];
}

function mix(a, b, t) {
  return a.map((v, i) => v + (b[i] - v) * t);
}

function mix3(a, b, c, t) {
  return t < 0.5 ? mix(a, b, t * 2) : mix(b, c, t * 2 - 1);
}

/** RGBA pixels of the logo at `size`×`size`. */
export function renderLogo(size, { margin = 24 } = {}) {
  // Below 32 px the dots blur into grey specks; the bare bubble reads better.
  const stack = layers(margin, size >= 32);
  const unit = CANVAS / size;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const x = (px + 0.5) * unit;
      const y = (py + 0.5) * unit;
      // Premultiplied "over" compositing, layer by layer.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const layer of stack) {
        const d = layer.sdf(x, y);
        const soft = Math.max(unit, layer.blur ?? 0);
        const coverage = clamp01(0.5 - d / soft) * (layer.alpha ?? 1);
        if (coverage === 0) continue;
        const [lr, lg, lb] = layer.color(x, y);
        r = lr * coverage + r * (1 - coverage);
        g = lg * coverage + g * (1 - coverage);
        b = lb * coverage + b * (1 - coverage);
        a = coverage + a * (1 - coverage);
      }
      const o = (py * size + px) * 4;
      rgba[o] = a > 0 ? Math.round(r / a) : 0;
      rgba[o + 1] = a > 0 ? Math.round(g / a) : 0;
      rgba[o + 2] = a > 0 ? Math.round(b / a) : 0;
      rgba[o + 3] = Math.round(a * 255);
    }
  }
  return rgba;
}

// ---- PNG: signature, IHDR, IDAT (zlib), IEND; CRC-32 as in the PNG spec, annex D ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA, non-interlaced PNG. */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    // Filter byte 0 (none) per row; zlib does the rest well enough for flat artwork.
    rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- ICO: PNG for 256 px, 32-bit DIBs below ----

/**
 * A 32-bit BGRA DIB as stored in an ICO: bottom-up rows, height doubled for the (empty)
 * AND mask. Small sizes use DIBs rather than PNG because that is what Windows' own icons do
 * and what every consumer (shell, resource compilers, NSIS) reads; PNG only at 256 px.
 * https://learn.microsoft.com/en-us/windows/win32/uxguide/vis-icons
 */
function encodeDib(size, rgba) {
  const header = Buffer.alloc(40);
  const maskRow = Math.ceil(size / 32) * 4;
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8);
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4 + maskRow * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = rgba[from + 2];
      pixels[to + 1] = rgba[from + 1];
      pixels[to + 2] = rgba[from];
      pixels[to + 3] = rgba[from + 3];
    }
  }
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]);
}

export function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  const blobs = [];
  let offset = 6 + 16 * images.length;
  for (const { size, rgba } of images) {
    const blob = size >= 256 ? encodePng(size, rgba) : encodeDib(size, rgba);
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size; // 0 means 256
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(blob.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += blob.length;
    entries.push(entry);
    blobs.push(blob);
  }
  return Buffer.concat([header, ...entries, ...blobs]);
}

// ---- ICNS: 'icns' + big-endian length, then (type, length, PNG) entries ----

/** Entry types that hold PNG data, by pixel size (the @2x types reuse the same pixels). */
const ICNS_TYPES = [
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
];

export function encodeIcns(pngBySize) {
  const entries = ICNS_TYPES.map(([type, size]) => {
    const png = pngBySize.get(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(entries);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

/** Every file this script writes, by name inside build/. */
export function makeIconFiles() {
  const full = (size) => ({ size, rgba: renderLogo(size) });
  const mac = new Map(
    [...new Set(ICNS_TYPES.map(([, size]) => size))].map((size) => [
      size,
      encodePng(size, renderLogo(size, { margin: 100 })),
    ]),
  );
  return {
    'icon.png': encodePng(1024, renderLogo(1024)),
    'icon.ico': encodeIco([16, 24, 32, 48, 64, 128, 256].map(full)),
    'icon.icns': encodeIcns(mac),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const outDir = path.join(root, 'build');
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, bytes] of Object.entries(makeIconFiles())) {
    fs.writeFileSync(path.join(outDir, name), bytes);
    process.stdout.write(`build/${name} (${bytes.length} bytes)\n`);
  }
}
