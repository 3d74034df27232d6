import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames, isShellChannel, ok, type Result } from '../../../../shared/ipc';
import type { EngineEvent, EngineHost } from '../../../../electron/core';

type Handler = (event: unknown, request: unknown) => Promise<Result<unknown>>;

const electron = vi.hoisted(() => {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    ipcMain: {
      handle: vi.fn((channel: string, handler: Handler) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, handler);
      }),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    },
  };
});
vi.mock('electron', () => ({ ipcMain: electron.ipcMain }));

const { forwardEngineEvents, registerIpcHandlers, sendToWindow } =
  await import('../../../../electron/main/ipc/ipc');

const { appLog } = await import('../../../../electron/main/logging/log');
// The dispatch failure below is logged on purpose; keep it off the test output.
appLog.transports.console.level = false;

const shell = vi.fn((channel: string, request: unknown): Promise<Result<unknown>> =>
  Promise.resolve(ok({ shell: channel, request })),
);

function fakeWindow(url = 'app://tidings/index.html') {
  const mainFrame = { url, parent: null };
  const webContents = { mainFrame, isDestroyed: () => false, send: vi.fn() };
  const window = { webContents, isDestroyed: () => false };
  return { window, webContents, mainFrame, asWindow: window as unknown as BrowserWindow };
}

function fakeEngine() {
  const listeners = new Set<(event: EngineEvent) => void>();
  const engine: EngineHost = {
    dispatch: vi.fn((channel: string, request: unknown) => Promise.resolve(ok({ channel, request }))),
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notifySystem: vi.fn(),
    close: vi.fn(async () => {}),
  };
  const emit = (event: EngineEvent): void => listeners.forEach((listener) => listener(event));
  return { engine, emit, listeners };
}

function handler(channel: string): Handler {
  const found = electron.handlers.get(channel);
  if (!found) throw new Error(`no handler for ${channel}`);
  return found;
}

beforeEach(() => {
  electron.handlers.clear();
  shell.mockClear();
});

