import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { formatId, parseId } from './ids';

export type UserRecord = Readonly<{
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  createdAt: number;
}>;

export type NewUser = Readonly<{
  username: string;
  passwordHash: string;
  displayName: string;
  createdAt: number;
}>;

export type InsertUserResult =
  Readonly<{ ok: true; id: string }> | Readonly<{ ok: false; reason: 'username-taken' }>;

export type UserRepository = Readonly<{
  insert(user: NewUser): InsertUserResult;
  findById(id: string): UserRecord | undefined;
  /** Case-insensitive, as usernames are unique regardless of case. */
  findByUsername(username: string): UserRecord | undefined;
  exists(id: string): boolean;
}>;

type UserRow = {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  created_at: number;
};

const columns = 'id, username, display_name, password_hash, created_at';

export function createUserRepository(db: Database): UserRepository {
  const insert = db.prepare<[string, string, string, number], { id: number }>(
    'INSERT INTO users (username, password_hash, display_name, created_at) VALUES (?, ?, ?, ?) RETURNING id',
  );
  const byId = db.prepare<[number], UserRow>(`SELECT ${columns} FROM users WHERE id = ?`);
  const byUsername = db.prepare<[string], UserRow>(`SELECT ${columns} FROM users WHERE username = ?`);
  const exists = db.prepare<[number], { found: number }>('SELECT 1 AS found FROM users WHERE id = ?');

  return {
    insert(user) {
      try {
        const row = insert.get(user.username, user.passwordHash, user.displayName, user.createdAt);
        if (!row) throw new Error('INSERT … RETURNING returned no row');
        return { ok: true, id: formatId(row.id) };
      } catch (error) {
        // The UNIQUE index decides, so two concurrent registrations cannot both win.
        if (error instanceof BetterSqlite3.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
          return { ok: false, reason: 'username-taken' };
        }
        throw error;
      }
    },
    findById(id) {
      const key = parseId(id);
      return key === null ? undefined : toRecord(byId.get(key));
    },
    findByUsername(username) {
      return toRecord(byUsername.get(username));
    },
    exists(id) {
      const key = parseId(id);
      return key !== null && exists.get(key) !== undefined;
    },
  };
}

function toRecord(row: UserRow | undefined): UserRecord | undefined {
  if (!row) return undefined;
  return {
    id: formatId(row.id),
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
  };
}
