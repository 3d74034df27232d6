import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directConversationId } from '../../../../shared/protocol';
import { waitFor, type ServerProcess } from '../../../helpers/serverProcess';
import { createEngineClient, type EngineClient } from '../helpers/engineClient';
import { useTempDirs } from '../helpers/tempDirs';
import { startTestServer } from '../integration/realServer';
import {
  payloads,
  waitForContactEvent,
  waitForContacts,
  waitForPresence,
  waitForRemoved,
  waitForRequests,
  waitOnline,
} from './friendsHelpers';

const newDir = useTempDirs('tidings-block-');
let server: ServerProcess;
let alice: EngineClient;
let bob: EngineClient;
let dave: EngineClient;
let daveDir: string;
let erin: EngineClient;

/** Makes `asker` and `accepter` friends through the engines' own channels. */
async function befriend(asker: EngineClient, accepter: EngineClient): Promise<void> {
  await asker.call('friends:request', { username: accepter.account.username, message: '' });
  await waitForRequests(
    accepter,
    (list) => list.some((r) => r.userId === asker.account.userId),
    'the request',
  );
  await accepter.call('friends:accept', { userId: asker.account.userId });
  await waitForContacts(asker, (list) => list.some((c) => c.userId === accepter.account.userId), 'friends');
}

beforeAll(async () => {
  server = await startTestServer({ groups: { presenceCoalesceMs: 50 } });
  alice = createEngineClient(newDir());
  bob = createEngineClient(newDir());
  daveDir = newDir();
  dave = createEngineClient(daveDir);
  erin = createEngineClient(newDir());
  await alice.register(server.url, 'alice', 'Alice');
  await bob.register(server.url, 'bob', 'Bob');
  await dave.register(server.url, 'dave', 'Dave');
  await erin.register(server.url, 'erin', 'Erin');
  for (const client of [alice, bob, dave, erin]) await waitOnline(client);
});

afterAll(async () => {
  for (const client of [alice, bob, dave, erin]) await client?.close();
  await server?.stop();
});

describe('block', () => {
  it('ends the friendship on both sides and lists the blocked user on the blocker’s side only', async () => {
    await befriend(bob, alice);
    const blocked = await alice.call('contacts:block', { userId: bob.account.userId });
    expect(blocked).toMatchObject({
      userId: bob.account.userId,
      relation: 'none',
      blocked: true,
      friendsSince: null,
    });
    expect(await alice.call('contacts:list', {})).toMatchObject([{ username: 'bob', blocked: true }]);
    await waitForRemoved(bob, alice.account.userId, 'bob loses alice');
    expect(await bob.call('contacts:list', {})).toEqual([]);
    expect(
      alice.query('SELECT relation, blocked FROM contacts WHERE user_id = ?', bob.account.userId),
    ).toEqual([{ relation: 'none', blocked: 1 }]);
  });

  it('refuses the blocked user’s requests and messages with a clear error, and the blocker’s requests too', async () => {
    const request = await bob.host.dispatch('friends:request', { username: 'alice', message: 'please' });
    expect(request).toEqual({
      ok: false,
      error: { code: 'blocked', message: 'This user does not accept requests from you.' },
    });
    const own = await alice.host.dispatch('friends:request', { username: 'bob', message: '' });
    expect(own).toEqual({
      ok: false,
      error: { code: 'blocked', message: 'You have blocked this user; unblock them first.' },
    });

    const conversation = await bob.call('conversations:open', { username: 'alice' });
    const sent = await bob.call('messages:send', { conversationId: conversation.id, text: 'are you there?' });
    await bob.waitForStatus(sent.id, 'failed');
    expect(bob.query('SELECT status FROM messages WHERE fp = ?', sent.id)).toEqual([{ status: 'failed' }]);
    expect(alice.query('SELECT fp FROM messages WHERE fp = ?', sent.id)).toEqual([]);
    // The page learns why, not only that it failed.
    const listed = await bob.call('messages:list', { conversationId: conversation.id });
    expect(listed.find((m) => m.id === sent.id)?.failure).toMatchObject({ code: 'blocked' });
  });

  it('unblocking removes the entry, and the two may ask again', async () => {
    expect(await alice.call('contacts:unblock', { userId: bob.account.userId })).toBeNull();
    expect(await alice.call('contacts:list', {})).toEqual([]);
    expect(payloads(alice, 'contacts:removed').at(-1)?.userIds).toEqual([bob.account.userId]);
    expect(await bob.call('friends:request', { username: 'alice', message: 'again' })).toMatchObject({
      relation: 'outgoing',
    });
    await waitForRequests(alice, (list) => list.some((r) => r.message === 'again'), 'the new request');
    await bob.call('contacts:delete', { userId: alice.account.userId });
    await waitForRequests(alice, (list) => list.length === 0, 'the request withdrawn');
  });
});

describe('presence', () => {
  it('shows a friend online, pushes offline with last seen, and hides last seen when they ask', async () => {
    await befriend(dave, alice);
    const conversationId = directConversationId(alice.account.userId, dave.account.userId);
    expect(conversationId).toMatch(/^d:/);

    const [online] = await alice.call('presence:get', { userIds: [dave.account.userId] });
    expect(online).toEqual({ userId: dave.account.userId, online: true, lastSeen: null });
    expect((await alice.call('contacts:list', {}))[0]?.presence).toEqual(online);
    // Only friends and fellow members: a stranger's presence is not answered.
    expect(await alice.call('presence:get', { userIds: [erin.account.userId] })).toEqual([]);

    const before = Date.now();
    await dave.close();
    const offline = await waitForPresence(
      alice,
      (p) => p.userId === dave.account.userId && !p.online,
      'dave offline pushed',
    );
    expect(offline.lastSeen).toBeGreaterThanOrEqual(before - 1_000);
    await waitForContactEvent(
      alice,
      (c) => c.userId === dave.account.userId && c.presence?.online === false,
      'contact',
    );
    expect(
      alice.query('SELECT online, last_seen FROM presence WHERE user_id = ?', dave.account.userId),
    ).toEqual([{ online: 0, last_seen: offline.lastSeen }]);

    const seen = payloads(alice, 'presence:changed').length;
    dave = createEngineClient(daveDir);
    await dave.restored();
    await waitOnline(dave);
    // Pushed, not asked: wait for a change after the reconnect (a close within the coalescing
    // delay would push nothing at all).
    await waitFor(
      () =>
        payloads(alice, 'presence:changed')
          .slice(seen)
          .some((p) => p.users.some((u) => u.userId === dave.account.userId && u.online)),
      { timeoutMs: 30_000, what: 'dave back online' },
    );
    expect(await dave.call('presence:getPrivacy', {})).toEqual({ hideLastSeen: false });
    expect(await dave.call('presence:setPrivacy', { hideLastSeen: true })).toEqual({ hideLastSeen: true });
    expect(await dave.call('presence:getPrivacy', {})).toEqual({ hideLastSeen: true });

    const pushes = payloads(alice, 'presence:changed').length;
    await dave.close();
    const hidden = await waitFor(
      () =>
        payloads(alice, 'presence:changed')
          .slice(pushes)
          .flatMap((p) => p.users)
          .find((p) => p.userId === dave.account.userId && !p.online),
      { timeoutMs: 30_000, what: 'dave offline again' },
    );
    expect(hidden.lastSeen).toBeNull();
    expect(await alice.call('presence:get', { userIds: [dave.account.userId] })).toEqual([
      { userId: dave.account.userId, online: false, lastSeen: null },
    ]);
  });
});
