import { describe, expect, it } from 'vitest';
import { crc32, encodePng } from '../../../../electron/main/images/png';
import { decodePng } from '../helpers/decodePng';

describe('encodePng', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  it('writes an RGBA image that decodes to the same pixels', () => {
    const width = 3;
    const height = 2;
    const pixels = new Uint8Array(width * height * 4).map((_, i) => (i * 37) % 256);
    const png = decodePng(encodePng({ width, height, pixels }), crc32);
    expect([png.width, png.height]).toEqual([3, 2]);
    expect(png.pixel(0, 0)).toEqual([0, 37, 74, 111]);
    expect(png.pixel(2, 1)).toEqual([...pixels.subarray(20, 24)]);
  });

  it('refuses a buffer of the wrong size', () => {
    expect(() => encodePng({ width: 2, height: 2, pixels: new Uint8Array(15) })).toThrow();
  });
});
