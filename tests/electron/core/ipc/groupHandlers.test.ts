import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, RequestOf } from '../../../../shared/ipc';
import { waitFor, type ServerProcess } from '../../../helpers/serverProcess';
import { createEngineClient, type EngineClient } from '../helpers/engineClient';
import { useTempDirs } from '../helpers/tempDirs';
import { startTestServer } from '../integration/realServer';

const newDir = useTempDirs('tidings-group-handlers-');

async function errorOf<C extends Channel>(client: EngineClient, channel: C, request: RequestOf<C>) {
  const result = await client.host.dispatch(channel, request);
  if (result.ok) throw new Error(`${channel} succeeded but should have failed`);
  return result.error;
}

describe('group handlers before sign-in', () => {
  it('answer not-logged-in', async () => {
    const nobody = createEngineClient(newDir());
    try {
      expect(await errorOf(nobody, 'groups:list', {})).toMatchObject({ code: 'not-logged-in' });
      expect(await errorOf(nobody, 'groups:create', { name: 'x' })).toMatchObject({ code: 'not-logged-in' });
    } finally {
      await nobody.close();
    }
  });
});

describe('group handlers against the real server', () => {
  let server: ServerProcess;
  let alice: EngineClient;
  let bob: EngineClient;

  beforeAll(async () => {
    server = await startTestServer();
    alice = createEngineClient(newDir());
    bob = createEngineClient(newDir());
    await alice.register(server.url, 'alice', 'Alice');
    await bob.register(server.url, 'bob', 'Bob');
    for (const client of [alice, bob])
      await waitFor(async () => (await client.call('connection:get', {})).status === 'online', {
        what: 'online',
      });
  });
  afterAll(async () => {
    await alice?.close();
    await bob?.close();
    await server?.stop();
  });

  it('validates requests and names what is unknown', async () => {
    expect(await errorOf(alice, 'groups:create', { name: '   ' })).toMatchObject({ code: 'invalid-request' });
    expect(await errorOf(alice, 'groups:invite', { groupId: '1' })).toMatchObject({
      code: 'invalid-request',
    });
    const ghost = await errorOf(alice, 'groups:create', { name: 'x', usernames: ['ghost'] });
    expect(ghost.code).toBe('user-not-found');
    expect(ghost.message).toContain('ghost');
    expect(await errorOf(alice, 'groups:members', { groupId: '999' })).toMatchObject({
      code: 'group-not-found',
    });
    expect(await errorOf(alice, 'groups:kick', { groupId: '999', userId: 'x' })).toMatchObject({
      code: 'group-not-found',
    });
    const direct = await alice.call('conversations:open', { username: 'bob' });
    expect(await errorOf(alice, 'groups:readCount', { conversationId: direct.id, seq: 1 })).toMatchObject({
      code: 'group-not-found',
    });
  });

  it('creates by username, emits group and member events, and feeds the quick switcher', async () => {
    const before = alice.events.length;
    const { group, conversation } = await alice.call('groups:create', {
      name: 'Hiking club',
      usernames: ['bob'],
    });
    expect(group).toMatchObject({ memberCount: 2, myRole: 'owner', myNickname: '', notice: '' });
    expect(conversation.group).toEqual({
      groupId: group.groupId,
      memberCount: 2,
      role: 'owner',
      state: 'member',
    });
    await waitFor(
      () =>
        alice.events
          .slice(before)
          .some((e) => e.name === 'groups:membersChanged' && e.payload.groupId === group.groupId),
      { what: 'members event' },
    );
    expect(
      alice.events
        .slice(before)
        .some(
          (e) => e.name === 'groups:changed' && e.payload.groups.some((g) => g.groupId === group.groupId),
        ),
    ).toBe(true);
    const hits = await alice.call('search:switcher', { query: 'hiking' });
    expect(hits).toEqual([
      expect.objectContaining({ kind: 'group', title: 'Hiking club', conversationId: conversation.id }),
    ]);
  });

  it('transfers ownership, sets a nickname, and keeps the owner from quitting', async () => {
    const { group } = await alice.call('groups:create', { name: 'Handover', usernames: ['bob'] });
    const { groupId } = group;
    expect(await errorOf(alice, 'groups:quit', { groupId })).toMatchObject({ code: 'group-forbidden' });
    const nick = await alice.call('groups:setNickname', { groupId, nickname: 'Captain' });
    expect(nick.myNickname).toBe('Captain');
    const transferred = await alice.call('groups:transfer', { groupId, userId: bob.account.userId });
    expect(transferred).toMatchObject({ myRole: 'member', ownerId: bob.account.userId });
    const members = await alice.call('groups:members', { groupId });
    expect(members.map((m) => [m.username, m.role, m.nickname])).toEqual([
      ['bob', 'owner', ''],
      ['alice', 'member', 'Captain'],
    ]);
    expect(await errorOf(alice, 'groups:dissolve', { groupId })).toMatchObject({ code: 'group-forbidden' });
    await waitFor(
      async () => (await bob.call('groups:list', {})).find((g) => g.groupId === groupId)?.myRole === 'owner',
      {
        what: 'bob owns it',
      },
    );
  });

  it('removes a left group with its conversation, and brings it back on a new invitation', async () => {
    const { group, conversation } = await bob.call('groups:create', {
      name: 'Revolving',
      usernames: ['alice'],
    });
    const { groupId } = group;
    await waitFor(async () => (await alice.call('groups:list', {})).some((g) => g.groupId === groupId), {
      what: 'alice joined',
    });
    // Deleting a current group's conversation keeps the group.
    await alice.call('conversations:deleteLocal', { conversationId: conversation.id });
    expect((await alice.call('groups:list', {})).some((g) => g.groupId === groupId)).toBe(true);

    const quit = await alice.call('groups:quit', { groupId });
    expect(quit).toMatchObject({ state: 'left', myRole: null });
    const before = alice.events.length;
    await alice.call('conversations:deleteLocal', { conversationId: conversation.id });
    expect(alice.events.slice(before)).toContainEqual({
      name: 'groups:removed',
      payload: { groupIds: [groupId] },
    });
    expect((await alice.call('groups:list', {})).some((g) => g.groupId === groupId)).toBe(false);
    expect(await alice.call('search:switcher', { query: 'revolving' })).toEqual([]);

    await bob.call('groups:invite', { groupId, userIds: [alice.account.userId] });
    await waitFor(
      async () =>
        (await alice.call('groups:list', {})).find((g) => g.groupId === groupId)?.state === 'member',
      { what: 'alice back in' },
    );
    await bob.call('messages:send', { conversationId: conversation.id, text: 'welcome back' });
    await alice.waitForText('welcome back');
  });
});

