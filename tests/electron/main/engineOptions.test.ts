import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SQLITE_BINDING_ENV, desktopEngineOptions } from '../../../electron/main/engineOptions';
import { SQLITE_BINDING_ENV as STARTER_ENV, electronBindingPath } from '../../../scripts/electronNative.mjs';

const userDataDir = path.resolve('/home/u/.config/Tidings Dev');
const binding = path.resolve(
  '/repo/.native-electron/45.5.0/better-sqlite3-12.11.1-linux-x64/better_sqlite3.node',
);

describe('desktopEngineOptions', () => {
  it('keeps the data below userData/data', () => {
    expect(desktopEngineOptions({ userDataDir, isPackaged: true, env: {} })).toEqual({
      dataDir: path.join(userDataDir, 'data'),
    });
  });

  it('passes the Electron build of better-sqlite3 in development', () => {
    const options = desktopEngineOptions({
      userDataDir,
      isPackaged: false,
      env: { [SQLITE_BINDING_ENV]: binding },
    });
    expect(options.sqliteNativeBinding).toBe(binding);
  });

  it('ignores the variable in a packaged app, and when empty or relative', () => {
    expect(
      desktopEngineOptions({ userDataDir, isPackaged: true, env: { [SQLITE_BINDING_ENV]: binding } }),
    ).not.toHaveProperty('sqliteNativeBinding');
    for (const value of ['', '   ', 'relative/better_sqlite3.node']) {
      expect(
        desktopEngineOptions({ userDataDir, isPackaged: false, env: { [SQLITE_BINDING_ENV]: value } }),
      ).not.toHaveProperty('sqliteNativeBinding');
    }
  });

  it('reads the same variable scripts/start.mjs sets', () => {
    expect(STARTER_ENV).toBe(SQLITE_BINDING_ENV);
  });
});

describe('electronBindingPath', () => {
  it('keys the Electron build by every input that changes the binary', () => {
    const base = {
      root: '/repo',
      electronVersion: '45.5.0',
      moduleVersion: '12.11.1',
      platform: 'linux',
      arch: 'x64',
    };
    const at = electronBindingPath(base);
    expect(at).toBe(
      path.join(
        '/repo',
        '.native-electron',
        '45.5.0',
        'better-sqlite3-12.11.1-linux-x64',
        'better_sqlite3.node',
      ),
    );
    for (const change of [
      { electronVersion: '46.0.0' },
      { moduleVersion: '12.12.0' },
      { platform: 'darwin' },
      { arch: 'arm64' },
    ]) {
      expect(electronBindingPath({ ...base, ...change })).not.toBe(at);
    }
  });
});
