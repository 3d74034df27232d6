import path from 'node:path';
import { settingsSchema, type Settings, type SettingsPatch } from '../../../shared/ipc';
import type { Logger } from '../deps/logger';
import { createSerialQueue, readJsonFile, writeJsonFileAtomic } from './jsonFile';

export const defaultSettings: Settings = Object.freeze({
  notifications: { enabled: true, sound: true, showPreview: true },
  doNotDisturb: { enabled: false, from: '22:00', to: '07:00' },
  sendKey: 'enter',
  theme: 'system',
  language: 'system',
  startAtLogin: false,
  updateChannel: 'stable',
});

export type SettingsFile = Readonly<{
  get(): Promise<Settings>;
  /** Applies the patch and answers the whole settings object. */
  update(patch: SettingsPatch): Promise<Settings>;
}>;

function merge(base: Settings, patch: SettingsPatch): Settings {
  return {
    ...base,
    ...patch,
    notifications: { ...base.notifications, ...patch.notifications },
    doNotDisturb: { ...base.doNotDisturb, ...patch.doNotDisturb },
  };
}

/**
 * The installation's settings in `<dataDir>/settings.json`, readable before any sign-in (the
 * shell needs the theme and start-at-login first). Fields a newer or older version did not
 * write take their defaults, field by field, so one bad value never resets the rest.
 */
export function createSettingsFile(dataDir: string, logger: Logger): SettingsFile {
  const file = path.join(dataDir, 'settings.json');
  const serial = createSerialQueue();

  const read = async (): Promise<Settings> => {
    const stored = await readJsonFile(file);
    if (stored === undefined) return defaultSettings;
    if (stored === 'damaged' || typeof stored.value !== 'object' || stored.value === null) {
      logger.warn('settings.damaged-file');
      return defaultSettings;
    }
    const raw = stored.value as Record<string, unknown>;
    let settings: Settings = defaultSettings;
    for (const key of Object.keys(defaultSettings) as Array<keyof Settings>) {
      const candidate = merge(settings, { [key]: raw[key] });
      if (settingsSchema.safeParse(candidate).success) settings = candidate;
    }
    return settings;
  };

  return Object.freeze({
    get: () => serial(read),
    update: (patch: SettingsPatch) =>
      serial(async () => {
        const next = settingsSchema.parse(merge(await read(), patch));
        await writeJsonFileAtomic(file, next);
        return next;
      }),
  });
}
