import { settingsSchema, type Settings, type SettingsPatch } from '../../../shared/ipc';
import type { EngineHost } from '../../core';

/** What the shell starts with until the engine has answered (and if it never does). */
export const defaultSettings: Settings = Object.freeze({
  notifications: Object.freeze({ enabled: true, sound: true, showPreview: true }),
  doNotDisturb: Object.freeze({ enabled: false, from: '22:00', to: '07:00' }),
  sendKey: 'enter',
  theme: 'system',
  language: 'system',
  startAtLogin: false,
  updateChannel: 'stable',
});

export type SettingsSource = Readonly<{
  /** The latest settings the shell knows. */
  current(): Settings;
  /** Called with every change (also the first answer of the engine); returns the unsubscribe. */
  onChange(listener: (settings: Settings) => void): () => void;
  /** Changes settings through the engine, which stores them and announces the change. */
  update(patch: SettingsPatch): Promise<void>;
  /** Reads the settings from the engine again. */
  refresh(): Promise<void>;
}>;

/**
 * The engine's settings as the shell follows them: read with `settings:get`, kept current from
 * `settings:changed`, written with `settings:set`. Answers are validated against the contract
 * here too; a failure keeps the last good settings.
 */
export function createSettingsSource(
  engine: EngineHost,
  onError: (event: string, error: unknown) => void,
): SettingsSource {
  let settings: Settings = defaultSettings;
  const listeners = new Set<(settings: Settings) => void>();
  const accept = (value: unknown): void => {
    const parsed = settingsSchema.safeParse(value);
    if (!parsed.success) return onError('settings-invalid', parsed.error);
    settings = parsed.data;
    for (const listener of listeners) listener(settings);
  };
  engine.onEvent((event) => {
    if (event.name === 'settings:changed') accept(event.payload);
  });
  const call = async (channel: 'settings:get' | 'settings:set', request: unknown): Promise<void> => {
    const result = await engine.dispatch(channel, request);
    if (result.ok) accept(result.value);
    else onError(`${channel}-failed`, new Error(result.error.code));
  };
  return Object.freeze({
    current: () => settings,
    onChange(listener: (settings: Settings) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    update: (patch: SettingsPatch) => call('settings:set', patch),
    refresh: () => call('settings:get', {}),
  });
}
