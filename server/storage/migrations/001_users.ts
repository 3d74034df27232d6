import type { Migration } from '../migrate';

/**
 * Accounts and their login tokens. User ids are integers (AUTOINCREMENT, so an id is never
 * reused after a deletion) and travel as decimal strings. Tokens are stored only as SHA-256
 * hashes: a copy of the database does not let anyone log in.
 */
export const migration001: Migration = {
  version: 1,
  name: '001_users',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        username      TEXT    NOT NULL UNIQUE COLLATE NOCASE,
        password_hash TEXT    NOT NULL,
        display_name  TEXT    NOT NULL,
        created_at    INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE tokens (
        token_hash BLOB    PRIMARY KEY,
        user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE INDEX tokens_by_user ON tokens(user_id);
    `);
  },
};
