import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../../shared/ipc';
import { noopLogger } from '../../../../electron/core/deps/logger';
import type { ConnectionState } from '../../../../electron/core/net/connection';
import { createSqliteStore } from '../../../../electron/core/store/sqliteStore';
import type { Store } from '../../../../electron/core/store/store';
import { createOutboxSender } from '../../../../electron/core/sync/outboxSender';
import { createManualTime } from '../helpers/manualTime';
import { createTestTasks } from '../helpers/tasks';
import { useTempDirs } from '../helpers/tempDirs';

const newDir = useTempDirs();
const CONV = 'd:alice:bob';
let stores: Store[] = [];
afterEach(async () => {
  for (const store of stores) await store.close();
  stores = [];
});

async function setup(options: { maxSendAttempts?: number; file?: string } = {}) {
  const time = createManualTime();
  const file = options.file ?? path.join(newDir(), 'tidings.db');
  const store = createSqliteStore(file);
  stores.push(store);
  await store.openDirectConversation(CONV, { userId: 'bob', username: 'bob', displayName: 'Bob' }, 1);
  const link = { state: 'ready' as ConnectionState, sent: [] as string[], accept: true };
  const changed: Message[] = [];
  const tasks = createTestTasks();
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
    tuning: { retryIntervalMs: 3_000, maxSendAttempts: options.maxSendAttempts ?? 5 },
    onChanged: (m) => changed.push(m),
  });
  const write = async (fp: string, createdAt = time.now()) => {
    const message: Message = {
      id: fp,
      conversationId: CONV,
      seq: null,
      senderId: 'alice',
      outgoing: true,
      sentAt: createdAt,
      kind: 'text',
      body: { text: fp },
      status: 'sending',
    };
    const frame = JSON.stringify({ fp });
    await store.insertOutgoing(message, { toUserId: 'bob', frame });
    return { fp, toUserId: 'bob', frame, attempts: 0, createdAt };
  };
  return { time, store, link, changed, tasks, sender, write, file };
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

  it('marks a message failed once the budget of live transmissions is spent', async () => {
    const { time, link, changed, tasks, sender, write } = await setup({ maxSendAttempts: 3 });
    sender.enqueue(await write('fp1'));
    time.advance(3_000);
    time.advance(3_000);
    expect(link.sent).toHaveLength(3);
    time.advance(3_000);
    await tasks.idle();
    expect(link.sent).toHaveLength(3);
    expect(changed.map((m) => m.status)).toEqual(['failed']);
    expect(sender.pending()).toBe(0);
  });

  it('marks a refused message failed and never sends it again', async () => {
    const { time, link, changed, tasks, sender, write } = await setup();
    sender.enqueue(await write('fp1'));
    sender.refuse('fp1');
    await tasks.idle();
    time.advance(30_000);
    sender.resendAll();
    expect(link.sent).toHaveLength(1);
    expect(changed.map((m) => m.status)).toEqual(['failed']);
  });

  it('takes over the durable outbox with its attempt count after a restart', async () => {
    const first = await setup({ maxSendAttempts: 2 });
    first.sender.enqueue(await first.write('fp1'));
    await first.tasks.idle();
    first.sender.stop();
    await first.store.close();
    stores = stores.filter((s) => s !== first.store);

    const second = await setup({ maxSendAttempts: 2, file: first.file });
    await second.sender.load();
    second.sender.resendAll();
    expect(second.link.sent).toEqual(['{"fp":"fp1"}']);
    second.time.advance(3_000);
    await second.tasks.idle();
    expect(second.changed.map((m) => m.status)).toEqual(['failed']);
  });
});
