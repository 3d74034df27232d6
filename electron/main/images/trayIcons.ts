import { circle, createCanvas, roundedRect, triangle, union, type Rgb, type Shape } from './canvas';
import { GLYPH_HEIGHT, drawText, textWidth } from './pixelFont';
import type { RgbaImage } from './png';

const INDIGO: Rgb = [79, 70, 229];
const TEAL: Rgb = [13, 148, 136];
const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
const BADGE_RED: Rgb = [220, 38, 38];

/** The logo's speech bubble in a `size` square: a rounded body and a tail at the lower left. */
function bubble(size: number, inset: number): Shape {
  const u = (fraction: number): number => inset + fraction * (size - 2 * inset);
  const span = size - 2 * inset;
  return union(
    roundedRect(u(0.5), u(0.42), span * 0.42, span * 0.32, span * 0.16),
    triangle([
      [u(0.16), u(0.55)],
      [u(0.42), u(0.7)],
      [u(0.14), u(0.92)],
    ]),
  );
}

const gradient =
  (size: number) =>
  (x: number, y: number): Rgb => {
    const t = Math.min(1, Math.max(0, (x + y) / (2 * size)));
    const mix = (i: 0 | 1 | 2): number => Math.round(INDIGO[i] + (TEAL[i] - INDIGO[i]) * t);
    return [mix(0), mix(1), mix(2)];
  };

/**
 * The tray icon for Windows and Linux: the logo in colour, with a red dot in the corner while
 * there are unread messages (the number itself is in the tooltip and on the taskbar).
 */
export function trayIcon(size: number, hasUnread: boolean): RgbaImage {
  const canvas = createCanvas(size, size);
  const half = size / 2;
  canvas.fill(roundedRect(half, half, half - size * 0.03, half - size * 0.03, size * 0.22), gradient(size));
  canvas.fill(bubble(size, size * 0.2), WHITE);
  if (hasUnread) {
    const r = size * 0.24;
    const cx = size - r;
    const cy = r;
    // A transparent ring keeps the dot readable on any taskbar colour.
    canvas.clear(circle(cx, cy, r + size * 0.06));
    canvas.fill(circle(cx, cy, r), BADGE_RED);
  }
  return canvas;
}

/**
 * The macOS menu-bar icon: a black silhouette with alpha, marked as a template image so the
 * system tints it for light and dark menu bars. The unread count goes in the title beside it.
 * https://www.electronjs.org/docs/latest/api/native-image#template-image-macos
 */
export function templateTrayIcon(size: number): RgbaImage {
  const canvas = createCanvas(size, size);
  canvas.fill(bubble(size, size * 0.06), BLACK);
  return canvas;
}

/**
 * The Windows taskbar overlay: a red disc with the count (1–9, 9+) in white, drawn with a
 * pixel font so it stays legible at the 16 px Windows uses.
 */
export function overlayIcon(size: number, label: string): RgbaImage {
  const canvas = createCanvas(size, size);
  const half = size / 2;
  canvas.fill(circle(half, half, half), BADGE_RED);
  const scale = Math.max(1, Math.floor(size / 10));
  const width = textWidth(label, scale);
  const left = Math.round((size - width) / 2);
  const top = Math.round((size - GLYPH_HEIGHT * scale) / 2);
  drawText(canvas, label, left, top, scale, WHITE);
  return canvas;
}
