import { describe, expect, it } from 'vitest';
import type { Notify } from '../../../shared/protocol';
import { createLogger } from '../../../server/log/logger';
import { createDeliveryService } from '../../../server/services/deliveryService';
import type { OnlineDevice, StockPush } from '../../../server/services/presence';
import type { DeviceKind } from '../../../server/storage/deviceRepository';
import type { InboxEntry } from '../../../server/storage/inboxRepository';
import { manualScheduler } from './manualScheduler';

function messageEntry(seq: number, text = 'hi'): InboxEntry {
  return {
    event: { seq, at: seq, type: 'message', conversationId: 'd:1:2', messageSeq: seq },
    message: {
      id: String(seq),
      conversationId: 'd:1:2',
      seq,
      fp: `f${seq}`,
      senderId: '1',
      sentAt: seq,
      kind: 'text',
      bodyJson: JSON.stringify({ text }),
      recalledAt: null,
    },
  };
}

function device(deviceId: string, kind: DeviceKind) {
  const notifies: Notify[] = [];
  const texts: StockPush[] = [];
  const online: OnlineDevice = {
    userId: '2',
    deviceId,
    kind,
    notify: (n) => (notifies.push(n), true),
    pushText: (p) => (texts.push(p), true),
  };
  return { online, notifies, texts };
}

function setup(devices: ReturnType<typeof device>[]) {
  const time = manualScheduler();
  const acknowledged: [string, number][] = [];
  const delivery = createDeliveryService({
    presence: { devicesOf: (userId) => (userId === '2' ? devices.map((d) => d.online) : []) },
    inbox: { page: () => [] },
    devices: { ackCursor: () => 0, acknowledge: (_u, d, cursor) => void acknowledged.push([d, cursor]) },
    scheduler: time.scheduler,
    random: () => 0.5,
    logger: createLogger('silent'),
    options: { retryMs: 100, maxRetries: 2, notifyJitterMs: 1_000 },
  });
  for (const d of devices) delivery.attach(d.online);
  return { delivery, time, acknowledged };
}

describe('delivery service', () => {
  it('notifies every Tidings device with the events inline, and pushes plain text to the stock device', () => {
    const laptop = device('laptop', 'tidings');
    const phone = device('phone', 'tidings');
    const stock = device('stock', 'stock');
    const { delivery } = setup([laptop, phone, stock]);
    delivery.publish('2', [messageEntry(1)]);
    for (const d of [laptop, phone]) {
      expect(d.notifies).toEqual([
        {
          cursors: { inbox: 1 },
          events: [
            {
              seq: 1,
              at: 1,
              type: 'message',
              conversationId: 'd:1:2',
              messageSeq: 1,
              message: {
                id: '1',
                conversationId: 'd:1:2',
                seq: 1,
                fp: 'f1',
                senderId: '1',
                sentAt: 1,
                kind: 'text',
                body: { text: 'hi' },
              },
            },
          ],
        },
      ]);
      expect(d.texts).toEqual([]);
    }
    expect(stock.notifies).toEqual([]);
    expect(stock.texts).toEqual([{ senderId: '1', fp: 'f1', text: 'hi', sentAt: 1 }]);
    delivery.publish('9', [messageEntry(2)]); // nobody online
    expect(laptop.notifies).toHaveLength(1);
  });

  it('sends cursors only, after a jitter, when the events would not fit in a frame', () => {
    const laptop = device('laptop', 'tidings');
    const { delivery, time } = setup([laptop]);
    const big = [1, 2, 3, 4, 5].map((seq) => messageEntry(seq, 'x'.repeat(20_000)));
    delivery.publish('2', big);
    expect(laptop.notifies).toEqual([]);
    time.advance(499);
    expect(laptop.notifies).toEqual([]);
    time.advance(1);
    expect(laptop.notifies).toEqual([{ cursors: { inbox: 5 } }]);
  });

  it('routes a stock device’s ACK to its pump, which saves the cursor', () => {
    const stock = device('stock', 'stock');
    const { delivery, time, acknowledged } = setup([stock]);
    delivery.publish('2', [messageEntry(1)]);
    delivery.acknowledge('2', 'laptop', '1', 'f1'); // another device: nothing
    delivery.acknowledge('2', 'stock', '2', 'f1'); // another sender: nothing
    expect(acknowledged).toEqual([]);
    delivery.acknowledge('2', 'stock', '1', 'f1');
    expect(acknowledged).toEqual([['stock', 1]]);
    time.advance(1_000);
    expect(stock.texts).toHaveLength(1); // acknowledged: never pushed again
  });

  it('ignores the detach of a session that a newer one of the same device replaced', () => {
    const old = device('stock', 'stock');
    const replacement = device('stock', 'stock');
    const { delivery } = setup([old]);
    delivery.attach(replacement.online);
    delivery.detach(old.online);
    delivery.publish('2', [messageEntry(1)]);
    expect(replacement.texts.map((t) => t.fp)).toEqual(['f1']);
    delivery.detach(replacement.online);
    delivery.close();
  });
});
