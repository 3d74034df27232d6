import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameType, Typeu, type Envelope } from '../../../../shared/protocol';
import { waitFor, type ServerProcess } from '../../../helpers/serverProcess';
import { createEngineClient, type EngineClient } from '../helpers/engineClient';
import { createInterceptingWebSocket } from '../helpers/interceptingWebSocket';
import { useTempDirs } from '../helpers/tempDirs';
import { startTestServer } from './realServer';

const newDir = useTempDirs('tidings-it-');
let server: ServerProcess;
let alice: EngineClient;
let bob: EngineClient;

/** The server's word that a message is stored reaches the sender twice: its ACK and its own inbox. */
const isNotify = (frame: Envelope): boolean => frame.type === FrameType.data && frame.typeu === Typeu.notify;

/**
 * Alice's link loses the first ACK of every message she sends and every notify, so only a
 * retransmission can get her the acknowledgement.
 */
const firstSeen = new Set<string>();
const loseAckFor = new Set<string>();
const aliceSocket = createInterceptingWebSocket({
  outbound: (frame) => {
    if (frame.type === FrameType.data && frame.fp !== null && !firstSeen.has(frame.fp)) {
      firstSeen.add(frame.fp);
      loseAckFor.add(frame.fp);
    }
    return true;
  },
  inbound: (frame, text) => {
    if (isNotify(frame)) return [];
    if (frame.type === FrameType.ack && frame.dataContent !== null && loseAckFor.delete(frame.dataContent))
      return [];
    return [text];
  },
});

/** Bob's link delivers every notify and every command reply twice. */
const bobSocket = createInterceptingWebSocket({
  inbound: (frame, text) =>
    frame.type === FrameType.data && (frame.typeu === Typeu.notify || frame.typeu === Typeu.commandReply)
      ? [text, text]
      : [text],
});

beforeAll(async () => {
  server = await startTestServer();
  alice = createEngineClient(newDir(), { WebSocket: aliceSocket.WebSocket });
  bob = createEngineClient(newDir(), { WebSocket: bobSocket.WebSocket });
  await alice.register(server.url, 'alice', 'Alice');
  await bob.register(server.url, 'bob', 'Bob');
});

afterAll(async () => {
  await alice?.close();
  await bob?.close();
  await server?.stop();
});

describe('retransmission and de-duplication against the real server', () => {
  it('retransmits with the same fp until ACKed; the server and bob keep it once', async () => {
    const conversation = await alice.call('conversations:open', { username: 'bob' });
    const text = 'say it twice, store it once';
    const sent = await alice.call('messages:send', { conversationId: conversation.id, text });
    await alice.waitForStatus(sent.id, 'sent');

    const transmissions = aliceSocket.sentByEngine.filter(
      (f) => f.type === FrameType.data && f.fp === sent.id,
    );
    expect(transmissions.length).toBeGreaterThanOrEqual(2);
    expect(new Set(transmissions.map((f) => f.dataContent)).size).toBe(1);
    // The server answered the retransmission with the same ACK instead of storing it again.
    expect(
      aliceSocket.seenFromServer.filter((f) => f.type === FrameType.ack && f.dataContent === sent.id).length,
    ).toBeGreaterThanOrEqual(2);

    await bob.waitForText(text);
    // A later message is the barrier: anything duplicated would have arrived before it.
    const barrier = await alice.call('messages:send', { conversationId: conversation.id, text: 'barrier' });
    await bob.waitForText('barrier');
    await alice.waitForStatus(barrier.id, 'sent');
    expect(bob.messageEvents().filter((m) => m.id === sent.id)).toHaveLength(1);
    expect(bob.query('SELECT COUNT(*) AS n FROM messages WHERE fp = ?', sent.id)).toEqual([{ n: 1 }]);
    expect(bob.query<{ seq: number }>('SELECT seq FROM messages ORDER BY seq')).toEqual([
      { seq: 1 },
      { seq: 2 },
    ]);
    expect(bobSocket.seenFromServer.filter(isNotify).length).toBeGreaterThanOrEqual(2);
  });

  it('never stores a retransmitted message twice when its ACK is lost every time but one', async () => {
    // Lose the first three ACKs of the next message (and every notify): alice sends it at least four times.
    let toLose = 3;
    const lossy = createInterceptingWebSocket({
      inbound: (frame, text) =>
        isNotify(frame) || (frame.type === FrameType.ack && toLose-- > 0) ? [] : [text],
    });
    const carol = createEngineClient(newDir(), { WebSocket: lossy.WebSocket });
    try {
      await carol.register(server.url, 'carol', 'Carol');
      await waitFor(async () => (await carol.call('connection:get', {})).status === 'online', {
        what: 'online',
      });
      const toBob = await carol.call('conversations:open', { username: 'bob' });
      const sent = await carol.call('messages:send', { conversationId: toBob.id, text: 'four times' });
      await carol.waitForStatus(sent.id, 'sent');
      const transmissions = lossy.sentByEngine.filter((f) => f.type === FrameType.data && f.fp === sent.id);
      expect(transmissions.length).toBeGreaterThanOrEqual(4);
      expect(new Set(transmissions.map((f) => f.dataContent)).size).toBe(1);
      expect(carol.query('SELECT COUNT(*) AS n FROM outbox')).toEqual([{ n: 0 }]);

      await bob.waitForText('four times');
      const after = await carol.call('messages:send', { conversationId: toBob.id, text: 'barrier 2' });
      await bob.waitForText('barrier 2');
      await carol.waitForStatus(after.id, 'sent');
      expect(bob.messageEvents().filter((m) => m.id === sent.id)).toHaveLength(1);
      expect(bob.query('SELECT COUNT(*) AS n FROM messages WHERE fp = ?', sent.id)).toEqual([{ n: 1 }]);
      expect(
        bob.query<{ seq: number }>(
          'SELECT seq FROM messages WHERE conversation_id = ? ORDER BY seq',
          toBob.id,
        ),
      ).toEqual([{ seq: 1 }, { seq: 2 }]);
    } finally {
      await carol.close();
    }
  });
});
