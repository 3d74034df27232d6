import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineHost } from '../../../../electron/core';
import { createManualTime } from '../../core/helpers/manualTime';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, () => void>();
  return {
    listeners,
    state: { online: true },
    module: {
      net: { isOnline: () => electron.state.online },
      powerMonitor: {
        on: vi.fn((event: string, listener: () => void) => listeners.set(event, listener)),
        off: vi.fn((event: string) => listeners.delete(event)),
      },
    },
  };
});
vi.mock('electron', () => electron.module);

const { forwardSystemEvents } = await import('../../../../electron/main/system/systemEvents');

const engine = (): EngineHost => ({
  dispatch: vi.fn(),
  onEvent: vi.fn(() => () => {}),
  notifySystem: vi.fn(),
  close: vi.fn(async () => {}),
});

afterEach(() => {
  electron.state.online = true;
});

describe('forwardSystemEvents', () => {
  it('forwards sleep, wake and network changes to the engine, and stops', () => {
    const time = createManualTime();
    const host = engine();
    const stop = forwardSystemEvents(host, time);
    electron.listeners.get('suspend')?.();
    electron.state.online = false;
    electron.listeners.get('resume')?.();
    expect(vi.mocked(host.notifySystem).mock.calls.map(([event]) => event)).toEqual([
      'suspend',
      'resume',
      'offline',
    ]);
    electron.state.online = true;
    time.advance(60_000);
    expect(host.notifySystem).toHaveBeenLastCalledWith('online');
    stop();
    expect(electron.listeners.size).toBe(0);
    expect(time.pending()).toBe(0);
  });
});
