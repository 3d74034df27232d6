import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { formatId, parseId } from './ids';

export type UserRecord = Readonly<{
  id: string;
  username: string;
  displayName: string;
  /** '' for an account without a password (provisioned through the admin API). */
  passwordHash: string;
  createdAt: number;
  avatar: string | null;
  signature: string;
  disabled: boolean;
}>;

export type NewUser = Readonly<{
  username: string;
  passwordHash: string;
  displayName: string;
  createdAt: number;
}>;

export type InsertUserResult =
  Readonly<{ ok: true; id: string }> | Readonly<{ ok: false; reason: 'username-taken' }>;

/** Fields to change; an absent key keeps the stored value (`avatar: null` clears it). */
export type ProfileChanges = Readonly<{ displayName?: string; avatar?: string | null; signature?: string }>;

export type ProvisionedUser = Readonly<{ id: string; username: string; created: boolean }>;

export type UserRepository = Readonly<{
  insert(user: NewUser): InsertUserResult;
  /**
   * Creates the accounts that do not exist yet (without a password), in one transaction, and
   * returns every account in input order. Existing accounts are left as they are.
   */
  provision(
    users: readonly Readonly<{ username: string; displayName: string }>[],
    createdAt: number,
  ): ProvisionedUser[];
  findById(id: string): UserRecord | undefined;
  /** Case-insensitive, as usernames are unique regardless of case. */
  findByUsername(username: string): UserRecord | undefined;
  exists(id: string): boolean;
  /** Enabled accounts whose username starts with `prefix` (any case), by username. */
  searchByUsernamePrefix(prefix: string, limit: number): UserRecord[];
  updateProfile(id: string, changes: ProfileChanges): UserRecord | undefined;
  updatePasswordHash(id: string, passwordHash: string): void;
  /** False when there is no such user. */
  setDisabled(id: string, disabled: boolean): boolean;
}>;

type UserRow = {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  created_at: number;
  avatar: string | null;
  signature: string;
  disabled: number;
};

const columns = 'id, username, display_name, password_hash, created_at, avatar, signature, disabled';

/** The LIKE escape character, and a pattern that matches `prefix` literally at the start. */
const LIKE_ESCAPE = '\\';
export function likePrefixPattern(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `${LIKE_ESCAPE}${c}`)}%`;
}

export function createUserRepository(db: Database): UserRepository {
  const insert = db.prepare<[string, string, string, number], { id: number }>(
    'INSERT INTO users (username, password_hash, display_name, created_at) VALUES (?, ?, ?, ?) RETURNING id',
  );
  const insertIfNew = db.prepare<[string, string, number], { id: number }>(
    `INSERT INTO users (username, password_hash, display_name, created_at) VALUES (?, '', ?, ?)
     ON CONFLICT (username) DO NOTHING RETURNING id`,
  );
  const idByUsername = db.prepare<[string], { id: number; username: string }>(
    'SELECT id, username FROM users WHERE username = ?',
  );
  const byId = db.prepare<[number], UserRow>(`SELECT ${columns} FROM users WHERE id = ?`);
  const byUsername = db.prepare<[string], UserRow>(`SELECT ${columns} FROM users WHERE username = ?`);
  const exists = db.prepare<[number], { found: number }>('SELECT 1 AS found FROM users WHERE id = ?');
  // The column's NOCASE collation lets SQLite serve a case-insensitive LIKE prefix from the
  // username index.
  const search = db.prepare<[string, number], UserRow>(
    `SELECT ${columns} FROM users WHERE username LIKE ? ESCAPE '${LIKE_ESCAPE}' AND disabled = 0
     ORDER BY username LIMIT ?`,
  );
  // One statement for any subset of fields: each `set*` flag says whether its value applies.
  const updateProfile = db.prepare<
    [
      {
        id: number;
        setDisplayName: number;
        displayName: string | null;
        setAvatar: number;
        avatar: string | null;
        setSignature: number;
        signature: string | null;
      },
    ],
    UserRow
  >(
    `UPDATE users SET
       display_name = CASE WHEN @setDisplayName THEN @displayName ELSE display_name END,
       avatar       = CASE WHEN @setAvatar THEN @avatar ELSE avatar END,
       signature    = CASE WHEN @setSignature THEN @signature ELSE signature END
     WHERE id = @id RETURNING ${columns}`,
  );
  const updatePassword = db.prepare<[string, number]>('UPDATE users SET password_hash = ? WHERE id = ?');
  const setDisabled = db.prepare<[number, number]>('UPDATE users SET disabled = ? WHERE id = ?');

  const provision = db.transaction(
    (users: readonly Readonly<{ username: string; displayName: string }>[], createdAt: number) =>
      users.map((user): ProvisionedUser => {
        const inserted = insertIfNew.get(user.username, user.displayName, createdAt);
        if (inserted) return { id: formatId(inserted.id), username: user.username, created: true };
        const existing = idByUsername.get(user.username);
        if (!existing) throw new Error('username conflict without a row');
        return { id: formatId(existing.id), username: existing.username, created: false };
      }),
  );

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
    provision: (users, createdAt) => provision(users, createdAt),
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
    searchByUsernamePrefix(prefix, limit) {
      return search.all(likePrefixPattern(prefix), limit).map((row) => toRecord(row) as UserRecord);
    },
    updateProfile(id, changes) {
      const key = parseId(id);
      if (key === null) return undefined;
      return toRecord(
        updateProfile.get({
          id: key,
          setDisplayName: changes.displayName === undefined ? 0 : 1,
          displayName: changes.displayName ?? null,
          setAvatar: changes.avatar === undefined ? 0 : 1,
          avatar: changes.avatar ?? null,
          setSignature: changes.signature === undefined ? 0 : 1,
          signature: changes.signature ?? null,
        }),
      );
    },
    updatePasswordHash(id, passwordHash) {
      const key = parseId(id);
      if (key !== null) updatePassword.run(passwordHash, key);
    },
    setDisabled(id, disabled) {
      const key = parseId(id);
      return key !== null && setDisabled.run(disabled ? 1 : 0, key).changes === 1;
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
    avatar: row.avatar,
    signature: row.signature,
    disabled: row.disabled === 1,
  };
}
