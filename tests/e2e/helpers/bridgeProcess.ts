import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { repoRoot } from '../../helpers/serverProcess';

export type BridgeProcess = Readonly<{
  /** The address the host printed, token included: what a user would open. */
  pageUrl: string;
  origin: string;
  dataDir: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM and wait; resolves to the exit code. */
  stop(): Promise<number | null>;
}>;

const LISTENING = /Tidings bridge listening on (http:\/\/127\.0\.0\.1:\d+)\/\?token=([A-Za-z0-9_-]+)/;

/** Starts `node dist/bridge/main.mjs` like a developer would and waits for its listening line. */
export async function startBridge(
  options: Readonly<{ dataDir: string; timeoutMs?: number; staticDir?: string; downloadsDir?: string }>,
): Promise<BridgeProcess> {
  const child = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'dist/bridge/main.mjs'),
      '--data-dir',
      options.dataDir,
      '--port',
      '0',
      ...(options.staticDir ? ['--static', options.staticDir] : []),
      ...(options.downloadsDir ? ['--downloads-dir', options.downloadsDir] : []),
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (output += chunk));
  child.stderr.on('data', (chunk: string) => (output += chunk));
  const exited = once(child, 'exit');

  const [origin, token] = await new Promise<[string, string]>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`bridge host did not start within the deadline:\n${output}`)),
      options.timeoutMs ?? 30_000,
    );
    const check = (): void => {
      const match = LISTENING.exec(output);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve([match[1], match[2]]);
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bridge host exited with ${code} before listening:\n${output}`));
    });
  });

  return {
    pageUrl: `${origin}/?token=${token}`,
    origin,
    dataDir: options.dataDir,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}
