import { describe, expect, it, vi } from 'vitest';
import { channelNames, eventNames } from '../../../shared/ipc';

type IpcListener = (event: unknown, payload: unknown) => void;

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn((_key: string, _api: unknown) => {}) },
  ipcRenderer: {
    invoke: vi.fn((_channel: string, _request: unknown): Promise<unknown> =>
      Promise.resolve({ ok: true, value: null }),
    ),
    on: vi.fn((_event: string, _listener: IpcListener) => {}),
    removeListener: vi.fn((_event: string, _listener: IpcListener) => {}),
  },
}));
vi.mock('electron', () => electron);

await import('../../../electron/preload/preload');

function exposed(): Record<string, Record<string, unknown>> {
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  expect(key).toBe('tidings');
  return api as Record<string, Record<string, unknown>>;
}

const capitalized = (verb: string): string => verb.charAt(0).toUpperCase() + verb.slice(1);

describe('preload', () => {
  it('exposes a frozen object of named functions, one per channel and event, and nothing else', () => {
    const api = exposed();
    expect(Object.isFrozen(api)).toBe(true);
    const names: string[] = [];
    for (const [domain, members] of Object.entries(api)) {
      expect(Object.isFrozen(members), domain).toBe(true);
      for (const [name, member] of Object.entries(members)) {
        expect(typeof member, `${domain}.${name}`).toBe('function');
        names.push(`${domain}.${name}`);
      }
    }
    const expected = [
      ...channelNames.map((channel) => channel.replace(':', '.')),
      ...eventNames.map((event) => {
        const [domain = '', verb = ''] = event.split(':');
        return `${domain}.on${capitalized(verb)}`;
      }),
    ];
    expect(names.sort()).toEqual(expected.sort());
    expect(Object.keys(api)).not.toContain('invoke');
    expect(Object.keys(api)).not.toContain('ipcRenderer');
  });

  it('invokes the named channel with the request and returns the validated reply', async () => {
    const api = exposed();
    const current = api.auth?.current as (request: object) => Promise<unknown>;
    await expect(current({})).resolves.toEqual({ ok: true, value: null });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('auth:current', {});
  });

  it('subscribes to events without handing the IPC event to the page, and unsubscribes', () => {
    const api = exposed();
    const onChanged = api.conversations?.onChanged as (listener: (...args: unknown[]) => void) => () => void;
    const listener = vi.fn();
    const unsubscribe = onChanged(listener);
    const [event, handler] = electron.ipcRenderer.on.mock.calls.at(-1) ?? [];
    expect(event).toBe('conversations:changed');
    if (!handler) throw new Error('no ipcRenderer listener');
    handler({ sender: 'ipcRenderer itself' }, { conversations: [] });
    expect(listener).toHaveBeenCalledWith({ conversations: [] });
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('conversations:changed', handler);
  });
});
