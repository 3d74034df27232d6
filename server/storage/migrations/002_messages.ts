import type { Migration } from '../migrate';

/**
 * Conversations and their messages. `conversations.last_seq` is bumped in the transaction that
 * inserts a message, which makes each conversation's `seq` gap-free (a failed insert rolls the
 * bump back). `UNIQUE(sender_id, fp)` is the de-duplication key for QoS retransmissions.
 * `conversation_members` is the membership the later inbox fan-out and groups read from.
 */
export const migration002: Migration = {
  version: 2,
  name: '002_messages',
  up(db) {
    db.exec(`
      CREATE TABLE conversations (
        id         TEXT    PRIMARY KEY,
        kind       TEXT    NOT NULL,
        last_seq   INTEGER NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
        created_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE conversation_members (
        conversation_id TEXT    NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        user_id         INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        joined_at       INTEGER NOT NULL,
        PRIMARY KEY (conversation_id, user_id)
      ) STRICT, WITHOUT ROWID;

      CREATE INDEX conversation_members_by_user ON conversation_members(user_id);

      CREATE TABLE messages (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id TEXT    NOT NULL REFERENCES conversations(id),
        seq             INTEGER NOT NULL CHECK (seq > 0),
        fp              TEXT    NOT NULL,
        sender_id       INTEGER NOT NULL REFERENCES users(id),
        sent_at         INTEGER NOT NULL,
        kind            TEXT    NOT NULL,
        body            TEXT    NOT NULL CHECK (json_valid(body)),
        UNIQUE (conversation_id, seq),
        UNIQUE (sender_id, fp)
      ) STRICT;
    `);
  },
};
