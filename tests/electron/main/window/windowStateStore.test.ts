import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  loadWindowState,
  trackWindowState,
  windowStateFile,
} from '../../../../electron/main/window/windowStateStore';
import { createManualTime } from '../../core/helpers/manualTime';
import { useTempDirs } from '../helpers/tempDirs';

const newDir = useTempDirs('tidings-window-state-');

function fakeWindow() {
  const emitter = new EventEmitter();
  const window = Object.assign(emitter, {
    bounds: { x: 10, y: 20, width: 900, height: 600 },
    maximized: false,
    fullScreen: false,
    destroyed: false,
    getNormalBounds() {
      return { ...window.bounds };
    },
    isMaximized: () => window.maximized,
    isFullScreen: () => window.fullScreen,
    isDestroyed: () => window.destroyed,
  });
  return window;
}

const asWindow = (window: ReturnType<typeof fakeWindow>): BrowserWindow => window as unknown as BrowserWindow;

describe('window state store', () => {
  it('reads nothing from a missing or broken file', async () => {
    const dir = newDir();
    const file = windowStateFile(dir);
    expect(file).toBe(path.join(dir, 'window-state.json'));
    expect(await loadWindowState(file)).toBeNull();
    fs.writeFileSync(file, '{ not json');
    expect(await loadWindowState(file)).toBeNull();
    fs.writeFileSync(file, JSON.stringify({ version: 1, bounds: { x: 0 }, maximized: false }));
    expect(await loadWindowState(file)).toBeNull();
  });

  it('saves once after a burst of moves, and synchronously on close', async () => {
    const file = windowStateFile(newDir());
    const time = createManualTime();
    const window = fakeWindow();
    const onError = vi.fn();
    trackWindowState(asWindow(window), file, { timers: time, onError, debounceMs: 500 });

    for (let i = 0; i < 5; i += 1) {
      window.bounds = { ...window.bounds, x: 10 + i };
      window.emit('move');
      time.advance(100);
    }
    expect(fs.existsSync(file)).toBe(false);
    time.advance(500);
    await vi.waitFor(async () =>
      expect(await loadWindowState(file)).toEqual({
        bounds: { x: 14, y: 20, width: 900, height: 600 },
        maximized: false,
      }),
    );

    window.maximized = true;
    window.bounds = { ...window.bounds, width: 1000 };
    window.emit('maximize');
    window.emit('close');
    // No wait: the close is written before the window goes away.
    expect(await loadWindowState(file)).toEqual({
      bounds: { x: 14, y: 20, width: 1000, height: 600 },
      maximized: true,
    });
    expect(time.pending()).toBe(0);
    expect(onError).not.toHaveBeenCalled();
  });

  it('remembers full screen as maximized, and stops when told', async () => {
    const file = windowStateFile(newDir());
    const time = createManualTime();
    const window = fakeWindow();
    const stop = trackWindowState(asWindow(window), file, { timers: time, onError: vi.fn(), debounceMs: 10 });
    window.fullScreen = true;
    window.emit('close');
    expect((await loadWindowState(file))?.maximized).toBe(true);
    stop();
    window.bounds = { ...window.bounds, x: 500 };
    window.emit('resize');
    window.emit('close');
    time.advance(1000);
    expect((await loadWindowState(file))?.bounds.x).toBe(10);
  });

  it('reports a failed write instead of throwing', () => {
    const dir = newDir();
    // A folder where the file should be makes every write fail.
    const file = windowStateFile(dir);
    fs.mkdirSync(file);
    const onError = vi.fn();
    const window = fakeWindow();
    trackWindowState(asWindow(window), file, { timers: createManualTime(), onError });
    expect(() => window.emit('close')).not.toThrow();
    expect(onError).toHaveBeenCalledOnce();
  });
});
