import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { channelNames, type Result } from '../../../shared/ipc';
import type { EngineEvent, EngineHost, EngineHostOptions } from '../../../electron/core';
import { defaultSettings } from '../../../electron/main/settings/shellSettings';
import { conversation, engineEvent } from './helpers/conversations';

type Listener = (...args: unknown[]) => void;
type IpcHandler = (event: unknown, request: unknown) => Promise<Result<unknown>>;

// Electron at the edge, recording what main.ts and the shell do with it and in which order.
const electron = vi.hoisted(() => {
  const calls: string[] = [];
  const appListeners = new Map<string, Listener[]>();
  const powerListeners = new Map<string, Listener[]>();
  const ipcHandlers = new Map<string, IpcHandler>();
  const windows: FakeWindow[] = [];
  const trays: FakeTray[] = [];
  const notifications: FakeNotification[] = [];
  const paths = new Map<string, string>();
  let ready = false;
  const on = (map: Map<string, Listener[]>) => (event: string, listener: Listener) => {
    map.set(event, [...(map.get(event) ?? []), listener]);
  };

  class FakeWindow {
    readonly listeners = new Map<string, Listener[]>();
    readonly webContents = {
      mainFrame: { url: 'app://tidings/index.html', parent: null },
      isDestroyed: () => false,
      send: vi.fn(),
    };
    url: string | undefined;
    visible = false;
    focused = false;
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
      calls.push('new BrowserWindow');
    }
    loadURL(url: string): Promise<void> {
      this.url = url;
      return Promise.resolve();
    }
    on(event: string, listener: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: Listener): this {
      if (event === 'ready-to-show') listener();
      return this;
    }
    show(): void {
      this.visible = true;
    }
    focus(): void {
      this.focused = true;
    }
    hide(): void {
      this.visible = false;
    }
    restore(): void {}
    maximize(): void {}
    isDestroyed = () => false;
    isMinimized = () => false;
    isVisible = () => this.visible;
    isFocused = () => this.focused;
    isMaximized = () => false;
    isFullScreen = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1100, height: 720 });
    setOverlayIcon = vi.fn();
  }
  class FakeImage {
    addRepresentation(): void {}
    setTemplateImage(): void {}
  }
  class FakeTray {
    readonly setToolTip = vi.fn();
    readonly setTitle = vi.fn();
    readonly setImage = vi.fn();
    readonly setContextMenu = vi.fn();
    constructor() {
      trays.push(this);
    }
    on(): this {
      return this;
    }
    destroy(): void {}
  }
  class FakeNotification {
    static isSupported = () => true;
    readonly listeners = new Map<string, Listener>();
    constructor(readonly options: { title: string; body: string }) {
      notifications.push(this);
    }
    on(event: string, listener: Listener): this {
      this.listeners.set(event, listener);
      return this;
    }
    show(): void {}
    close(): void {}
  }

  const app = {
    isPackaged: false,
    getName: () => 'Tidings',
    getVersion: () => '0.1.0',
    getPath: (name: string) => paths.get(name) ?? `${paths.get('appData') ?? '/nonexistent'}/${name}`,
    setPath: vi.fn((name: string, value: string) => {
      paths.set(name, value);
      calls.push(`setPath ${name} ${value}`);
    }),
    requestSingleInstanceLock: vi.fn((_data?: unknown) => true),
    on: on(appListeners),
    whenReady: () => {
      ready = true;
      calls.push('ready');
      return Promise.resolve();
    },
    isReady: () => ready,
    quit: vi.fn(() => calls.push('quit')),
    exit: vi.fn(),
    setAppUserModelId: vi.fn(),
    isDefaultProtocolClient: vi.fn(() => false),
    setAsDefaultProtocolClient: vi.fn(),
    setBadgeCount: vi.fn(),
    setLoginItemSettings: vi.fn(),
  };
  return {
    calls,
    appListeners,
    powerListeners,
    ipcHandlers,
    windows,
    trays,
    notifications,
    paths,
    module: {
      app,
      BrowserWindow: FakeWindow,
      Tray: FakeTray,
      Notification: FakeNotification,
      Menu: { buildFromTemplate: (template: unknown) => ({ template }) },
      nativeImage: { createEmpty: () => new FakeImage() },
      dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn() },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
          webRequest: { onHeadersReceived: vi.fn() },
        },
      },
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
        handle: vi.fn((scheme: string) => calls.push(`handle ${scheme}`)),
      },
      net: { fetch: vi.fn(), isOnline: () => true },
      ipcMain: {
        handle: vi.fn((channel: string, handler: IpcHandler) => {
          ipcHandlers.set(channel, handler);
          calls.push(`ipc ${channel}`);
        }),
        removeHandler: vi.fn(),
      },
      shell: { openExternal: vi.fn(), showItemInFolder: vi.fn() },
      powerMonitor: { on: on(powerListeners), off: vi.fn() },
      screen: {
        getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
        getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
      },
      safeStorage: {
        isAsyncEncryptionAvailable: () => Promise.resolve(true),
        encryptStringAsync: (text: string) => Promise.resolve(Buffer.from(text)),
        decryptStringAsync: (buffer: Buffer) =>
          Promise.resolve({ result: buffer.toString(), shouldReEncrypt: false }),
        getSelectedStorageBackend: () => 'gnome_libsecret',
      },
    },
  };
});
vi.mock('electron', () => electron.module);