describe('registerIpcHandlers', () => {
  it('registers one handler per contract channel and removes them again', () => {
    const { engine } = fakeEngine();
    const remove = registerIpcHandlers(engine, () => null, shell);
    expect([...electron.handlers.keys()].sort()).toEqual([...channelNames].sort());
    remove();
    expect(electron.handlers.size).toBe(0);
  });

  it('dispatches a request from our top frame to the engine and returns its reply', async () => {
    const { engine } = fakeEngine();
    const ours = fakeWindow();
    registerIpcHandlers(engine, () => ours.asWindow, shell);
    const request = { username: 'ada' };
    const reply = await handler('conversations:open')(
      { sender: ours.webContents, senderFrame: ours.mainFrame },
      request,
    );
    expect(engine.dispatch).toHaveBeenCalledWith('conversations:open', request);
    expect(reply).toEqual({ ok: true, value: { channel: 'conversations:open', request } });
  });

  it('answers forbidden-sender to untrusted frames without reaching the engine', async () => {
    const { engine } = fakeEngine();
    const ours = fakeWindow();
    const other = fakeWindow();
    let window: BrowserWindow | null = ours.asWindow;
    registerIpcHandlers(engine, () => window, shell);
    const untrusted = [
      { sender: ours.webContents, senderFrame: { url: 'app://tidings/index.html', parent: ours.mainFrame } },
      { sender: ours.webContents, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: ours.webContents, senderFrame: null },
      { sender: other.webContents, senderFrame: other.mainFrame },
    ];
    for (const event of untrusted) {
      const reply = await handler('auth:current')(event, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    window = null;
    const reply = await handler('auth:current')(
      { sender: ours.webContents, senderFrame: ours.mainFrame },
      {},
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(engine.dispatch).not.toHaveBeenCalled();
  });

  it('refuses page requests that name a path on this computer, without reaching the engine', async () => {
    const { engine } = fakeEngine();
    const ours = fakeWindow();
    registerIpcHandlers(engine, () => ours.asWindow, shell);
    const event = { sender: ours.webContents, senderFrame: ours.mainFrame };
    const send = await handler('files:send')(event, {
      conversationId: 'd:1:2',
      source: { type: 'path', path: '/home/user/.ssh/id_ed25519' },
    });
    const download = await handler('files:download')(event, { messageId: 'm1', dir: '/etc' });
    expect(send).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(download).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(engine.dispatch).not.toHaveBeenCalled();
    const pasted = { conversationId: 'd:1:2', source: { type: 'bytes', name: 'a.png', dataBase64: 'AA==' } };
    await handler('files:send')(event, pasted);
    expect(engine.dispatch).toHaveBeenCalledWith('files:send', pasted);
  });

  it('routes update:* and app:* to the shell and everything else to the engine', async () => {
    const { engine } = fakeEngine();
    const ours = fakeWindow();
    registerIpcHandlers(engine, () => ours.asWindow, shell);
    const from = { sender: ours.webContents, senderFrame: ours.mainFrame };
    expect(channelNames.filter(isShellChannel).sort()).toEqual([
      'app:openExternal',
      'app:openFile',
      'app:revealLogs',
      'app:showFile',
      'app:takeNavigation',
      'update:check',
      'update:download',
      'update:install',
      'update:state',
    ]);
    await expect(handler('update:check')(from, {})).resolves.toEqual(
      ok({ shell: 'update:check', request: {} }),
    );
    await expect(handler('app:takeNavigation')(from, {})).resolves.toEqual(
      ok({ shell: 'app:takeNavigation', request: {} }),
    );
    expect(engine.dispatch).not.toHaveBeenCalled();
    await handler('auth:current')(from, {});
    expect(engine.dispatch).toHaveBeenCalledWith('auth:current', {});
    expect(shell).toHaveBeenCalledTimes(2);
  });

  it('checks the sender of shell channels too', async () => {
    const { engine } = fakeEngine();
    const ours = fakeWindow();
    registerIpcHandlers(engine, () => ours.asWindow, shell);
    const reply = await handler('update:install')(
      { sender: ours.webContents, senderFrame: { url: 'https://evil.example/', parent: null } },
      {},
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(shell).not.toHaveBeenCalled();
  });

  it('turns an engine that throws into an internal error value', async () => {
    const { engine } = fakeEngine();
    vi.mocked(engine.dispatch).mockRejectedValueOnce(new Error('boom'));
    const ours = fakeWindow();
    registerIpcHandlers(engine, () => ours.asWindow, shell);
    const reply = await handler('auth:current')(
      { sender: ours.webContents, senderFrame: ours.mainFrame },
      {},
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('forwardEngineEvents', () => {
  const changed: EngineEvent = { name: 'conversations:changed', payload: { conversations: [] } };

  it('sends engine events to the window on the event name', () => {
    const { engine, emit, listeners } = fakeEngine();
    const ours = fakeWindow();
    const unsubscribe = forwardEngineEvents(engine, () => ours.asWindow);
    emit(changed);
    expect(ours.webContents.send).toHaveBeenCalledWith('conversations:changed', { conversations: [] });
    unsubscribe();
    expect(listeners.size).toBe(0);
  });

  it('drops events while there is no window or it shows a foreign page', () => {
    const { engine, emit } = fakeEngine();
    const foreign = fakeWindow('https://evil.example/');
    let window: BrowserWindow | null = null;
    forwardEngineEvents(engine, () => window);
    emit(changed);
    window = foreign.asWindow;
    emit(changed);
    expect(foreign.webContents.send).not.toHaveBeenCalled();
  });
});

describe('sendToWindow', () => {
  it('sends only to a live window showing our app', () => {
    const ours = fakeWindow();
    sendToWindow(() => ours.asWindow, 'app:navigationRequested', {});
    expect(ours.webContents.send).toHaveBeenCalledWith('app:navigationRequested', {});
    const foreign = fakeWindow('https://evil.example/');
    sendToWindow(() => foreign.asWindow, 'app:navigationRequested', {});
    expect(foreign.webContents.send).not.toHaveBeenCalled();
    expect(() => sendToWindow(() => null, 'app:navigationRequested', {})).not.toThrow();
  });
});
