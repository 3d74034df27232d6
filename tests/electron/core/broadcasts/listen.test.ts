import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_VERSION } from '../../../../electron/core/broadcasts/clientVersion';
import { noticeOutput } from '../../../../electron/core/broadcasts/cli/noticeLines';
import { repoRoot, waitFor, type ServerProcess } from '../../../helpers/serverProcess';
import { createDraft, transition } from '../../../server/broadcasts/helpers';
import { ADMIN_TOKEN } from '../../../server/sync/helpers/coreServer';
import { runCli, startCli, type CliProcess } from '../../cli/cliProcess';
import { useTempDirs } from '../helpers/tempDirs';
import { startTestServer } from '../integration/realServer';

const tempDir = useTempDirs('tidings-listen-notices-');
let server: ServerProcess;
const running: CliProcess[] = [];

beforeAll(async () => {
  server = await startTestServer(
    { timings: { broadcastNotifyJitterMs: 0, publicInboxRefreshMs: 100 } },
    { args: ['--admin-token', ADMIN_TOKEN] },
  );
});

afterAll(async () => {
  for (const p of running) await p.kill();
  await server.stop();
});

describe('tidings listen', () => {
  it('prints broadcast notices as they arrive, and their recall, as JSON lines and as text', async () => {
    const dir = tempDir();
    const registered = await runCli([
      'register',
      '--server',
      server.url,
      '--user',
      'listener',
      '--password',
      'listener-pw',
      '--data-dir',
      dir,
      '--timeout',
      '20',
    ]);
    expect(registered.code).toBe(0);

    const json = startCli(['listen', '--json', '--data-dir', dir]);
    running.push(json);
    await json.waitForRecord((r) => r.type === 'connection' && r.status === 'online', 'online');
    const draft = await createDraft(server.url, {
      title: 'Maintenance',
      body: 'Tonight 22:00–23:00 UTC',
      audience: { minClientVersion: CLIENT_VERSION },
    });
    await transition(server.url, draft.id, 'publish');
    const record = await json.waitForRecord((r) => r.type === 'broadcast', 'the notice');
    expect(record).toEqual({
      type: 'broadcast',
      id: `broadcast:${draft.id}`,
      title: 'Maintenance',
      body: 'Tonight 22:00–23:00 UTC',
      publishedAt: expect.any(Number) as number,
      expiresAt: null,
    });
    await transition(server.url, draft.id, 'recall');
    await json.waitForRecord((r) => r.type === 'broadcast-removed', 'the recall');
    expect(json.records().filter((r) => r.type === 'broadcast-removed')).toEqual([
      { type: 'broadcast-removed', id: `broadcast:${draft.id}`, reason: 'recalled' },
    ]);
    // A notice is printed as a notice, never a second time as a message of System notices.
    expect(json.records().filter((r) => r.type === 'message')).toEqual([]);
    expect(await json.stop()).toBe(0);

    const text = startCli(['listen', '--data-dir', dir]);
    running.push(text);
    const second = await createDraft(server.url, { title: 'Hello\u001b[2J', body: 'line one\nline two' });
    await transition(server.url, second.id, 'publish');
    await waitFor(() => text.stdout().includes('notice: Hello'), {
      what: 'the text line',
      timeoutMs: 30_000,
    });
    expect(text.stdout()).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d\] notice: Hello \[2J — line one line two$/m);
    expect(text.stdout()).not.toContain('\u001b');
    expect(await text.stop()).toBe(0);
  });
});

describe('notice lines', () => {
  it('shows the expiry when there is one', () => {
    const line = noticeOutput({
      id: 'broadcast:1',
      title: 'Sale',
      body: 'b',
      publishedAt: Date.UTC(2026, 0, 1),
      expiresAt: Date.UTC(2026, 0, 2),
    }).line;
    expect(line).toMatch(/ — b \(until \d{4}-\d\d-\d\d \d\d:\d\d\)$/);
  });

  it('reports the package version as the client version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(CLIENT_VERSION).toBe(pkg.version);
  });
});
