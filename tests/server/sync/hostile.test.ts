import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commandReplySchema,
  directConversationId,
  errorPayloadSchema,
  FrameType,
  LoginCode,
  Typeu,
} from '../../../shared/protocol';
import type { ServerProcess } from '../../helpers/serverProcess';
import { queryDb } from '../helpers/serverFiles';
import { TestClient } from '../helpers/wsClient';
import { pair, startCoreServer, type Account } from './helpers/coreServer';
import {
  call,
  connectStock,
  connectTidings,
  keepalive,
  loginReply,
  loginWith,
  messageEventFor,
  rawCommand,
  sendMessage,
  sendText,
  takeAck,
  takeNotifyWith,
  takeRefusal,
  tidingsExtra,
} from './helpers/devices';

const injections = [
  "' OR '1'='1",
  '1; DROP TABLE messages; --',
  "x'); DELETE FROM inbox_events; --",
  '" OR ""="',
  '%',
  '\u0000',
  "d:1' UNION SELECT password_hash FROM users --:2",
];

let server: ServerProcess;
let alice: Account;
let bob: Account;

beforeAll(async () => {
  server = await startCoreServer();
  [alice, bob] = await pair(server.url);
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

const count = (table: string): number =>
  queryDb<{ n: number }>(server.dataDir, `SELECT count(*) AS n FROM ${table}`)[0]?.n ?? -1;

async function expectIntact(users: number): Promise<void> {
  expect(count('users')).toBe(users);
  expect(queryDb(server.dataDir, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
}

describe('SQL-injection strings are data in every field', () => {
  it('in the login: token, extra device id; a Tidings device id of the wrong type', async () => {
    const users = count('users');
    for (const value of injections) {
      const client = await TestClient.connect(server.wsUrl);
      loginWith(client, { userId: alice.userId, token: value }, tidingsExtra('ok'));
      expect((await loginReply(client)).code).toBe(LoginCode.invalidToken);
      const other = await TestClient.connect(server.wsUrl);
      loginWith(other, alice, JSON.stringify({ deviceId: value, capabilities: ['tidings/1'] }));
      expect((await loginReply(other)).code).toBe(LoginCode.badRequest);
    }
    await expectIntact(users);
  });

  it('in messages: recipient, fp, text, mentions, card user, forward source', async () => {
    const users = count('users');
    const messages = count('messages');
    const a = await connectTidings(server.wsUrl, alice);
    const b = await connectTidings(server.wsUrl, bob);
    for (const value of injections) {
      expect((await takeRefusal(a, sendText(a, value, 'hi'))).code).toBe('user-not-found');
      const card = sendMessage(a, bob.userId, { kind: 'card', body: { userId: value } });
      expect((await takeRefusal(a, card)).code).toBe('user-not-found');
      const forward = sendMessage(a, bob.userId, {
        kind: 'forward',
        body: { conversationId: value, seq: 1 },
      });
      expect((await takeRefusal(a, forward)).code).toBe('invalid-request');
      // Stored verbatim, relayed verbatim.
      const fp = `${value}-${randomUUID()}`;
      sendMessage(a, bob.userId, { kind: 'text', body: { text: value, mentions: [value] } }, fp);
      await takeAck(a, fp);
      const { event } = await takeNotifyWith(b, messageEventFor(fp));
      expect(event.type === 'message' && event.message?.body).toEqual({ text: value, mentions: [value] });
    }
    expect(count('messages')).toBe(messages + injections.length);
    await expectIntact(users);
    a.close();
    b.close();
  });

  it('in commands: id, name and every argument', async () => {
    const users = count('users');
    const a = await connectTidings(server.wsUrl, alice);
    for (const value of injections) {
      expect(await rawCommand(a, { id: value, name: value, args: {} })).toMatchObject({
        id: value,
        ok: false,
        error: { code: 'unknown-command' },
      });
      for (const name of ['sync.history', 'read.mark', 'message.recall'])
        expect(await rawCommand(a, { id: 'c', name, args: { conversationId: value, seq: 1 } })).toMatchObject(
          {
            ok: false,
            error: { code: 'forbidden' },
          },
        );
      expect(await rawCommand(a, { id: 'i', name: 'sync.inbox', args: { after: value } })).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    await expectIntact(users);
    a.close();
  });

  it('in ACKs and keepalives', async () => {
    const users = count('users');
    const s = await connectStock(server.wsUrl, alice);
    for (const value of injections) {
      s.send({ type: FrameType.ack, from: value, to: value, dataContent: value });
      s.send({ type: FrameType.keepalive, dataContent: value });
    }
    expect(await keepalive(s)).toBeNull();
    await expectIntact(users);
    s.close();
  });
});

describe('wrong field types', () => {
  it.each([
    ['a numeric dataContent', { type: 2, to: '1', dataContent: 5 }],
    ['an object dataContent', { type: 2, to: '1', dataContent: { kind: 'text' } }],
    ['a numeric to', { type: 2, to: 2, dataContent: 'x' }],
    ['a string typeu', { type: 2, to: '1', typeu: '1', dataContent: 'x' }],
    ['a fractional type', { type: 2.5 }],
    ['an array fp', { type: 2, to: '1', fp: ['a'], dataContent: 'x' }],
  ])('%s in the envelope closes with 1007', async (_, frame) => {
    const s = await connectStock(server.wsUrl, alice);
    s.sendRaw(JSON.stringify(frame));
    expect((await s.waitClosed()).code).toBe(1007);
  });

  it('wrongly typed message and command payloads are refused as values, and the socket stays', async () => {
    const a = await connectTidings(server.wsUrl, alice);
    for (const dataContent of [
      '[]',
      'null',
      '42',
      '"text"',
      '{"kind":["text"]}',
      '{"kind":"text","body":{"text":"x","replyTo":{"seq":"1"}}}',
    ]) {
      const fp = randomUUID();
      a.send({ type: FrameType.data, to: bob.userId, fp, QoS: true, typeu: Typeu.message, dataContent });
      expect((await takeRefusal(a, fp)).code).toBe('invalid-request');
    }
    for (const dataContent of [
      '[]',
      'null',
      '{"id":5}',
      '{"id":"x","name":["sync.inbox"],"args":{}}',
      'not json',
    ]) {
      a.send({ type: FrameType.data, to: '0', typeu: Typeu.command, dataContent });
    }
    expect(
      await call(a, 'sync.history', { conversationId: directConversationId(alice.userId, bob.userId) }),
    ).toMatchObject({
      hasMore: false,
    });
    const replies = a.received
      .filter((f) => f.typeu === Typeu.commandReply)
      .map((f) => commandReplySchema.parse(JSON.parse(f.dataContent ?? '')));
    expect(replies.filter((r) => !r.ok)).toHaveLength(5);
    a.close();
  });
});

describe('floods (their own server, with a small rate limit)', () => {
  let strict: ServerProcess;

  beforeAll(async () => {
    strict = await startCoreServer({ rateLimit: { burst: 200, perSecond: 100 } });
  });

  afterAll(async () => {
    expect(await strict.stop()).toBe(0);
  });

  it('a message flood is cut off with error 429 and 1008; what was ACKed is stored, the server carries on', async () => {
    const [mallory, victim] = await pair(strict.url);
    const m = await connectTidings(strict.wsUrl, mallory);
    const fps: string[] = [];
    for (let i = 0; i < 2_000; i++) fps.push(sendText(m, victim.userId, `spam ${i}`));
    const error = await m.takeType(FrameType.error);
    expect(errorPayloadSchema.parse(JSON.parse(error.dataContent ?? '{}')).errorCode).toBe(429);
    expect((await m.waitClosed()).code).toBe(1008);
    const acked = new Set(m.received.filter((f) => f.type === FrameType.ack).map((f) => f.dataContent));
    const stored = queryDb<{ fp: string }>(
      strict.dataDir,
      'SELECT fp FROM messages WHERE sender_id = ?',
      Number(mallory.userId),
    ).map((r) => r.fp);
    for (const fp of acked) expect(stored).toContain(fp);
    // The flood was cut off: the burst and what refilled meanwhile got in, the rest did not.
    expect(stored.length).toBeGreaterThanOrEqual(150);
    expect(stored.length).toBeLessThan(fps.length);
    const v = await connectTidings(strict.wsUrl, victim);
    expect(await keepalive(v)).toEqual({ inbox: stored.length });
    v.close();
  });

  it('a flood of connections that never log in does not stop others', async () => {
    const [alice, bob] = await pair(strict.url);
    const idle = await Promise.all(Array.from({ length: 50 }, () => TestClient.connect(strict.wsUrl)));
    const a = await connectTidings(strict.wsUrl, alice);
    await takeAck(a, sendText(a, bob.userId, 'still here'));
    for (const client of idle) client.close();
    a.close();
  });
});
