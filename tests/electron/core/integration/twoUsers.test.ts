import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directConversationId } from '../../../../shared/protocol';
import { waitFor, type ServerProcess } from '../../../helpers/serverProcess';
import { createEngineClient, type EngineClient } from '../helpers/engineClient';
import { useTempDirs } from '../helpers/tempDirs';
import { closeAliceAndBob, registerAliceAndBob } from './aliceAndBob';
import { startTestServer } from './realServer';

const newDir = useTempDirs('tidings-it-');
let server: ServerProcess;
let alice: EngineClient;
let bob: EngineClient;

beforeAll(async () => {
  server = await startTestServer();
  ({ alice, bob } = await registerAliceAndBob(server.url, newDir));
});

afterAll(async () => {
  await closeAliceAndBob(alice, bob, server);
});

describe('two engines against the real server', () => {
  it('delivers "你好 bob 👋" from alice to bob, stores it on both sides, and marks it sent', async () => {
    const conversation = await alice.call('conversations:open', { username: 'bob' });
    expect(conversation).toMatchObject({
      id: directConversationId(alice.account.userId, bob.account.userId),
      title: 'Bob',
      peer: { userId: bob.account.userId, username: 'bob' },
    });
    await waitFor(async () => (await alice.call('connection:get', {})).status === 'online', {
      what: 'online',
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
    // The sender's own device learns the sequence from its own inbox.
    await waitFor(() => alice.messageEvents().some((m) => m.id === sent.id && m.seq === 1), { what: 'seq' });

    const rows = bob.query<{ fp: string; body: string; status: string; seq: number }>(
      'SELECT fp, body, status, seq FROM messages WHERE fp = ?',
      sent.id,
    );
    expect(rows).toEqual([{ fp: sent.id, body: JSON.stringify({ text }), status: 'received', seq: 1 }]);
    expect(alice.query('SELECT fp, status, seq FROM messages')).toEqual([
      { fp: sent.id, status: 'sent', seq: 1 },
    ]);
    expect(alice.query('SELECT * FROM outbox')).toEqual([]);

    await waitFor(() => bob.conversationEvents().some((c) => c.title === 'Alice'), {
      what: 'alice’s profile',
    });
    expect(await bob.call('conversations:list', {})).toMatchObject([
      { id: conversation.id, title: 'Alice', unread: 1, lastMessage: { preview: text, outgoing: false } },
    ]);
  });

  it('carries a reply back, and a read mark turns the sender’s message read', async () => {
    const conversationId = directConversationId(alice.account.userId, bob.account.userId);
    const reply = await bob.call('messages:send', { conversationId, text: 'hi alice', replyToSeq: 1 });
    await alice.waitForText('hi alice');
    await bob.waitForStatus(reply.id, 'sent');
    const texts = (list: Array<{ body: Record<string, unknown> }>) => list.map((m) => m.body.text);
    expect(texts(await alice.call('messages:list', { conversationId }))).toEqual(['你好 bob 👋', 'hi alice']);
    expect(texts(await bob.call('messages:list', { conversationId }))).toEqual(['你好 bob 👋', 'hi alice']);
    const [, withReply] = await alice.call('messages:list', { conversationId });
    expect(withReply?.body.replyTo).toMatchObject({ seq: 1 });

    expect((await alice.call('conversations:markRead', { conversationId })).unread).toBe(0);
    await waitFor(() => bob.messageEvents().some((m) => m.id === reply.id && m.status === 'read'), {
      what: 'bob’s reply read by alice',
    });
    alice.assertNoErrors();
    bob.assertNoErrors();
  });

  it('echoes to the user’s other device: what one sends shows as sent on the other, and reads follow', async () => {
    const laptop = createEngineClient(newDir());
    try {
      await laptop.login(server.url, 'alice');
      const conversationId = directConversationId(alice.account.userId, bob.account.userId);
      // A new device fills up from the server, including what alice sent from the first one.
      await laptop.waitForText('你好 bob 👋');
      const fromLaptop = await laptop.call('messages:send', { conversationId, text: 'from the laptop' });
      await bob.waitForText('from the laptop');
      const echoed = await alice.waitForText('from the laptop');
      expect(echoed).toMatchObject({ id: fromLaptop.id, outgoing: true, status: 'sent' });
      // Another device of the same user is its own session: the first one was not kicked.
      expect(alice.logger.count('connection.kicked')).toBe(0);
      const fromBob = await bob.call('messages:send', { conversationId, text: 'seen anywhere?' });
      await alice.waitForText('seen anywhere?');
      await laptop.waitForText('seen anywhere?');
      await laptop.call('conversations:markRead', { conversationId });
      await waitFor(async () => (await alice.call('conversations:list', {}))[0]?.unread === 0, {
        what: 'read on the other device',
      });
      await bob.waitForStatus(fromBob.id, 'read');
    } finally {
      await laptop.close();
    }
  });

  it('a fresh sign-in of the same device in another process kicks the first engine, which stops', async () => {
    const dataDir = newDir();
    const first = createEngineClient(dataDir);
    const second = createEngineClient(dataDir, { autoRestore: false });
    try {
      await first.login(server.url, 'bob');
      await waitFor(async () => (await first.call('connection:get', {})).status === 'online', {
        what: 'online',
      });
      await second.login(server.url, 'bob');
      await waitFor(async () => (await first.call('connection:get', {})).status === 'kicked', {
        what: 'kicked',
      });
      expect(await first.call('connection:get', {})).toEqual({
        status: 'kicked',
        mode: 'tidings',
        reason: 'other-login',
      });
      const kickedAt = first.logger.entries.findIndex((e) => e.event === 'connection.kicked');
      const conversationId = directConversationId(alice.account.userId, bob.account.userId);
      const sent = await second.call('messages:send', { conversationId, text: 'second process' });
      await alice.waitForText('second process');
      await second.waitForStatus(sent.id, 'sent');
      const after = first.logger.entries.slice(kickedAt + 1).map((e) => e.event);
      expect(after).not.toContain('connection.reconnect-scheduled');
      expect(after).not.toContain('connection.ready');
    } finally {
      await first.close();
      await second.close();
    }
  });
});