// electron-updater outside a packaged app: inactive, so the update state is `disabled`.
vi.mock('electron-updater', () => ({
  autoUpdater: { logger: null, isUpdaterActive: () => false, on: vi.fn() },
}));

const engine = vi.hoisted(() => {
  const listeners = new Set<(event: EngineEvent) => void>();
  const host = {
    dispatch: vi.fn((channel: string): Promise<Result<unknown>> => {
      if (channel === 'conversations:list') return Promise.resolve({ ok: true, value: [] });
      if (channel === 'settings:get') return Promise.resolve({ ok: true, value: defaultSettings });
      return Promise.resolve({
        ok: false,
        error: { code: 'not-logged-in', message: 'You are not signed in.' },
      });
    }),
    onEvent: vi.fn((listener: (event: EngineEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    notifySystem: vi.fn(),
    close: vi.fn(() => Promise.resolve()),
  };
  return {
    host,
    emit: (event: EngineEvent) => listeners.forEach((listener) => listener(event)),
    createEngineHost: vi.fn((_options: EngineHostOptions) => host),
  };
});
vi.mock('../../../electron/core', () => ({
  createEngineHost: (options: EngineHostOptions): EngineHost => engine.createEngineHost(options),
}));

const appData = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-main-'));
electron.paths.set('appData', appData);
const userData = path.join(appData, 'Tidings Dev');
const binding = path.resolve('/repo/.native-electron/45.5.0/x/better_sqlite3.node');
const launchLink = 'tidings://add-friend/ada';
const signalsBefore = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
const previousBinding = process.env.TIDINGS_SQLITE_BINDING;
process.env.TIDINGS_SQLITE_BINDING = binding;
process.argv.push(launchLink);
await import('../../../electron/main/main');
process.argv.splice(process.argv.indexOf(launchLink), 1);
await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
const { appLog } = await import('../../../electron/main/logging/log');
appLog.transports.console.level = false;

afterAll(() => {
  if (previousBinding === undefined) delete process.env.TIDINGS_SQLITE_BINDING;
  else process.env.TIDINGS_SQLITE_BINDING = previousBinding;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!signalsBefore[signal].includes(listener)) process.off(signal, listener);
    }
  }
  fs.rmSync(appData, { recursive: true, force: true });
});

const emit = (event: string, ...args: unknown[]): void => {
  for (const listener of electron.appListeners.get(event) ?? []) listener(...args);
};
const window = () => {
  const first = electron.windows[0];
  if (!first) throw new Error('no window');
  return first;
};
/** Calls an IPC channel the way the page does: from the top frame of our window. */
const invoke = (channel: string, request: unknown = {}): Promise<Result<unknown>> => {
  const handler = electron.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ sender: window().webContents, senderFrame: window().webContents.mainFrame }, request);
};

