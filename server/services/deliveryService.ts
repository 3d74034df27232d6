import { MAX_FRAME_BYTES, type Notify } from '../../shared/protocol';
import type { Logger } from '../log/logger';
import type { Cancel, Scheduler } from '../ports';
import type { InboxEntry, InboxRepository } from '../storage/inboxRepository';
import { createDevicePump, type DevicePump } from './devicePump';
import type { DeviceService } from './deviceService';
import { fitsInFrame, MAX_BODY_BYTES } from './frameBudget';
import { toWireInboxEvent } from './inboxEvents';
import type { OnlineDevice, Presence } from './presence';
import { payloadText } from './wireMessage';

/**
 * Realtime delivery of committed inbox events to online devices: a notify (typeu 11) to every
 * Tidings device of the user, with the events inline when they fit in a frame, else cursors
 * only (then jittered, since each such notify makes a device pull); and QoS pushes, through
 * a pump per device, to devices that cannot pull (stock clients).
 */
export type DeliveryService = Readonly<{
  /** Events just committed to `userId`'s inbox, in order. */
  publish(userId: string, entries: readonly InboxEntry[]): void;
  /** A device logged in: a stock device gets what it has not acknowledged, then live pushes. */
  attach(device: OnlineDevice): void;
  /** The device's connection is gone: stop pushing (its cursor stays saved). */
  detach(device: OnlineDevice): void;
  /** A device's type 4 for a push from `senderId` with `fp`. */
  acknowledge(userId: string, deviceId: string, senderId: string, fp: string): void;
  close(): void;
}>;

export type DeliveryOptions = Readonly<{
  retryMs: number;
  maxRetries: number;
  notifyJitterMs: number;
}>;

/** Unacknowledged pushes per device at once (the stock retry timer runs per push). */
const PUSH_WINDOW = 64;

export function createDeliveryService(
  deps: Readonly<{
    presence: Presence;
    inbox: Pick<InboxRepository, 'page'>;
    devices: Pick<DeviceService, 'ackCursor' | 'acknowledge'>;
    scheduler: Scheduler;
    random: () => number;
    logger: Logger;
    options: DeliveryOptions;
  }>,
): DeliveryService {
  const { presence, inbox, devices, scheduler, logger, options } = deps;
  const pumps = new Map<string, { device: OnlineDevice; pump: DevicePump }>();
  const jittered = new Set<Cancel>();
  const keyOf = (userId: string, deviceId: string): string => `${userId}\u0000${deviceId}`;

  const sendLater = (device: OnlineDevice, notify: Notify): void => {
    const cancel = scheduler.after(Math.floor(deps.random() * options.notifyJitterMs), () => {
      jittered.delete(cancel);
      device.notify(notify);
    });
    jittered.add(cancel);
  };

  return {
    publish(userId, entries) {
      const last = entries.at(-1);
      if (!last) return;
      const online = presence.devicesOf(userId);
      if (online.length === 0) return;
      const cursors = { inbox: last.event.seq };
      let notify: Notify | null = null;
      for (const device of online) {
        if (device.kind === 'tidings') {
          if (notify === null) {
            const inline: Notify = { cursors, events: entries.map(toWireInboxEvent) };
            notify = inlineFits(inline) ? inline : { cursors };
          }
          if (notify.events || options.notifyJitterMs === 0) device.notify(notify);
          else sendLater(device, notify);
        }
        pumps.get(keyOf(userId, device.deviceId))?.pump.offer(entries);
      }
    },

    attach(device) {
      if (device.kind !== 'stock') return;
      const key = keyOf(device.userId, device.deviceId);
      pumps.get(key)?.pump.stop();
      const pump = createDevicePump({
        device,
        startCursor: devices.ackCursor(device.userId, device.deviceId),
        loadPage: (after, limit) => inbox.page(device.userId, after, limit),
        saveCursor: (cursor) => devices.acknowledge(device.userId, device.deviceId, cursor),
        scheduler,
        logger,
        options: {
          retryMs: options.retryMs,
          maxRetries: options.maxRetries,
          window: PUSH_WINDOW,
        },
      });
      pumps.set(key, { device, pump });
    },

    detach(device) {
      const key = keyOf(device.userId, device.deviceId);
      const current = pumps.get(key);
      // A replaced session may detach after its successor attached: leave the successor's pump alone.
      if (current?.device !== device) return;
      current.pump.stop();
      pumps.delete(key);
    },

    acknowledge(userId, deviceId, senderId, fp) {
      pumps.get(keyOf(userId, deviceId))?.pump.acknowledge(senderId, fp);
    },

    close() {
      for (const { pump } of pumps.values()) pump.stop();
      pumps.clear();
      for (const cancel of jittered) cancel();
      jittered.clear();
    },
  };
}

/**
 * Whether a notify with its events inline fits in a frame. Most are far below the limit: their
 * JSON text (kept for sending) settles it, even encoded again at 3 bytes a unit with more than
 * an envelope's room to spare; only a large one is measured exactly.
 */
function inlineFits(inline: Notify): boolean {
  const margin = MAX_FRAME_BYTES - MAX_BODY_BYTES;
  return 3 * payloadText(inline).length + margin <= MAX_FRAME_BYTES || fitsInFrame(inline);
}
