import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';

export const repoRoot = path.resolve(__dirname, '../..');

export type ServerProcess = Readonly<{
  /** Base HTTP URL, e.g. http://127.0.0.1:40123 */
  url: string;
  /** WebSocket gateway URL, e.g. ws://127.0.0.1:40123/websocket */
  wsUrl: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Output so far (stdout and stderr), for assertions and failure messages. */
  output(): string;
  /** SIGTERM and wait for exit; resolves to the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL (kill -9) and wait for exit. */
  kill(): Promise<void>;
}>;

export type StartServerOptions = Readonly<{
  dataDir?: string;
  /** Reuse a port (to restart a killed server at the same address). 0 = any free port. */
  port?: number;
  args?: readonly string[];
  env?: Readonly<Record<string, string>>;
  /** Deadline for the "listening" line. */
  timeoutMs?: number;
}>;

/** Makes a fresh temporary directory that the caller owns. */
export function tempDir(prefix = 'tidings-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Starts the real server (`dist/server/main.mjs`, built by the test setup) on 127.0.0.1 and
 * waits for the line it prints when it listens.
 */
export async function startServer(options: StartServerOptions = {}): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? tempDir('tidings-server-');
  const child = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'dist/server/main.mjs'),
      '--host',
      '127.0.0.1',
      '--port',
      String(options.port ?? 0),
      '--data-dir',
      dataDir,
      ...(options.args ?? []),
    ],
    { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (output += chunk));
  child.stderr.on('data', (chunk: string) => (output += chunk));
  const exited = once(child, 'exit');

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start within deadline:\n${output}`)),
      options.timeoutMs ?? 30_000,
    );
    const check = (): void => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
  const port = Number(new URL(url).port);
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}/websocket`,
    port,
    dataDir,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Polls `check` until it returns a truthy value or the deadline passes. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  { timeoutMs = 20_000, intervalMs = 25, what = 'condition' } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const reason = last instanceof Error ? `: ${last.message}` : '';
      throw new Error(`timed out waiting for ${what}${reason}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
