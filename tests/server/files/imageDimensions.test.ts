import { describe, expect, it } from 'vitest';
import { imageDimensions } from '../../../server/files/imageDimensions';
import { pngImage } from './images';

function jpeg(sofMarker: number, width: number, height: number, padding = 0): Buffer {
  const segment = (marker: number, data: Buffer): Buffer => {
    const header = Buffer.from([0xff, marker, 0, 0]);
    header.writeUInt16BE(data.length + 2, 2);
    return Buffer.concat([header, data]);
  };
  const sof = Buffer.alloc(15);
  sof[0] = 8;
  sof.writeUInt16BE(height, 1);
  sof.writeUInt16BE(width, 3);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    segment(0xe1, Buffer.alloc(padding, 0x45)), // EXIF-sized padding before the frame
    segment(0xdb, Buffer.alloc(65)), // quantisation table
    Buffer.from([0xff, 0xff]), // a fill byte
    segment(sofMarker, sof),
    Buffer.from([0xff, 0xd9]),
  ]);
}

function riff(chunk: string, payload: Buffer): Buffer {
  const head = Buffer.alloc(20);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(12 + payload.length, 4);
  head.write('WEBP', 8, 'latin1');
  head.write(chunk, 12, 'latin1');
  head.writeUInt32LE(payload.length, 16);
  return Buffer.concat([head, payload, Buffer.alloc(16)]);
}

describe('image dimensions', () => {
  it('reads PNG, GIF and JPEG (baseline and progressive, after large EXIF)', () => {
    expect(imageDimensions(pngImage(3, 2))).toEqual({ format: 'png', width: 3, height: 2 });
    const gif = Buffer.from('GIF89a\x40\x01\xf0\x00\x00\x00\x00', 'latin1');
    expect(imageDimensions(gif)).toEqual({ format: 'gif', width: 320, height: 240 });
    expect(imageDimensions(jpeg(0xc0, 4032, 3024))).toEqual({ format: 'jpeg', width: 4032, height: 3024 });
    expect(imageDimensions(jpeg(0xc2, 640, 480, 60_000))).toEqual({
      format: 'jpeg',
      width: 640,
      height: 480,
    });
  });

  it('reads the three WebP flavours', () => {
    const lossy = Buffer.from([0, 0, 0, 0x9d, 0x01, 0x2a, 0, 0, 0, 0]);
    lossy.writeUInt16LE(800, 6);
    lossy.writeUInt16LE(600 | 0x4000, 8); // scale bits are not part of the size
    expect(imageDimensions(riff('VP8 ', lossy))).toEqual({ format: 'webp', width: 800, height: 600 });
    const lossless = Buffer.alloc(5);
    lossless[0] = 0x2f;
    lossless.writeUInt32LE((100 - 1) | ((50 - 1) << 14), 1);
    expect(imageDimensions(riff('VP8L', lossless))).toEqual({ format: 'webp', width: 100, height: 50 });
    const extended = Buffer.alloc(10);
    extended.writeUIntLE(1920 - 1, 4, 3);
    extended.writeUIntLE(1080 - 1, 7, 3);
    expect(imageDimensions(riff('VP8X', extended))).toEqual({ format: 'webp', width: 1920, height: 1080 });
  });

  it('answers null for other files, truncated headers and zero sizes', () => {
    expect(imageDimensions(Buffer.from('hello world, not an image'))).toBeNull();
    expect(imageDimensions(Buffer.alloc(0))).toBeNull();
    expect(imageDimensions(pngImage(3, 2).subarray(0, 20))).toBeNull();
    expect(imageDimensions(jpeg(0xc0, 10, 10).subarray(0, 30))).toBeNull();
    expect(imageDimensions(jpeg(0xc0, 0, 10))).toBeNull();
    expect(imageDimensions(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBeNull();
  });
});
