import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameType, Typeu } from '../../../../shared/protocol';
import { startServer, waitFor, type ServerProcess } from '../../../helpers/serverProcess';
import { createEngineClient, type EngineClient } from '../helpers/engineClient';
import { createInterceptingWebSocket } from '../helpers/interceptingWebSocket';
import { useTempDirs } from '../helpers/tempDirs';

const newDir = useTempDirs('tidings-it-');
let server: ServerProcess;
let alice: EngineClient;
let bob: EngineClient;

/** Alice's link loses the first ACK of every message she sends, so her engine must retransmit. */
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
    if (frame.type === FrameType.ack && frame.dataContent !== null && loseAckFor.delete(frame.dataContent))
      return [];
    return [text];
  },
});

/**
 * Bob's link duplicates every push, and loses both his ACKs of the first push of each message,
 * so the server pushes it again.
 */
const bobAcks = new Map<string, number>();
const bobSocket = createInterceptingWebSocket({
  inbound: (frame, text) =>
    frame.type === FrameType.data && frame.typeu === Typeu.messagePush ? [text, text] : [text],
  outbound: (frame) => {
    if (frame.type !== FrameType.ack || frame.dataContent === null) return true;
    const count = (bobAcks.get(frame.dataContent) ?? 0) + 1;
    bobAcks.set(frame.dataContent, count);
    return count > 2;
  },
});

beforeAll(async () => {
  server = await startServer({ dataDir: newDir() });
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

    // Bob gets every push twice and the server pushes again after his lost ACKs: four copies, one message.
    await bob.waitForText(text);
    await waitFor(() => (bobAcks.get(sent.id) ?? 0) >= 4, {
      what: 'bob ACKs every copy, including the re-push',
    });
    const pushes = bobSocket.seenFromServer.filter((f) => f.type === FrameType.data && f.fp === sent.id);
    expect(pushes.length).toBeGreaterThanOrEqual(2);
    expect(bob.messageEvents().filter((m) => m.id === sent.id)).toHaveLength(1);
    expect(bob.query('SELECT COUNT(*) AS n FROM messages WHERE fp = ?', sent.id)).toEqual([{ n: 1 }]);
  });

  it('never stores a retransmitted message twice when its ACK is lost every time but one', async () => {
    // Lose the first three ACKs of the next message: alice sends it at least four times.
    let toLose = 3;
    const lossy = createInterceptingWebSocket({
      inbound: (frame, text) => (frame.type === FrameType.ack && toLose-- > 0 ? [] : [text]),
    });
    const carol = createEngineClient(newDir(), { WebSocket: lossy.WebSocket });
    try {
      await carol.register(server.url, 'carol', 'Carol');
      const toBob = await carol.call('conversations:open', { username: 'bob' });
      const sent = await carol.call('messages:send', { conversationId: toBob.id, text: 'four times' });
      await carol.waitForStatus(sent.id, 'sent');
      const transmissions = lossy.sentByEngine.filter((f) => f.type === FrameType.data && f.fp === sent.id);
      expect(transmissions.length).toBeGreaterThanOrEqual(4);
      expect(new Set(transmissions.map((f) => f.dataContent)).size).toBe(1);
      expect(carol.query('SELECT COUNT(*) AS n FROM outbox')).toEqual([{ n: 0 }]);

      await bob.waitForText('four times');
      // A later message is the barrier: anything duplicated would have arrived before it.
      const after = await carol.call('messages:send', { conversationId: toBob.id, text: 'barrier' });
      await bob.waitForText('barrier');
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
