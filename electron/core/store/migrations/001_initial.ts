import type { Migration } from '../migrate';

/**
 * The first schema. `messages.id` is the local timeline order (stable across VACUUM, unlike a
 * bare rowid); `fp` is the message's identity on every device. Outbox rows belong to a message
 * and are written in the same transaction as it.
 */
export const migration001Initial: Migration = {
  version: 1,
  name: '001_initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        peer_user_id TEXT,
        peer_username TEXT,
        peer_display_name TEXT,
        last_preview TEXT,
        last_sent_at INTEGER,
        last_outgoing INTEGER CHECK (last_outgoing IN (0, 1)),
        unread INTEGER NOT NULL DEFAULT 0 CHECK (unread >= 0),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX conversations_by_update ON conversations (updated_at);

      CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        fp TEXT NOT NULL UNIQUE,
        conversation_id TEXT NOT NULL REFERENCES conversations (id),
        seq INTEGER CHECK (seq IS NULL OR seq > 0),
        server_id TEXT,
        sender_id TEXT NOT NULL,
        outgoing INTEGER NOT NULL CHECK (outgoing IN (0, 1)),
        sent_at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        body TEXT NOT NULL CHECK (json_valid(body)),
        status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'read', 'failed', 'received')),
        UNIQUE (conversation_id, seq)
      ) STRICT;
      CREATE INDEX messages_timeline ON messages (conversation_id, sent_at, id);

      CREATE TABLE outbox (
        fp TEXT PRIMARY KEY REFERENCES messages (fp) ON DELETE CASCADE,
        to_user_id TEXT NOT NULL,
        frame TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        created_at INTEGER NOT NULL,
        last_attempt_at INTEGER
      ) STRICT;
    `);
  },
};
