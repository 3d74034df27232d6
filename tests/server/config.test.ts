import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultConfig,
  defaultTimings,
  parseCommandLine,
  type CommandLine,
  type ServerConfig,
} from '../../server/config';

const cwd = '/srv/tidings';
const noFile = (): string => {
  throw new Error('ENOENT: no such file');
};

function config(result: CommandLine): ServerConfig {
  if (result.kind !== 'run') throw new Error(`expected a config, got ${JSON.stringify(result)}`);
  return result.config;
}

describe('parseCommandLine', () => {
  it('uses the defaults', () => {
    expect(config(parseCommandLine([], {}, cwd, noFile))).toEqual(defaultConfig(cwd));
    expect(defaultConfig(cwd)).toMatchObject({
      host: '127.0.0.1',
      port: 7700,
      dataDir: path.join(cwd, 'data'),
    });
    expect(defaultTimings).toMatchObject({
      loginDeadlineMs: 10_000,
      idleExpiryMs: 20_000,
      pushRetryMs: 3_000,
    });
  });

  it('reads the environment, and flags win over it', () => {
    const env = {
      TIDINGS_HOST: '0.0.0.0',
      TIDINGS_PORT: '8000',
      TIDINGS_DATA_DIR: 'env-data',
      TIDINGS_LOG_LEVEL: 'warn',
    };
    expect(config(parseCommandLine([], env, cwd, noFile))).toMatchObject({
      host: '0.0.0.0',
      port: 8000,
      dataDir: path.join(cwd, 'env-data'),
      logLevel: 'warn',
    });
    expect(
      config(
        parseCommandLine(
          ['--host', '::1', '--port=0', '--data-dir', '/abs/data', '--log-level', 'debug'],
          env,
          cwd,
          noFile,
        ),
      ),
    ).toMatchObject({ host: '::1', port: 0, dataDir: '/abs/data', logLevel: 'debug' });
  });

  it('treats empty environment variables as unset', () => {
    expect(config(parseCommandLine([], { TIDINGS_PORT: '' }, cwd, noFile)).port).toBe(7700);
  });

  it('merges a config file below flags and environment', () => {
    const file = JSON.stringify({
      port: 9000,
      host: 'file-host',
      timings: { idleExpiryMs: 500 },
      batchMaxMessages: 8,
    });
    const read = (name: string): string => {
      expect(name).toBe(path.join(cwd, 'conf.json'));
      return file;
    };
    const fromFile = config(parseCommandLine(['--config', 'conf.json'], {}, cwd, read));
    expect(fromFile).toMatchObject({ port: 9000, host: 'file-host', batchMaxMessages: 8 });
    expect(fromFile.timings).toEqual({ ...defaultTimings, idleExpiryMs: 500 });
    expect(
      config(parseCommandLine(['--config', 'conf.json', '--port', '1'], { TIDINGS_HOST: 'h' }, cwd, read)),
    ).toMatchObject({
      port: 1,
      host: 'h',
    });
    expect(config(parseCommandLine([], { TIDINGS_CONFIG: 'conf.json' }, cwd, read)).port).toBe(9000);
  });

  it.each([
    [['--port', '-1'], /--port needs a value|--port must be/],
    [['--port', '1.5'], /--port must be a port number/],
    [['--port', '65536'], /--port must be a port number/],
    [['--host'], /--host needs a value/],
    [['--host='], /--host needs a value/],
    [['--port', '--host', 'x'], /--port needs a value/],
    [['serve'], /unknown option "serve"/],
    [['--log-level', 'trace'], /--log-level must be one of/],
  ])('refuses %j', (argv, message) => {
    const result = parseCommandLine(argv, {}, cwd, noFile);
    expect(result.kind).toBe('error');
    expect(result.kind === 'error' && result.message).toMatch(message);
  });

  it.each([
    ['not JSON', '{port:', /not valid JSON/],
    ['an unknown key', '{"prot": 1}', /config file/],
    ['a wrong type', '{"timings": {"pushRetryMs": "fast"}}', /timings\.pushRetryMs/],
    ['a negative timing', '{"timings": {"idleExpiryMs": -1}}', /timings\.idleExpiryMs/],
  ])('refuses a config file with %s', (_, text, message) => {
    const result = parseCommandLine(['--config', 'c.json'], {}, cwd, () => text);
    expect(result.kind === 'error' && result.message).toMatch(message);
  });

  it('reports a missing config file', () => {
    const result = parseCommandLine(['--config', 'missing.json'], {}, cwd, noFile);
    expect(result.kind === 'error' && result.message).toMatch(/cannot read config file/);
  });

  it('asks for help', () => {
    expect(parseCommandLine(['--port', '1', '-h'], {}, cwd, noFile).kind).toBe('help');
  });
});
