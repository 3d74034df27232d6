import type { WireMessage } from '../../shared/protocol';
import type { Logger } from '../log/logger';
import type { Cancel, Clock, Scheduler } from '../ports';
import type { DeliveryRepository } from '../storage/deliveryRepository';
import { toWireMessage } from './wireMessage';

/** The gateway's side of delivery: write a push to the recipient's live connection, if any. */
export type Pusher = Readonly<{
  /** False when the recipient has no live connection (nothing was sent). */
  push(recipientId: string, message: WireMessage): boolean;
}>;

/**
 * Realtime delivery of stored messages: push, wait for the receiver's ACK, push again a few
 * times, then leave the message pending in the database for the recipient's next login.
 * (The notify-pull inbox replaces the login replay later; the retry policy stays.)
 */
export type DeliveryService = Readonly<{
  deliver(recipientId: string, message: WireMessage): void;
  /** The recipient just logged in: push everything still pending, oldest first. */
  resume(recipientId: string): void;
  /** The recipient's connection is gone: stop retrying (the database keeps what is pending). */
  detach(recipientId: string): void;
  /** The receiver's type 4 for (sender, fp). */
  acknowledge(recipientId: string, senderId: string, fp: string): void;
  close(): void;
}>;

export type DeliveryOptions = Readonly<{ retryMs: number; maxRetries: number }>;

type InFlight = { message: WireMessage; pushes: number; cancel: Cancel };

export function createDeliveryService(
  deps: Readonly<{
    repository: DeliveryRepository;
    pusher: Pusher;
    clock: Clock;
    scheduler: Scheduler;
    logger: Logger;
    options: DeliveryOptions;
  }>,
): DeliveryService {
  const { repository, pusher, clock, scheduler, logger, options } = deps;
  /** recipient → message id → push awaiting its ACK */
  const inFlight = new Map<string, Map<string, InFlight>>();

  const forget = (recipientId: string, messageId: string): void => {
    const mine = inFlight.get(recipientId);
    const entry = mine?.get(messageId);
    if (!mine || !entry) return;
    entry.cancel();
    mine.delete(messageId);
    if (mine.size === 0) inFlight.delete(recipientId);
  };

  const arm = (recipientId: string, entry: InFlight): void => {
    entry.cancel = scheduler.after(options.retryMs, () => {
      if (entry.pushes > options.maxRetries) {
        forget(recipientId, entry.message.id);
        logger.info('delivery deferred to next login', { recipientId, messageId: entry.message.id });
        return;
      }
      if (!pusher.push(recipientId, entry.message)) {
        forget(recipientId, entry.message.id);
        return;
      }
      entry.pushes++;
      arm(recipientId, entry);
    });
  };

  const deliver = (recipientId: string, message: WireMessage): void => {
    if (!pusher.push(recipientId, message)) return; // offline: it waits in the database
    forget(recipientId, message.id);
    const entry: InFlight = { message, pushes: 1, cancel: () => {} };
    let mine = inFlight.get(recipientId);
    if (!mine) inFlight.set(recipientId, (mine = new Map<string, InFlight>()));
    mine.set(message.id, entry);
    arm(recipientId, entry);
  };

  const detach = (recipientId: string): void => {
    const mine = inFlight.get(recipientId);
    if (!mine) return;
    for (const entry of mine.values()) entry.cancel();
    inFlight.delete(recipientId);
  };

  return {
    deliver,
    resume(recipientId) {
      // A replaced session may have left retries running; the replay below covers them.
      detach(recipientId);
      const pending = repository.listPending(recipientId);
      if (pending.length > 0)
        logger.debug('replaying pending messages', { recipientId, count: pending.length });
      for (const message of pending) deliver(recipientId, toWireMessage(message));
    },
    detach,
    acknowledge(recipientId, senderId, fp) {
      const messageId = repository.markDelivered(recipientId, senderId, fp, clock.now());
      if (messageId !== null) forget(recipientId, messageId);
    },
    close() {
      for (const recipientId of [...inFlight.keys()]) detach(recipientId);
    },
  };
}
