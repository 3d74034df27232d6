import { describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../../../shared/ipc';
import {
  decodeFrame,
  encodeFrame,
  FrameType,
  Typeu,
  type Envelope,
  type EnvelopeInput,
  type Hello,
  type Notify,
} from '../../../../shared/protocol';
import { noopLogger } from '../../../../electron/core/deps/logger';
import { createInboundHandler } from '../../../../electron/core/sync/inboundHandler';
import { createInThreadStore } from '../helpers/inThreadStore';
import { createManualTime } from '../helpers/manualTime';
import { createTestTasks } from '../helpers/tasks';

function setup(basic = false) {
  const store = createInThreadStore({ mode: basic ? 'basic' : 'tidings' });
  const sent: string[] = [];
  const acknowledged: string[] = [];
  const refused: string[] = [];
  const replies: Envelope[] = [];
  const hellos: Hello[] = [];
  const notifies: Notify[] = [];
  const pushed: Array<[Message, Conversation]> = [];
  const tasks = createTestTasks();
  const handle = createInboundHandler({
    me: 'alice',
    basic: () => basic,
    store,
    outbox: { acknowledge: (fp) => acknowledged.push(fp), refuse: (fp) => refused.push(fp) },
    commands: { onReply: (frame) => replies.push(frame) > 0 },
    send: (frame) => {
      sent.push(frame);
      return true;
    },
    clock: createManualTime(),
    tasks,
    logger: noopLogger,
    onHello: (hello) => hellos.push(hello),
    onNotify: (notify) => notifies.push(notify),
    onPushed: (message, conversation) => pushed.push([message, conversation]),
  });
  const receive = (frame: EnvelopeInput) => {
    const decoded = decodeFrame(encodeFrame(frame));
    if (!decoded.ok) throw new Error(decoded.message);
    handle(decoded.value);
  };
  return { store, sent, acknowledged, refused, replies, hellos, notifies, pushed, tasks, receive };
}

const acks = (sent: string[]) =>
  sent.map((text) => {
    const decoded = decodeFrame(text);
    if (!decoded.ok) throw new Error('bad ack');
    return decoded.value;
  });

const hello: Hello = {
  server: { name: 'tidings', version: '1', capabilities: ['tidings/1'] },
  deviceId: 'dev',
  cursors: { inbox: 3 },
  limits: { recallWindowMs: 120_000, maxTextLength: 8000 },
};

describe('inbound handler', () => {
  it('routes the server’s hello, notifies and command replies, and ignores them from anyone else', () => {
    const t = setup();
    const fromServer = (typeu: number, body: unknown, from = '0') =>
      t.receive({ type: FrameType.data, from, to: 'alice', typeu, dataContent: JSON.stringify(body) });
    fromServer(Typeu.hello, hello);
    fromServer(Typeu.notify, { cursors: { inbox: 4 } });
    fromServer(Typeu.commandReply, { id: 'c1', ok: true, value: {} });
    fromServer(Typeu.hello, hello, 'mallory');
    fromServer(Typeu.notify, { cursors: 'nope' });
    expect(t.hellos).toEqual([hello]);
    expect(t.notifies).toEqual([{ cursors: { inbox: 4 } }]);
    expect(t.replies).toHaveLength(1);
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

  it('in basic mode, keeps a stock peer’s text once by fp and ACKs every copy after storing it', async () => {
    const t = setup(true);
    const text: EnvelopeInput = {
      type: FrameType.data,
      typeu: -1,
      QoS: true,
      from: 'bob',
      to: 'alice',
      fp: 'stock-1',
      sm: 4242,
      dataContent: 'plain text, not JSON',
    };
    t.receive(text);
    t.receive(text);
    await t.tasks.idle();
    expect(acks(t.sent).map((a) => [a.from, a.to, a.dataContent])).toEqual([
      ['alice', 'bob', 'stock-1'],
      ['alice', 'bob', 'stock-1'],
    ]);
    expect(t.pushed.map(([m, c]) => [m.id, m.body, m.sentAt, m.seq, c.id])).toEqual([
      ['stock-1', { text: 'plain text, not JSON' }, 4242, 1, 'd:alice:bob'],
    ]);
  });

  it('ACKs what it does not understand so the sender stops retrying', () => {
    const t = setup();
    t.receive({
      type: FrameType.data,
      typeu: 77,
      QoS: true,
      from: 'bob',
      to: 'alice',
      fp: 'odd',
      dataContent: 'x',
    });
    expect(acks(t.sent).map((a) => a.dataContent)).toEqual(['odd']);
  });
});
