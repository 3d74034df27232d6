import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../../shared/ipc';
import type { EngineHost, EngineHostOptions } from '../../../electron/core';

type Listener = (...args: unknown[]) => void;

// Electron at the edge, recording what main.ts does with it and in which order.
const electron = vi.hoisted(() => {
  const calls: string[] = [];
  const listeners = new Map<string, Listener[]>();
  let ready = false;
  const windows: { options: unknown; url: string | undefined }[] = [];
  class BrowserWindow {
    readonly webContents = {
      mainFrame: { url: 'app://tidings/index.html', parent: null },
      isDestroyed: () => false,
    };
    constructor(options: unknown) {
      windows.push({ options, url: undefined });
      calls.push('new BrowserWindow');
    }
    loadURL(url: string): Promise<void> {
      const last = windows.at(-1);
      if (last) last.url = url;
      return Promise.resolve();
    }
    once(): this {
      return this;
    }
    on(): this {
      return this;
    }
    isDestroyed(): boolean {
      return false;
    }
    show(): void {}
  }
  const app = {
    isPackaged: false,
    getName: () => 'Tidings',
    getPath: (name: string) => (name === 'appData' ? '/home/u/.config' : `/home/u/.config/${name}`),
    setPath: vi.fn((name: string, value: string) => calls.push(`setPath ${name} ${value}`)),
    requestSingleInstanceLock: vi.fn(() => true),
    on: (event: string, listener: Listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return app;
    },
    whenReady: () => {
      ready = true;
      calls.push('ready');
      return Promise.resolve();
    },
    isReady: () => ready,
    quit: vi.fn(() => calls.push('quit')),
    exit: vi.fn(),
  };
  return {
    calls,
    listeners,
    windows,
    module: {
      app,
      BrowserWindow,
      dialog: { showErrorBox: vi.fn() },
      session: {
        defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
      },
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
        handle: vi.fn((scheme: string) => calls.push(`handle ${scheme}`)),
      },
      net: { fetch: vi.fn() },
      ipcMain: { handle: vi.fn((channel: string) => calls.push(`ipc ${channel}`)), removeHandler: vi.fn() },
      shell: { openExternal: vi.fn() },
    },
  };
});
vi.mock('electron', () => electron.module);

const engine = vi.hoisted(() => {
  const host = {
    dispatch: vi.fn(),
    onEvent: vi.fn(() => () => {}),
    notifySystem: vi.fn(),
    close: vi.fn(() => Promise.resolve()),
  };
  return { host, createEngineHost: vi.fn((_options: unknown) => host) };
});
vi.mock('../../../electron/core', () => ({
  createEngineHost: (options: EngineHostOptions): EngineHost => engine.createEngineHost(options),
}));

const binding = path.resolve('/repo/.native-electron/45.5.0/x/better_sqlite3.node');
const signalsBefore = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
const previousBinding = process.env.TIDINGS_SQLITE_BINDING;
process.env.TIDINGS_SQLITE_BINDING = binding;
await import('../../../electron/main/main');
await vi.waitFor(() => expect(electron.windows).toHaveLength(1));

afterAll(() => {
  if (previousBinding === undefined) delete process.env.TIDINGS_SQLITE_BINDING;
  else process.env.TIDINGS_SQLITE_BINDING = previousBinding;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!signalsBefore[signal].includes(listener)) process.off(signal, listener);
    }
  }
});

const emit = (event: string, ...args: unknown[]): void => {
  for (const listener of electron.listeners.get(event) ?? []) listener(...args);
};

describe('main process lifecycle', () => {
  it('registers the app scheme and a separate dev profile before ready', () => {
    const { calls } = electron;
    expect(calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(calls.indexOf('ready'));
    expect(calls).toContain(`setPath userData ${path.join('/home/u/.config', 'Tidings Dev')}`);
    expect(calls.findIndex((call) => call.startsWith('setPath'))).toBeLessThan(calls.indexOf('ready'));
    expect(electron.module.app.requestSingleInstanceLock).toHaveBeenCalledOnce();
  });

  it('creates the engine with the data folder and the Electron binding from npm start', () => {
    expect(engine.createEngineHost).toHaveBeenCalledWith({
      dataDir: path.join('/home/u/.config/userData', 'data'),
      sqliteNativeBinding: binding,
    });
  });

  it('serves app://, handles every channel, then opens the window on the app page', () => {
    const { calls } = electron;
    expect(calls).toContain('handle app');
    for (const channel of channelNames) expect(calls).toContain(`ipc ${channel}`);
    expect(calls.indexOf('new BrowserWindow')).toBeGreaterThan(
      calls.lastIndexOf(`ipc ${channelNames.at(-1)}`),
    );
    expect(electron.windows[0]?.url).toBe('app://tidings/index.html');
    expect(electron.windows[0]?.options).toMatchObject({
      webPreferences: { preload: expect.stringMatching(/preload\.cjs$/) as unknown, sandbox: true },
    });
  });

  it('holds the first quit until the engine closed, then quits', async () => {
    const first = { preventDefault: vi.fn() };
    emit('before-quit', first);
    expect(first.preventDefault).toHaveBeenCalledOnce();
    expect(engine.host.close).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(electron.module.app.quit).toHaveBeenCalledOnce());
    const second = { preventDefault: vi.fn() };
    emit('before-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });
});
