import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../../../shared/ipc';
import {
  decodeFrame,
  FrameType,
  Typeu,
  type EnvelopeInput,
  type WireMessage,
} from '../../../../shared/protocol';
import { encodeFrame } from '../../../../shared/protocol';
import { noopLogger } from '../../../../electron/core/deps/logger';
import { createSqliteStore } from '../../../../electron/core/store/sqliteStore';
import type { Store } from '../../../../electron/core/store/store';
import { createInboundHandler } from '../../../../electron/core/sync/inboundHandler';
import { createManualTime } from '../helpers/manualTime';
import { createTestTasks } from '../helpers/tasks';
import { useTempDirs } from '../helpers/tempDirs';

const newDir = useTempDirs();
let stores: Store[] = [];
afterEach(async () => {
  for (const store of stores) await store.close();
  stores = [];
});

function setup() {
  const store = createSqliteStore(path.join(newDir(), 'tidings.db'));
  stores.push(store);
  const sent: string[] = [];
  const acknowledged: string[] = [];
  const refused: string[] = [];
  const profiles: string[] = [];
  const messages: Message[] = [];
  const conversations: Conversation[] = [];
  const tasks = createTestTasks();
  const handle = createInboundHandler({
    me: 'alice',
    store,
    outbox: { acknowledge: (fp) => acknowledged.push(fp), refuse: (fp) => refused.push(fp) },
    peerProfiles: { fill: (_conversationId, peer) => profiles.push(peer) },
    send: (frame) => {
      sent.push(frame);
      return true;
    },
    clock: createManualTime(),
    tasks,
    logger: noopLogger,
    onMessages: (_id, list) => messages.push(...list),
    onConversations: (list) => conversations.push(...list),
  });
  const receive = (frame: EnvelopeInput) => {
    const decoded = decodeFrame(encodeFrame(frame));
    if (!decoded.ok) throw new Error(decoded.message);
    handle(decoded.value);
  };
  return { store, sent, acknowledged, refused, profiles, messages, conversations, tasks, receive };
}

const wire: WireMessage = {
  id: 'm1',
  conversationId: 'd:alice:bob',
  seq: 1,
  fp: 'fp-1',
  senderId: 'bob',
  sentAt: 1000,
  kind: 'text',
  body: { text: '你好 alice' },
};

const push = (message: WireMessage, extra: Partial<EnvelopeInput> = {}): EnvelopeInput => ({
  type: FrameType.data,
  typeu: Typeu.messagePush,
  QoS: true,
  from: message.senderId,
  to: 'alice',
  fp: message.fp,
  dataContent: JSON.stringify(message),
  ...extra,
});

const acks = (sent: string[]) =>
  sent.map((text) => {
    const decoded = decodeFrame(text);
    if (!decoded.ok) throw new Error('bad ack');
    return decoded.value;
  });

describe('inbound handler', () => {
  it('stores a push, then ACKs it to the sender, and emits it with its conversation', async () => {
    const t = setup();
    t.receive(push(wire));
    expect(t.sent).toEqual([]); // not before it is stored
    await t.tasks.idle();
    expect(acks(t.sent)).toEqual([
      expect.objectContaining({ type: FrameType.ack, from: 'alice', to: 'bob', dataContent: 'fp-1' }),
    ]);
    expect(t.messages.map((m) => [m.id, m.status, m.body])).toEqual([
      ['fp-1', 'received', { text: '你好 alice' }],
    ]);
    expect(t.conversations.map((c) => [c.id, c.unread])).toEqual([['d:alice:bob', 1]]);
    expect(t.profiles).toEqual(['bob']);
  });

  it('ACKs every duplicate but applies and emits it once', async () => {
    const t = setup();
    t.receive(push(wire));
    t.receive(push(wire));
    await t.tasks.idle();
    t.receive(push(wire, { bridge: true }));
    await t.tasks.idle();
    expect(acks(t.sent).map((a) => a.dataContent)).toEqual(['fp-1', 'fp-1', 'fp-1']);
    expect(acks(t.sent)[2]?.bridge).toBe(true);
    expect(t.messages).toHaveLength(1);
    expect(await t.store.listMessages(wire.conversationId, { limit: 10 })).toHaveLength(1);
  });

  it('ACKs and drops a malformed push or one from outside our conversations', async () => {
    const t = setup();
    t.receive(push(wire, { dataContent: '{"not":"a message"}', fp: 'bad-1' }));
    t.receive(push({ ...wire, fp: 'fp-x', conversationId: 'd:bob:carol' }));
    t.receive(push({ ...wire, fp: 'fp-y', senderId: 'mallory' }));
    await t.tasks.idle();
    expect(acks(t.sent).map((a) => a.dataContent)).toEqual(['bad-1', 'fp-x', 'fp-y']);
    expect(t.messages).toEqual([]);
  });

  it('treats its own message pushed back as acknowledged', async () => {
    const t = setup();
    await t.store.openDirectConversation(
      'd:alice:bob',
      { userId: 'bob', username: 'bob', displayName: 'Bob' },
      1,
    );
    await t.store.insertOutgoing(
      {
        id: 'fp-mine',
        conversationId: 'd:alice:bob',
        seq: null,
        senderId: 'alice',
        outgoing: true,
        sentAt: 900,
        kind: 'text',
        body: { text: 'mine' },
        status: 'sending',
      },
      { toUserId: 'bob', frame: '{}' },
    );
    t.receive(push({ ...wire, fp: 'fp-mine', senderId: 'alice', seq: 4 }));
    await t.tasks.idle();
    expect(t.messages.map((m) => [m.id, m.seq, m.status])).toEqual([['fp-mine', 4, 'sent']]);
    expect(t.acknowledged).toEqual(['fp-mine']);
  });

  it('hands ACKs and refusals to the outbox', () => {
    const t = setup();
    t.receive({ type: FrameType.ack, from: 'bob', to: 'alice', dataContent: 'fp-out' });
    t.receive({
      type: FrameType.data,
      typeu: Typeu.sendRefused,
      from: '0',
      to: 'alice',
      dataContent: JSON.stringify({ fp: 'fp-bad', code: 'recipient-not-found', message: 'no such user' }),
    });
    expect(t.acknowledged).toEqual(['fp-out']);
    expect(t.refused).toEqual(['fp-bad']);
  });
});
