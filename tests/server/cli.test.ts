import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, startServer, tempDir, waitFor } from '../helpers/serverProcess';
import { api } from './helpers/api';
import { configArgs } from './helpers/serverFiles';
import { TestClient } from './helpers/wsClient';

const serverMain = path.join(repoRoot, 'dist/server/main.mjs');

type Run = Readonly<{ code: number | null; stdout: string; stderr: string }>;

/** Runs the server to completion (for options that must make it exit at once). */
function run(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [serverMain, ...args], {
      env: { ...process.env, TIDINGS_DATA_DIR: tempDir('tidings-cli-'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not exit:\n${stdout}${stderr}`));
    }, 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('command line', () => {
  it.each([
    [['--port', 'abc'], /--port must be a port number/],
    [['--port', '70000'], /--port must be a port number/],
    [['--port'], /--port needs a value/],
    [['--bogus'], /unknown option "--bogus"/],
    [['--log-level', 'loud'], /--log-level must be one of/],
    [['--config', '/nonexistent/tidings.json'], /cannot read config file/],
    [['--admin-token', 'too-short'], /--admin-token must be 16 to 512 printable characters/],
    [['--allowed-origins', 'https://ok.example,*'], /--allowed-origins: "\*" is not an origin/],
  ])('%j exits 1 with a clear message', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('rejects a config file with an unknown key', async () => {
    const result = await run(configArgs({ timings: { loginDeadlinMs: 5 } }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/config file .*timings/);
  });

  it('rejects a bad TIDINGS_PORT, but a --port flag wins over it', async () => {
    const bad = await run([], { TIDINGS_PORT: 'eighty' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/TIDINGS_PORT must be a port number/);
    const server = await startServer({ env: { TIDINGS_PORT: 'eighty' } });
    expect((await api(server.url, 'GET', '/healthz')).status).toBe(200);
    expect(await server.stop()).toBe(0);
  });

  it('takes the admin token from the flag over the environment over the config file', async () => {
    const tokens = {
      file: 'file-admin-token-0001',
      env: 'env-admin-token-00001',
      flag: 'flag-admin-token-0001',
    };
    /** 404 user-not-found means the admin token was accepted; 401 that it was not. */
    const accepted = async (url: string, token: string): Promise<boolean> => {
      const response = await api(url, 'POST', '/api/admin/kick', { token, body: { userId: '999999' } });
      expect([401, 404]).toContain(response.status);
      return response.status === 404;
    };
    const file = configArgs({ adminToken: tokens.file });
    const fromFile = await startServer({ args: file });
    const fromEnv = await startServer({ args: file, env: { TIDINGS_ADMIN_TOKEN: tokens.env } });
    const fromFlag = await startServer({
      args: [...file, '--admin-token', tokens.flag],
      env: { TIDINGS_ADMIN_TOKEN: tokens.env },
    });
    try {
      expect([await accepted(fromFile.url, tokens.file), await accepted(fromFile.url, tokens.env)]).toEqual([
        true,
        false,
      ]);
      expect([await accepted(fromEnv.url, tokens.env), await accepted(fromEnv.url, tokens.file)]).toEqual([
        true,
        false,
      ]);
      expect([await accepted(fromFlag.url, tokens.flag), await accepted(fromFlag.url, tokens.env)]).toEqual([
        true,
        false,
      ]);
      // The token itself never reaches the logs.
      for (const server of [fromFile, fromEnv, fromFlag])
        for (const token of Object.values(tokens)) expect(server.output()).not.toContain(token);
    } finally {
      for (const server of [fromFile, fromEnv, fromFlag]) expect(await server.stop()).toBe(0);
    }
  });

  it('--help prints the options and exits 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    for (const option of ['--data-dir', '--admin-token', '--allowed-origins', '--config'])
      expect(result.stdout).toContain(option);
  });

  it('exits 1 when the port is taken', async () => {
    const first = await startServer();
    const second = await run(['--host', '127.0.0.1', '--port', String(first.port)]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/EADDRINUSE/);
    expect(await first.stop()).toBe(0);
  });

  it('runs from environment variables alone, prints one stdout line, and stops on SIGINT', async () => {
    const dataDir = path.join(tempDir('tidings-env-'), 'nested', 'data');
    const child = spawn(process.execPath, [serverMain], {
      env: { ...process.env, TIDINGS_HOST: '127.0.0.1', TIDINGS_PORT: '0', TIDINGS_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.resume();
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = await waitFor(() => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1], {
        what: 'listening line',
      });
      expect(stdout).toBe(`Tidings server listening on ${url}\n`);
      expect(fs.existsSync(path.join(dataDir, 'tidings.db'))).toBe(true);
      const client = await TestClient.connect(`${url.replace('http', 'ws')}/websocket`);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect((await client.waitClosed()).code).toBe(1001);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
