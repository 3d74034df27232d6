import type { RgbaImage } from './png';

export type Rgb = readonly [number, number, number];

/** A shape as a signed distance in pixels: negative inside, positive outside. */
export type Shape = (x: number, y: number) => number;

export type Canvas = RgbaImage &
  Readonly<{
    /** Composites `shape` in `color` over what is there, anti-aliased over one pixel. */
    fill(shape: Shape, color: Rgb | ((x: number, y: number) => Rgb), opacity?: number): void;
    /** Makes `shape` transparent again (cut-outs). */
    clear(shape: Shape): void;
  }>;

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

export function createCanvas(width: number, height: number): Canvas {
  const pixels = new Uint8Array(width * height * 4);
  const coverage = (shape: Shape, px: number, py: number): number => clamp01(0.5 - shape(px + 0.5, py + 0.5));
  return {
    width,
    height,
    pixels,
    fill(shape, color, opacity = 1) {
      for (let py = 0; py < height; py += 1) {
        for (let px = 0; px < width; px += 1) {
          const a = coverage(shape, px, py) * opacity;
          if (a === 0) continue;
          const [r, g, b] = typeof color === 'function' ? color(px + 0.5, py + 0.5) : color;
          const o = (py * width + px) * 4;
          const below = (pixels[o + 3] ?? 0) / 255;
          const out = a + below * (1 - a);
          const mix = (top: number, under: number): number =>
            Math.round((top * a + under * below * (1 - a)) / out);
          pixels[o] = mix(r, pixels[o] ?? 0);
          pixels[o + 1] = mix(g, pixels[o + 1] ?? 0);
          pixels[o + 2] = mix(b, pixels[o + 2] ?? 0);
          pixels[o + 3] = Math.round(out * 255);
        }
      }
    },
    clear(shape) {
      for (let py = 0; py < height; py += 1) {
        for (let px = 0; px < width; px += 1) {
          const cut = coverage(shape, px, py);
          if (cut === 0) continue;
          const o = (py * width + px) * 4 + 3;
          pixels[o] = Math.round((pixels[o] ?? 0) * (1 - cut));
        }
      }
    },
  };
}

export const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r;

export const roundedRect =
  (cx: number, cy: number, halfWidth: number, halfHeight: number, radius: number): Shape =>
  (x, y) => {
    const qx = Math.abs(x - cx) - (halfWidth - radius);
    const qy = Math.abs(y - cy) - (halfHeight - radius);
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  };

/** A triangle; distance is exact enough for anti-aliasing at icon sizes. */
export const triangle =
  (
    points: readonly [readonly [number, number], readonly [number, number], readonly [number, number]],
  ): Shape =>
  (x, y) => {
    let distance = Infinity;
    let positive = 0;
    let negative = 0;
    for (let i = 0; i < 3; i += 1) {
      const [ax, ay] = points[i] ?? [0, 0];
      const [bx, by] = points[(i + 1) % 3] ?? [0, 0];
      const ex = bx - ax;
      const ey = by - ay;
      const wx = x - ax;
      const wy = y - ay;
      const t = clamp01((wx * ex + wy * ey) / (ex * ex + ey * ey));
      distance = Math.min(distance, Math.hypot(wx - ex * t, wy - ey * t));
      const side = ex * wy - ey * wx;
      if (side > 0) positive += 1;
      if (side < 0) negative += 1;
    }
    // Inside when no edge sees the point on its other side, whichever way the points wind.
    return positive === 0 || negative === 0 ? -distance : distance;
  };

export const union =
  (...shapes: readonly Shape[]): Shape =>
  (x, y) =>
    Math.min(...shapes.map((shape) => shape(x, y)));