describe('main process', () => {
  it('registers the app scheme, a separate dev profile and its log before ready', () => {
    const { calls } = electron;
    expect(calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(calls.indexOf('ready'));
    expect(calls).toContain(`setPath userData ${userData}`);
    expect(calls.findIndex((call) => call.startsWith('setPath'))).toBeLessThan(calls.indexOf('ready'));
    expect(appLog.transports.file.level).toBe('info');
  });

  it('takes the single-instance lock, handing over the link it was launched with', () => {
    expect(electron.module.app.requestSingleInstanceLock).toHaveBeenCalledWith({ deepLink: launchLink });
  });

  it('creates the engine with the data folder, the Electron binding, its logger and the safeStorage secret store', () => {
    const options = engine.createEngineHost.mock.calls[0]?.[0];
    expect(options).toMatchObject({ dataDir: path.join(userData, 'data'), sqliteNativeBinding: binding });
    expect(options?.logger).toBeDefined();
    expect(options?.secretStore).toBeDefined();
  });

  it('hardens the session, serves app://, handles every channel, then opens the window on the app page', () => {
    const { calls } = electron;
    expect(electron.module.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.module.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect(calls).toContain('handle app');
    for (const channel of channelNames) expect(calls).toContain(`ipc ${channel}`);
    expect(calls.indexOf('new BrowserWindow')).toBeGreaterThan(
      calls.lastIndexOf(`ipc ${channelNames.at(-1)}`),
    );
    expect(window().url).toBe('app://tidings/index.html');
    expect(window().options).toMatchObject({
      webPreferences: { preload: expect.stringMatching(/preload\.cjs$/) as unknown, sandbox: true },
    });
    expect(electron.module.app.setAsDefaultProtocolClient).not.toHaveBeenCalled();
  });

  it('gives the page the link the app was launched with', async () => {
    await expect(invoke('app:takeNavigation')).resolves.toEqual({
      ok: true,
      value: { kind: 'addFriend', username: 'ada' },
    });
    await expect(invoke('app:takeNavigation')).resolves.toEqual({ ok: true, value: null });
  });

  it('reports the updater as disabled in a development run', async () => {
    await expect(invoke('update:state')).resolves.toMatchObject({
      ok: true,
      value: { status: 'disabled', currentVersion: '0.1.0', channel: 'stable' },
    });
  });

  it('hands a second launch link to the page and brings the window up', async () => {
    window().visible = false;
    window().webContents.send.mockClear();
    emit('second-instance', {}, ['tidings', 'tidings://conversation/d:a:b'], '/', {
      deepLink: 'tidings://conversation/d:a:b',
    });
    expect(window().visible).toBe(true);
    expect(window().webContents.send).toHaveBeenCalledWith('app:navigationRequested', {});
    await expect(invoke('app:takeNavigation')).resolves.toEqual({
      ok: true,
      value: { kind: 'conversation', conversationId: 'd:a:b' },
    });
  });

  it('handles macOS open-url, ignoring links it cannot parse', async () => {
    const good = { preventDefault: vi.fn() };
    emit('open-url', good, 'tidings://add-friend/grace');
    expect(good.preventDefault).toHaveBeenCalledOnce();
    const bad = { preventDefault: vi.fn() };
    emit('open-url', bad, 'tidings://add-friend/../../etc');
    await expect(invoke('app:takeNavigation')).resolves.toEqual({
      ok: true,
      value: { kind: 'addFriend', username: 'grace' },
    });
  });

  it('notifies about new messages while the window is not focused; a click opens the conversation', async () => {
    window().focused = false;
    engine.emit(
      engineEvent('conversations:changed', {
        conversations: [conversation('d:a:c', { unread: 2, title: 'Grace', preview: 'Lunch?' })],
      }),
    );
    const shown = electron.notifications.at(-1);
    expect(shown?.options).toMatchObject({ title: 'Grace', body: 'Lunch?' });
    expect(electron.trays[0]?.setToolTip).toHaveBeenLastCalledWith('Tidings — 2 unread messages');
    shown?.listeners.get('click')?.();
    await expect(invoke('app:takeNavigation')).resolves.toEqual({
      ok: true,
      value: { kind: 'conversation', conversationId: 'd:a:c' },
    });
  });

  it('forwards sleep and wake to the engine', () => {
    for (const listener of electron.powerListeners.get('suspend') ?? []) listener();
    for (const listener of electron.powerListeners.get('resume') ?? []) listener();
    expect(engine.host.notifySystem).toHaveBeenCalledWith('suspend');
    expect(engine.host.notifySystem).toHaveBeenCalledWith('resume');
  });

  it('hides the window on close while running', () => {
    window().visible = true;
    let prevented = false;
    for (const listener of window().listeners.get('close') ?? [])
      listener({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(window().visible).toBe(false);
  });

  it('holds the first quit until the engine closed, then quits and lets the window close', async () => {
    const first = { preventDefault: vi.fn() };
    emit('before-quit', first);
    expect(first.preventDefault).toHaveBeenCalledOnce();
    expect(engine.host.close).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(electron.module.app.quit).toHaveBeenCalledOnce());
    const second = { preventDefault: vi.fn() };
    emit('before-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
    let prevented = false;
    for (const listener of window().listeners.get('close') ?? [])
      listener({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(false);
  });

  it('asks to delay a system shutdown and quits', () => {
    const event = { preventDefault: vi.fn() };
    electron.module.app.quit.mockClear();
    for (const listener of electron.powerListeners.get('shutdown') ?? []) listener(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(electron.module.app.quit).toHaveBeenCalledOnce();
  });
});
