import type { Database } from 'better-sqlite3';
import { formatId, parseId } from './ids';

/** Login tokens, keyed by their SHA-256 hash (the token itself is never stored). */
export type TokenRepository = Readonly<{
  insert(tokenHash: Buffer, userId: string, createdAt: number): void;
  /** The user a token hash belongs to. */
  findUserId(tokenHash: Buffer): string | undefined;
}>;

export function createTokenRepository(db: Database): TokenRepository {
  const insert = db.prepare<[Buffer, number, number]>(
    'INSERT INTO tokens (token_hash, user_id, created_at) VALUES (?, ?, ?)',
  );
  const find = db.prepare<[Buffer], { user_id: number }>('SELECT user_id FROM tokens WHERE token_hash = ?');
  return {
    insert(tokenHash, userId, createdAt) {
      const key = parseId(userId);
      if (key === null) throw new Error('token for a malformed user id');
      insert.run(tokenHash, key, createdAt);
    },
    findUserId(tokenHash) {
      const row = find.get(tokenHash);
      return row ? formatId(row.user_id) : undefined;
    },
  };
}
