import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseCommand, UsageError } from '../../../electron/cli/args';

const env = {};

describe('tidings command line', () => {
  it('parses each command with its options', () => {
    expect(
      parseCommand(
        ['login', '--server', 'http://h:1', '--user', 'alice', '--password', 'pw', '--data-dir', 'd'],
        env,
      ),
    ).toEqual({
      kind: 'login',
      server: 'http://h:1',
      user: 'alice',
      password: 'pw',
      dataDir: path.resolve('d'),
      json: false,
      verbose: false,
      timeoutMs: 30_000,
    });
    expect(
      parseCommand(
        [
          'login',
          '--mobileimsdk',
          '--server',
          'ws://h:3000/websocket',
          '--user',
          '42',
          '--token',
          't',
          '--sense-mode',
          '10S',
        ],
        env,
      ),
    ).toMatchObject({ kind: 'login-basic', user: '42', token: 't', senseMode: '10S' });
    expect(parseCommand(['login', '--mobileimsdk', '--server', 'ws://h', '--user', '42'], env)).toMatchObject(
      {
        senseMode: '5S',
        token: '',
      },
    );
    expect(parseCommand(['send', 'bob', 'hello there', '--timeout', '5'], env)).toMatchObject({
      kind: 'send',
      to: 'bob',
      text: 'hello there',
      timeoutMs: 5_000,
    });
    expect(parseCommand(['listen', '--json'], env)).toMatchObject({ kind: 'listen', json: true });
    expect(parseCommand(['history', 'bob', '--limit', '7', '--json'], env)).toMatchObject({
      kind: 'history',
      with: 'bob',
      limit: 7,
    });
    expect(parseCommand(['sync'], env)).toMatchObject({ kind: 'sync' });
    expect(parseCommand(['logout'], env)).toMatchObject({ kind: 'logout' });
    expect(
      parseCommand(['register', '--server', 'http://h', '--user', 'zoe', '--password', 'pw'], env),
    ).toMatchObject({
      kind: 'register',
      displayName: 'zoe',
    });
    expect(parseCommand([], env)).toEqual({ kind: 'help' });
    expect(parseCommand(['send', '--help'], env)).toEqual({ kind: 'help' });
  });

  it('takes the password and the data dir from the environment', () => {
    expect(
      parseCommand(['login', '--server', 'http://h', '--user', 'a'], {
        TIDINGS_PASSWORD: 'from-env',
        TIDINGS_DATA_DIR: '/tmp/x',
      }),
    ).toMatchObject({ password: 'from-env', dataDir: path.resolve('/tmp/x') });
    expect(defaultDataDir({})).toBe(path.join(os.homedir(), '.tidings'));
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['login', '--user', 'a', '--password', 'b'], /--server is required/],
    [['login', '--server', 'http://h', '--user', 'a'], /--password is required/],
    [
      ['login', '--mobileimsdk', '--server', 'ws://h', '--user', 'a', '--sense-mode', '7S'],
      /--sense-mode must be one of/,
    ],
    [['send', 'bob'], /<text> is required/],
    [['send', 'bob', 'hi', 'extra'], /unexpected argument "extra"/],
    [['history', 'bob', '--limit', '0'], /--limit must be a whole number/],
    [['sync', '--timeout', 'soon'], /--timeout must be a whole number/],
    [['listen', '--bogus'], /bogus/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseCommand(argv, env)).toThrow(UsageError);
    expect(() => parseCommand(argv, env)).toThrow(message);
  });
});
