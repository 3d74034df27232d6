import type { Database } from 'better-sqlite3';
import { formatId, parseId } from './ids';

/** The user's view of a peer. */
export type FriendState = 'outgoing' | 'incoming' | 'friend';

export type FriendRow = Readonly<{ peerId: string; state: FriendState; message: string; updatedAt: number }>;

/** Friendships (one row per direction) and one-way blocks. Writes run inside a transaction. */
export type FriendRepository = Readonly<{
  state(userId: string, peerId: string): FriendState | null;
  /** `from` asked `to`: outgoing on `from`'s side, incoming on `to`'s. */
  setPending(from: string, to: string, message: string, now: number): void;
  setFriends(a: string, b: string, now: number): void;
  /** Removes both directions; true when there was anything. */
  remove(a: string, b: string): boolean;
  /** The user's rows, most recent first. */
  list(userId: string): FriendRow[];
  isBlocked(userId: string, peerId: string): boolean;
  /** True when the block is new. */
  block(userId: string, peerId: string, now: number): boolean;
  /** True when there was a block. */
  unblock(userId: string, peerId: string): boolean;
  blockedBy(userId: string): string[];
  /** The user's friends (for presence). */
  friendIds(userId: string): string[];
}>;

type Row = { peer_id: number; state: FriendState; message: string; updated_at: number };

export function createFriendRepository(db: Database): FriendRepository {
  const get = db.prepare<[number, number], { state: FriendState }>(
    'SELECT state FROM friendships WHERE user_id = ? AND peer_id = ?',
  );
  const upsert = db.prepare<[number, number, string, string, number]>(
    `INSERT INTO friendships (user_id, peer_id, state, message, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (user_id, peer_id) DO UPDATE
       SET state = excluded.state, message = excluded.message, updated_at = excluded.updated_at`,
  );
  const removeOne = db.prepare<[number, number]>('DELETE FROM friendships WHERE user_id = ? AND peer_id = ?');
  const list = db.prepare<[number], Row>(
    'SELECT peer_id, state, message, updated_at FROM friendships WHERE user_id = ? ORDER BY updated_at DESC, peer_id',
  );
  const friends = db.prepare<[number], { peer_id: number }>(
    "SELECT peer_id FROM friendships WHERE user_id = ? AND state = 'friend'",
  );
  const isBlocked = db.prepare<[number, number], { one: number }>(
    'SELECT 1 AS one FROM blocks WHERE user_id = ? AND blocked_id = ?',
  );
  const block = db.prepare<[number, number, number]>(
    'INSERT INTO blocks (user_id, blocked_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const unblock = db.prepare<[number, number]>('DELETE FROM blocks WHERE user_id = ? AND blocked_id = ?');
  const blocked = db.prepare<[number], { blocked_id: number }>(
    'SELECT blocked_id FROM blocks WHERE user_id = ? ORDER BY created_at, blocked_id',
  );

  const key = (id: string): number => {
    const value = parseId(id);
    if (value === null) throw new Error('malformed user id');
    return value;
  };

  return {
    state(userId, peerId) {
      const [user, peer] = [parseId(userId), parseId(peerId)];
      if (user === null || peer === null) return null;
      return get.get(user, peer)?.state ?? null;
    },
    setPending(from, to, message, now) {
      upsert.run(key(from), key(to), 'outgoing', message, now);
      upsert.run(key(to), key(from), 'incoming', message, now);
    },
    setFriends(a, b, now) {
      upsert.run(key(a), key(b), 'friend', '', now);
      upsert.run(key(b), key(a), 'friend', '', now);
    },
    remove(a, b) {
      const one = removeOne.run(key(a), key(b)).changes;
      const other = removeOne.run(key(b), key(a)).changes;
      return one + other > 0;
    },
    list(userId) {
      const user = parseId(userId);
      if (user === null) return [];
      return list.all(user).map((row) => ({
        peerId: formatId(row.peer_id),
        state: row.state,
        message: row.message,
        updatedAt: row.updated_at,
      }));
    },
    isBlocked(userId, peerId) {
      const [user, peer] = [parseId(userId), parseId(peerId)];
      return user !== null && peer !== null && isBlocked.get(user, peer) !== undefined;
    },
    block: (userId, peerId, now) => block.run(key(userId), key(peerId), now).changes > 0,
    unblock: (userId, peerId) => unblock.run(key(userId), key(peerId)).changes > 0,
    blockedBy(userId) {
      const user = parseId(userId);
      return user === null ? [] : blocked.all(user).map((row) => formatId(row.blocked_id));
    },
    friendIds(userId) {
      const user = parseId(userId);
      return user === null ? [] : friends.all(user).map((row) => formatId(row.peer_id));
    },
  };
}
