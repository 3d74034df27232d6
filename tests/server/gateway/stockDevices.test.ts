import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directConversationId, FrameType, Typeu } from '../../../shared/protocol';
import { waitFor, type ServerProcess } from '../../helpers/serverProcess';
import { queryDb } from '../helpers/serverFiles';
import { pair, provision, startCoreServer, type Account } from '../sync/helpers/coreServer';
import {
  ackPush,
  call,
  connectStock,
  connectTidings,
  isStockPush,
  keepalive,
  messageEventFor,
  sendMessage,
  sendStockText,
  sendText,
  takeAck,
  takeNotifyWith,
  takeStockPush,
} from '../sync/helpers/devices';

let server: ServerProcess;

beforeAll(async () => {
  // Stock retry rules, shrunk: push again after 600 ms, at most twice.
  server = await startCoreServer({ timings: { pushRetryMs: 600, pushMaxRetries: 2 } });
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

const ackCursor = (user: Account, deviceId: string): number | undefined =>
  queryDb<{ inbox_ack: number }>(
    server.dataDir,
    'SELECT inbox_ack FROM devices WHERE user_id = ? AND device_id = ?',
    Number(user.userId),
    deviceId,
  )[0]?.inbox_ack;

describe('stock clients', () => {
  it('relay plain text (typeu -1) to each other with QoS; it is stored as an ordinary text message', async () => {
    const [alice, bob] = await pair(server.url);
    const a = await connectStock(server.wsUrl, alice);
    const b = await connectStock(server.wsUrl, bob);
    const fp = sendStockText(a, bob.userId, 'plain hello');
    expect(await takeAck(a, fp)).toMatchObject({ from: bob.userId, to: alice.userId });
    const push = await takeStockPush(b, fp);
    expect(push).toMatchObject({
      type: FrameType.data,
      from: alice.userId,
      to: bob.userId,
      QoS: true,
      typeu: Typeu.stockText,
      dataContent: 'plain hello',
    });
    expect(queryDb(server.dataDir, 'SELECT kind, body FROM messages WHERE fp = ?', fp)).toEqual([
      { kind: 'text', body: JSON.stringify({ text: 'plain hello' }) },
    ]);
    ackPush(b, push);
    await waitFor(() => ackCursor(bob, 'stock') === 1, { what: 'the stock device’s cursor to move' });
    a.close();
    b.close();
  });

  it('get Tidings kinds as readable text, and their own text reaches a Tidings peer', async () => {
    const [alice, bob] = await pair(server.url);
    const [carol] = (await provision(server.url, 1, 'carol')) as [Account];
    const tidings = await connectTidings(server.wsUrl, alice);
    const stock = await connectStock(server.wsUrl, bob);
    const text = sendText(tidings, bob.userId, 'from the app');
    const card = sendMessage(tidings, bob.userId, { kind: 'card', body: { userId: carol.userId } });
    const reply = sendMessage(tidings, bob.userId, {
      kind: 'text',
      body: { text: 'sure', replyTo: { seq: 1 } },
    });
    expect((await takeStockPush(stock, text)).dataContent).toBe('from the app');
    expect((await takeStockPush(stock, card)).dataContent).toBe(`[Card] carol 0 (@${carol.username})`);
    expect((await takeStockPush(stock, reply)).dataContent).toBe('[Reply to "from the app"] sure');

    const back = sendStockText(stock, alice.userId, 'from a stock client');
    await takeAck(stock, back);
    const { event } = await takeNotifyWith(tidings, messageEventFor(back));
    expect(event.type === 'message' && event.message).toMatchObject({
      senderId: bob.userId,
      kind: 'text',
      body: { text: 'from a stock client' },
      conversationId: directConversationId(alice.userId, bob.userId),
    });
    tidings.close();
    stock.close();
  });

  it('store a message sent without QoS or fp, under a server fp, and relay it', async () => {
    const [alice, bob] = await pair(server.url);
    const a = await connectStock(server.wsUrl, alice);
    const b = await connectTidings(server.wsUrl, bob);
    a.send({ type: FrameType.data, to: bob.userId, typeu: Typeu.stockText, dataContent: 'fire and forget' });
    const { event } = await takeNotifyWith(
      b,
      (e) => e.type === 'message' && e.message?.body.text === 'fire and forget',
    );
    expect(event.type === 'message' && event.message?.fp).toMatch(/^srv-/);
    expect(a.received.some((f) => f.type === FrameType.ack)).toBe(false);
    a.close();
    b.close();
  });

  it('get their offline messages pushed right after login, in order, and acknowledged ones never again', async () => {
    const [alice, bob] = await pair(server.url);
    const a = await connectTidings(server.wsUrl, alice);
    const fps = ['first', 'second', 'third'].map((text) => sendText(a, bob.userId, text));
    for (const fp of fps) await takeAck(a, fp);

    const b = await connectStock(server.wsUrl, bob);
    const pushes = await Promise.all(fps.map((fp) => takeStockPush(b, fp)));
    // In order (a retry may follow if the ACKs below come late).
    expect(
      b.received
        .filter(isStockPush)
        .map((f) => f.dataContent)
        .slice(0, 3),
    ).toEqual(['first', 'second', 'third']);
    expect(b.received.findIndex((f) => f.type === FrameType.loginResponse)).toBe(0);
    for (const push of pushes) ackPush(b, push);
    await waitFor(() => ackCursor(bob, 'stock') === 3, { what: 'all pushes acknowledged' });
    b.close();
    await b.waitClosed();

    const again = await connectStock(server.wsUrl, bob);
    const marker = sendText(a, bob.userId, 'marker');
    await takeStockPush(again, marker);
    expect(new Set(again.received.filter(isStockPush).map((f) => f.dataContent))).toEqual(
      new Set(['marker']),
    );
    again.close();
    a.close();
  });

  it('push an unacknowledged message again up to pushMaxRetries times, then at the next login', async () => {
    const [alice, bob] = await pair(server.url);
    const a = await connectStock(server.wsUrl, alice);
    const b = await connectStock(server.wsUrl, bob);
    const fp = sendStockText(a, bob.userId, 'are you there?');
    await takeAck(a, fp);
    for (let i = 0; i < 3; i++) await takeStockPush(b, fp);
    await waitFor(() => server.output().includes('delivery deferred to next login'), {
      what: 'retries to give up',
    });
    expect(b.received.filter((f) => isStockPush(f) && f.fp === fp)).toHaveLength(3);
    expect(ackCursor(bob, 'stock')).toBe(0);

    b.close();
    await b.waitClosed();
    const again = await connectStock(server.wsUrl, bob);
    ackPush(again, await takeStockPush(again, fp));
    await waitFor(() => ackCursor(bob, 'stock') === 1, { what: 'delivery acknowledged' });
    again.close();
    a.close();
  });

  it('an ACK from someone else does not acknowledge a push', async () => {
    const [alice, bob] = await pair(server.url);
    const [mallory] = (await provision(server.url, 1, 'mallory')) as [Account];
    const a = await connectStock(server.wsUrl, alice);
    const b = await connectStock(server.wsUrl, bob);
    const m = await connectStock(server.wsUrl, mallory);
    const fp = sendStockText(a, bob.userId, 'for Bob only');
    await takeStockPush(b, fp);
    m.send({ type: FrameType.ack, from: bob.userId, to: alice.userId, dataContent: fp });
    // Still unacknowledged: the retry comes.
    await takeStockPush(b, fp);
    expect(ackCursor(bob, 'stock')).toBe(0);
    a.close();
    m.close();
    b.close();
  });

  it('are told in words when a message is recalled', async () => {
    const [alice, bob] = await pair(server.url);
    const a = await connectTidings(server.wsUrl, alice);
    const b = await connectStock(server.wsUrl, bob);
    const fp = sendText(a, bob.userId, 'oops');
    ackPush(b, await takeStockPush(b, fp));
    await call(a, 'message.recall', {
      conversationId: directConversationId(alice.userId, bob.userId),
      seq: 1,
    });
    const notice = await takeStockPush(b, `${fp}#recall`);
    expect(notice).toMatchObject({ from: alice.userId, dataContent: '[Message recalled]', QoS: true });
    a.close();
    b.close();
  });

  it('do not get refusals they could not read', async () => {
    const [alice] = (await provision(server.url, 1, 'alice')) as [Account];
    const a = await connectStock(server.wsUrl, alice);
    const fp = randomUUID();
    sendStockText(a, '987654321', 'nobody', fp);
    await keepalive(a);
    const marker = sendStockText(a, alice.userId, 'self'); // also refused, also silently
    await keepalive(a);
    expect(a.received.filter((f) => f.type === FrameType.data)).toEqual([]);
    expect(
      a.received.some((f) => f.type === FrameType.ack && (f.dataContent === fp || f.dataContent === marker)),
    ).toBe(false);
    a.close();
  });
});
