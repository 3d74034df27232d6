import type { Database } from 'better-sqlite3';
import { parseId } from '../storage/ids';

/** Reads how recently a user was active, for the `activeSince` audience filter. */
export type ActivityRepository = Readonly<{
  /** The latest last-seen time of the user's devices, else the account's creation; null for no such user. */
  lastActivity(userId: string): number | null;
}>;

export function createActivityRepository(db: Database): ActivityRepository {
  const query = db.prepare<[number, number], { at: number | null }>(
    `SELECT coalesce((SELECT max(last_seen_at) FROM devices WHERE user_id = ?), created_at) AS at
     FROM users WHERE id = ?`,
  );
  return {
    lastActivity(userId) {
      const key = parseId(userId);
      if (key === null) return null;
      return query.get(key, key)?.at ?? null;
    },
  };
}
