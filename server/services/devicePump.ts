import type { Logger } from '../log/logger';
import type { Cancel, Scheduler } from '../ports';
import type { InboxEntry } from '../storage/inboxRepository';
import type { OnlineDevice } from './presence';
import { RECALLED_STOCK_TEXT, toStockText } from './stockText';
import { toWireMessage } from './wireMessage';

/**
 * QoS delivery to one online device that cannot pull: a stock MobileIMSDK client, which gets
 * every message as plain text (typeu -1).
 *
 * It walks the user's inbox from the device's acknowledged cursor, pushes each message from
 * someone else with QoS (at most `window` unacknowledged at once), pushes again every
 * `retryMs` up to `maxRetries` times, then leaves it for the next login. The cursor moves over
 * everything before the oldest unacknowledged push and is saved, so the next login resumes
 * there: an ACK lost to a dropped link costs a duplicate (clients de-duplicate by fp), never a
 * loss.
 */
export type DevicePump = Readonly<{
  /** Newly committed events of the user, in inbox order. */
  offer(entries: readonly InboxEntry[]): void;
  /** The device's type 4 for (sender, fp); false when it matched no push. */
  acknowledge(senderId: string, fp: string): boolean;
  stop(): void;
}>;

export type DevicePumpOptions = Readonly<{
  retryMs: number;
  maxRetries: number;
  /** Most pushes awaiting an ACK at once. */
  window: number;
}>;

type Item = Readonly<{ seq: number; key: string; send(): boolean }>;
type InFlight = { item: Item; pushes: number; cancel: Cancel };

const PAGE_SIZE = 100;
/** Offered events held beyond this are dropped and read back from the inbox when their turn comes. */
const MAX_QUEUE = 512;
/**
 * A device that let this many pushes run out of retries is not acknowledging: push nothing more
 * until its next login (which resumes from the cursor), rather than remember ever more.
 */
const MAX_GIVEN_UP = 256;

export function createDevicePump(
  deps: Readonly<{
    device: OnlineDevice;
    /** The device's acknowledged inbox position to resume from. */
    startCursor: number;
    loadPage(after: number, limit: number): InboxEntry[];
    saveCursor(cursor: number): void;
    scheduler: Scheduler;
    logger: Logger;
    options: DevicePumpOptions;
  }>,
): DevicePump {
  const { device, scheduler, logger, options } = deps;
  let cursor = deps.startCursor;
  /** Every event up to here was pushed or skipped. */
  let examined = cursor;
  /** Events after `examined` waiting for room in the window. */
  const queue: InboxEntry[] = [];
  /** Highest seq in `queue`, or `examined`. */
  let loadedUpTo = cursor;
  /** The inbox may hold events after `loadedUpTo` that are not in `queue`. */
  let behind = true;
  let stopped = false;
  const inFlight = new Map<string, InFlight>();
  /** Pushes that ran out of retries: they hold the cursor back until the next login. */
  const givenUp = new Map<string, number>();

  const toItem = (entry: InboxEntry): Item | null => {
    const { event, message } = entry;
    if (message === null) return null;
    if (event.type === 'message' && message.senderId !== device.userId) {
      const wire = toWireMessage(message);
      const push = { senderId: wire.senderId, fp: wire.fp, text: toStockText(wire), sentAt: wire.sentAt };
      return { seq: event.seq, key: keyOf(wire.senderId, wire.fp), send: () => device.pushText(push) };
    }
    if (event.type === 'recall' && event.by !== device.userId) {
      // A stock client cannot take a message back; it is told in words, under an fp of its own.
      const fp = `${message.fp}#recall`;
      const push = { senderId: event.by, fp, text: RECALLED_STOCK_TEXT, sentAt: event.at };
      return { seq: event.seq, key: keyOf(event.by, fp), send: () => device.pushText(push) };
    }
    return null;
  };

  const updateCursor = (): void => {
    let next = examined;
    for (const entry of inFlight.values()) next = Math.min(next, entry.item.seq - 1);
    for (const seq of givenUp.values()) next = Math.min(next, seq - 1);
    if (next > cursor) {
      cursor = next;
      deps.saveCursor(cursor);
    }
  };

  const arm = (entry: InFlight): void => {
    entry.cancel = scheduler.after(options.retryMs, () => {
      if (stopped) return;
      if (entry.pushes > options.maxRetries) {
        inFlight.delete(entry.item.key);
        givenUp.set(entry.item.key, entry.item.seq);
        logger.info('delivery deferred to next login', { userId: device.userId, deviceId: device.deviceId });
        pump();
        return;
      }
      if (!entry.item.send()) return;
      entry.pushes++;
      arm(entry);
    });
  };

  const load = (): void => {
    const page = deps.loadPage(loadedUpTo, PAGE_SIZE);
    if (page.length < PAGE_SIZE) behind = false;
    const last = page.at(-1);
    if (last) {
      queue.push(...page);
      loadedUpTo = last.event.seq;
    }
  };

  const pump = (): void => {
    while (!stopped && inFlight.size < options.window && givenUp.size < MAX_GIVEN_UP) {
      if (queue.length === 0) {
        if (!behind) break;
        load();
        if (queue.length === 0) break;
      }
      const entry = queue[0] as InboxEntry;
      const item = toItem(entry);
      if (item !== null && !inFlight.has(item.key) && !givenUp.has(item.key)) {
        if (!item.send()) {
          // The socket is going away; the next login resumes from the cursor, this one included.
          stopped = true;
          break;
        }
        const flight: InFlight = { item, pushes: 1, cancel: () => {} };
        inFlight.set(item.key, flight);
        arm(flight);
      }
      queue.shift();
      examined = entry.event.seq;
    }
    updateCursor();
  };

  pump();

  return {
    offer(entries) {
      if (stopped) return;
      for (const entry of entries) {
        const seq = entry.event.seq;
        if (seq <= loadedUpTo) continue;
        if (!behind && seq === loadedUpTo + 1 && queue.length < MAX_QUEUE) {
          queue.push(entry);
          loadedUpTo = seq;
        } else {
          behind = true;
        }
      }
      pump();
    },
    acknowledge(senderId, fp) {
      const key = keyOf(senderId, fp);
      const entry = inFlight.get(key);
      if (entry) {
        entry.cancel();
        inFlight.delete(key);
      } else if (!givenUp.delete(key)) return false;
      pump();
      return true;
    },
    stop() {
      stopped = true;
      for (const entry of inFlight.values()) entry.cancel();
      inFlight.clear();
    },
  };
}

function keyOf(senderId: string, fp: string): string {
  return `${senderId}\u0000${fp}`;
}
