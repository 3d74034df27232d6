import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminBroadcastSchema, serverStatsSchema } from '../../../shared/protocol';
import { parseTimeArg } from '../../../server/admin-cli/timeArg';
import { repoRoot, startServer, type ServerProcess } from '../../helpers/serverProcess';
import { ADMIN_TOKEN, provision, startCoreServer } from '../sync/helpers/coreServer';
import { connectTidings } from '../sync/helpers/devices';
import { noticeIds, pullPublic } from '../broadcasts/helpers';

type Run = Readonly<{ code: number; stdout: string; stderr: string }>;

let server: ServerProcess;
let bare: ServerProcess;

beforeAll(async () => {
  [server, bare] = await Promise.all([startCoreServer(), startServer()]);
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
  expect(await bare.stop()).toBe(0);
});

/** Runs the real `bin/tidings-admin.mjs` with plain Node. */
function admin(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(repoRoot, 'bin/tidings-admin.mjs'), ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const withServer = (args: readonly string[]): string[] => [
  '--server',
  server.url,
  '--token',
  ADMIN_TOKEN,
  ...args,
];

async function json(args: readonly string[]): Promise<unknown> {
  const run = await admin([...withServer(args), '--json']);
  if (run.code !== 0) throw new Error(`tidings-admin ${args.join(' ')} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as unknown;
}

describe('tidings-admin', () => {
  it('runs a broadcast through its lifecycle, which a real device sees', async () => {
    const [tester, user] = await provision(server.url, 2, 'cli');
    if (!tester || !user) throw new Error('provisioning');
    const created = adminBroadcastSchema.parse(
      await json([
        'broadcast',
        'create',
        '--title',
        'Upgrade notice',
        '--body',
        'Version 2 is out — 新版本',
        '--expires',
        '+2h',
        '--whitelist',
        tester.userId,
      ]),
    );
    expect(created).toMatchObject({ state: 'draft', whitelist: [tester.userId], title: 'Upgrade notice' });
    expect(created.expiresAt).toBeGreaterThan(Date.now() + 60 * 60 * 1000);

    const edited = await admin(withServer(['broadcast', 'edit', created.id, '--min-version', '2.0']));
    expect(edited.code).toBe(0);
    expect(edited.stdout).toContain('client ≥ 2.0');

    const pre = await admin(withServer(['broadcast', 'prerelease', created.id]));
    expect(pre.stdout).toContain(`broadcast ${created.id}: prerelease`);
    const added = adminBroadcastSchema.parse(
      await json(['broadcast', 'whitelist', 'add', created.id, user.userId]),
    );
    expect(added.whitelist).toEqual(expect.arrayContaining([tester.userId, user.userId]));
    const removed = adminBroadcastSchema.parse(
      await json(['broadcast', 'whitelist', 'remove', created.id, user.userId]),
    );
    expect(removed.whitelist).toEqual([tester.userId]);

    const published = await admin(withServer(['broadcast', 'publish', created.id]));
    expect(published.code).toBe(0);
    const device = await connectTidings(server.wsUrl, user);
    expect(noticeIds((await pullPublic(device, 0, { clientVersion: '2.0' })).events)).toContain(created.id);

    const list = await admin(withServer(['broadcast', 'list']));
    expect(list.stdout).toMatch(new RegExp(`^${created.id}\\tpublished\\t`, 'm'));
    expect(adminBroadcastSchema.parse(await json(['broadcast', 'get', created.id])).state).toBe('published');

    const recalled = await admin(withServer(['broadcast', 'recall', created.id]));
    expect(recalled.stdout).toContain('recalled');
    expect(noticeIds((await pullPublic(device, 0, { clientVersion: '2.0' })).events)).not.toContain(
      created.id,
    );
    device.close();

    const again = await admin(withServer(['broadcast', 'publish', created.id]));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Cannot publish a broadcast that is recalled.*invalid-state/);
  });

  it('disables and enables a user, kicks, and prints stats', async () => {
    const [user] = await provision(server.url, 1, 'clidis');
    if (!user) throw new Error('provisioning');
    const device = await connectTidings(server.wsUrl, user);
    const kicked = (await json(['kick', user.userId])) as { kicked: number };
    expect(kicked.kicked).toBe(1);
    await device.waitClosed();

    const disabled = (await json(['user', 'disable', user.userId])) as { disabled: boolean };
    expect(disabled.disabled).toBe(true);
    await expect(connectTidings(server.wsUrl, user)).rejects.toThrow(/login failed/);
    expect(((await json(['user', 'enable', user.userId])) as { disabled: boolean }).disabled).toBe(false);
    const missing = await admin(withServer(['user', 'disable', '987654321']));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No such user');

    const stats = serverStatsSchema.parse(await json(['stats']));
    expect(stats.users).toBeGreaterThanOrEqual(1);
    const text = await admin(withServer(['stats']));
    expect(text.stdout).toMatch(/^users: +\d+ \(\d+ disabled\)$/m);
  });

  it('takes the token from TIDINGS_ADMIN_TOKEN and says clearly when it is refused', async () => {
    const fromEnv = await admin(['--server', server.url, 'stats'], { TIDINGS_ADMIN_TOKEN: ADMIN_TOKEN });
    expect(fromEnv.code).toBe(0);
    const refused = await admin(['--server', server.url, 'stats'], {
      TIDINGS_ADMIN_TOKEN: 'wrong-token-0123456789',
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe('tidings-admin: admin token refused');
    expect(refused.stderr).not.toContain('wrong-token');
    const noApi = await admin(['--server', bare.url, '--token', ADMIN_TOKEN, 'stats']);
    expect(noApi.code).toBe(1);
    expect(noApi.stderr).toContain('has no admin API');
  });

  it('explains usage mistakes with exit code 2', async () => {
    for (const args of [
      ['stats'],
      ['--server', server.url, 'stats'],
      withServer(['broadcast', 'create', '--title', 'no body']),
      withServer(['broadcast', 'publish', 'abc']),
      withServer(['broadcast', 'create', '--title', 't', '--body', 'b', '--expires', 'tomorrow']),
      withServer(['broadcast', 'whitelist', 'add', '1']),
      withServer(['frobnicate']),
      withServer(['--bogus']),
    ]) {
      const run = await admin(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('Usage: tidings-admin');
    }
  });
});

describe('time arguments', () => {
  it('reads epoch ms, ISO dates and relative times, and refuses the rest', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(parseTimeArg('+2h', now)).toBe(now + 2 * 3_600_000);
    expect(parseTimeArg('-30d', now)).toBe(now - 30 * 86_400_000);
    expect(parseTimeArg('1767225600000', now)).toBe(1767225600000);
    expect(parseTimeArg('2026-12-01T09:00:00Z', now)).toBe(Date.UTC(2026, 11, 1, 9));
    for (const bad of ['tomorrow', 'May', '+2w', '2026-13-45', '']) expect(parseTimeArg(bad, now)).toBeNull();
  });
});
