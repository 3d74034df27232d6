import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const created: FakeWindow[] = [];
  class FakeWindow {
    readonly loadURL = vi.fn(async (_url: string) => {});
    readonly show = vi.fn();
    readonly maximize = vi.fn();
    readonly once = vi.fn((event: string, listener: () => void) => {
      if (event === 'ready-to-show') this.readyToShow = listener;
      return this;
    });
    readyToShow: (() => void) | undefined;
    constructor(readonly options: BrowserWindowConstructorOptions) {
      created.push(this);
    }
    isDestroyed(): boolean {
      return false;
    }
  }
  return { created, BrowserWindow: FakeWindow };
});
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow }));

const { createMainWindow } = await import('../../../../electron/main/window/mainWindow');

const base = { preloadPath: '/app/dist/electron/preload.cjs', url: 'app://tidings/index.html' };
const last = () => {
  const window = electron.created.at(-1);
  if (!window) throw new Error('no window');
  return window;
};

describe('createMainWindow', () => {
  it('isolates and sandboxes the page, with our preload, and loads the app URL', () => {
    createMainWindow(base);
    const window = last();
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(window.options.show).toBe(false);
    expect(window.loadURL).toHaveBeenCalledWith('app://tidings/index.html');
  });

  it('opens where it was, and shows itself once painted', () => {
    createMainWindow({ ...base, bounds: { x: 40, y: 50, width: 900, height: 700 } });
    const window = last();
    expect(window.options).toMatchObject({
      x: 40,
      y: 50,
      width: 900,
      height: 700,
      minWidth: 720,
      minHeight: 480,
    });
    expect(window.show).not.toHaveBeenCalled();
    window.readyToShow?.();
    expect(window.show).toHaveBeenCalledOnce();
    expect(window.maximize).not.toHaveBeenCalled();
  });

  it('leaves the position to the OS when it is unknown', () => {
    createMainWindow({ ...base, bounds: { width: 900, height: 700 } });
    expect(last().options).not.toHaveProperty('x');
    expect(last().options).not.toHaveProperty('y');
  });

  it('reopens maximized, and stays hidden when started in the tray', () => {
    createMainWindow({ ...base, maximized: true });
    last().readyToShow?.();
    expect(last().maximize).toHaveBeenCalledOnce();
    expect(last().show).not.toHaveBeenCalled();

    createMainWindow({ ...base, maximized: true, showWhenReady: false });
    last().readyToShow?.();
    expect(last().maximize).not.toHaveBeenCalled();
    expect(last().show).not.toHaveBeenCalled();
  });
});
