import { describe, expect, it } from 'vitest';
import { crc32, encodePng, type RgbaImage } from '../../../../electron/main/images/png';
import { overlayIcon, templateTrayIcon, trayIcon } from '../../../../electron/main/images/trayIcons';
import { decodePng } from '../helpers/decodePng';

const alpha = (image: RgbaImage, x: number, y: number): number =>
  image.pixels[(y * image.width + x) * 4 + 3] ?? -1;
const rgb = (image: RgbaImage, x: number, y: number): number[] => {
  const o = (y * image.width + x) * 4;
  return [...image.pixels.subarray(o, o + 3)];
};
const isRed = ([r = 0, g = 0, b = 0]: number[]): boolean => r > 180 && g < 80 && b < 80;

describe('tray icons', () => {
  it('draws the logo with transparent corners at each size, and encodes to PNG', () => {
    for (const size of [16, 24, 32, 48]) {
      const icon = trayIcon(size, false);
      expect([icon.width, icon.height]).toEqual([size, size]);
      expect(alpha(icon, 0, 0)).toBe(0);
      expect(alpha(icon, size / 2, size / 2)).toBe(255);
      expect(decodePng(encodePng(icon), crc32).width).toBe(size);
    }
  });

  it('marks unread messages with a red dot in the top-right corner only', () => {
    const plain = trayIcon(32, false);
    const marked = trayIcon(32, true);
    expect(isRed(rgb(marked, 26, 5))).toBe(true);
    expect(isRed(rgb(plain, 26, 5))).toBe(false);
    expect(rgb(marked, 6, 26)).toEqual(rgb(plain, 6, 26));
  });

  it('draws a black-only template for the macOS menu bar', () => {
    const icon = templateTrayIcon(32);
    let opaque = 0;
    for (let i = 0; i < icon.pixels.length; i += 4) {
      if ((icon.pixels[i + 3] ?? 0) > 0) {
        opaque += 1;
        expect([icon.pixels[i], icon.pixels[i + 1], icon.pixels[i + 2]]).toEqual([0, 0, 0]);
      }
    }
    expect(opaque).toBeGreaterThan(100);
  });

  it('writes the count in white on a red disc for the taskbar overlay', () => {
    const one = overlayIcon(16, '1');
    const many = overlayIcon(16, '9+');
    expect(isRed(rgb(one, 8, 2))).toBe(true);
    const white = (image: RgbaImage): number => {
      let count = 0;
      for (let y = 0; y < image.height; y += 1) {
        for (let x = 0; x < image.width; x += 1) {
          const [r = 0, g = 0, b = 0] = rgb(image, x, y);
          if (r > 240 && g > 240 && b > 240) count += 1;
        }
      }
      return count;
    };
    expect(white(one)).toBeGreaterThan(4);
    expect(white(many)).toBeGreaterThan(white(one));
    expect(alpha(one, 0, 0)).toBeLessThan(128);
  });
});
