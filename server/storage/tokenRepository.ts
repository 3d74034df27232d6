import type { Database } from 'better-sqlite3';
import { formatId, parseId } from './ids';

/**
 * Sign-in sessions and their refresh tokens (migration 004). A session is one refresh-token
 * family; only SHA-256 hashes of refresh tokens are stored.
 */
export type NewRefreshToken = Readonly<{ hash: Buffer; expiresAt: number }>;

/** What an access token's session looks like now: enough to accept or refuse the token. */
export type SessionState = Readonly<{
  userId: string;
  revoked: boolean;
  disabled: boolean;
}>;

export type RotateOutcome =
  /** The presented token is now spent and `next` belongs to the same session. */
  | Readonly<{ status: 'rotated'; sessionId: string; userId: string }>
  /** The presented token was already rotated: someone replayed it. Nothing was changed. */
  | Readonly<{ status: 'reused'; sessionId: string; userId: string }>
  | Readonly<{ status: 'expired' | 'revoked' | 'unknown' }>;

export type TokenRepository = Readonly<{
  /** Starts a session with its first refresh token; returns the session id. */
  createSession(userId: string, createdAt: number, refresh: NewRefreshToken): string;
  /** `createSession` for many users in one transaction; ids in input order. */
  createSessions(
    items: readonly Readonly<{ userId: string; refresh: NewRefreshToken }>[],
    createdAt: number,
  ): string[];
  sessionState(sessionId: string): SessionState | undefined;
  /** Atomically spends `presented` and stores `next` in its session, if `presented` is live. */
  rotate(presented: Buffer, next: NewRefreshToken, now: number): RotateOutcome;
  /** True if the session was live. */
  revokeSession(sessionId: string, now: number): boolean;
  /** Revokes the session a refresh token belongs to; its session id, if the token was known. */
  revokeByRefreshToken(hash: Buffer, now: number): string | undefined;
  /** Revokes every live session of the user; how many. */
  revokeUserSessions(userId: string, now: number): number;
}>;

type FoundToken = {
  session_id: number;
  expires_at: number;
  used_at: number | null;
  user_id: number;
  revoked_at: number | null;
};

export function createTokenRepository(db: Database): TokenRepository {
  const insertSession = db.prepare<[number, number], { id: number }>(
    'INSERT INTO auth_sessions (user_id, created_at) VALUES (?, ?) RETURNING id',
  );
  const insertToken = db.prepare<[Buffer, number, number, number]>(
    'INSERT INTO refresh_tokens (token_hash, session_id, issued_at, expires_at) VALUES (?, ?, ?, ?)',
  );
  const state = db.prepare<[number], { user_id: number; revoked_at: number | null; disabled: number }>(
    `SELECT s.user_id, s.revoked_at, u.disabled
     FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`,
  );
  const findToken = db.prepare<[Buffer], FoundToken>(
    `SELECT r.session_id, r.expires_at, r.used_at, s.user_id, s.revoked_at
     FROM refresh_tokens r JOIN auth_sessions s ON s.id = r.session_id WHERE r.token_hash = ?`,
  );
  const spendToken = db.prepare<[number, Buffer]>(
    'UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL',
  );
  const revokeSession = db.prepare<[number, number]>(
    'UPDATE auth_sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
  );
  const revokeUser = db.prepare<[number, number]>(
    'UPDATE auth_sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL',
  );
  const sessionOfToken = db.prepare<[Buffer], { session_id: number }>(
    'SELECT session_id FROM refresh_tokens WHERE token_hash = ?',
  );

  const userKey = (userId: string): number => {
    const key = parseId(userId);
    if (key === null) throw new Error('session for a malformed user id');
    return key;
  };

  const create = (userId: number, createdAt: number, refresh: NewRefreshToken): number => {
    const row = insertSession.get(userId, createdAt);
    if (!row) throw new Error('INSERT … RETURNING returned no row');
    insertToken.run(refresh.hash, row.id, createdAt, refresh.expiresAt);
    return row.id;
  };

  const createOne = db.transaction((userId: number, createdAt: number, refresh: NewRefreshToken) =>
    create(userId, createdAt, refresh),
  );
  const createMany = db.transaction(
    (items: readonly Readonly<{ userId: number; refresh: NewRefreshToken }>[], createdAt: number) =>
      items.map((item) => create(item.userId, createdAt, item.refresh)),
  );

  const rotate = db.transaction((presented: Buffer, next: NewRefreshToken, now: number): RotateOutcome => {
    const found = findToken.get(presented);
    if (!found) return { status: 'unknown' };
    const ids = { sessionId: formatId(found.session_id), userId: formatId(found.user_id) };
    if (found.revoked_at !== null) return { status: 'revoked' };
    if (found.used_at !== null) return { status: 'reused', ...ids };
    if (found.expires_at <= now) return { status: 'expired' };
    if (spendToken.run(now, presented).changes !== 1) return { status: 'reused', ...ids };
    insertToken.run(next.hash, found.session_id, now, next.expiresAt);
    return { status: 'rotated', ...ids };
  });

  return {
    createSession: (userId, createdAt, refresh) => formatId(createOne(userKey(userId), createdAt, refresh)),
    createSessions: (items, createdAt) =>
      createMany(
        items.map((item) => ({ userId: userKey(item.userId), refresh: item.refresh })),
        createdAt,
      ).map(formatId),
    sessionState(sessionId) {
      const key = parseId(sessionId);
      const row = key === null ? undefined : state.get(key);
      if (!row) return undefined;
      return {
        userId: formatId(row.user_id),
        revoked: row.revoked_at !== null,
        disabled: row.disabled === 1,
      };
    },
    rotate: (presented, next, now) => rotate(presented, next, now),
    revokeSession(sessionId, now) {
      const key = parseId(sessionId);
      return key !== null && revokeSession.run(now, key).changes === 1;
    },
    revokeByRefreshToken(hash, now) {
      const row = sessionOfToken.get(hash);
      if (!row) return undefined;
      revokeSession.run(now, row.session_id);
      return formatId(row.session_id);
    },
    revokeUserSessions(userId, now) {
      const key = parseId(userId);
      return key === null ? 0 : revokeUser.run(now, key).changes;
    },
  };
}
