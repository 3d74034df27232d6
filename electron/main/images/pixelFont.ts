import type { Canvas, Rgb } from './canvas';

/** 3×5 glyphs: enough for a badge count at 16 px, where outline fonts turn to mush. */
const glyphs: Readonly<Record<string, readonly string[]>> = {
  '0': ['###', '#.#', '#.#', '#.#', '###'],
  '1': ['.#.', '##.', '.#.', '.#.', '###'],
  '2': ['###', '..#', '###', '#..', '###'],
  '3': ['###', '..#', '.##', '..#', '###'],
  '4': ['#.#', '#.#', '###', '..#', '..#'],
  '5': ['###', '#..', '###', '..#', '###'],
  '6': ['###', '#..', '###', '#.#', '###'],
  '7': ['###', '..#', '.#.', '.#.', '.#.'],
  '8': ['###', '#.#', '###', '#.#', '###'],
  '9': ['###', '#.#', '###', '..#', '###'],
  '+': ['...', '.#.', '###', '.#.', '...'],
};

export const GLYPH_WIDTH = 3;
export const GLYPH_HEIGHT = 5;

/** Width in pixels of `text` at `scale`, one blank column between glyphs. */
export function textWidth(text: string, scale: number): number {
  const count = [...text].length;
  return count === 0 ? 0 : (count * (GLYPH_WIDTH + 1) - 1) * scale;
}

/** Draws `text` with its top-left corner at (left, top); characters without a glyph are skipped. */
export function drawText(
  canvas: Canvas,
  text: string,
  left: number,
  top: number,
  scale: number,
  color: Rgb,
): void {
  let x = left;
  for (const character of text) {
    const rows = glyphs[character];
    if (rows !== undefined) {
      rows.forEach((row, gy) => {
        [...row].forEach((cell, gx) => {
          if (cell !== '#') return;
          const x0 = x + gx * scale;
          const y0 = top + gy * scale;
          // A crisp square: full coverage inside, none outside.
          canvas.fill(
            (px, py) => (px >= x0 && px < x0 + scale && py >= y0 && py < y0 + scale ? -1 : 1),
            color,
          );
        });
      });
    }
    x += (GLYPH_WIDTH + 1) * scale;
  }
}
