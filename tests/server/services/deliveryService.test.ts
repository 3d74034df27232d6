import { describe, expect, it } from 'vitest';
import type { WireMessage } from '../../../shared/protocol';
import { createLogger } from '../../../server/log/logger';
import type { Scheduler } from '../../../server/ports';
import { createDeliveryService, type Pusher } from '../../../server/services/deliveryService';
import { toWireMessage } from '../../../server/services/wireMessage';
import type { DeliveryRepository } from '../../../server/storage/deliveryRepository';
import type { StoredMessage } from '../../../server/storage/messageRows';

/** Timers the test advances by hand. */
function manualScheduler() {
  let now = 0;
  const timers = new Set<{ at: number; run: () => void }>();
  const scheduler: Scheduler = {
    after(ms, run) {
      const timer = { at: now + ms, run };
      timers.add(timer);
      return () => timers.delete(timer);
    },
  };
  const advance = (ms: number): void => {
    now += ms;
    for (const timer of [...timers].sort((a, b) => a.at - b.at)) {
      if (timer.at <= now && timers.delete(timer)) timer.run();
    }
  };
  return { scheduler, advance, pending: () => timers.size };
}

const stored = (id: string, fp: string): StoredMessage => ({
  id,
  conversationId: 'd:1:2',
  seq: Number(id),
  fp,
  senderId: '1',
  sentAt: 5,
  kind: 'text',
  bodyJson: '{"text":"x"}',
});

const wire = (id: string, fp: string): WireMessage => toWireMessage(stored(id, fp));

function setup(options = { retryMs: 100, maxRetries: 2 }, online = true) {
  const pushes: string[] = [];
  const pendingRows: StoredMessage[] = [];
  const marked: string[] = [];
  const state = { online };
  const pusher: Pusher = {
    push(recipientId, message) {
      if (!state.online) return false;
      pushes.push(`${recipientId}:${message.fp}`);
      return true;
    },
  };
  const repository: DeliveryRepository = {
    listPending: () => [...pendingRows],
    markDelivered(_recipient, _sender, fp) {
      const row = pendingRows.find((m) => m.fp === fp);
      if (!row) return null;
      marked.push(fp);
      pendingRows.splice(pendingRows.indexOf(row), 1);
      return row.id;
    },
  };
  const timers = manualScheduler();
  const service = createDeliveryService({
    repository,
    pusher,
    clock: { now: () => 0 },
    scheduler: timers.scheduler,
    logger: createLogger('silent'),
    options,
  });
  return { service, pushes, pendingRows, marked, timers, state };
}

describe('delivery service', () => {
  it('retries an unacknowledged push maxRetries times, then stops', () => {
    const { service, pushes, timers } = setup();
    service.deliver('2', wire('1', 'f1'));
    for (let i = 0; i < 10; i++) timers.advance(100);
    expect(pushes).toEqual(['2:f1', '2:f1', '2:f1']);
    expect(timers.pending()).toBe(0);
  });

  it('stops retrying once acknowledged', () => {
    const { service, pushes, pendingRows, marked, timers } = setup();
    pendingRows.push(stored('1', 'f1'));
    service.deliver('2', wire('1', 'f1'));
    service.acknowledge('2', '1', 'f1');
    timers.advance(1_000);
    expect(pushes).toEqual(['2:f1']);
    expect(marked).toEqual(['f1']);
    expect(timers.pending()).toBe(0);
  });

  it('does nothing for an offline recipient, and stops when the recipient goes away', () => {
    const { service, pushes, timers, state } = setup(undefined, false);
    service.deliver('2', wire('1', 'f1'));
    expect(timers.pending()).toBe(0);
    state.online = true;
    service.deliver('2', wire('2', 'f2'));
    service.detach('2');
    timers.advance(1_000);
    expect(pushes).toEqual(['2:f2']);
  });

  it('resume replays pending messages in order without doubling retries already running', () => {
    const { service, pushes, pendingRows, timers } = setup({ retryMs: 100, maxRetries: 1 });
    pendingRows.push(stored('1', 'f1'), stored('2', 'f2'));
    service.deliver('2', wire('1', 'f1'));
    service.resume('2');
    expect(pushes).toEqual(['2:f1', '2:f1', '2:f2']);
    timers.advance(100);
    expect(pushes.slice(3)).toEqual(['2:f1', '2:f2']);
    timers.advance(1_000);
    expect(pushes).toHaveLength(5);
  });

  it('close() cancels every timer', () => {
    const { service, timers } = setup();
    service.deliver('2', wire('1', 'f1'));
    service.deliver('3', wire('2', 'f2'));
    service.close();
    expect(timers.pending()).toBe(0);
  });
});
