import type { Migration } from '../migrate';

/**
 * Signed access tokens with revocable refresh tokens, and user profiles.
 *
 * The opaque tokens of 001 give way to short-lived signed access tokens, which are never
 * stored. What can be revoked is stored instead: an `auth_sessions` row per sign-in (a refresh
 * token family; an access token names its session) and its `refresh_tokens`, kept as SHA-256
 * hashes and rotated on every use (`used_at` marks a rotated token; presenting it again is
 * reuse and revokes the family). Every access token is checked against its session, so
 * revoking sessions (logout, admin revoke, disable) refuses their access tokens at once.
 *
 * A password hash of '' means the account has no password (provisioned by an identity
 * provider through the admin API); it can never verify. `avatar` is an opaque reference
 * (later a file id), `signature` a short free text.
 */
export const migration004: Migration = {
  version: 4,
  name: '004_auth_profiles',
  up(db) {
    db.exec(`
      DROP TABLE tokens;

      ALTER TABLE users ADD COLUMN avatar TEXT;
      ALTER TABLE users ADD COLUMN signature TEXT NOT NULL DEFAULT '';
      ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1));

      CREATE TABLE auth_sessions (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
      ) STRICT;

      CREATE INDEX auth_sessions_live_by_user ON auth_sessions(user_id) WHERE revoked_at IS NULL;

      CREATE TABLE refresh_tokens (
        token_hash BLOB    PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES auth_sessions(id) ON DELETE CASCADE,
        issued_at  INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at    INTEGER
      ) STRICT, WITHOUT ROWID;

      CREATE INDEX refresh_tokens_by_session ON refresh_tokens(session_id);
    `);
  },
};
