import { z } from 'zod';

export type Rect = Readonly<{ x: number; y: number; width: number; height: number }>;

/** What is remembered between runs: the normal (restored) bounds and whether it was maximized. */
export type WindowState = Readonly<{ bounds: Rect; maximized: boolean }>;

/** How to open the window: a position only when it is known to be on a display. */
export type WindowPlacement = Readonly<{
  bounds: Readonly<{ x?: number; y?: number; width: number; height: number }>;
  maximized: boolean;
}>;

export type PlacementDefaults = Readonly<{
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}>;

/** How much of the window must overlap a display for the saved position to be kept. */
const MIN_VISIBLE_WIDTH = 120;
const MIN_VISIBLE_HEIGHT = 60;
const LIMIT = 100_000;

const coordinate = z.number().int().min(-LIMIT).max(LIMIT);
const size = z.number().int().min(1).max(LIMIT);

const windowStateSchema = z.object({
  version: z.literal(1),
  bounds: z.object({ x: coordinate, y: coordinate, width: size, height: size }),
  maximized: z.boolean(),
});

/** The saved state, or null for anything else (missing, from another version, hand-edited into nonsense). */
export function parseWindowState(raw: unknown): WindowState | null {
  const parsed = windowStateSchema.safeParse(raw);
  return parsed.success ? { bounds: parsed.data.bounds, maximized: parsed.data.maximized } : null;
}

/** The JSON written to disk. */
export function serializeWindowState(state: WindowState): unknown {
  const round = (n: number): number => Math.round(n);
  const { x, y, width, height } = state.bounds;
  return {
    version: 1,
    bounds: { x: round(x), y: round(y), width: round(width), height: round(height) },
    maximized: state.maximized,
  };
}

function overlap(a: Rect, b: Rect): Readonly<{ width: number; height: number }> {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const clamp = (value: number, low: number, high: number): number => Math.min(Math.max(value, low), high);

/**
 * Where to open the window given the saved state and the displays present now. A window whose
 * display is gone (a monitor unplugged, a resolution change) would open off screen: unless a
 * reasonable part of it overlaps a display, it opens centred on the primary one. Whatever
 * display it lands on, it is resized to fit that display's work area and moved fully inside.
 * `workAreas[0]` is the primary display.
 */
export function placeWindow(
  saved: WindowState | null,
  workAreas: readonly Rect[],
  defaults: PlacementDefaults,
): WindowPlacement {
  const primary = workAreas[0];
  if (primary === undefined) {
    return {
      bounds: {
        width: saved?.bounds.width ?? defaults.width,
        height: saved?.bounds.height ?? defaults.height,
      },
      maximized: saved?.maximized ?? false,
    };
  }
  const wanted = saved?.bounds ?? null;
  let best: Rect | null = null;
  let bestArea = 0;
  if (wanted !== null) {
    for (const area of workAreas) {
      const { width, height } = overlap(wanted, area);
      if (
        width >= Math.min(MIN_VISIBLE_WIDTH, wanted.width) &&
        height >= Math.min(MIN_VISIBLE_HEIGHT, wanted.height)
      ) {
        if (width * height > bestArea) {
          best = area;
          bestArea = width * height;
        }
      }
    }
  }
  const display = best ?? primary;
  const fit = (length: number, minimum: number, available: number): number =>
    Math.max(1, Math.min(Math.max(Math.round(length), minimum), available));
  const width = fit(wanted?.width ?? defaults.width, defaults.minWidth, display.width);
  const height = fit(wanted?.height ?? defaults.height, defaults.minHeight, display.height);
  const centred = best === null || wanted === null;
  const x = centred
    ? display.x + Math.round((display.width - width) / 2)
    : clamp(Math.round(wanted.x), display.x, display.x + display.width - width);
  const y = centred
    ? display.y + Math.round((display.height - height) / 2)
    : clamp(Math.round(wanted.y), display.y, display.y + display.height - height);
  return { bounds: { x, y, width, height }, maximized: saved?.maximized ?? false };
}
