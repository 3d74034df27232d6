import type { Database } from 'better-sqlite3';
import { parseId } from './ids';

export type DeviceKind = 'stock' | 'tidings';

export type DeviceRecord = Readonly<{
  userId: string;
  deviceId: string;
  kind: DeviceKind;
  createdAt: number;
  lastSeenAt: number;
  /** How far the device has acknowledged its user's inbox. */
  inboxAck: number;
}>;

/** The devices each user has logged in from. */
export type DeviceRepository = Readonly<{
  find(userId: string, deviceId: string): DeviceRecord | undefined;
  /** Records a login: creates the device or updates its kind and last-seen time. */
  upsert(userId: string, deviceId: string, kind: DeviceKind, now: number): void;
  /** Moves the device's inbox acknowledgement forward (never back) and touches last-seen. */
  acknowledge(userId: string, deviceId: string, cursor: number, now: number): void;
  touch(userId: string, deviceId: string, now: number): void;
}>;

type DeviceRow = {
  user_id: number;
  device_id: string;
  kind: DeviceKind;
  created_at: number;
  last_seen_at: number;
  inbox_ack: number;
};

export function createDeviceRepository(db: Database): DeviceRepository {
  const find = db.prepare<[number, string], DeviceRow>(
    'SELECT user_id, device_id, kind, created_at, last_seen_at, inbox_ack FROM devices WHERE user_id = ? AND device_id = ?',
  );
  const upsert = db.prepare<[number, string, string, number, number]>(
    `INSERT INTO devices (user_id, device_id, kind, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (user_id, device_id) DO UPDATE SET kind = excluded.kind, last_seen_at = excluded.last_seen_at`,
  );
  const acknowledge = db.prepare<[number, number, number, string]>(
    `UPDATE devices SET inbox_ack = max(inbox_ack, ?), last_seen_at = max(last_seen_at, ?)
     WHERE user_id = ? AND device_id = ?`,
  );
  const touch = db.prepare<[number, number, string]>(
    'UPDATE devices SET last_seen_at = max(last_seen_at, ?) WHERE user_id = ? AND device_id = ?',
  );

  return {
    find(userId, deviceId) {
      const key = parseId(userId);
      const row = key === null ? undefined : find.get(key, deviceId);
      return row
        ? {
            userId,
            deviceId: row.device_id,
            kind: row.kind,
            createdAt: row.created_at,
            lastSeenAt: row.last_seen_at,
            inboxAck: row.inbox_ack,
          }
        : undefined;
    },
    upsert(userId, deviceId, kind, now) {
      const key = parseId(userId);
      if (key === null) throw new Error('malformed user id');
      upsert.run(key, deviceId, kind, now, now);
    },
    acknowledge(userId, deviceId, cursor, now) {
      const key = parseId(userId);
      if (key !== null) acknowledge.run(cursor, now, key, deviceId);
    },
    touch(userId, deviceId, now) {
      const key = parseId(userId);
      if (key !== null) touch.run(now, key, deviceId);
    },
  };
}
