import type { Cursors, Notify } from '../../shared/protocol';
import type { Cancel, Scheduler } from '../ports';
import type { Presence } from '../services/presence';

/**
 * Tells online Tidings devices that the public inbox moved for them, each after its own random
 * delay up to `jitterMs`, so a publication does not make every client pull at the same instant.
 * A later change before a device's notify went out replaces it (one notify, newest cursors).
 */
export type PublicNotifier = Readonly<{
  notify(userIds: Iterable<string>): void;
  close(): void;
}>;

export function createPublicNotifier(
  deps: Readonly<{
    presence: Presence;
    cursors: (userId: string) => Cursors;
    scheduler: Scheduler;
    jitterMs: number;
    random?: () => number;
  }>,
): PublicNotifier {
  const random = deps.random ?? Math.random;
  const pending = new Map<string, Cancel>();

  const send = (userId: string): void => {
    pending.delete(userId);
    const devices = deps.presence.devicesOf(userId).filter((device) => device.kind === 'tidings');
    if (devices.length === 0) return;
    const notify: Notify = { cursors: deps.cursors(userId) };
    for (const device of devices) device.notify(notify);
  };

  return {
    notify(userIds) {
      for (const userId of userIds) {
        if (pending.has(userId)) continue;
        const delay = Math.floor(random() * deps.jitterMs);
        pending.set(
          userId,
          deps.scheduler.after(delay, () => send(userId)),
        );
      }
    },
    close() {
      for (const cancel of pending.values()) cancel();
      pending.clear();
    },
  };
}
