import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directConversationId, FrameType, sendRefusalSchema, Typeu } from '../../../shared/protocol';
import { startServer, waitFor, type ServerProcess } from '../../helpers/serverProcess';
import { registerUser, type TestUser } from '../helpers/api';
import { queryDb } from '../helpers/serverFiles';
import {
  ackPush,
  connectAs,
  isPush,
  pushedMessage,
  sendText,
  takeAck,
  takePush,
  type TestClient,
} from '../helpers/wsClient';

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
  server = await startServer({ args: ['--log-level', 'debug'] });
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

const messagesWithFp = (fp: string): MessageRow[] =>
  queryDb<MessageRow>(server.dataDir, 'SELECT * FROM messages WHERE fp = ?', fp);

async function pair(): Promise<{ alice: TestUser; bob: TestUser }> {
  return { alice: await registerUser(server.url, 'alice'), bob: await registerUser(server.url, 'bob') };
}

describe('a message to an online peer', () => {
  it('is stored before the ACK, then pushed to the peer as a WireMessage', async () => {
    const { alice, bob } = await pair();
    const aliceWs = await connectAs(server.wsUrl, alice);
    const bobWs = await connectAs(server.wsUrl, bob);
    const before = Date.now();

    const fp = sendText(aliceWs, bob.userId, 'hello, Bob 👋');
    const ack = await takeAck(aliceWs, fp);
    // Read through a separate connection the moment the ACK arrives: the row must be committed.
    const rows = messagesWithFp(fp);
    expect(rows).toHaveLength(1);
    expect(ack).toMatchObject({ type: FrameType.ack, from: bob.userId, to: alice.userId, dataContent: fp });

    const push = await takePush(bobWs, fp);
    expect(push).toMatchObject({
      from: alice.userId,
      to: bob.userId,
      fp,
      QoS: true,
      typeu: Typeu.messagePush,
    });
    const message = pushedMessage(push);
    const row = rows[0] as MessageRow;
    expect(message).toEqual({
      id: String(row.id),
      conversationId: directConversationId(alice.userId, bob.userId),
      seq: 1,
      fp,
      senderId: alice.userId,
      sentAt: row.sent_at,
      kind: 'text',
      body: { text: 'hello, Bob 👋' },
    });
    expect(push.sm).toBe(message.sentAt);
    expect(message.sentAt).toBeGreaterThanOrEqual(before - 1000);
    expect(row).toMatchObject({
      conversation_id: message.conversationId,
      sender_id: Number(alice.userId),
      kind: 'text',
    });

    // The receiver's ACK is consumed by the server (not forwarded) and marks the delivery.
    ackPush(bobWs, push, bob.userId);
    const delivered = (): boolean =>
      queryDb<{ delivered_at: number | null }>(
        server.dataDir,
        'SELECT delivered_at FROM deliveries WHERE message_id = ? AND recipient_id = ?',
        row.id,
        Number(bob.userId),
      )[0]?.delivered_at != null;
    await waitFor(delivered, { what: 'delivery marked' });
    // A round trip on Alice's socket after Bob's ACK: nothing but that answer reached her.
    aliceWs.send({ type: FrameType.keepalive, dataContent: '{}' });
    await aliceWs.takeType(FrameType.keepaliveResponse);
    expect(aliceWs.received.filter((f) => f.type === FrameType.ack)).toHaveLength(1);
    aliceWs.close();
    bobWs.close();
  });

  it('a retransmission with the same fp gets the same ACK and is stored and relayed once', async () => {
    const { alice, bob } = await pair();
    const aliceWs = await connectAs(server.wsUrl, alice);
    const bobWs = await connectAs(server.wsUrl, bob);

    const fp = sendText(aliceWs, bob.userId, 'once only');
    const firstAck = await takeAck(aliceWs, fp);
    const push = await takePush(bobWs, fp);
    ackPush(bobWs, push, bob.userId);

    sendText(aliceWs, bob.userId, 'once only', fp);
    sendText(aliceWs, bob.userId, 'once only', fp);
    expect(await takeAck(aliceWs, fp)).toEqual(firstAck);
    expect(await takeAck(aliceWs, fp)).toEqual(firstAck);

    // The server handles Alice's frames in order, so a relay of the copies would reach Bob
    // before this marker does.
    const marker = sendText(aliceWs, bob.userId, 'marker');
    await takePush(bobWs, marker);
    expect(bobWs.received.filter((f) => isPush(f) && f.fp === fp)).toHaveLength(1);
    expect(messagesWithFp(fp)).toHaveLength(1);
    aliceWs.close();
    bobWs.close();
  });

  it('copies of one fp sent back to back (one batch) are stored once', async () => {
    const { alice, bob } = await pair();
    const aliceWs = await connectAs(server.wsUrl, alice);
    const fp = randomUUID();
    for (let i = 0; i < 5; i++) sendText(aliceWs, bob.userId, 'burst', fp);
    for (let i = 0; i < 5; i++) await takeAck(aliceWs, fp);
    expect(messagesWithFp(fp)).toHaveLength(1);
    aliceWs.close();
  });
});

