import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../server/log/logger';
import { createDevicePump, type DevicePumpOptions } from '../../../server/services/devicePump';
import type { OnlineDevice, StockPush } from '../../../server/services/presence';
import type { InboxEntry } from '../../../server/storage/inboxRepository';
import { manualScheduler } from './manualScheduler';

const ME = '2';
const PEER = '1';

/** Inbox entry `seq`: a message from `from` with fp `f<seq>`, or a read event for `from` = 'read'. */
function entry(seq: number, from: string = PEER): InboxEntry {
  if (from === 'read')
    return { event: { seq, at: seq, type: 'read', conversationId: 'd:1:2', readSeq: 1 }, message: null };
  return {
    event: { seq, at: seq, type: 'message', conversationId: 'd:1:2', messageSeq: seq },
    message: {
      id: String(seq),
      conversationId: 'd:1:2',
      seq,
      fp: `f${seq}`,
      senderId: from,
      sentAt: seq,
      kind: 'text',
      bodyJson: JSON.stringify({ text: `t${seq}` }),
      recalledAt: null,
    },
  };
}

function setup(inbox: InboxEntry[], options: Partial<DevicePumpOptions> & { startCursor?: number } = {}) {
  const time = manualScheduler();
  const pushes: StockPush[] = [];
  const saved: number[] = [];
  const link = { open: true };
  const device: OnlineDevice = {
    userId: ME,
    deviceId: 'stock',
    kind: 'stock',
    notify: () => true,
    pushText: (push) => link.open && (pushes.push(push), true),
  };
  const loads: number[] = [];
  const pump = createDevicePump({
    device,
    startCursor: options.startCursor ?? 0,
    loadPage: (after, limit) => {
      loads.push(after);
      return inbox.filter((e) => e.event.seq > after).slice(0, limit);
    },
    saveCursor: (cursor) => void saved.push(cursor),
    scheduler: time.scheduler,
    logger: createLogger('silent'),
    options: { retryMs: 100, maxRetries: 2, window: 3, ...options },
  });
  return { pump, pushes, saved, time, link, loads, fps: () => pushes.map((p) => p.fp) };
}

describe('device pump', () => {
  it('pushes what lies after the cursor as plain text, skipping own messages and other events', () => {
    const { pushes, saved } = setup([entry(1, ME), entry(2), entry(3, 'read'), entry(4)], { startCursor: 0 });
    expect(pushes).toEqual([
      { senderId: PEER, fp: 'f2', text: 't2', sentAt: 2 },
      { senderId: PEER, fp: 'f4', text: 't4', sentAt: 4 },
    ]);
    expect(saved).toEqual([1]); // up to the first unacknowledged push
  });

  it('keeps at most `window` pushes unacknowledged and moves the cursor with the ACKs', () => {
    const inbox = [1, 2, 3, 4, 5].map((seq) => entry(seq));
    const { pump, fps, saved } = setup(inbox, { window: 2, startCursor: 0 });
    expect(fps()).toEqual(['f1', 'f2']);
    expect(pump.acknowledge(PEER, 'f2')).toBe(true);
    expect(fps()).toEqual(['f1', 'f2', 'f3']);
    expect(saved).toEqual([]); // f1 still holds it at 0
    pump.acknowledge(PEER, 'f1');
    expect(saved).toEqual([2]);
    expect(pump.acknowledge(PEER, 'f1')).toBe(false);
    expect(pump.acknowledge(ME, 'f3')).toBe(false); // the sender is part of the key
    pump.acknowledge(PEER, 'f3');
    pump.acknowledge(PEER, 'f4');
    pump.acknowledge(PEER, 'f5');
    expect(saved).toEqual([2, 3, 4, 5]);
  });

  it('pushes again every retry interval up to maxRetries, then holds the cursor for the next login', () => {
    const { pump, fps, saved, time } = setup([entry(1), entry(2)], { startCursor: 0 });
    pump.acknowledge(PEER, 'f2');
    expect(fps()).toEqual(['f1', 'f2']);
    time.advance(100);
    time.advance(100);
    expect(fps()).toEqual(['f1', 'f2', 'f1', 'f1']);
    time.advance(100);
    time.advance(1_000);
    expect(fps()).toHaveLength(4); // 1 + maxRetries, then it gives up
    expect(time.pending()).toBe(0);
    expect(saved).toEqual([]); // f1 was never acknowledged: the next login starts before it
    pump.acknowledge(PEER, 'f1'); // a late ACK still counts
    expect(saved).toEqual([2]);
  });

  it('takes offered events in order and reads the inbox again after a gap', () => {
    const inbox: InboxEntry[] = [];
    const { pump, fps, loads } = setup(inbox, { startCursor: 0, window: 10 });
    expect(loads).toEqual([0]);
    inbox.push(entry(1), entry(2));
    pump.offer([entry(1)]);
    pump.offer([entry(2)]);
    expect(fps()).toEqual(['f1', 'f2']);
    expect(loads).toEqual([0]); // contiguous offers need no reads
    inbox.push(entry(3), entry(4));
    pump.offer([entry(4)]); // 3 was never offered
    expect(fps()).toEqual(['f1', 'f2', 'f3', 'f4']);
    expect(loads).toEqual([0, 2]);
    pump.offer([entry(3), entry(4)]); // already seen
    expect(fps()).toHaveLength(4);
  });

  it('stops at a closed link without skipping the message it could not write', () => {
    const { pump, saved, fps, link, time } = setup([entry(1), entry(2)], { startCursor: 0, window: 1 });
    expect(fps()).toEqual(['f1']);
    link.open = false;
    pump.acknowledge(PEER, 'f1'); // f2 is next, but cannot be written
    expect(saved).toEqual([1]); // the next login starts at f2
    link.open = true;
    pump.offer([entry(3)]);
    time.advance(1_000);
    expect(fps()).toEqual(['f1']);
    expect(time.pending()).toBe(0);
  });

  it('tells a stock device about a recall in words, under an fp of its own', () => {
    const recalled = entry(1);
    const recall: InboxEntry = {
      event: { seq: 2, at: 50, type: 'recall', conversationId: 'd:1:2', messageSeq: 1, by: PEER },
      message: {
        ...(recalled.message as NonNullable<InboxEntry['message']>),
        kind: 'notice',
        bodyJson: '{"event":"recall"}',
      },
    };
    const { pushes } = setup([recall], { startCursor: 1 });
    expect(pushes).toEqual([{ senderId: PEER, fp: 'f1#recall', text: '[Message recalled]', sentAt: 50 }]);
  });
});
