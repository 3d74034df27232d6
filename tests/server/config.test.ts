import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine, type CommandLine } from '../../server/commandLine';
import { defaultConfig, defaultTimings, type ServerConfig } from '../../server/config';

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

  it('takes the admin token from flag, environment or file, in that order; none means no admin API', () => {
    expect(config(parseCommandLine([], {}, cwd, noFile)).adminToken).toBeNull();
    const file = (): string => JSON.stringify({ adminToken: 'file-token-0123456789' });
    const env = { TIDINGS_ADMIN_TOKEN: 'env-token-0123456789' };
    expect(config(parseCommandLine(['--config', 'c.json'], {}, cwd, file)).adminToken).toBe(
      'file-token-0123456789',
    );
    expect(config(parseCommandLine(['--config', 'c.json'], env, cwd, file)).adminToken).toBe(
      'env-token-0123456789',
    );
    expect(
      config(
        parseCommandLine(['--config', 'c.json', '--admin-token', 'flag-token-0123456789'], env, cwd, file),
      ).adminToken,
    ).toBe('flag-token-0123456789');
  });

  it.each([
    [['--admin-token', 'short'], /--admin-token must be 16 to 512 printable characters/],
    [['--admin-token', 'has a space in it 0123456789'], /--admin-token must be/],
  ])('refuses a weak admin token %j', (argv, message) => {
    const result = parseCommandLine(argv, {}, cwd, noFile);
    expect(result.kind === 'error' && result.message).toMatch(message);
    const fromEnv = parseCommandLine([], { TIDINGS_ADMIN_TOKEN: argv[1] }, cwd, noFile);
    expect(fromEnv.kind === 'error' && fromEnv.message).toMatch(/TIDINGS_ADMIN_TOKEN must be/);
  });

  it('reads allowed origins as a comma-separated list and normalizes them like a browser', () => {
    expect(config(parseCommandLine([], {}, cwd, noFile)).allowedOrigins).toEqual([]);
    const flag = '--allowed-origins=HTTPS://Chat.Example.com:443/, http://localhost:5173,app://tidings';
    expect(config(parseCommandLine([flag], {}, cwd, noFile)).allowedOrigins).toEqual([
      'https://chat.example.com',
      'http://localhost:5173',
      'app://tidings',
    ]);
    const env = { TIDINGS_ALLOWED_ORIGINS: 'https://a.example' };
    const file = (): string => JSON.stringify({ allowedOrigins: ['https://B.example/'] });
    expect(config(parseCommandLine(['--config', 'c.json'], {}, cwd, file)).allowedOrigins).toEqual([
      'https://b.example',
    ]);
    expect(config(parseCommandLine(['--config', 'c.json'], env, cwd, file)).allowedOrigins).toEqual([
      'https://a.example',
    ]);
  });

  it.each(['*', 'https://example.com/path', 'example.com', 'https://user@example.com', 'null'])(
    'refuses %j as an allowed origin, from a flag and from the file',
    (origin) => {
      const result = parseCommandLine(['--allowed-origins', origin], {}, cwd, noFile);
      expect(result.kind === 'error' && result.message).toMatch(/--allowed-origins: .* is not an origin/);
      const file = parseCommandLine(['--config', 'c.json'], {}, cwd, () =>
        JSON.stringify({ allowedOrigins: [origin] }),
      );
      expect(file.kind === 'error' && file.message).toMatch(/allowedOrigins\.0: not an origin/);
    },
  );

  it('reads public URL, TLS files (relative to the working directory), auth and admin limits from the file', () => {
    const file = JSON.stringify({
      publicUrl: 'https://chat.example.com',
      tls: { certFile: 'certs/cert.pem', keyFile: '/etc/tidings/key.pem' },
      auth: { accessTokenTtlSeconds: 60 },
      admin: { bulkMaxUsers: 50 },
      senseMode: '5S',
    });
    const parsed = config(parseCommandLine(['--config', 'c.json'], {}, cwd, () => file));
    expect(parsed).toMatchObject({
      publicUrl: 'https://chat.example.com',
      tls: { certFile: path.join(cwd, 'certs/cert.pem'), keyFile: '/etc/tidings/key.pem' },
      auth: {
        accessTokenTtlSeconds: 60,
        refreshTokenTtlSeconds: defaultConfig(cwd).auth.refreshTokenTtlSeconds,
      },
      admin: { bulkMaxUsers: 50, bodyLimitBytes: defaultConfig(cwd).admin.bodyLimitBytes },
      senseMode: '5S',
    });
    expect(parsed.timings.idleExpiryMs).toBe(11_000);
    expect(defaultConfig(cwd)).toMatchObject({
      adminToken: null,
      publicUrl: null,
      tls: null,
      auth: { accessTokenTtlSeconds: 900 },
    });
  });

  it.each([
    ['a public URL that is not http(s)', { publicUrl: 'ftp://example.com' }, /publicUrl/],
    ['a TLS section without a key', { tls: { certFile: 'c.pem' } }, /tls\.keyFile/],
    ['a zero token lifetime', { auth: { accessTokenTtlSeconds: 0 } }, /auth\.accessTokenTtlSeconds/],
    ['a fractional lifetime', { auth: { refreshTokenTtlSeconds: 1.5 } }, /auth\.refreshTokenTtlSeconds/],
    ['an unknown admin key', { admin: { bulkMax: 1 } }, /admin/],
    ['a short admin token', { adminToken: 'short' }, /adminToken/],
  ])('refuses a config file with %s', (_, value, message) => {
    const result = parseCommandLine(['--config', 'c.json'], {}, cwd, () => JSON.stringify(value));
    expect(result.kind === 'error' && result.message).toMatch(message);
  });

  it('asks for help', () => {
    expect(parseCommandLine(['--port', '1', '-h'], {}, cwd, noFile).kind).toBe('help');
  });
});
