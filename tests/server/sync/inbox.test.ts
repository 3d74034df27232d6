import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  directConversationId,
  FrameType,
  MAX_FRAME_BYTES,
  Typeu,
  utf8ByteLength,
} from '../../../shared/protocol';
import { waitFor, type ServerProcess } from '../../helpers/serverProcess';
import { queryDb } from '../helpers/serverFiles';
import { pair, provision, startCoreServer, type Account } from './helpers/coreServer';
import {
  call,
  command,
  connectTidings,
  failing,
  keepalive,
  messageEventFor,
  pullAll,
  rawCommand,
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

describe('notify and pull', () => {
  it('echoes a message to the sender’s other devices, and each device can pull what it missed', async () => {
    const [alice, bob] = await pair(server.url);
    const laptop = await connectTidings(server.wsUrl, alice, 'laptop');
    const phone = await connectTidings(server.wsUrl, alice, 'phone');
    const b = await connectTidings(server.wsUrl, bob);
    const fp = sendText(laptop, bob.userId, 'from my laptop');
    await takeAck(laptop, fp);
    const onPhone = await takeNotifyWith(phone, messageEventFor(fp), 'own message on the other device');
    expect(onPhone.event).toMatchObject({
      type: 'message',
      message: { senderId: alice.userId, body: { text: 'from my laptop' } },
    });
    await takeNotifyWith(b, messageEventFor(fp));

    // A device that was offline learns from its hello that it is behind, and pulls.
    const tablet = await connectTidings(server.wsUrl, alice, 'tablet');
    expect(tablet.hello.cursors.inbox).toBe(1);
    const events = await pullAll(tablet);
    expect(events).toEqual([onPhone.event]);
    for (const device of [laptop, phone, b, tablet]) device.close();
  });

  it('carries the inbox head in every keepalive answer, so a lost notify is noticed within a beat', async () => {
    const [alice, bob] = await pair(server.url);
    const b = await connectTidings(server.wsUrl, bob);
    expect(await keepalive(b)).toEqual({ inbox: 0 });
    const a = await connectTidings(server.wsUrl, alice);
    for (const text of ['one', 'two']) await takeAck(a, sendText(a, bob.userId, text));
    expect(await keepalive(b)).toEqual({ inbox: 2 });
    a.close();
    b.close();
  });

  it('pages the inbox with hasMore, and records the pull cursor as the device’s acknowledgement', async () => {
    const [alice, bob] = await pair(server.url);
    const a = await connectTidings(server.wsUrl, alice);
    const fps = Array.from({ length: 5 }, (_, i) => sendText(a, bob.userId, `m${i}`));
    for (const fp of fps) await takeAck(a, fp);
    const b = await connectTidings(server.wsUrl, bob, 'bob-laptop');
    const first = await call(b, 'sync.inbox', { after: 0, limit: 2 });
    expect(first.events.map((e) => e.seq)).toEqual([1, 2]);
    expect(first).toMatchObject({ max: 5, hasMore: true });
    const second = await call(b, 'sync.inbox', { after: 2, limit: 2 });
    expect(second.events.map((e) => e.seq)).toEqual([3, 4]);
    const last = await call(b, 'sync.inbox', { after: 4 });
    expect(last).toMatchObject({ max: 5, hasMore: false });
    expect(last.events.map((e) => (e as { message?: { body: unknown } }).message?.body)).toEqual([
      { text: 'm4' },
    ]);
    await waitFor(
      () =>
        queryDb<{ inbox_ack: number }>(
          server.dataDir,
          "SELECT inbox_ack FROM devices WHERE user_id = ? AND device_id = 'bob-laptop'",
          Number(bob.userId),
        )[0]?.inbox_ack === 4,
      { what: 'the pull cursor to be stored' },
    );
    expect(await call(b, 'sync.inbox', { after: 5 })).toEqual({ events: [], max: 5, hasMore: false });
    a.close();
    b.close();
  });

  it('keeps every reply within one frame, however large the messages', async () => {
    const [alice, bob] = await pair(server.url);
    const a = await connectTidings(server.wsUrl, alice);
    const big = '長'.repeat(8_000); // 24 KB of UTF-8 each
    const fps = Array.from({ length: 6 }, () => sendText(a, bob.userId, big));
    for (const fp of fps) await takeAck(a, fp);
    const b = await connectTidings(server.wsUrl, bob);
    const seen: number[] = [];
    let after = 0;
    for (;;) {
      const page = await call(b, 'sync.inbox', { after, limit: 1000 });
      expect(page.events.length).toBeGreaterThan(0);
      seen.push(...page.events.map((e) => e.seq));
      after = page.events.at(-1)?.seq ?? after;
      if (!page.hasMore) break;
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    const history = await call(b, 'sync.history', {
      conversationId: directConversationId(alice.userId, bob.userId),
    });
    expect(history.hasMore).toBe(true);
    expect(history.messages.at(-1)?.seq).toBe(6);
    const replies = b.received.filter((f) => f.type === FrameType.data && f.typeu === Typeu.commandReply);
    for (const reply of replies)
      expect(utf8ByteLength(JSON.stringify(reply))).toBeLessThanOrEqual(MAX_FRAME_BYTES);
    // The largest single message still travels inline in a notify.
    const c = await connectTidings(server.wsUrl, bob, 'second');
    const fp = sendText(a, bob.userId, big);
    const { notify } = await takeNotifyWith(c, messageEventFor(fp));
    expect(notify.cursors.inbox).toBe(7);
    a.close();
    b.close();
    c.close();
  });
});

describe('history and conversations', () => {
  it('pages a conversation newest first, before and after a seq, for its members only', async () => {
    const [alice, bob] = await pair(server.url);
    const [carol] = (await provision(server.url, 1, 'carol')) as [Account];
    const a = await connectTidings(server.wsUrl, alice);
    for (let i = 1; i <= 7; i++) await takeAck(a, sendText(a, bob.userId, `h${i}`));
    const conversationId = directConversationId(alice.userId, bob.userId);
    const texts = (page: { messages: { body: Record<string, unknown> }[] }): unknown[] =>
      page.messages.map((m) => m.body.text);

    const newest = await call(a, 'sync.history', { conversationId, limit: 3 });
    expect(texts(newest)).toEqual(['h5', 'h6', 'h7']);
    expect(newest.hasMore).toBe(true);
    const older = await call(a, 'sync.history', { conversationId, before: 5, limit: 3 });
    expect(older.messages.map((m) => m.seq)).toEqual([2, 3, 4]);
    expect((await call(a, 'sync.history', { conversationId, before: 2, limit: 3 })).hasMore).toBe(false);
    const after = await call(a, 'sync.history', { conversationId, after: 5 });
    expect(after).toMatchObject({ hasMore: false });
    expect(after.messages.map((m) => m.seq)).toEqual([6, 7]);
    expect(await failing(a, 'sync.history', { conversationId, before: 3, after: 1 })).toBe('invalid-request');

    const c = await connectTidings(server.wsUrl, carol);
    expect(await failing(c, 'sync.history', { conversationId })).toBe('forbidden');
    expect(await failing(c, 'sync.history', { conversationId: "d:1' OR '1'='1:2" })).toBe('forbidden');
    // Her own conversation with Alice has no message yet: empty, not an error.
    expect(
      await call(c, 'sync.history', { conversationId: directConversationId(carol.userId, alice.userId) }),
    ).toEqual({
      messages: [],
      hasMore: false,
    });
    a.close();
    c.close();
  });

  it('lists every conversation with its last seq, read state and the peer’s, most recent first', async () => {
    const [alice, bob] = await pair(server.url);
    const [carol] = (await provision(server.url, 1, 'carol')) as [Account];
    const a = await connectTidings(server.wsUrl, alice);
    const b = await connectTidings(server.wsUrl, bob);
    await takeAck(b, sendText(b, alice.userId, 'b1'));
    await takeAck(b, sendText(b, alice.userId, 'b2'));
    await takeAck(a, sendText(a, carol.userId, 'to carol'));
    const list = await call(a, 'sync.conversations', {});
    expect(list).toEqual({
      inbox: 3,
      conversations: [
        { id: directConversationId(alice.userId, carol.userId), lastSeq: 1, readSeq: 1, peerReadSeq: 0 },
        { id: directConversationId(alice.userId, bob.userId), lastSeq: 2, readSeq: 0, peerReadSeq: 2 },
      ],
    });
    a.close();
    b.close();
  });
});

describe('commands', () => {
  it('answer unknown commands and invalid arguments with errors, and keep the socket', async () => {
    const [alice] = (await provision(server.url, 1, 'alice')) as [Account];
    const a = await connectTidings(server.wsUrl, alice);
    expect(await rawCommand(a, { id: 'u1', name: 'admin.dropTables', args: {} })).toMatchObject({
      id: 'u1',
      ok: false,
      error: { code: 'unknown-command' },
    });
    for (const args of [{ after: -1 }, { after: 'zero' }, { after: 0, limit: 0 }, null, []]) {
      const reply = await rawCommand(a, { id: 'bad', name: 'sync.inbox', args });
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(await failing(a, 'read.mark', { conversationId: '', seq: 1 })).toBe('invalid-request');
    expect(await keepalive(a)).toEqual({ inbox: 0 });
    a.close();
  });

  it('a QoS command gets the server’s ACK at once and is run once per fp', async () => {
    const [alice] = (await provision(server.url, 1, 'alice')) as [Account];
    const a = await connectTidings(server.wsUrl, alice);
    const request = JSON.stringify({ id: 'q1', name: 'sync.conversations', args: {} });
    for (let i = 0; i < 2; i++)
      a.send({
        type: FrameType.data,
        to: '0',
        fp: 'cmd-fp',
        QoS: true,
        typeu: Typeu.command,
        dataContent: request,
      });
    await a.take(
      (f) => f.type === FrameType.ack && f.from === '0' && f.dataContent === 'cmd-fp',
      'first ACK',
    );
    await a.take(
      (f) => f.type === FrameType.ack && f.from === '0' && f.dataContent === 'cmd-fp',
      'second ACK',
    );
    await command(a, 'sync.conversations', {});
    expect(
      a.received.filter((f) => f.typeu === Typeu.commandReply && f.dataContent?.includes('"q1"')),
    ).toHaveLength(1);
    a.close();
  });
});
