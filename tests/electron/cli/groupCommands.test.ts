import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../../helpers/serverProcess';
import { useTempDirs } from '../core/helpers/tempDirs';
import { startTestServer } from '../core/integration/realServer';
import { runCli } from './cliProcess';

const tempDir = useTempDirs('tidings-cli-groups-');
let server: ServerProcess;
const dirs = { alice: tempDir(), bob: tempDir(), carol: tempDir() };

const as = (who: keyof typeof dirs, ...args: string[]) =>
  runCli([...args, '--data-dir', dirs[who], '--timeout', '20']);

const json = <T>(stdout: string): T => JSON.parse(stdout) as T;

type GroupOut = { groupId: string; name: string; notice: string; memberCount: number; state: string };

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['alice', 'bob', 'carol'] as const) {
    const out = await as(
      who,
      'register',
      '--server',
      server.url,
      '--user',
      who,
      '--password',
      `${who}-pw-123`,
    );
    if (out.code !== 0) throw new Error(`register ${who}: ${out.stderr}`);
  }
});
afterAll(async () => {
  await server?.stop();
});

describe('tidings group against a real server', () => {
  // About thirty CLI runs, each starting an engine: generous on a loaded machine.
  it('runs every group command by name or id, and send reaches a group', { timeout: 300_000 }, async () => {
    const created = await as('alice', 'group', 'create', 'Book club', 'bob', '--json');
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const group = json<GroupOut>(created.stdout);
    expect(group).toMatchObject({ name: 'Book club', memberCount: 2, state: 'member' });

    // Bob's device learns of the group from the server and sends to it by name.
    const sent = await as('bob', 'send', 'Book club', 'chapter one is great', '--json');
    expect(sent.code).toBe(0);
    expect(json<{ conversationId: string; status: string }>(sent.stdout)).toMatchObject({
      conversationId: `g:${group.groupId}`,
      status: 'sent',
    });
    // ...and by id.
    expect((await as('alice', 'send', group.groupId, 'agreed')).code).toBe(0);

    const invited = await as('bob', 'group', 'invite', 'Book club', 'carol');
    expect(invited).toMatchObject({ code: 0, stdout: 'invited carol to Book club\n' });

    const members = await as('carol', 'group', 'members', group.groupId, '--json');
    expect(members.code).toBe(0);
    expect(
      json<Array<{ username: string; role: string }>>(members.stdout).map((m) => [m.username, m.role]),
    ).toEqual([
      ['alice', 'owner'],
      ['bob', 'member'],
      ['carol', 'member'],
    ]);
    const plain = await as('carol', 'group', 'members', group.groupId);
    expect(plain.stdout.split('\n').filter(Boolean)).toHaveLength(3);

    expect(await as('alice', 'group', 'rename', 'Book club', 'Readers')).toMatchObject({
      code: 0,
      stdout: 'renamed to Readers\n',
    });
    expect((await as('alice', 'group', 'notice', 'Readers', 'Next: Dune')).code).toBe(0);
    const listed = await as('carol', 'group', 'list', '--json');
    expect(json<GroupOut[]>(listed.stdout)).toEqual([
      expect.objectContaining({
        groupId: group.groupId,
        name: 'Readers',
        notice: 'Next: Dune',
        memberCount: 3,
      }),
    ]);
    const listLine = await as('carol', 'group', 'list');
    expect(listLine.stdout).toBe(`${group.groupId}\tReaders\t3 members\tmember\n`);

    // A plain member may not kick: the server's sentence comes through.
    const refused = await as('bob', 'group', 'kick', 'Readers', 'carol');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^tidings: Only the owner or admin may do that\./);

    expect(await as('alice', 'group', 'kick', 'Readers', 'carol')).toMatchObject({
      code: 0,
      stdout: 'removed carol from Readers\n',
    });
    const carolSends = await as('carol', 'send', 'Readers', 'still here?');
    expect(carolSends.code).toBe(1);
    expect(carolSends.stderr).toMatch(/no longer a member/);

    expect(await as('bob', 'group', 'quit', 'Readers')).toMatchObject({ code: 0, stdout: 'left Readers\n' });
    const bobList = json<GroupOut[]>((await as('bob', 'group', 'list', '--json')).stdout);
    expect(bobList).toEqual([expect.objectContaining({ groupId: group.groupId, state: 'left' })]);

    expect(await as('alice', 'group', 'dissolve', 'Readers')).toMatchObject({
      code: 0,
      stdout: 'dissolved Readers\n',
    });
    const afterDissolve = await as('alice', 'send', 'Readers', 'hello?');
    expect(afterDissolve.code).toBe(1);
    expect(afterDissolve.stderr).toMatch(/dissolved/);
  });

  it('explains bad usage and unknown groups', async () => {
    expect((await as('alice', 'group')).code).toBe(2);
    expect((await as('alice', 'group', 'frobnicate')).code).toBe(2);
    expect((await as('alice', 'group', 'kick', 'x')).code).toBe(2);
    const unknown = await as('alice', 'group', 'members', 'No such group');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No group named "No such group"/);
    const nobody = await as('alice', 'group', 'create', 'Lonely', 'nobody-here');
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/nobody-here/);
  });
});
