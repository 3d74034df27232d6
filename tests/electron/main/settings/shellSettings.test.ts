import { describe, expect, it, vi } from 'vitest';
import { fail, ok, settingsSchema } from '../../../../shared/ipc';
import type { EngineEvent, EngineHost } from '../../../../electron/core';
import { createSettingsSource, defaultSettings } from '../../../../electron/main/settings/shellSettings';
import { engineEvent } from '../helpers/conversations';

function fakeEngine(reply: (channel: string, request: unknown) => unknown) {
  const listeners = new Set<(event: EngineEvent) => void>();
  const engine: EngineHost = {
    dispatch: vi.fn((channel: string, request: unknown) => Promise.resolve(reply(channel, request) as never)),
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notifySystem: vi.fn(),
    close: vi.fn(async () => {}),
  };
  return { engine, emit: (event: EngineEvent) => listeners.forEach((listener) => listener(event)) };
}

const stored = { ...defaultSettings, startAtLogin: true, updateChannel: 'beta' as const };

describe('settings source', () => {
  it('starts from valid defaults', () => {
    expect(settingsSchema.safeParse(defaultSettings).success).toBe(true);
    const { engine } = fakeEngine(() => ok(stored));
    expect(createSettingsSource(engine, vi.fn()).current()).toEqual(defaultSettings);
  });

  it('reads from the engine, follows its changes, and writes through it', async () => {
    const { engine, emit } = fakeEngine((channel, request) =>
      channel === 'settings:get'
        ? ok(stored)
        : ok({
            ...stored,
            notifications: {
              ...stored.notifications,
              ...(request as { notifications: object }).notifications,
            },
          }),
    );
    const source = createSettingsSource(engine, vi.fn());
    const seen = vi.fn();
    source.onChange(seen);
    await source.refresh();
    expect(source.current()).toEqual(stored);
    await source.update({ notifications: { enabled: false } });
    expect(engine.dispatch).toHaveBeenLastCalledWith('settings:set', { notifications: { enabled: false } });
    expect(source.current().notifications.enabled).toBe(false);
    emit(engineEvent('settings:changed', { ...stored, theme: 'dark' }));
    expect(source.current().theme).toBe('dark');
    expect(seen).toHaveBeenCalledTimes(3);
  });

  it('keeps the last good settings on a failure or an invalid answer', async () => {
    let answer: unknown = fail('not-logged-in');
    const { engine, emit } = fakeEngine(() => answer);
    const onError = vi.fn();
    const source = createSettingsSource(engine, onError);
    await source.refresh();
    answer = ok({ notifications: 'loud' });
    await source.refresh();
    emit(engineEvent('settings:changed', { theme: 'neon' }));
    expect(source.current()).toEqual(defaultSettings);
    expect(onError.mock.calls.map((call: unknown[]) => call[0])).toEqual([
      'settings:get-failed',
      'settings-invalid',
      'settings-invalid',
    ]);
  });
});
