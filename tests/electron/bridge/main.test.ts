import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir, waitFor } from '../../helpers/serverProcess';

const entry = path.join(repoRoot, 'dist/bridge/main.mjs');
const dirs: string[] = [];

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function run(args: readonly string[]) {
  const child = spawn(process.execPath, [entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

describe('bridge host process (dist/bridge/main.mjs)', () => {
  it('prints its page URL, serves the page, and exits 0 on SIGTERM', async () => {
    const staticDir = tempDir('tidings-bridge-static-');
    const dataDir = tempDir('tidings-bridge-data-');
    dirs.push(staticDir, dataDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>bridge main test</title>');

    const host = run(['--data-dir', dataDir, '--static', staticDir]);
    const line = await waitFor(
      () =>
        /^Tidings bridge listening on (http:\/\/127\.0\.0\.1:\d+)\/\?token=[A-Za-z0-9_-]{43}\n$/m.exec(
          host.stdout(),
        ),
      { what: `the listening line (stderr: ${host.stderr()})` },
    );
    const page = await fetch(`${line[1]}/`);
    expect(await page.text()).toContain('bridge main test');

    host.child.kill('SIGTERM');
    const [code] = await host.exited;
    expect(code, host.stderr()).toBe(0);
  });

  it('refuses to start without a renderer build, saying how to make one', async () => {
    const empty = tempDir('tidings-bridge-empty-');
    dirs.push(empty);
    const host = run(['--data-dir', path.join(empty, 'data'), '--static', empty]);
    const [code] = await host.exited;
    expect(code).toBe(1);
    expect(host.stderr()).toContain('No renderer build');
  });

  it('exits 2 with the usage on bad arguments', async () => {
    const host = run(['--port', '1']);
    const [code] = await host.exited;
    expect(code).toBe(2);
    expect(host.stderr()).toContain('Usage:');
  });
});
