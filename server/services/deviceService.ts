import { MAX_TEXT_LENGTH, type Cursors, type Hello } from '../../shared/protocol';
import type { Logger } from '../log/logger';
import type { Clock } from '../ports';
import type { DeviceKind, DeviceRepository } from '../storage/deviceRepository';
import type { InboxRepository } from '../storage/inboxRepository';
import { serverInfo } from './serverInfo';
import type { WriteQueue } from './writeQueue';

/** Devices: their logins, their inbox acknowledgements and what they are told about cursors. */
export type DeviceService = Readonly<{
  /** Records a login (kind, last seen); resolves once committed. */
  register(userId: string, deviceId: string, kind: DeviceKind): Promise<void>;
  /** Where the device's acknowledgement stands (never below what retention still keeps). */
  ackCursor(userId: string, deviceId: string): number;
  /** Moves the device's acknowledgement forward; saved with the next group commit. */
  acknowledge(userId: string, deviceId: string, cursor: number): void;
  /** Records that the device went offline. */
  disconnected(userId: string, deviceId: string): void;
  /** What a device needs to notice anything it missed (keepalive answers, hello). */
  cursors(userId: string): Cursors;
  hello(userId: string, deviceId: string): Hello;
}>;

export function createDeviceService(
  deps: Readonly<{
    devices: DeviceRepository;
    inbox: Pick<InboxRepository, 'head'>;
    queue: WriteQueue;
    clock: Clock;
    logger: Logger;
    recallWindowMs: number;
    /** The newest sequences of the user's large groups (announced by cursor, not by pointer). */
    groupCursors?: (userId: string) => Record<string, number>;
  }>,
): DeviceService {
  const { devices, inbox, queue, clock, logger } = deps;
  const cursorsOf = (userId: string): Cursors => {
    const groups = deps.groupCursors?.(userId) ?? {};
    return { inbox: inbox.head(userId).last, ...(Object.keys(groups).length > 0 ? { groups } : {}) };
  };
  /** Acknowledgements not yet written, keyed by user and device: many ACKs, one UPDATE per batch. */
  const pending = new Map<string, { userId: string; deviceId: string; cursor: number }>();
  let flushQueued = false;
  const keyOf = (userId: string, deviceId: string): string => `${userId}\u0000${deviceId}`;

  const flush = (): void => {
    flushQueued = false;
    const now = clock.now();
    for (const { userId, deviceId, cursor } of pending.values())
      devices.acknowledge(userId, deviceId, cursor, now);
    pending.clear();
  };

  const write = (what: string, op: () => void): Promise<void> =>
    queue.run(op).catch((error: unknown) => logger.warn(`device ${what} not saved`, { error }));

  return {
    register: (userId, deviceId, kind) =>
      queue.run(() => devices.upsert(userId, deviceId, kind, clock.now())),
    ackCursor(userId, deviceId) {
      const stored = devices.find(userId, deviceId)?.inboxAck ?? 0;
      const unsaved = pending.get(keyOf(userId, deviceId))?.cursor ?? 0;
      return Math.max(stored, unsaved, inbox.head(userId).floor);
    },
    acknowledge(userId, deviceId, cursor) {
      const key = keyOf(userId, deviceId);
      const current = pending.get(key);
      if (current) current.cursor = Math.max(current.cursor, cursor);
      else pending.set(key, { userId, deviceId, cursor });
      if (!flushQueued) {
        flushQueued = true;
        void write('acknowledgement', flush);
      }
    },
    disconnected(userId, deviceId) {
      void write('last-seen time', () => devices.touch(userId, deviceId, clock.now()));
    },
    cursors: cursorsOf,
    hello: (userId, deviceId) => ({
      server: {
        name: serverInfo.name,
        version: serverInfo.version,
        capabilities: [...serverInfo.capabilities],
      },
      deviceId,
      cursors: cursorsOf(userId),
      limits: { recallWindowMs: deps.recallWindowMs, maxTextLength: MAX_TEXT_LENGTH },
    }),
  };
}
