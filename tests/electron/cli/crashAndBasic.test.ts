import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, waitFor, type ServerProcess } from '../../helpers/serverProcess';
import { useTempDirs } from '../core/helpers/tempDirs';
import { serverConfigArgs } from '../core/integration/realServer';
import { startFakeStockServer, type FakeStockServer } from '../core/helpers/fakeStockServer';
import { startAckDroppingProxy } from './ackDroppingProxy';
import { runCli, startCli, type CliProcess } from './cliProcess';

const tempDir = useTempDirs('tidings-cli-');
const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Reads the CLI's own database while it runs (read-only, beside it). */
function outboxOf(dataDir: string): Array<{ fp: string; attempts: number }> {
  const accounts = path.join(dataDir, 'accounts');
  const [account] = fs.readdirSync(accounts);
  const db = new Database(path.join(accounts, account ?? '', 'tidings.db'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    return db.prepare('SELECT fp, attempts FROM outbox').all() as Array<{ fp: string; attempts: number }>;
  } finally {
    db.close();
  }
}

describe('kill -9 of the engine process mid-send', () => {
  it('resends after a restart with the same fp: the server stored it unacknowledged, the peer keeps it once', async () => {
    const server: ServerProcess = await startServer({ args: serverConfigArgs() });
    cleanups.push(() => server.stop());
    const proxy = await startAckDroppingProxy(server.port);
    cleanups.push(() => proxy.close());
    const aliceDir = tempDir();
    const bobDir = tempDir();
    const as = (dir: string, ...args: string[]) => runCli([...args, '--data-dir', dir, '--timeout', '20']);
    // Alice reaches the server through the proxy.
    expect(
      (await as(aliceDir, 'register', '--server', proxy.url, '--user', 'alice', '--password', 'alice-pw-1'))
        .code,
    ).toBe(0);
    expect(
      (await as(bobDir, 'register', '--server', server.url, '--user', 'bob', '--password', 'bob-pw-12')).code,
    ).toBe(0);
    expect((await as(aliceDir, 'send', 'bob', 'warm-up')).code).toBe(0);

    // The server stores the message, but its acknowledgement never reaches alice: she is killed waiting.
    proxy.setDropping(true);
    const send: CliProcess = startCli([
      'send',
      'bob',
      'sent once, whatever happens',
      '--data-dir',
      aliceDir,
      '--timeout',
      '60',
    ]);
    cleanups.push(() => send.kill());
    await waitFor(() => outboxOf(aliceDir).some((row) => row.attempts >= 1) && proxy.droppedAcks() >= 1, {
      what: 'the message stored by the server, its ACK swallowed',
    });
    const [pending] = outboxOf(aliceDir);
    await send.kill();
    expect(send.child.signalCode).toBe('SIGKILL');
    expect(pending).toBeDefined();
    proxy.setDropping(false);

    // The restarted engine (any command) finds the outbox on disk and sends it again, same fp.
    const synced = await as(aliceDir, 'sync', '--json');
    expect(synced.code).toBe(0);
    expect(JSON.parse(synced.stdout)).toMatchObject({ pendingSends: 0 });
    expect(outboxOf(aliceDir)).toEqual([]);
    const history = await as(bobDir, 'history', 'alice', '--json');
    const messages = history.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; text: string });
    expect(messages.map((m) => m.text)).toEqual(['warm-up', 'sent once, whatever happens']);
    expect(messages[1]?.id).toBe(pending?.fp);
  });
});

describe('basic mode from the CLI against a stock MobileIMSDK server', () => {
  it('logs in with any id and token, sends one-to-one text, and the peer receives it', async () => {
    const stock: FakeStockServer = await startFakeStockServer();
    cleanups.push(() => stock.close());
    const aliceDir = tempDir();
    const bobDir = tempDir();
    const login = (dir: string, user: string) =>
      runCli([
        'login',
        '--mobileimsdk',
        '--server',
        stock.url,
        '--user',
        user,
        '--token',
        'tok',
        '--data-dir',
        dir,
      ]);
    const alice = await login(aliceDir, '10001');
    expect(alice).toMatchObject({ code: 0 });
    expect(alice.stdout).toMatch(
      /Signed in as 10001 on ws:\/\/127\.0\.0\.1:\d+\/websocket \(basic mode\): online in basic mode/,
    );
    expect((await login(bobDir, '10002')).code).toBe(0);

    const listener = startCli(['listen', '--json', '--data-dir', bobDir]);
    cleanups.push(() => listener.kill());
    await listener.waitForRecord((r) => r.type === 'connection' && r.status === 'basic', 'basic mode');
    const sent = await runCli([
      'send',
      '10002',
      'plain text to a stock server',
      '--data-dir',
      aliceDir,
      '--timeout',
      '20',
    ]);
    expect(sent.code).toBe(0);
    await listener.waitForRecord(
      (r) => r.type === 'message' && r.text === 'plain text to a stock server',
      'received',
    );
    const relayed = stock.relayed.find((f) => f.dataContent === 'plain text to a stock server');
    expect(relayed).toMatchObject({ typeu: -1, QoS: true, from: '10001', to: '10002' });
    const sync = await runCli(['sync', '--data-dir', aliceDir, '--json']);
    expect(sync.code).toBe(0);
    expect(await listener.stop()).toBe(0);
  });
});
