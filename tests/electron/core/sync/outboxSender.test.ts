import { describe, expect, it } from 'vitest';
import type { Message } from '../../../../shared/ipc';
import { noopLogger } from '../../../../electron/core/deps/logger';
import type { ConnectionPhase } from '../../../../electron/core/net/connection';
import { createOutboxSender } from '../../../../electron/core/sync/outboxSender';
import { createInThreadStore } from '../helpers/inThreadStore';
import { createManualTime } from '../helpers/manualTime';
import { createTestTasks } from '../helpers/tasks';

const CONV = 'd:alice:bob';

async function setup(options: { maxSendAttempts?: number; file?: string } = {}) {
  const time = createManualTime();
  const store = createInThreadStore(options.file === undefined ? {} : { file: options.file });
  await store.openDirectConversation(CONV, { userId: 'bob', username: 'bob', displayName: 'Bob' }, 1);
  const link = { state: 'ready' as ConnectionPhase, sent: [] as string[], accept: true };
  const changed: Message[] = [];
  const tasks = createTestTasks();
  const budget = { retryIntervalMs: 3_000, maxSendAttempts: options.maxSendAttempts ?? 5 };
  const sender = createOutboxSender({
    store,
    connection: {
      state: () => link.state,
      send: (frame) => {
        if (link.state !== 'ready' || !link.accept) return false;
        link.sent.push(frame);
        return true;
      },
    },
    clock: time,
    timers: time,
    logger: noopLogger,
    tasks,
    budget: () => budget,
    onChanged: (m) => changed.push(m),
  });
  const write = async (fp: string, createdAt = time.now()) => {
    const frame = JSON.stringify({ fp });
    await store.insertOutgoing({
      fp,
      conversationId: CONV,
      sentAt: createdAt,
      kind: 'text',
      body: { text: fp },
      toUserId: 'bob',
      frame,
    });
    return { fp, toUserId: 'bob', frame, attempts: 0, createdAt };
  };
  return { time, store, link, changed, tasks, sender, write, budget };
}

describe('outbox sender', () => {
  it('sends at once, retransmits the same frame every interval until ACKed, then stops', async () => {
    const { time, link, changed, tasks, sender, write, store } = await setup();
    sender.enqueue(await write('fp1'));
    expect(link.sent).toEqual(['{"fp":"fp1"}']);
    time.advance(2_999);
    expect(link.sent).toHaveLength(1);
    time.advance(1);
    expect(link.sent).toEqual(['{"fp":"fp1"}', '{"fp":"fp1"}']);
    sender.acknowledge('fp1');
    await tasks.idle();
    expect(changed.map((m) => [m.id, m.status])).toEqual([['fp1', 'sent']]);
    time.advance(30_000);
    expect(link.sent).toHaveLength(2);
    expect(sender.pending()).toBe(0);
    expect(await store.listOutbox()).toEqual([]);
  });

  it('waits while offline and resends everything, oldest first, on the next login', async () => {
    const { time, link, sender, write, tasks, store } = await setup();
    link.state = 'waiting';
    sender.enqueue(await write('fp-old', 10));
    sender.enqueue(await write('fp-new', 20));
    time.advance(60_000);
    expect(link.sent).toEqual([]);
    link.state = 'ready';
    sender.resendAll();
    expect(link.sent).toEqual(['{"fp":"fp-old"}', '{"fp":"fp-new"}']);
    await tasks.idle();
    expect((await store.listOutbox()).map((e) => e.attempts)).toEqual([1, 1]);
  });

  it('marks a message failed once the budget of live transmissions is spent, and takes a retry', async () => {
    const { time, link, changed, tasks, sender, write, store } = await setup({ maxSendAttempts: 3 });
    sender.enqueue(await write('fp1'));
    time.advance(3_000);
    time.advance(3_000);
    expect(link.sent).toHaveLength(3);
    time.advance(3_000);
    await tasks.idle();
    expect(link.sent).toHaveLength(3);
    expect(changed.map((m) => m.status)).toEqual(['failed']);
    expect(sender.pending()).toBe(0);
    const retried = await store.retry('fp1', time.now());
    sender.enqueue(retried?.entry ?? (undefined as never));
    expect(link.sent).toHaveLength(4);
    expect(link.sent.at(-1)).toBe('{"fp":"fp1"}');
  });

  it('reads the budget at every transmission (basic mode is stricter)', async () => {
    const { time, link, changed, tasks, sender, write, budget } = await setup({ maxSendAttempts: 20 });
    sender.enqueue(await write('fp1'));
    budget.maxSendAttempts = 2;
    time.advance(3_000);
    time.advance(3_000);
    await tasks.idle();
    expect(link.sent).toHaveLength(2);
    expect(changed.map((m) => m.status)).toEqual(['failed']);
  });

  it('marks a refused message failed and never sends it again', async () => {
    const { time, link, changed, tasks, sender, write } = await setup();
    sender.enqueue(await write('fp1'));
    sender.refuse('fp1', { code: 'blocked', message: 'The receiver has blocked you.' });
    await tasks.idle();
    time.advance(30_000);
    sender.resendAll();
    expect(link.sent).toHaveLength(1);
    expect(changed.map((m) => m.status)).toEqual(['failed']);
    expect(changed[0]?.failure).toEqual({ code: 'blocked', message: 'The receiver has blocked you.' });
  });

  it('forgets a message the store already saw stored, without another write', async () => {
    const { time, link, changed, tasks, sender, write } = await setup();
    sender.enqueue(await write('fp1'));
    sender.forget('fp1', 'stored');
    time.advance(30_000);
    await tasks.idle();
    expect(link.sent).toHaveLength(1);
    expect(changed).toEqual([]);
  });

  it('takes over the durable outbox with its attempt count after a restart', async () => {
    const first = await setup({ maxSendAttempts: 2 });
    first.sender.enqueue(await first.write('fp1'));
    await first.tasks.idle();
    first.sender.stop();
    await first.store.close();

    const second = await setup({ maxSendAttempts: 2, file: first.store.file });
    await second.sender.load();
    second.sender.resendAll();
    expect(second.link.sent).toEqual(['{"fp":"fp1"}']);
    second.time.advance(3_000);
    await second.tasks.idle();
    expect(second.changed.map((m) => m.status)).toEqual(['failed']);
  });
});