describe('group limits and role rules against the real server', () => {
  let server: ServerProcess;
  const clients: EngineClient[] = [];

  beforeAll(async () => {
    // Two members at most; read counts only for groups of up to one member (none here).
    server = await startTestServer({ groups: { maxMembers: 2, readCountMaxMembers: 1 } });
    for (const name of ['dora', 'eli', 'fay']) {
      const client = createEngineClient(newDir());
      await client.register(server.url, name);
      clients.push(client);
    }
    for (const client of clients)
      await waitFor(async () => (await client.call('connection:get', {})).status === 'online', {
        what: 'online',
      });
  });
  afterAll(async () => {
    for (const client of clients) await client.close();
    await server?.stop();
  });

  it('refuses a full group, read counts of a large one, and owner-only changes by a member', async () => {
    const [dora, eli] = clients;
    if (!dora || !eli) throw new Error('clients missing');
    expect(
      await errorOf(dora, 'groups:create', { name: 'Crowded', usernames: ['eli', 'fay'] }),
    ).toMatchObject({
      code: 'group-full',
    });
    const { group, conversation } = await dora.call('groups:create', { name: 'Pair', usernames: ['eli'] });
    const { groupId } = group;
    expect(await errorOf(dora, 'groups:invite', { groupId, usernames: ['fay'] })).toMatchObject({
      code: 'group-full',
    });
    await waitFor(async () => (await eli.call('groups:list', {})).some((g) => g.groupId === groupId), {
      what: 'eli joined',
    });
    const eliRules = [
      await errorOf(eli, 'groups:setNotice', { groupId, notice: 'mine now' }),
      await errorOf(eli, 'groups:setAdmin', { groupId, userId: eli.account.userId, admin: true }),
      await errorOf(eli, 'groups:transfer', { groupId, userId: eli.account.userId }),
      await errorOf(eli, 'groups:kick', { groupId, userId: dora.account.userId }),
    ];
    expect(eliRules.map((e) => e.code)).toEqual(Array(4).fill('group-forbidden'));
    expect(
      await errorOf(dora, 'groups:readCount', { conversationId: conversation.id, seq: 1 }),
    ).toMatchObject({
      code: 'group-forbidden',
    });
  });
});
