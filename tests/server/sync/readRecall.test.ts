import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directConversationId } from '../../../shared/protocol';
import { waitFor, type ServerProcess } from '../../helpers/serverProcess';
import { queryDb } from '../helpers/serverFiles';
import { pair, provision, startCoreServer, type Account } from './helpers/coreServer';
import {
  call,
  connectTidings,
  failing,
  messageEventFor,
  pullAll,
  sendText,
  takeAck,
  takeNotifyWith,
} from './helpers/devices';

let server: ServerProcess;

beforeAll(async () => {
  server = await startCoreServer();
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

describe('read state', () => {
  it('moves forward only, tells the reader’s other devices and sends the peer a receipt', async () => {
    const [alice, bob] = await pair(server.url);
    const conversationId = directConversationId(alice.userId, bob.userId);
    const a = await connectTidings(server.wsUrl, alice);
    const laptop = await connectTidings(server.wsUrl, bob, 'laptop');
    const phone = await connectTidings(server.wsUrl, bob, 'phone');
    for (const text of ['one', 'two', 'three']) await takeAck(a, sendText(a, bob.userId, text));

    expect(await call(laptop, 'read.mark', { conversationId, seq: 2 })).toEqual({ readSeq: 2 });
    const read = await takeNotifyWith(phone, (e) => e.type === 'read', 'read event on the other device');
    expect(read.event).toMatchObject({ type: 'read', conversationId, readSeq: 2 });
    const receipt = await takeNotifyWith(a, (e) => e.type === 'receipt', 'receipt');
    expect(receipt.event).toMatchObject({ type: 'receipt', conversationId, readSeq: 2, by: bob.userId });

    expect(await call(phone, 'read.mark', { conversationId, seq: 1 })).toEqual({ readSeq: 2 }); // never back
    expect(await call(phone, 'read.mark', { conversationId, seq: 99 })).toEqual({ readSeq: 3 }); // not past the last
    const list = await call(laptop, 'sync.conversations', {});
    expect(list.conversations).toEqual([{ id: conversationId, lastSeq: 3, readSeq: 3, peerReadSeq: 3 }]);
    // Unread = lastSeq - readSeq; the sender's own messages count as read.
    expect((await call(a, 'sync.conversations', {})).conversations).toEqual([
      { id: conversationId, lastSeq: 3, readSeq: 3, peerReadSeq: 3 },
    ]);
    // Two real moves, two events each side; a mark that moves nothing writes nothing.
    const bobReads = (await pullAll(laptop)).filter((e) => e.type === 'read');
    expect(bobReads.map((e) => e.type === 'read' && e.readSeq)).toEqual([2, 3]);
    const receipts = (await pullAll(a)).filter((e) => e.type === 'receipt');
    expect(receipts.map((e) => e.type === 'receipt' && e.readSeq)).toEqual([2, 3]);
    for (const device of [a, laptop, phone]) device.close();
  });

  it('refuses conversations that are not the user’s', async () => {
    const [alice, bob] = await pair(server.url);
    const [carol] = (await provision(server.url, 1, 'carol')) as [Account];
    const a = await connectTidings(server.wsUrl, alice);
    await takeAck(a, sendText(a, bob.userId, 'private'));
    const c = await connectTidings(server.wsUrl, carol);
    const theirs = directConversationId(alice.userId, bob.userId);
    expect(await failing(c, 'read.mark', { conversationId: theirs, seq: 1 })).toBe('forbidden');
    expect(await failing(c, 'message.recall', { conversationId: theirs, seq: 1 })).toBe('forbidden');
    expect(
      await failing(c, 'read.mark', {
        conversationId: directConversationId(carol.userId, bob.userId),
        seq: 1,
      }),
    ).toBe('not-found');
    a.close();
    c.close();
  });
});

describe('recall', () => {
  it('replaces the message with a tombstone everywhere and tells every device, online or not', async () => {
    const [alice, bob] = await pair(server.url);
    const conversationId = directConversationId(alice.userId, bob.userId);
    const laptop = await connectTidings(server.wsUrl, alice, 'laptop');
    const phone = await connectTidings(server.wsUrl, alice, 'phone');
    const b = await connectTidings(server.wsUrl, bob);
    const fp = sendText(laptop, bob.userId, 'the secret word is swordfish');
    await takeAck(laptop, fp);
    const sent = await takeNotifyWith(b, messageEventFor(fp));

    expect(await call(laptop, 'message.recall', { conversationId, seq: 1 })).toEqual({});
    for (const device of [laptop, phone, b]) {
      const { event } = await takeNotifyWith(device, (e) => e.type === 'recall', 'recall event');
      expect(event).toMatchObject({ type: 'recall', conversationId, messageSeq: 1, by: alice.userId });
    }
    // The words are gone from the database, not hidden.
    expect(queryDb(server.dataDir, "SELECT id FROM messages WHERE body LIKE '%swordfish%'")).toEqual([]);
    const history = await call(b, 'sync.history', { conversationId });
    expect(history.messages).toEqual([
      {
        ...(sent.event.type === 'message' ? sent.event.message : {}),
        kind: 'notice',
        body: { event: 'recall', actorId: alice.userId },
      },
    ]);
    // A device that was offline converges from its pull: the message event now carries the tombstone.
    const tablet = await connectTidings(server.wsUrl, bob, 'tablet');
    const events = await pullAll(tablet);
    expect(events.map((e) => e.type)).toEqual(['message', 'recall']);
    expect(events[0]).toMatchObject({ message: { fp, kind: 'notice', body: { event: 'recall' } } });
    // Recalling again is not an error (clients re-send unanswered commands) and changes nothing.
    expect(await call(phone, 'message.recall', { conversationId, seq: 1 })).toEqual({});
    expect((await pullAll(tablet, events.at(-1)?.seq)).length).toBe(0);
    for (const device of [laptop, phone, b, tablet]) device.close();
  });

  it('is for the sender only, of messages that exist', async () => {
    const [alice, bob] = await pair(server.url);
    const conversationId = directConversationId(alice.userId, bob.userId);
    const a = await connectTidings(server.wsUrl, alice);
    const b = await connectTidings(server.wsUrl, bob);
    await takeAck(a, sendText(a, bob.userId, 'mine'));
    expect(await failing(b, 'message.recall', { conversationId, seq: 1 })).toBe('forbidden');
    expect(await failing(a, 'message.recall', { conversationId, seq: 2 })).toBe('not-found');
    a.close();
    b.close();
  });

  it('is refused once the window has passed', async () => {
    const strict = await startCoreServer({ timings: { recallWindowMs: 50 } });
    try {
      const [alice, bob] = await pair(strict.url);
      const a = await connectTidings(strict.wsUrl, alice);
      expect(a.hello.limits.recallWindowMs).toBe(50);
      const ack = takeAck(a, sendText(a, bob.userId, 'too late'));
      await ack;
      const sentAt = Date.now();
      await waitFor(() => Date.now() - sentAt > 200, { what: 'the window to pass' });
      const conversationId = directConversationId(alice.userId, bob.userId);
      expect(await failing(a, 'message.recall', { conversationId, seq: 1 })).toBe('recall-window-passed');
      expect((await call(a, 'sync.history', { conversationId })).messages[0]?.body).toEqual({
        text: 'too late',
      });
      a.close();
    } finally {
      expect(await strict.stop()).toBe(0);
    }
  });
});
