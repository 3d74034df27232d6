import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBridgeArgs } from '../../../electron/bridge/args';

const defaultStatic = '/opt/tidings/dist/renderer-bridge';

describe('parseBridgeArgs', () => {
  it('needs a data dir and defaults to any free port and the bundled renderer build', () => {
    expect(parseBridgeArgs(['--data-dir', 'some/dir'], defaultStatic)).toEqual({
      dataDir: path.resolve('some/dir'),
      port: 0,
      staticDir: defaultStatic,
    });
  });

  it('takes a port and a static folder', () => {
    const args = parseBridgeArgs(['--data-dir', '/d', '--port', '8123', '--static', '/s'], defaultStatic);
    expect(args).toEqual({ dataDir: '/d', port: 8123, staticDir: '/s' });
  });

  it('takes a downloads folder, resolved', () => {
    const args = parseBridgeArgs(['--data-dir', '/d', '--downloads-dir', 'dl'], defaultStatic);
    expect(args.downloadsDir).toBe(path.resolve('dl'));
  });

  it.each([
    [[], /--data-dir is required/],
    [['--data-dir', '/d', '--port', 'x'], /--port must be/],
    [['--data-dir', '/d', '--port', '70000'], /--port must be/],
    [['--data-dir', '/d', '--bogus'], /bogus/],
    [['--data-dir', '/d', 'extra'], /extra|positional/i],
  ])('rejects %j', (argv, message) => {
    expect(() => parseBridgeArgs(argv, defaultStatic)).toThrow(message);
  });
});
