import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../../helpers/serverProcess';
import { useTempDirs } from '../core/helpers/tempDirs';
import { startTestServer } from '../core/integration/realServer';
import { runCli } from './cliProcess';

const tempDir = useTempDirs('tidings-cli-friend-');
let server: ServerProcess;
const dirs = { alice: tempDir(), bob: tempDir(), carol: tempDir() };

const as = (who: keyof typeof dirs, ...args: string[]) =>
  runCli([...args, '--data-dir', dirs[who], '--timeout', '20']);

type Listed = {
  contacts: Array<{ username: string; relation: string; displayName: string }>;
  requests: Array<{ username: string; direction: string; message: string }>;
};

async function list(who: keyof typeof dirs): Promise<Listed> {
  const run = await as(who, 'friend', 'list', '--json');
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(run.stdout) as Listed;
}

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['alice', 'bob', 'carol'] as const) {
    const registered = await as(
      who,
      'register',
      '--server',
      server.url,
      '--user',
      who,
      '--password',
      `${who}-pw-123`,
    );
    expect(registered.code).toBe(0);
  }
});
afterAll(async () => {
  await server?.stop();
});

describe('tidings friend', () => {
  it('add with a message, list on both sides, accept', async () => {
    expect(await as('bob', 'friend', 'add', 'alice', '--message', 'hi alice, 我是 bob')).toEqual({
      code: 0,
      stdout: 'Asked alice to be friends.\n',
      stderr: '',
    });
    expect(await list('alice')).toEqual({
      contacts: [],
      requests: [
        expect.objectContaining({ username: 'bob', direction: 'incoming', message: 'hi alice, 我是 bob' }),
      ],
    });
    expect((await list('bob')).requests).toMatchObject([{ username: 'alice', direction: 'outgoing' }]);
    const text = await as('alice', 'friend', 'list');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^request from bob\tbob\t\d{4}-\d\d-\d\d \d\d:\d\d\t"hi alice, 我是 bob"\n$/);

    expect(await as('alice', 'friend', 'accept', 'bob')).toEqual({
      code: 0,
      stdout: 'You and bob are friends now.\n',
      stderr: '',
    });
    expect(await list('bob')).toEqual({
      contacts: [expect.objectContaining({ username: 'alice', relation: 'friend' })],
      requests: [],
    });
    const friends = await as('alice', 'friend', 'list');
    expect(friends.stdout).toMatch(/^bob\tbob\t(online|offline)\n$/);
  });

  it('reject and delete', async () => {
    expect((await as('carol', 'friend', 'add', 'alice')).code).toBe(0);
    expect(await as('alice', 'friend', 'reject', 'carol')).toEqual({
      code: 0,
      stdout: "Rejected carol's request.\n",
      stderr: '',
    });
    expect(await list('carol')).toEqual({ contacts: [], requests: [] });

    expect(await as('alice', 'friend', 'delete', 'bob')).toEqual({
      code: 0,
      stdout: 'bob is no longer your friend.\n',
      stderr: '',
    });
    expect(await as('bob', 'friend', 'list')).toMatchObject({
      code: 0,
      stdout: 'No friends or requests yet.\n',
    });
  });

  it('explains mistakes: unknown users, nothing pending, bad usage', async () => {
    expect(await as('alice', 'friend', 'accept', 'zed')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'tidings: zed is neither a contact nor in a pending request.\n',
    });
    expect(await as('alice', 'friend', 'add', 'zed')).toMatchObject({
      code: 1,
      stderr: 'tidings: No user has that username.\n',
    });
    for (const args of [
      ['friend'],
      ['friend', 'accept'],
      ['friend', 'list', '--message', 'x'],
      ['friend', 'hug', 'bob'],
    ]) {
      const run = await as('alice', ...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^tidings: .+\n\nUsage: tidings/);
    }
  });
});
