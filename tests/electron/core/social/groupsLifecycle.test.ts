import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, RequestOf } from '../../../../shared/ipc';
import type { Group } from '../../../../shared/ipc/channels/groups';
import { waitFor, type ServerProcess } from '../../../helpers/serverProcess';
import { createEngineClient, type EngineClient } from '../helpers/engineClient';
import { useTempDirs } from '../helpers/tempDirs';
import { startTestServer } from '../integration/realServer';

const newDir = useTempDirs('tidings-groups-');

async function failure<C extends Channel>(client: EngineClient, channel: C, request: RequestOf<C>) {
  const result = await client.host.dispatch(channel, request);
  if (result.ok) throw new Error(`${channel} succeeded but should have failed`);
  return result.error;
}

const online = (client: EngineClient) =>
  waitFor(async () => (await client.call('connection:get', {})).status === 'online', { what: 'online' });

/** The group as this engine's store and list show it, once it satisfies `ok`. */
const groupWhen = (client: EngineClient, groupId: string, ok: (g: Group) => boolean, what: string) =>
  waitFor(async () => (await client.call('groups:list', {})).find((g) => g.groupId === groupId && ok(g)), {
    what,
    timeoutMs: 30_000,
  });

describe('group lifecycle and permissions through IPC, against the real server', () => {
  let server: ServerProcess;
  let alice: EngineClient;
  let bob: EngineClient;
  let carol: EngineClient;

  beforeAll(async () => {
    server = await startTestServer();
    alice = createEngineClient(newDir());
    bob = createEngineClient(newDir());
    carol = createEngineClient(newDir());
    await alice.register(server.url, 'alice', 'Alice');
    await bob.register(server.url, 'bob', 'Bob');
    await carol.register(server.url, 'carol', 'Carol');
    await Promise.all([online(alice), online(bob), online(carol)]);
  });
  afterAll(async () => {
    await alice?.close();
    await bob?.close();
    await carol?.close();
    await server?.stop();
  });

  it('creates, invites, talks, renames, kicks and dissolves; every rule answers a clear error', async () => {
    const bobId = bob.account.userId;
    const carolId = carol.account.userId;
    const { group, conversation } = await alice.call('groups:create', { name: 'Hikers', memberIds: [bobId] });
    expect(group).toMatchObject({
      name: 'Hikers',
      myRole: 'owner',
      state: 'member',
      ownerId: alice.account.userId,
    });
    expect(conversation).toMatchObject({
      id: `g:${group.groupId}`,
      kind: 'group',
      title: 'Hikers',
      group: { groupId: group.groupId, role: 'owner', state: 'member' },
    });
    const { groupId } = group;
    const conversationId = conversation.id;

    // Bob learns of the group from his inbox and sees its name and members.
    await groupWhen(bob, groupId, (g) => g.name === 'Hikers' && g.memberCount === 2, 'bob knows the group');
    const members = await bob.call('groups:members', { groupId });
    expect(members.map((m) => [m.username, m.displayName, m.role])).toEqual([
      ['alice', 'Alice', 'owner'],
      ['bob', 'Bob', 'member'],
    ]);

    // Messages go through messages:send with the group's id; mentions flag the conversation.
    await alice.call('messages:send', { conversationId, text: 'hello hikers', mentions: [bobId] });
    await bob.waitForText('hello hikers');
    await waitFor(
      async () => (await bob.call('conversations:list', {})).find((c) => c.id === conversationId)?.mentioned,
      { what: 'mention flag' },
    );
    expect(bob.query('SELECT mentions_me FROM messages WHERE body LIKE ?', '%hello hikers%')).toEqual([
      { mentions_me: 1 },
    ]);

    // A plain member may invite, may not rename; the owner may rename.
    await bob.call('groups:invite', { groupId, userIds: [carolId] });
    await groupWhen(carol, groupId, (g) => g.state === 'member', 'carol joined');
    // Alice's device hears of it from the notice, and announces the new member list.
    await waitFor(
      () =>
        alice.events.some(
          (e) =>
            e.name === 'groups:membersChanged' &&
            e.payload.groupId === groupId &&
            e.payload.members.some((m) => m.userId === carolId && m.displayName === 'Carol'),
        ),
      { what: 'alice’s member list follows' },
    );
    expect(await failure(bob, 'groups:rename', { groupId, name: 'Bob’s' })).toMatchObject({
      code: 'group-forbidden',
    });
    expect(await failure(bob, 'groups:dissolve', { groupId })).toMatchObject({ code: 'group-forbidden' });
    expect(await failure(alice, 'groups:quit', { groupId })).toMatchObject({ code: 'group-forbidden' });
    const renamed = await alice.call('groups:rename', { groupId, name: 'Summit' });
    expect(renamed).toMatchObject({ name: 'Summit', memberCount: 3 });
    await groupWhen(carol, groupId, (g) => g.name === 'Summit', 'carol sees the new name');
    await waitFor(
      async () =>
        (await carol.call('conversations:list', {})).find((c) => c.id === conversationId)?.title === 'Summit',
      { what: 'conversation title follows the name' },
    );
    const noticed = await alice.call('groups:setNotice', { groupId, notice: 'Boots on Saturday' });
    expect(noticed.notice).toBe('Boots on Saturday');
    await groupWhen(bob, groupId, (g) => g.notice === 'Boots on Saturday', 'bob sees the notice');
    expect(
      bob.query('SELECT name, notice, state, my_role FROM chat_groups WHERE id = ?', conversationId),
    ).toEqual([{ name: 'Summit', notice: 'Boots on Saturday', state: 'member', my_role: 'member' }]);
    await waitFor(
      async () =>
        (await bob.call('conversations:list', {})).find((c) => c.id === conversationId)?.lastMessage
          ?.preview === '[notice:group-notice] Boots on Saturday',
      { what: 'the notice previews in the list' },
    );

    // Admins: the owner appoints bob, who may then kick a plain member but not the owner.
    await alice.call('groups:setAdmin', { groupId, userId: bobId, admin: true });
    await groupWhen(bob, groupId, (g) => g.myRole === 'admin', 'bob is admin');
    expect(await failure(bob, 'groups:kick', { groupId, userId: alice.account.userId })).toMatchObject({
      code: 'group-forbidden',
    });
    await carol.call('messages:send', { conversationId, text: 'carol was here' });
    await alice.waitForText('carol was here');
    const kicked = await bob.call('groups:kick', { groupId, userId: carolId });
    expect(kicked.memberCount).toBe(2);
    expect(
      bob.query<{ user_id: string; role: string }>(
        'SELECT user_id, role FROM group_members WHERE group_id = ? ORDER BY role',
        conversationId,
      ),
    ).toEqual([
      { user_id: bobId, role: 'admin' },
      { user_id: alice.account.userId, role: 'owner' },
    ]);

    // Carol is out: read-only history up to her exit, clear errors for everything else.
    const left = await groupWhen(carol, groupId, (g) => g.state === 'left', 'carol left');
    expect(left.myRole).toBeNull();
    const [exit] = carol.query<{ exit_seq: number; last_seq: number }>(
      'SELECT g.exit_seq, c.last_seq FROM chat_groups g JOIN conversations c ON c.id = g.id WHERE g.id = ?',
      conversationId,
    );
    expect(exit?.exit_seq).toBeGreaterThan(0);
    expect(await failure(carol, 'messages:send', { conversationId, text: 'let me in' })).toMatchObject({
      code: 'not-a-group-member',
    });
    expect(await failure(carol, 'groups:quit', { groupId })).toMatchObject({ code: 'not-a-group-member' });
    expect(await failure(carol, 'groups:invite', { groupId, userIds: [bobId] })).toMatchObject({
      code: 'not-a-group-member',
    });
    expect(await failure(carol, 'groups:members', { groupId })).toMatchObject({ code: 'not-a-group-member' });
    // Her history stays, up to and including the notice of her exit.
    const carolHistory = await waitFor(
      async () => {
        const page = await carol.call('messages:list', { conversationId, limit: 100 });
        return page.some((m) => m.seq === exit?.exit_seq) ? page : null;
      },
      { what: 'carol’s history up to her exit' },
    );
    expect(carolHistory.some((m) => m.body.text === 'carol was here')).toBe(true);
    expect(Math.max(...carolHistory.map((m) => m.seq ?? 0))).toBe(exit?.exit_seq);

    // Messages after her exit never reach her; the server refuses what the store would not check.
    await alice.call('messages:send', { conversationId, text: 'after carol' });
    await bob.waitForText('after carol');
    await carol.call('sync:now', {});
    expect(carol.query('SELECT 1 FROM messages WHERE body LIKE ?', '%after carol%')).toEqual([]);
    expect(
      carol.query<{ n: number }>(
        'SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND seq > ?',
        conversationId,
        exit?.exit_seq,
      ),
    ).toEqual([{ n: 0 }]);

    // A new device of hers is never told of the group: the server lists it nowhere for her.
    const carolLaptop = createEngineClient(newDir());
    try {
      await carolLaptop.login(server.url, 'carol');
      await carolLaptop.call('sync:now', {});
      expect(await carolLaptop.call('groups:list', { refresh: true })).toEqual([]);
      expect(
        await failure(carolLaptop, 'messages:send', { conversationId, text: 'from the laptop' }),
      ).toMatchObject({ code: 'conversation-not-found' });
    } finally {
      await carolLaptop.close();
    }

    // Dissolved: read-only for everyone.
    const dissolved = await alice.call('groups:dissolve', { groupId });
    expect(dissolved.state).toBe('dissolved');
    await groupWhen(bob, groupId, (g) => g.state === 'dissolved', 'bob sees it dissolved');
    expect(await failure(bob, 'messages:send', { conversationId, text: 'anyone?' })).toMatchObject({
      code: 'group-read-only',
    });
    expect(await failure(alice, 'groups:rename', { groupId, name: 'Again' })).toMatchObject({
      code: 'group-read-only',
    });
    expect((await bob.call('messages:list', { conversationId, limit: 100 })).length).toBeGreaterThan(3);
    const [bobConversation] = (await bob.call('conversations:list', {})).filter(
      (c) => c.id === conversationId,
    );
    expect(bobConversation?.group).toMatchObject({ state: 'dissolved', role: null });
    for (const client of [alice, bob, carol]) {
      expect(client.logger.count('groups.refresh-failed')).toBe(0);
      client.assertNoErrors();
    }
  });
});
