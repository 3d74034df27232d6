import type { UpdateState } from '../../shared/ipc/channels/update';
import type { Settings } from '../../shared/ipc/models';

export const defaultSettings: Settings = {
  notifications: { enabled: true, sound: true, showPreview: true },
  doNotDisturb: { enabled: false, from: '22:00', to: '07:00' },
  sendKey: 'enter',
  theme: 'system',
  language: 'en',
  startAtLogin: false,
  updateChannel: 'stable',
};

export const idleUpdate: UpdateState = {
  status: 'idle',
  currentVersion: '1.2.3',
  channel: 'stable',
  lastCheckedAt: null,
  available: null,
  progress: null,
  error: null,
  reason: null,
};

/** Applies a settings patch the way the engine does (nested objects merged). */
export function applyPatch(settings: Settings, patch: Partial<Record<keyof Settings, unknown>>): Settings {
  const next: Record<string, unknown> = { ...settings };
  for (const [key, value] of Object.entries(patch)) {
    const current = next[key];
    next[key] =
      typeof value === 'object' && value !== null && typeof current === 'object' && current !== null
        ? { ...current, ...value }
        : value;
  }
  return next as Settings;
}
