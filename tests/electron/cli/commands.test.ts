import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../../helpers/serverProcess';
import { useTempDirs } from '../core/helpers/tempDirs';
import { startTestServer } from '../core/integration/realServer';
import { runCli, startCli, type CliProcess } from './cliProcess';

const tempDir = useTempDirs('tidings-cli-');
let server: ServerProcess;
const aliceDir = tempDir();
const bobDir = tempDir();
const running: CliProcess[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const p of running) await p.kill();
  await server?.stop();
});

const as = (dir: string, ...args: string[]) => runCli([...args, '--data-dir', dir, '--timeout', '20']);

describe('the tidings CLI against a real server', () => {
  it('registers and logs in, keeping the account in the data dir', async () => {
    const registered = await as(
      aliceDir,
      'register',
      '--server',
      server.url,
      '--user',
      'alice',
      '--password',
      'alice-pw-1',
    );
    expect(registered).toMatchObject({ code: 0, stderr: '' });
    expect(registered.stdout).toMatch(/^Signed in as alice on http:\/\/127\.0\.0\.1:\d+: online\.\n$/);
    const bob = await as(
      bobDir,
      'register',
      '--server',
      server.url,
      '--user',
      'bob',
      '--password',
      'bob-pw-12',
      '--json',
    );
    expect(bob.code).toBe(0);
    expect(JSON.parse(bob.stdout)).toMatchObject({
      account: { username: 'bob', mode: 'tidings' },
      connection: { status: 'online' },
    });
    const again = await as(
      aliceDir,
      'login',
      '--server',
      server.url,
      '--user',
      'alice',
      '--password',
      'alice-pw-1',
    );
    expect(again.code).toBe(0);
  });

  it('fails clearly with a wrong password, an unknown command and a command before login', async () => {
    const wrong = await as(
      tempDir(),
      'login',
      '--server',
      server.url,
      '--user',
      'alice',
      '--password',
      'nope-nope',
    );
    expect(wrong).toMatchObject({ code: 1, stdout: '' });
    expect(wrong.stderr).toMatch(/^tidings: Wrong username or password\./);
    const usage = await runCli(['frobnicate']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/unknown command "frobnicate"[\s\S]*Usage: tidings/);
    const early = await as(tempDir(), 'send', 'bob', 'hi');
    expect(early).toMatchObject({ code: 1 });
    expect(early.stderr).toMatch(/Not signed in: run tidings login first/);
    const noSuchUser = await as(aliceDir, 'send', 'nobody-here', 'hi');
    expect(noSuchUser.code).toBe(1);
    expect(noSuchUser.stderr).toMatch(/No user has that username/);
  });

  it('sends, and the peer reads it with history', async () => {
    const sent = await as(aliceDir, 'send', 'bob', 'hello from the CLI 👋');
    expect(sent.code).toBe(0);
    expect(sent.stdout).toMatch(/^sent [0-9a-f-]{36}\n$/);
    const history = await as(bobDir, 'history', 'alice', '--json');
    expect(history.code).toBe(0);
    const lines = history.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toMatchObject([
      { type: 'message', text: 'hello from the CLI 👋', outgoing: false, seq: 1 },
    ]);
    const human = await as(bobDir, 'history', 'alice');
    expect(human.stdout).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d\] alice: hello from the CLI 👋\n$/);
  });

  it('listens, printing incoming messages and status changes as JSON lines, while other commands go through it', async () => {
    const listener = startCli(['listen', '--json', '--data-dir', bobDir]);
    running.push(listener);
    await listener.waitForRecord((r) => r.type === 'connection' && r.status === 'online', 'online');

    // Other commands on bob's data dir hand their work to the listener instead of signing in again.
    const reply = await as(bobDir, 'send', 'alice', 'bob answers');
    expect(reply.code).toBe(0);
    const replyId = reply.stdout.trim().replace('sent ', '');
    await listener.waitForRecord(
      (r) => r.type === 'status' && r.id === replyId && r.status === 'sent',
      'reply sent',
    );

    const incoming = await as(aliceDir, 'send', 'bob', 'live to the listener');
    expect(incoming.code).toBe(0);
    const record = await listener.waitForRecord(
      (r) => r.type === 'message' && r.text === 'live to the listener',
      'incoming',
    );
    expect(record).toMatchObject({ kind: 'text', seq: 3 });
    expect(typeof record.from).toBe('string');

    const history = await as(bobDir, 'history', 'alice', '--json', '--limit', '2');
    expect(
      history.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { text: string }).text),
    ).toEqual(['bob answers', 'live to the listener']);
    const synced = await as(bobDir, 'sync', '--json');
    expect(synced.code).toBe(0);
    expect(JSON.parse(synced.stdout)).toMatchObject({ phase: 'idle', pendingSends: 0 });

    // A second listener on the same data dir is refused; the first was never kicked.
    const second = await runCli(['listen', '--data-dir', bobDir, '--timeout', '1']);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/already uses this data dir/);
    expect(listener.records().filter((r) => r.type === 'connection' && r.status === 'kicked')).toEqual([]);
    // Each message is printed once.
    expect(
      listener.records().filter((r) => r.type === 'message' && r.text === 'live to the listener'),
    ).toHaveLength(1);
    expect(listener.records().some((r) => r.type === 'message' && r.text === 'hello from the CLI 👋')).toBe(
      false,
    );

    expect(await listener.stop()).toBe(0);
    expect(listener.stderr()).toMatch(/Listening as bob/);
  });

  it('syncs on its own, and logs out', async () => {
    await as(aliceDir, 'send', 'bob', 'while nobody listens');
    const synced = await as(bobDir, 'sync');
    expect(synced).toMatchObject({ code: 0 });
    expect(synced.stdout).toMatch(/^Synced: \d+ new messages?\.\n$/);
    const history = await as(bobDir, 'history', 'alice', '--json', '--limit', '1');
    expect(JSON.parse(history.stdout.trim())).toMatchObject({ text: 'while nobody listens' });
    const out = await as(bobDir, 'logout');
    expect(out).toMatchObject({ code: 0, stdout: 'Signed out bob.\n' });
    expect((await as(bobDir, 'sync')).stderr).toMatch(/Not signed in/);
  });
});
