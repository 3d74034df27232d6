import type { Database } from 'better-sqlite3';
import { formatId, parseId } from './ids';

/** Presence privacy, last-seen times and who may see whose presence. */
export type PresenceRepository = Readonly<{
  hidesLastSeen(userId: string): boolean;
  setHideLastSeen(userId: string, hide: boolean): void;
  /** The newest login or logout of any of the user's devices; null when none was recorded. */
  lastSeen(userId: string): number | null;
  /** Whether the two are friends or current members of one group. */
  related(a: string, b: string): boolean;
  /** Friends and fellow current members of groups of at most `maxMembers`. */
  watchers(userId: string, maxMembers: number): string[];
}>;

export function createPresenceRepository(db: Database): PresenceRepository {
  const hides = db.prepare<[number], { hide_last_seen: number }>(
    'SELECT hide_last_seen FROM presence_settings WHERE user_id = ?',
  );
  const setHide = db.prepare<[number, number]>(
    `INSERT INTO presence_settings (user_id, hide_last_seen) VALUES (?, ?)
     ON CONFLICT (user_id) DO UPDATE SET hide_last_seen = excluded.hide_last_seen`,
  );
  const lastSeen = db.prepare<[number], { at: number | null }>(
    'SELECT max(last_seen_at) AS at FROM devices WHERE user_id = ?',
  );
  const related = db.prepare<[number, number, number, number], { one: number }>(
    `SELECT 1 AS one WHERE
       EXISTS (SELECT 1 FROM friendships WHERE user_id = ? AND peer_id = ? AND state = 'friend')
       OR EXISTS (SELECT 1 FROM group_members a JOIN group_members b ON b.group_id = a.group_id
                  WHERE a.user_id = ? AND b.user_id = ? AND a.left_seq IS NULL AND b.left_seq IS NULL)`,
  );
  const watchers = db.prepare<[number, number, number, number], { user_id: number }>(
    `SELECT peer_id AS user_id FROM friendships WHERE user_id = ? AND state = 'friend'
     UNION
     SELECT b.user_id FROM group_members a
       JOIN groups g ON g.id = a.group_id AND g.dissolved_at IS NULL AND g.member_count <= ?
       JOIN group_members b ON b.group_id = a.group_id AND b.left_seq IS NULL AND b.user_id <> ?
     WHERE a.user_id = ? AND a.left_seq IS NULL`,
  );

  const key = (id: string): number => {
    const value = parseId(id);
    if (value === null) throw new Error('malformed user id');
    return value;
  };

  return {
    hidesLastSeen(userId) {
      const user = parseId(userId);
      return user !== null && hides.get(user)?.hide_last_seen === 1;
    },
    setHideLastSeen: (userId, hide) => void setHide.run(key(userId), hide ? 1 : 0),
    lastSeen(userId) {
      const user = parseId(userId);
      return user === null ? null : (lastSeen.get(user)?.at ?? null);
    },
    related(a, b) {
      const [x, y] = [parseId(a), parseId(b)];
      return x !== null && y !== null && related.get(x, y, x, y) !== undefined;
    },
    watchers(userId, maxMembers) {
      const user = key(userId);
      return watchers.all(user, maxMembers, user, user).map((row) => formatId(row.user_id));
    },
  };
}
