import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../helpers/tempDirs';

const electron = vi.hoisted(() => ({
  app: { isPackaged: true, setLoginItemSettings: vi.fn() },
}));
vi.mock('electron', () => electron);

const { applyStartAtLogin } = await import('../../../../electron/main/system/startAtLogin');
const newDir = useTempDirs('tidings-autostart-');
const previous = process.env.XDG_CONFIG_HOME;

afterEach(() => {
  if (previous === undefined) delete process.env.XDG_CONFIG_HOME;
  else process.env.XDG_CONFIG_HOME = previous;
  electron.app.isPackaged = true;
});

describe('applyStartAtLogin', () => {
  it('registers with the OS on this platform, and unregisters', async () => {
    const config = newDir();
    process.env.XDG_CONFIG_HOME = config;
    const entry = path.join(config, 'autostart', 'tidings.desktop');
    await applyStartAtLogin(true);
    if (process.platform === 'linux') {
      expect(fs.readFileSync(entry, 'utf8')).toContain('X-GNOME-Autostart-enabled=true');
      await applyStartAtLogin(false);
      expect(fs.existsSync(entry)).toBe(false);
    } else {
      expect(electron.app.setLoginItemSettings).toHaveBeenCalledWith(
        expect.objectContaining({ openAtLogin: true }),
      );
    }
  });

  it('leaves a development run alone', async () => {
    const config = newDir();
    process.env.XDG_CONFIG_HOME = config;
    electron.app.isPackaged = false;
    electron.app.setLoginItemSettings.mockClear();
    await applyStartAtLogin(true);
    expect(fs.existsSync(path.join(config, 'autostart'))).toBe(false);
    expect(electron.app.setLoginItemSettings).not.toHaveBeenCalled();
  });
});
