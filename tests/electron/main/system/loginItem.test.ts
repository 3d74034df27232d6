import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIDDEN_ARG, desktopExecArg, loginItemPlan } from '../../../../electron/main/system/loginItem';

const base = { execPath: '/opt/Tidings/tidings', env: {}, homeDir: '/home/ada' };

describe('loginItemPlan', () => {
  it('uses login items on Windows (starting hidden) and macOS', () => {
    expect(loginItemPlan({ ...base, enabled: true, platform: 'win32' })).toEqual({
      kind: 'login-item',
      openAtLogin: true,
      args: [HIDDEN_ARG],
    });
    expect(loginItemPlan({ ...base, enabled: false, platform: 'darwin' })).toEqual({
      kind: 'login-item',
      openAtLogin: false,
      args: [],
    });
  });

  it('writes an XDG autostart entry on Linux, and removes it when disabled', () => {
    const on = loginItemPlan({ ...base, enabled: true, platform: 'linux' });
    expect(on.kind).toBe('autostart');
    if (on.kind !== 'autostart') return;
    expect(on.file).toBe(path.join('/home/ada', '.config', 'autostart', 'tidings.desktop'));
    expect(on.content).toContain('[Desktop Entry]');
    expect(on.content).toContain(`Exec=/opt/Tidings/tidings ${HIDDEN_ARG}`);
    expect(loginItemPlan({ ...base, enabled: false, platform: 'linux' })).toEqual({
      kind: 'autostart',
      file: on.file,
      content: null,
    });
  });

  it('honours XDG_CONFIG_HOME and points an AppImage entry at the AppImage file', () => {
    const plan = loginItemPlan({
      ...base,
      enabled: true,
      platform: 'linux',
      env: { XDG_CONFIG_HOME: '/cfg', APPIMAGE: '/home/ada/Apps/Tidings 1.0.AppImage' },
    });
    if (plan.kind !== 'autostart') throw new Error('expected an autostart plan');
    expect(plan.file).toBe(path.join('/cfg', 'autostart', 'tidings.desktop'));
    expect(plan.content).toContain(`Exec="/home/ada/Apps/Tidings 1.0.AppImage" ${HIDDEN_ARG}`);
  });
});

describe('desktopExecArg', () => {
  it('quotes what the Desktop Entry spec reserves', () => {
    expect(desktopExecArg('/usr/bin/tidings')).toBe('/usr/bin/tidings');
    expect(desktopExecArg('/a b/c')).toBe('"/a b/c"');
    expect(desktopExecArg('/a"b$c`d\\e')).toBe('"/a\\"b\\$c\\`d\\\\e"');
  });
});
