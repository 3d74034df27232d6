import { describe, expect, it } from 'vitest';
import {
  parseWindowState,
  placeWindow,
  serializeWindowState,
  type Rect,
  type WindowState,
} from '../../../../electron/main/window/windowState';

const defaults = { width: 1100, height: 720, minWidth: 720, minHeight: 480 };
const primary: Rect = { x: 0, y: 25, width: 1920, height: 1055 };
const right: Rect = { x: 1920, y: 0, width: 2560, height: 1440 };
const state = (bounds: Rect, maximized = false): WindowState => ({ bounds, maximized });

describe('parseWindowState', () => {
  it('round-trips what serializeWindowState writes', () => {
    const saved = state({ x: -10.4, y: 30.6, width: 1000.2, height: 700 }, true);
    expect(parseWindowState(JSON.parse(JSON.stringify(serializeWindowState(saved))))).toEqual({
      bounds: { x: -10, y: 31, width: 1000, height: 700 },
      maximized: true,
    });
  });

  it('rejects anything else', () => {
    for (const raw of [
      null,
      'x',
      {},
      { version: 2, bounds: { x: 0, y: 0, width: 10, height: 10 }, maximized: false },
      { version: 1, bounds: { x: 0, y: 0, width: 0, height: 10 }, maximized: false },
      { version: 1, bounds: { x: 1e9, y: 0, width: 10, height: 10 }, maximized: false },
      { version: 1, bounds: { x: 0, y: 0, width: 10.5, height: 10 }, maximized: false },
      { version: 1, bounds: { x: 0, y: 0, width: 10, height: 10 }, maximized: 'yes' },
    ]) {
      expect(parseWindowState(raw), JSON.stringify(raw)).toBeNull();
    }
  });
});

describe('placeWindow', () => {
  it('keeps a window that is fully on a display where it was', () => {
    const saved = state({ x: 2100, y: 100, width: 1200, height: 800 }, true);
    expect(placeWindow(saved, [primary, right], defaults)).toEqual({ bounds: saved.bounds, maximized: true });
  });

  it('opens centred on the primary display with the default size the first time', () => {
    expect(placeWindow(null, [primary, right], defaults)).toEqual({
      bounds: { x: 410, y: 193, width: 1100, height: 720 },
      maximized: false,
    });
  });

  it('moves a window whose display is gone back to the primary one, keeping its size', () => {
    const saved = state({ x: 5000, y: 200, width: 1000, height: 700 });
    expect(placeWindow(saved, [primary], defaults).bounds).toEqual({
      x: 460,
      y: 203,
      width: 1000,
      height: 700,
    });
  });

  it('treats a sliver on screen as off screen', () => {
    const saved = state({ x: 1880, y: 300, width: 1000, height: 700 });
    const placed = placeWindow(saved, [primary], defaults).bounds;
    expect(placed.x).toBe(460);
  });

  it('pulls a window that straddles the edge fully inside the display it is mostly on', () => {
    const saved = state({ x: 1500, y: -40, width: 1000, height: 700 });
    expect(placeWindow(saved, [primary, right], defaults).bounds).toEqual({
      x: 1920,
      y: 0,
      width: 1000,
      height: 700,
    });
    expect(placeWindow(saved, [primary], defaults).bounds).toEqual({
      x: 920,
      y: 25,
      width: 1000,
      height: 700,
    });
  });

  it('shrinks a window larger than its display and never below the minimum the display allows', () => {
    const small: Rect = { x: 0, y: 0, width: 1280, height: 600 };
    const saved = state({ x: 0, y: 0, width: 3000, height: 2000 });
    expect(placeWindow(saved, [small], defaults).bounds).toEqual({ x: 0, y: 0, width: 1280, height: 600 });
    const tiny: Rect = { x: 0, y: 0, width: 640, height: 400 };
    expect(placeWindow(state({ x: 0, y: 0, width: 300, height: 200 }), [tiny], defaults).bounds).toEqual({
      x: 0,
      y: 0,
      width: 640,
      height: 400,
    });
  });

  it('grows a saved size below the minimum', () => {
    const saved = state({ x: 100, y: 100, width: 200, height: 100 });
    expect(placeWindow(saved, [primary], defaults).bounds).toMatchObject({ width: 720, height: 480 });
  });

  it('handles displays left of and above the primary one', () => {
    const left: Rect = { x: -1440, y: -200, width: 1440, height: 900 };
    const saved = state({ x: -1300, y: -100, width: 1000, height: 700 });
    expect(placeWindow(saved, [primary, left], defaults).bounds).toEqual(saved.bounds);
  });

  it('still answers without any display information', () => {
    expect(placeWindow(state({ x: 1, y: 2, width: 800, height: 600 }, true), [], defaults)).toEqual({
      bounds: { width: 800, height: 600 },
      maximized: true,
    });
  });
});
