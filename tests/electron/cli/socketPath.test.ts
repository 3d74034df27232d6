import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineSocketPath } from '../../../electron/cli/socketPath';

describe('engine socket path', () => {
  it('lives in the data dir when the path is short enough for a Unix socket', () => {
    expect(engineSocketPath('/home/a/.tidings', 'linux')).toBe('/home/a/.tidings/engine.sock');
  });

  it('moves to the temp folder, under a name derived from the data dir, when it would be too long', () => {
    const long = `/home/${'x'.repeat(120)}/.tidings`;
    const socket = engineSocketPath(long, 'darwin');
    expect(path.dirname(socket)).toBe(os.tmpdir());
    expect(socket).toMatch(/tidings-[0-9a-f]{16}\.sock$/);
    expect(engineSocketPath(long, 'darwin')).toBe(socket);
    expect(engineSocketPath(`${long}2`, 'darwin')).not.toBe(socket);
  });

  it('is a named pipe on Windows', () => {
    expect(engineSocketPath('C:\\Users\\a\\.tidings', 'win32')).toMatch(
      /^\\\\\.\\pipe\\tidings-[0-9a-f]{16}$/,
    );
  });
});
