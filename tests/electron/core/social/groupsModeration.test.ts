import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor, type ServerProcess } from '../../../helpers/serverProcess';
import { createEngineClient, type EngineClient } from '../helpers/engineClient';
import { useTempDirs } from '../helpers/tempDirs';
import { startTestServer } from '../integration/realServer';

const newDir = useTempDirs('tidings-group-moderation-');

describe('recall, read counts and mark-all-read in a group, against the real server', () => {
  let server: ServerProcess;
  let alice: EngineClient;
  let bob: EngineClient;
  let carol: EngineClient;

  beforeAll(async () => {
    // No recall window: members can never recall; owner and admins always can.
    server = await startTestServer({ timings: { recallWindowMs: 0 } });
    alice = createEngineClient(newDir());
    bob = createEngineClient(newDir());
    carol = createEngineClient(newDir());
    await alice.register(server.url, 'alice', 'Alice');
    await bob.register(server.url, 'bob', 'Bob');
    await carol.register(server.url, 'carol', 'Carol');
    for (const client of [alice, bob, carol])
      await waitFor(async () => (await client.call('connection:get', {})).status === 'online', {
        what: 'online',
      });
  });
  afterAll(async () => {
    await alice?.close();
    await bob?.close();
    await carol?.close();
    await server?.stop();
  });

  it('lets the owner and admins recall anyone’s message at any time, and members nothing past the window', async () => {
    const { group, conversation } = await alice.call('groups:create', {
      name: 'Moderated',
      memberIds: [bob.account.userId, carol.account.userId],
    });
    const conversationId = conversation.id;
    const numbered = async (client: EngineClient, text: string) => {
      const sent = await client.call('messages:send', { conversationId, text });
      return waitFor(() => client.messageEvents().find((m) => m.id === sent.id && m.seq !== null), {
        what: `"${text}" stored`,
      });
    };
    await waitFor(async () => (await carol.call('groups:list', {})).length === 1, { what: 'carol joined' });
    const fromCarol = await numbered(carol, 'carol says');
    const fromBob = await numbered(bob, 'bob typo');
    await bob.waitForText('carol says');

    expect(await bob.host.dispatch('messages:recall', { id: fromCarol.id })).toMatchObject({
      ok: false,
      error: { code: 'recall-forbidden' },
    });
    expect(await bob.host.dispatch('messages:recall', { id: fromBob.id })).toMatchObject({
      ok: false,
      error: { code: 'recall-window-passed' },
    });

    await alice.waitForText('carol says');
    const recalled = await alice.call('messages:recall', { id: fromCarol.id });
    expect(recalled.recalled).toMatchObject({ by: alice.account.userId });
    for (const client of [bob, carol])
      await waitFor(() => client.messageEvents().some((m) => m.id === fromCarol.id && m.recalled !== null), {
        what: 'tombstone',
      });
    expect(JSON.stringify(carol.query('SELECT body FROM messages WHERE fp = ?', fromCarol.id))).not.toContain(
      'carol says',
    );

    // Made an admin, bob may recall his own message after all.
    await alice.call('groups:setAdmin', { groupId: group.groupId, userId: bob.account.userId, admin: true });
    await waitFor(async () => (await bob.call('groups:list', {}))[0]?.myRole === 'admin', {
      what: 'bob admin',
    });
    expect((await bob.call('messages:recall', { id: fromBob.id })).recalled).toMatchObject({
      by: bob.account.userId,
    });
  });

  it('counts who read a message, and marks every conversation read at once', async () => {
    const { group, conversation } = await alice.call('groups:create', {
      name: 'Readers',
      memberIds: [bob.account.userId, carol.account.userId],
    });
    const conversationId = conversation.id;
    const sent = await alice.call('messages:send', { conversationId, text: 'did you read this' });
    const stored = await waitFor(
      () => alice.messageEvents().find((m) => m.id === sent.id && m.seq !== null),
      { what: 'stored' },
    );
    const seq = stored.seq ?? 0;
    await bob.waitForText('did you read this');
    await carol.waitForText('did you read this');
    expect(await alice.call('groups:readCount', { conversationId, seq })).toEqual({ read: 0, unread: 2 });

    await bob.call('conversations:markRead', { conversationId });
    await waitFor(async () => (await alice.call('groups:readCount', { conversationId, seq })).read === 1, {
      what: 'bob’s read reaches the count',
    });

    const unread = (await carol.call('conversations:list', {})).filter((c) => c.unread > 0);
    expect(unread.map((c) => c.id)).toContain(conversationId);
    const marked = await carol.call('conversations:markAllRead', {});
    expect(marked.map((c) => c.id).sort()).toEqual(unread.map((c) => c.id).sort());
    expect(marked.every((c) => c.unread === 0 && !c.mentioned)).toBe(true);
    expect((await carol.call('conversations:list', {})).every((c) => c.unread === 0)).toBe(true);
    await waitFor(
      async () =>
        JSON.stringify(await alice.call('groups:readCount', { conversationId, seq })) ===
        JSON.stringify({ read: 2, unread: 0 }),
      { what: 'carol’s read reaches the count' },
    );
    // Nothing left to mark: an empty answer.
    expect(await carol.call('conversations:markAllRead', {})).toEqual([]);
    expect(group.state).toBe('member');
  });
});