describe('a message to an offline peer', () => {
  it('is ACKed once stored and pushed, in sent order, when the peer logs in', async () => {
    const { alice, bob } = await pair();
    const aliceWs = await connectAs(server.wsUrl, alice);
    const fps = ['first', 'second', 'third'].map((text) => sendText(aliceWs, bob.userId, text));
    for (const fp of fps) await takeAck(aliceWs, fp);

    const bobWs = await connectAs(server.wsUrl, bob);
    const pushes = await Promise.all(fps.map((fp) => takePush(bobWs, fp)));
    const texts = bobWs.received.filter(isPush).map((f) => pushedMessage(f).body.text);
    expect(texts).toEqual(['first', 'second', 'third']);
    expect(pushes.map((p) => pushedMessage(p).seq)).toEqual([1, 2, 3]);

    // Acknowledged messages are not replayed at the next login.
    for (const push of pushes) ackPush(bobWs, push, bob.userId);
    await waitFor(
      () =>
        queryDb<{ n: number }>(
          server.dataDir,
          'SELECT count(*) AS n FROM deliveries WHERE recipient_id = ? AND delivered_at IS NULL',
          Number(bob.userId),
        )[0]?.n === 0,
      { what: 'all deliveries marked' },
    );
    bobWs.close();
    await bobWs.waitClosed();
    const again = await connectAs(server.wsUrl, bob);
    const marker = sendText(aliceWs, bob.userId, 'marker');
    await takePush(again, marker);
    expect(again.received.filter(isPush)).toHaveLength(1);
    again.close();
    aliceWs.close();
  });
});

describe('refusals', () => {
  const refusalFor = async (client: TestClient, fp: string): Promise<{ code: string; message: string }> => {
    const frame = await client.take(
      (f) => f.type === FrameType.data && f.typeu === Typeu.sendRefused,
      'refusal',
    );
    expect(frame.from).toBe('0');
    const refusal = sendRefusalSchema.parse(JSON.parse(frame.dataContent ?? '{}'));
    expect(refusal.fp).toBe(fp);
    return refusal;
  };

  it.each([
    ['an unknown user', () => '987654321', 'user-not-found'],
    ['a malformed user id', () => "1' OR '1'='1", 'user-not-found'],
    ['the server', () => '0', 'invalid-recipient'],
  ])('refuses a message to %s with typeu 3 and no ACK', async (_, to, code) => {
    const alice = await registerUser(server.url, 'alice');
    const aliceWs = await connectAs(server.wsUrl, alice);
    const fp = sendText(aliceWs, to(), 'anyone there?');
    expect((await refusalFor(aliceWs, fp)).code).toBe(code);
    expect(aliceWs.received.some((f) => f.type === FrameType.ack)).toBe(false);
    expect(messagesWithFp(fp)).toHaveLength(0);
    aliceWs.close();
  });

  it('refuses an invalid message body', async () => {
    const { alice, bob } = await pair();
    const aliceWs = await connectAs(server.wsUrl, alice);
    const fp = randomUUID();
    aliceWs.send({
      type: FrameType.data,
      to: bob.userId,
      fp,
      QoS: true,
      typeu: Typeu.message,
      dataContent: '{"kind":"text","body":{}}',
    });
    const refusal = await refusalFor(aliceWs, fp);
    expect(refusal.code).toBe('invalid-request');
    expect(refusal.message.length).toBeGreaterThan(0);
    expect(messagesWithFp(fp)).toHaveLength(0);
    aliceWs.close();
  });
});

describe('sequences', () => {
  it('stay gap-free with two concurrent senders in one conversation', async () => {
    const { alice, bob } = await pair();
    const aliceWs = await connectAs(server.wsUrl, alice);
    const bobWs = await connectAs(server.wsUrl, bob);
    const perSender = 40;
    const fromAlice: string[] = [];
    const fromBob: string[] = [];
    for (let i = 0; i < perSender; i++) {
      fromAlice.push(sendText(aliceWs, bob.userId, `a${i}`));
      fromBob.push(sendText(bobWs, alice.userId, `b${i}`));
    }
    await Promise.all([
      ...fromAlice.map((fp) => takeAck(aliceWs, fp)),
      ...fromBob.map((fp) => takeAck(bobWs, fp)),
    ]);

    const seqs = queryDb<{ seq: number }>(
      server.dataDir,
      'SELECT seq FROM messages WHERE conversation_id = ? ORDER BY seq',
      directConversationId(alice.userId, bob.userId),
    ).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: 2 * perSender }, (_, i) => i + 1));
    const lastSeq = queryDb<{ last_seq: number }>(
      server.dataDir,
      'SELECT last_seq FROM conversations WHERE id = ?',
      directConversationId(alice.userId, bob.userId),
    )[0]?.last_seq;
    expect(lastSeq).toBe(2 * perSender);
    // Frames that arrive in one event-loop turn share a transaction.
    expect(server.output()).toMatch(/"msg":"group commit","component":"messaging","messages":([2-9]|\d\d)/);

    // Each side sees its peer's messages in the order they were sent.
    const bobSaw = await Promise.all(fromAlice.map((fp) => takePush(bobWs, fp)));
    const aliceSaw = await Promise.all(fromBob.map((fp) => takePush(aliceWs, fp)));
    const increasing = (xs: number[]): boolean => xs.every((x, i) => i === 0 || x > (xs[i - 1] ?? 0));
    expect(increasing(bobSaw.map((f) => pushedMessage(f).seq))).toBe(true);
    expect(increasing(aliceSaw.map((f) => pushedMessage(f).seq))).toBe(true);
    aliceWs.close();
    bobWs.close();
  });
});
