import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';

const buildDir = path.resolve(__dirname, '../../../build');
const read = (name: string): Buffer => fs.readFileSync(path.join(buildDir, name));
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type Png = Readonly<{
  width: number;
  height: number;
  colourType: number;
  alphaAt(x: number, y: number): number;
}>;

/** Reads an 8-bit RGBA PNG written with filter 0 (what scripts/makeIcons.mjs writes). */
function decodePng(bytes: Buffer): Png {
  expect(bytes.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const colourType = bytes[25] ?? -1;
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('ascii', at + 4, at + 8) === 'IDAT')
      idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const rows = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4 + 1;
  expect(rows.length).toBe(stride * height);
  return { width, height, colourType, alphaAt: (x, y) => rows[y * stride + 1 + x * 4 + 3] ?? -1 };
}

function expectLogo(png: Png, size: number): void {
  expect([png.width, png.height, png.colourType]).toEqual([size, size, 6]);
  expect(png.alphaAt(0, 0)).toBe(0);
  expect(png.alphaAt(Math.floor(size / 2), Math.floor(size / 2))).toBe(255);
}

describe('build/ icons', () => {
  it('icon.png is a 1024×1024 RGBA PNG with transparent corners', () => {
    expectLogo(decodePng(read('icon.png')), 1024);
  });

  it('icon.ico holds 16…256 px images: DIBs below 256, PNG at 256', () => {
    const ico = read('icon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const entry = 6 + i * 16;
      const size = ico[entry] || 256;
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const image = ico.subarray(offset, offset + length);
      if (size === 256) {
        expectLogo(decodePng(image), 256);
      } else {
        expect(image.readUInt32LE(0)).toBe(40);
        expect([image.readInt32LE(4), image.readInt32LE(8), image.readUInt16LE(14)]).toEqual([
          size,
          size * 2,
          32,
        ]);
      }
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('icon.icns holds PNG entries ic07…ic14 of the right sizes', () => {
    const icns = read('icon.icns');
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found = new Map<string, number>();
    for (let at = 8; at < icns.length;) {
      const type = icns.toString('ascii', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      expect(length).toBeGreaterThan(8);
      found.set(type, decodePng(icns.subarray(at + 8, at + length)).width);
      at += length;
    }
    expect(Object.fromEntries(found)).toEqual({
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic10: 1024,
      ic11: 32,
      ic12: 64,
      ic13: 256,
      ic14: 512,
    });
  });
});
