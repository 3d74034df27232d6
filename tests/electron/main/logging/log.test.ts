import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appLog,
  configureLogging,
  currentLogFile,
  errorText,
  logError,
  logFileFor,
  logInfo,
  logWarning,
} from '../../../../electron/main/logging/log';
import { useTempDirs } from '../helpers/tempDirs';

const newDir = useTempDirs('tidings-log-');

describe('app log', () => {
  it('writes nothing to disk before the profile folder is known', () => {
    expect(currentLogFile()).toBeNull();
    expect(appLog.transports.file.level).toBe(false);
  });

  it('writes info and above to <userData>/logs/main.log, private to the user', () => {
    const userData = newDir();
    const file = configureLogging({ userDataDir: userData, isPackaged: true });
    expect(file).toBe(path.join(userData, 'logs', 'main.log'));
    expect(logFileFor(userData)).toBe(file);
    expect(currentLogFile()).toBe(file);
    expect(appLog.transports.console.level).toBe(false);

    appLog.debug('too-detailed');
    logInfo('started', { version: '1.0.0' });
    logWarning('secret-store-weak', 'no keyring', { backend: 'basic_text' });
    logError('update-failed', new TypeError('socket hang up'), { attempt: 2 });
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('started');
    expect(text).toContain("version: '1.0.0'");
    expect(text).toMatch(/\[warn\].*secret-store-weak.*no keyring/);
    expect(text).toMatch(/\[error\].*update-failed.*TypeError: socket hang up/);
    expect(text).not.toContain('too-detailed');
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('prints warnings on the console in development', () => {
    configureLogging({ userDataDir: newDir(), isPackaged: false });
    expect(appLog.transports.console.level).toBe('warn');
    appLog.transports.console.level = false;
  });

  it('describes anything thrown in one line', () => {
    expect(errorText(new RangeError('out'))).toBe('RangeError: out');
    expect(errorText('plain')).toBe('plain');
    expect(errorText(42)).toBe('42');
  });
});
