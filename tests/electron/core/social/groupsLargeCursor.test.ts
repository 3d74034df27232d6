import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameType, Typeu, type Envelope } from '../../../../shared/protocol';
import { waitFor, type ServerProcess } from '../../../helpers/serverProcess';
import { createEngineClient, type EngineClient } from '../helpers/engineClient';
import { createInterceptingWebSocket } from '../helpers/interceptingWebSocket';
import { useTempDirs } from '../helpers/tempDirs';
import { startTestServer } from '../integration/realServer';

const newDir = useTempDirs('tidings-large-group-');

const isNotify = (frame: Envelope): boolean => frame.type === FrameType.data && frame.typeu === Typeu.notify;

/** Bob's link drops every notify while `dropping` is set: only keepalive answers tell him. */
let dropping = false;
let dropped = 0;
const bobSocket = createInterceptingWebSocket({
  inbound: (frame, text) => {
    if (dropping && isNotify(frame)) {
      dropped += 1;
      return [];
    }
    return [text];
  },
});

const keepaliveGroupCursors = (): Array<Record<string, number>> =>
  bobSocket.seenFromServer.flatMap((frame) => {
    if (frame.type !== FrameType.keepaliveResponse || !frame.dataContent) return [];
    const answer = JSON.parse(frame.dataContent) as { cursors?: { groups?: Record<string, number> } };
    return answer.cursors?.groups ? [answer.cursors.groups] : [];
  });

describe('a large group (no inbox pointers) against the real server', () => {
  let server: ServerProcess;
  let alice: EngineClient;
  let bob: EngineClient;
  const bobDir = newDir();

  beforeAll(async () => {
    // Groups above one member get no per-message pointer: every group here is "large".
    server = await startTestServer({ groups: { pointerMaxMembers: 1 } });
    alice = createEngineClient(newDir());
    bob = createEngineClient(bobDir, {
      WebSocket: bobSocket.WebSocket,
      tuning: { keepaliveIntervalMs: 300 },
    });
    await alice.register(server.url, 'alice', 'Alice');
    await bob.register(server.url, 'bob', 'Bob');
    for (const client of [alice, bob])
      await waitFor(async () => (await client.call('connection:get', {})).status === 'online', {
        what: 'online',
      });
  });
  afterAll(async () => {
    await alice?.close();
    await bob?.close();
    await server?.stop();
  });

  it('repairs a lost notify from the keepalive cursor, flags a mention, and catches up from the hello', async () => {
    const bobId = bob.account.userId;
    const { conversation } = await alice.call('groups:create', { name: 'Crowd', memberIds: [bobId] });
    const conversationId = conversation.id;
    await waitFor(
      async () => (await bob.call('groups:list', {})).find((g) => g.conversationId === conversationId),
      { what: 'bob knows the group' },
    );

    // Every notify to bob is lost from here on: the message reaches him through the cursor of
    // the group in a keepalive answer, and history is pulled from it.
    dropping = true;
    await alice.call('messages:send', { conversationId, text: 'nobody pointed at this' });
    await bob.waitForText('nobody pointed at this');
    expect(dropped).toBeGreaterThan(0);
    expect(keepaliveGroupCursors().some((cursors) => (cursors[conversationId] ?? 0) >= 2)).toBe(true);

    // A mention reaches even a large group's member through his own inbox.
    await alice.call('messages:send', { conversationId, text: 'look here bob', mentions: [bobId] });
    await bob.waitForText('look here bob');
    await waitFor(
      async () => (await bob.call('conversations:list', {})).find((c) => c.id === conversationId)?.mentioned,
      { what: 'mention flag' },
    );
    dropping = false;

    // Offline while the group moves on: the hello's group cursor brings it back.
    await bob.close();
    const later = await alice.call('messages:send', { conversationId, text: 'while you were away' });
    await waitFor(() => alice.messageEvents().some((m) => m.id === later.id && m.seq !== null), {
      what: 'stored',
    });
    const again = createEngineClient(bobDir, {
      WebSocket: bobSocket.WebSocket,
      tuning: { keepaliveIntervalMs: 60_000 },
    });
    bob = again;
    await again.restored();
    await again.waitForText('while you were away');
    const rows = again.query<{ seq: number }>(
      'SELECT seq FROM messages WHERE conversation_id = ? ORDER BY seq',
      conversationId,
    );
    const seqs = rows.map((r) => r.seq);
    expect(seqs).toEqual([...seqs.keys()].map((i) => i + 1));
  });
});
