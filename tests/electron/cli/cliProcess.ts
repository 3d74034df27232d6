import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { repoRoot, waitFor } from '../../helpers/serverProcess';

const cliMain = path.join(repoRoot, 'dist/cli/main.mjs');

export type CliRun = Readonly<{ code: number | null; stdout: string; stderr: string }>;

/** Runs `tidings <args>` (the built CLI, as a user would) to completion. */
export function runCli(
  args: readonly string[],
  options: Readonly<{ env?: Record<string, string>; timeoutMs?: number }> = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliMain, ...args], {
      env: { ...process.env, TIDINGS_DATA_DIR: '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`tidings ${args.join(' ')} did not exit:\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export type CliProcess = Readonly<{
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Lines of stdout parsed as JSON (for --json). */
  records(): Array<Record<string, unknown>>;
  waitForRecord(
    predicate: (r: Record<string, unknown>) => boolean,
    what: string,
  ): Promise<Record<string, unknown>>;
  /** SIGINT and wait for the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL (kill -9) and wait. */
  kill(): Promise<void>;
}>;

/** Starts a long-running `tidings <args>` (listen, or a send to kill mid-way). */
export function startCli(args: readonly string[], env: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, [cliMain, ...args], {
    env: { ...process.env, TIDINGS_DATA_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit');
  const records = (): Array<Record<string, unknown>> =>
    stdout
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    records,
    waitForRecord: (predicate, what) => waitFor(() => records().find(predicate), { what, timeoutMs: 30_000 }),
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGINT');
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
