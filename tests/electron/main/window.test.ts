import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const created: BrowserWindowConstructorOptions[] = [];
  class BrowserWindow {
    readonly loadURL = vi.fn(async (_url: string) => {});
    constructor(options: BrowserWindowConstructorOptions) {
      created.push(options);
    }
    once(): this {
      return this;
    }
    show(): void {}
    isDestroyed(): boolean {
      return false;
    }
  }
  return { created, BrowserWindow };
});
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow }));

const { createMainWindow } = await import('../../../electron/main/window');

describe('createMainWindow', () => {
  it('isolates and sandboxes the page, with our preload, and loads the app URL', () => {
    const window = createMainWindow({
      preloadPath: '/app/dist/electron/preload.cjs',
      url: 'app://tidings/index.html',
    });
    const options = electron.created.at(-1);
    expect(options?.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect((window as unknown as InstanceType<typeof electron.BrowserWindow>).loadURL).toHaveBeenCalledWith(
      'app://tidings/index.html',
    );
  });
});
