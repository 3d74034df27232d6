import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directConversationId, FrameType, Typeu, type WireMessage } from '../../../shared/protocol';
import type { ServerProcess } from '../../helpers/serverProcess';
import { queryDb } from '../helpers/serverFiles';
import { pair, provision, startCoreServer, type Account } from '../sync/helpers/coreServer';
import {
  call,
  connectTidings,
  messageEventFor,
  sendMessage,
  sendText,
  takeAck,
  takeNotifyWith,
  takeRefusal,
  type TidingsDevice,
} from '../sync/helpers/devices';

type MessageRow = {
  id: number;
  conversation_id: string;
  seq: number;
  fp: string;
  sender_id: number;
  sent_at: number;
  kind: string;
  body: string;
};

let server: ServerProcess;

beforeAll(async () => {
  // Debug level shows the group-commit log line the sequence test looks for.
  server = await startCoreServer({}, { logLevel: 'debug' });
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

const messagesWithFp = (fp: string): MessageRow[] =>
  queryDb<MessageRow>(server.dataDir, 'SELECT * FROM messages WHERE fp = ?', fp);

async function online(): Promise<{ alice: Account; bob: Account; a: TidingsDevice; b: TidingsDevice }> {
  const [alice, bob] = await pair(server.url);
  return {
    alice,
    bob,
    a: await connectTidings(server.wsUrl, alice),
    b: await connectTidings(server.wsUrl, bob),
  };
}

/** What a device received as `message` events carrying the message with this fp. */
const deliveredCopies = (device: TidingsDevice, fp: string): number =>
  device.received
    .filter((f) => f.type === FrameType.data && f.typeu === Typeu.notify)
    .flatMap(
      (f) => (JSON.parse(f.dataContent ?? '{}') as { events?: { message?: WireMessage }[] }).events ?? [],
    )
    .filter((e) => e.message?.fp === fp).length;

describe('a message', () => {
  it('is committed, with an inbox event for each member, before its ACK; then both sides are notified', async () => {
    const { alice, bob, a, b } = await online();
    const before = Date.now();
    const fp = sendText(a, bob.userId, 'hello, Bob 👋');
    const ack = await takeAck(a, fp);
    // Read through a separate connection the moment the ACK arrives: everything must be committed.
    const rows = messagesWithFp(fp);
    expect(rows).toHaveLength(1);
    const row = rows[0] as MessageRow;
    const events = queryDb<{ user_id: number; type: string; ref_seq: number }>(
      server.dataDir,
      'SELECT user_id, type, ref_seq FROM inbox_events WHERE conversation_id = ? ORDER BY user_id',
      row.conversation_id,
    );
    expect(events).toEqual(
      [alice, bob]
        .map((u) => ({ user_id: Number(u.userId), type: 'message', ref_seq: 1 }))
        .sort((x, y) => x.user_id - y.user_id),
    );
    expect(ack).toMatchObject({ type: FrameType.ack, from: bob.userId, to: alice.userId, dataContent: fp });

    const expected: WireMessage = {
      id: String(row.id),
      conversationId: directConversationId(alice.userId, bob.userId),
      seq: 1,
      fp,
      senderId: alice.userId,
      sentAt: row.sent_at,
      kind: 'text',
      body: { text: 'hello, Bob 👋' },
    };
    const received = await takeNotifyWith(b, messageEventFor(fp));
    expect(received.event).toEqual({
      seq: 1,
      at: row.sent_at,
      type: 'message',
      conversationId: expected.conversationId,
      messageSeq: 1,
      message: expected,
    });
    expect(received.notify.cursors).toEqual({ inbox: 1 });
    expect(row.sent_at).toBeGreaterThanOrEqual(before - 1000);
    // The sending device learns its message's seq and inbox position the same way.
    expect((await takeNotifyWith(a, messageEventFor(fp))).event).toMatchObject({ seq: 1, message: expected });
    // Notify-pull only: no QoS push of the message itself to a Tidings device.
    expect(b.received.some((f) => f.type === FrameType.data && f.QoS)).toBe(false);
    a.close();
    b.close();
  });

  it('a retransmission with the same fp gets the same ACK and is stored and relayed once', async () => {
    const { bob, a, b } = await online();
    const fp = sendText(a, bob.userId, 'once only');
    const firstAck = await takeAck(a, fp);
    await takeNotifyWith(b, messageEventFor(fp));
    sendText(a, bob.userId, 'once only', fp);
    sendText(a, bob.userId, 'once only, edited', fp);
    expect(await takeAck(a, fp)).toEqual(firstAck);
    expect(await takeAck(a, fp)).toEqual(firstAck);
    // Frames are handled in order, so a relay of the copies would reach Bob before this marker.
    const marker = sendText(a, bob.userId, 'marker');
    await takeNotifyWith(b, messageEventFor(marker));
    expect(deliveredCopies(b, fp)).toBe(1);
    expect(messagesWithFp(fp)).toHaveLength(1);
    expect((await call(b, 'sync.inbox', { after: 0 })).events).toHaveLength(2);
    a.close();
    b.close();
  });

  it('copies of one fp sent back to back (one batch) are stored once', async () => {
    const { bob, a } = await online();
    const fp = randomUUID();
    for (let i = 0; i < 5; i++) sendText(a, bob.userId, 'burst', fp);
    for (let i = 0; i < 5; i++) await takeAck(a, fp);
    expect(messagesWithFp(fp)).toHaveLength(1);
    a.close();
  });
});

describe('kinds', () => {
  it('a text keeps its mentions; a reply gets the quoted sender and preview from the server', async () => {
    const { alice, bob, a, b } = await online();
    const first = sendText(b, alice.userId, 'Lunch at noon?');
    await takeAck(b, first);
    const reply = sendMessage(a, bob.userId, {
      kind: 'text',
      body: {
        text: 'Yes @bob',
        mentions: [bob.userId],
        replyTo: { seq: 1, senderId: alice.userId, preview: 'forged' },
      },
    });
    await takeAck(a, reply);
    const { event } = await takeNotifyWith(b, messageEventFor(reply));
    expect(event.type === 'message' && event.message?.body).toEqual({
      text: 'Yes @bob',
      mentions: [bob.userId],
      replyTo: { seq: 1, senderId: bob.userId, preview: 'Lunch at noon?' },
    });
    const missing = sendMessage(a, bob.userId, { kind: 'text', body: { text: 'x', replyTo: { seq: 99 } } });
    expect((await takeRefusal(a, missing)).code).toBe('invalid-request');
    a.close();
    b.close();
  });

  it('a card gets the user’s username and display name from the server', async () => {
    const { alice, bob, a, b } = await online();
    const [carol] = (await provision(server.url, 1, 'carol')) as [Account];
    const fp = sendMessage(a, bob.userId, {
      kind: 'card',
      body: { userId: carol.userId, displayName: 'Mallory' },
    });
    await takeAck(a, fp);
    const { event } = await takeNotifyWith(b, messageEventFor(fp));
    expect(event.type === 'message' && event.message).toMatchObject({
      kind: 'card',
      senderId: alice.userId,
      body: { userId: carol.userId, username: carol.username, displayName: 'carol 0' },
    });
    const nobody = sendMessage(a, bob.userId, { kind: 'card', body: { userId: '987654321' } });
    expect((await takeRefusal(a, nobody)).code).toBe('user-not-found');
    a.close();
    b.close();
  });

  it('a forward copies a message the sender can see, with its origin; anything else is refused', async () => {
    const { alice, bob, a, b } = await online();
    const [carol] = (await provision(server.url, 1, 'carol')) as [Account];
    const c = await connectTidings(server.wsUrl, carol);
    const original = sendText(b, alice.userId, 'worth sharing');
    const originalAck = takeAck(b, original);
    await originalAck;
    const { event: seen } = await takeNotifyWith(a, messageEventFor(original));
    const fromBob = directConversationId(alice.userId, bob.userId);
    const fp = sendMessage(a, carol.userId, { kind: 'forward', body: { conversationId: fromBob, seq: 1 } });
    await takeAck(a, fp);
    const { event } = await takeNotifyWith(c, messageEventFor(fp));
    expect(event.type === 'message' && event.message).toMatchObject({
      kind: 'text',
      senderId: alice.userId,
      conversationId: directConversationId(alice.userId, carol.userId),
      body: {
        text: 'worth sharing',
        forwarded: { senderId: bob.userId, sentAt: seen.type === 'message' ? seen.message?.sentAt : -1 },
      },
    });
    // Carol is not in Alice and Bob's conversation.
    const stolen = sendMessage(c, alice.userId, {
      kind: 'forward',
      body: { conversationId: fromBob, seq: 1 },
    });
    expect((await takeRefusal(c, stolen)).code).toBe('invalid-request');
    a.close();
    b.close();
    c.close();
  });

  it.each([
    ['a notice (server only)', { kind: 'notice', body: { event: 'joined' } }],
    ['an unknown kind', { kind: 'hologram', body: {} }],
    ['an empty text', { kind: 'text', body: { text: '' } }],
    ['a text too long', { kind: 'text', body: { text: 'x'.repeat(8_001) } }],
    ['a text of the wrong type', { kind: 'text', body: { text: 42 } }],
    ['mentions of the wrong type', { kind: 'text', body: { text: 'hi', mentions: 'everyone' } }],
  ])('refuses %s with typeu 3 and no ACK', async (_, payload) => {
    const { bob, a } = await online();
    const fp = randomUUID();
    a.send({
      type: FrameType.data,
      to: bob.userId,
      fp,
      QoS: true,
      typeu: Typeu.message,
      dataContent: JSON.stringify(payload),
    });
    const refusal = await takeRefusal(a, fp);
    expect(refusal.code).toBe('invalid-request');
    expect(refusal.message.length).toBeGreaterThan(0);
    expect(a.received.some((f) => f.type === FrameType.ack)).toBe(false);
    expect(messagesWithFp(fp)).toHaveLength(0);
    a.close();
  });
});

describe('refusals', () => {
  it.each([
    ['an unknown user', () => '987654321', 'user-not-found'],
    ['a malformed user id', () => "1' OR '1'='1", 'user-not-found'],
    ['the server', () => '0', 'invalid-recipient'],
  ])('refuses a message to %s with typeu 3 and no ACK', async (_, to, code) => {
    const [alice] = (await provision(server.url, 1, 'alice')) as [Account];
    const a = await connectTidings(server.wsUrl, alice);
    const fp = sendText(a, to(), 'anyone there?');
    expect((await takeRefusal(a, fp)).code).toBe(code);
    expect(a.received.some((f) => f.type === FrameType.ack)).toBe(false);
    expect(messagesWithFp(fp)).toHaveLength(0);
    a.close();
  });

  it('refuses a message to oneself and an unsupported typeu; drops a message without fp', async () => {
    const { alice, bob, a, b } = await online();
    const self = sendText(a, alice.userId, 'me');
    expect((await takeRefusal(a, self)).code).toBe('invalid-recipient');
    a.send({ type: FrameType.data, to: bob.userId, fp: 'odd', QoS: true, typeu: 77, dataContent: 'x' });
    expect((await takeRefusal(a, 'odd')).message).toContain('77');
    a.send({
      type: FrameType.data,
      to: bob.userId,
      QoS: true,
      typeu: Typeu.message,
      dataContent: '{"kind":"text","body":{"text":"no fp"}}',
    });
    const marker = sendText(a, bob.userId, 'marker');
    await takeNotifyWith(b, messageEventFor(marker));
    expect(queryDb(server.dataDir, "SELECT id FROM messages WHERE body LIKE '%no fp%'")).toEqual([]);
    a.close();
    b.close();
  });
});

describe('sequences', () => {
  it('stay gap-free with two concurrent senders in one conversation, and each side sees them in order', async () => {
    const { alice, bob, a, b } = await online();
    const perSender = 40;
    const fromAlice: string[] = [];
    const fromBob: string[] = [];
    for (let i = 0; i < perSender; i++) {
      fromAlice.push(sendText(a, bob.userId, `a${i}`));
      fromBob.push(sendText(b, alice.userId, `b${i}`));
    }
    await Promise.all([...fromAlice.map((fp) => takeAck(a, fp)), ...fromBob.map((fp) => takeAck(b, fp))]);

    const conversationId = directConversationId(alice.userId, bob.userId);
    const seqs = queryDb<{ seq: number }>(
      server.dataDir,
      'SELECT seq FROM messages WHERE conversation_id = ? ORDER BY seq',
      conversationId,
    ).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: 2 * perSender }, (_, i) => i + 1));
    // Frames that arrive in one event-loop turn share a transaction.
    const batches = server
      .output()
      .split('\n')
      .filter((line) => line.includes('"group commit"'))
      .map((line) => (JSON.parse(line) as { operations: number }).operations);
    expect(Math.max(...batches)).toBeGreaterThan(1);

    // Each device's inbox holds every message of the conversation, in seq order, without gaps.
    for (const device of [a, b]) {
      const page = await call(device, 'sync.inbox', { after: 0, limit: 1000 });
      expect(page.events.map((e) => e.seq)).toEqual(Array.from({ length: 2 * perSender }, (_, i) => i + 1));
      expect(page.events.map((e) => (e as { messageSeq?: number }).messageSeq)).toEqual(seqs);
      expect(page).toMatchObject({ max: 2 * perSender, hasMore: false });
    }
    a.close();
    b.close();
  });
});
