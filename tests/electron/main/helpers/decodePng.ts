import zlib from 'node:zlib';
import { expect } from 'vitest';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export type DecodedPng = Readonly<{
  width: number;
  height: number;
  pixel(x: number, y: number): readonly [number, number, number, number];
}>;

/** Reads an 8-bit RGBA PNG with filter 0 rows (what electron/main/images/png.ts writes), checking every CRC. */
export function decodePng(bytes: Buffer, crc32: (bytes: Uint8Array) => number): DecodedPng {
  expect(bytes.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  let ended = false;
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('ascii', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    expect(bytes.readUInt32BE(at + 8 + length), `${type} CRC`).toBe(
      crc32(bytes.subarray(at + 4, at + 8 + length)),
    );
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 6]);
    }
    if (type === 'IDAT') idat.push(data);
    if (type === 'IEND') ended = true;
    at += 12 + length;
  }
  expect(ended).toBe(true);
  const rows = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4 + 1;
  expect(rows.length).toBe(stride * height);
  for (let y = 0; y < height; y += 1) expect(rows[y * stride]).toBe(0);
  return {
    width,
    height,
    pixel: (x, y) => {
      const o = y * stride + 1 + x * 4;
      return [rows[o] ?? -1, rows[o + 1] ?? -1, rows[o + 2] ?? -1, rows[o + 3] ?? -1];
    },
  };
}
