import type { ActivityRepository } from './activityRepository';

/**
 * The Tidings devices online on this server and, per user, the activity recorded before their
 * login: read at login, before the login itself updates it, so `activeSince` means "was active
 * since then before coming back now" and a long-dormant account is not counted as active by
 * the very login that ends its dormancy.
 */
export type OnlineViewers = Readonly<{
  /** Call before the device's login is recorded. */
  loggedIn(userId: string, deviceId: string): void;
  loggedOut(userId: string, deviceId: string): void;
  previousActivity(userId: string): number | null;
  users(): IterableIterator<string>;
}>;

export function createOnlineViewers(activity: ActivityRepository): OnlineViewers {
  const online = new Map<string, { devices: Set<string>; previousActivity: number | null }>();
  return {
    loggedIn(userId, deviceId) {
      const current = online.get(userId);
      if (current) current.devices.add(deviceId);
      else
        online.set(userId, { devices: new Set([deviceId]), previousActivity: activity.lastActivity(userId) });
    },
    loggedOut(userId, deviceId) {
      const current = online.get(userId);
      if (!current) return;
      current.devices.delete(deviceId);
      if (current.devices.size === 0) online.delete(userId);
    },
    previousActivity: (userId) =>
      online.has(userId) ? (online.get(userId)?.previousActivity ?? null) : activity.lastActivity(userId),
    users: () => online.keys(),
  };
}
