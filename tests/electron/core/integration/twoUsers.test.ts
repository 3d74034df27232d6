import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directConversationId } from '../../../../shared/protocol';
import { startServer, waitFor, type ServerProcess } from '../../../helpers/serverProcess';
import { createEngineClient, type EngineClient } from '../helpers/engineClient';
import { useTempDirs } from '../helpers/tempDirs';

const newDir = useTempDirs('tidings-it-');
let server: ServerProcess;
let alice: EngineClient;
let bob: EngineClient;

beforeAll(async () => {
  server = await startServer({ dataDir: newDir() });
  alice = createEngineClient(newDir());
  bob = createEngineClient(newDir());
  await alice.register(server.url, 'alice', 'Alice');
  await bob.register(server.url, 'bob', 'Bob');
});

afterAll(async () => {
  await alice?.close();
  await bob?.close();
  await server?.stop();
});

describe('two engines against the real server', () => {
  it('delivers "你好 bob 👋" from alice to bob, stores it on both sides, and marks it sent', async () => {
    const conversation = await alice.call('conversations:open', { username: 'bob' });
    expect(conversation).toMatchObject({
      id: directConversationId(alice.account.userId, bob.account.userId),
      title: 'Bob',
      peer: { userId: bob.account.userId, username: 'bob' },
    });

    const text = '你好 bob 👋';
    const sent = await alice.call('messages:send', { conversationId: conversation.id, text });
    expect(sent).toMatchObject({
      status: 'sending',
      outgoing: true,
      senderId: alice.account.userId,
      body: { text },
    });

    const received = await bob.waitForText(text);
    expect(received).toMatchObject({
      id: sent.id,
      conversationId: conversation.id,
      senderId: alice.account.userId,
      outgoing: false,
      status: 'received',
      kind: 'text',
      seq: 1,
    });
    await alice.waitForStatus(sent.id, 'sent');

    const rows = bob.query<{ fp: string; body: string; status: string; seq: number }>(
      'SELECT fp, body, status, seq FROM messages WHERE fp = ?',
      sent.id,
    );
    expect(rows).toEqual([{ fp: sent.id, body: JSON.stringify({ text }), status: 'received', seq: 1 }]);
    expect(alice.query('SELECT fp, status FROM messages')).toEqual([{ fp: sent.id, status: 'sent' }]);
    expect(alice.query('SELECT * FROM outbox')).toEqual([]);

    // Bob learns who wrote from the server, and the conversation shows one unread message.
    await waitFor(() => bob.conversationEvents().some((c) => c.title === 'Alice'), {
      what: 'alice’s profile',
    });
    expect(await bob.call('conversations:list', {})).toMatchObject([
      { id: conversation.id, title: 'Alice', unread: 1, lastMessage: { preview: text, outgoing: false } },
    ]);
    expect(await bob.call('messages:list', { conversationId: conversation.id })).toMatchObject([
      { id: sent.id, body: { text } },
    ]);
  });

  it('carries a reply back, in order, in both timelines', async () => {
    const conversationId = directConversationId(alice.account.userId, bob.account.userId);
    const reply = await bob.call('messages:send', { conversationId, text: 'hi alice' });
    await alice.waitForText('hi alice');
    await bob.waitForStatus(reply.id, 'sent');
    const texts = (list: Array<{ body: Record<string, unknown> }>) => list.map((m) => m.body.text);
    expect(texts(await alice.call('messages:list', { conversationId }))).toEqual(['你好 bob 👋', 'hi alice']);
    expect(texts(await bob.call('messages:list', { conversationId }))).toEqual(['你好 bob 👋', 'hi alice']);
    alice.assertNoErrors();
    bob.assertNoErrors();
  });

  it('a sign-in on another device kicks the first engine, which then stops reconnecting', async () => {
    const other = createEngineClient(newDir());
    try {
      const account = await other.login(server.url, 'alice');
      expect(account).toEqual(alice.account);
      expect(await other.call('auth:current', {})).toEqual(account);
      // A new device starts with an empty local history; what was delivered is not replayed.
      expect(await other.call('conversations:list', {})).toEqual([]);

      await waitFor(() => alice.logger.count('connection.kicked') === 1, { what: 'kickout' });
      const kickedAt = alice.logger.entries.findIndex((e) => e.event === 'connection.kicked');
      // A full round trip through the new session, then check the old one never tried again.
      const conversation = await other.call('conversations:open', { username: 'bob' });
      const sent = await other.call('messages:send', {
        conversationId: conversation.id,
        text: 'from the laptop',
      });
      await bob.waitForText('from the laptop');
      await other.waitForStatus(sent.id, 'sent');
      const after = alice.logger.entries.slice(kickedAt + 1).map((e) => e.event);
      expect(after).not.toContain('connection.reconnect-scheduled');
      expect(after).not.toContain('connection.ready');
    } finally {
      await other.close();
    }
  });
});
