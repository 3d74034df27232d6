import type { Migration } from '../migrate';

/**
 * Notify-pull sync and the conversation list's state. Messages gain recall and local-delete
 * tombstones (the row stays, so neither its fp nor its sequence can come back through sync),
 * the replied-to sequence and whether it mentions the user. Conversations gain what the list
 * shows (draft, pinned, muted, mention flag), read positions (ours, the server's copy of it, the
 * peer's) and what sync needs (the newest known sequence, the bottom of the contiguous block of
 * history held here, the local-delete point, and where the server's history begins).
 */
export const migration002MessageState: Migration = {
  version: 2,
  name: '002_message_state',
  up(db) {
    db.exec(`
      ALTER TABLE messages ADD COLUMN recalled_at INTEGER;
      ALTER TABLE messages ADD COLUMN recalled_by TEXT;
      ALTER TABLE messages ADD COLUMN deleted_at INTEGER;
      ALTER TABLE messages ADD COLUMN reply_to_seq INTEGER CHECK (reply_to_seq IS NULL OR reply_to_seq > 0);
      ALTER TABLE messages ADD COLUMN mentions_me INTEGER NOT NULL DEFAULT 0 CHECK (mentions_me IN (0, 1));
      DROP INDEX messages_timeline;

      ALTER TABLE conversations ADD COLUMN kind TEXT NOT NULL DEFAULT 'direct' CHECK (kind IN ('direct', 'group'));
      ALTER TABLE conversations ADD COLUMN draft TEXT NOT NULL DEFAULT '';
      ALTER TABLE conversations ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1));
      ALTER TABLE conversations ADD COLUMN muted INTEGER NOT NULL DEFAULT 0 CHECK (muted IN (0, 1));
      ALTER TABLE conversations ADD COLUMN mentioned INTEGER NOT NULL DEFAULT 0 CHECK (mentioned IN (0, 1));
      ALTER TABLE conversations ADD COLUMN read_seq INTEGER NOT NULL DEFAULT 0 CHECK (read_seq >= 0);
      ALTER TABLE conversations ADD COLUMN read_seq_synced INTEGER NOT NULL DEFAULT 0 CHECK (read_seq_synced >= 0);
      ALTER TABLE conversations ADD COLUMN peer_read_seq INTEGER NOT NULL DEFAULT 0 CHECK (peer_read_seq >= 0);
      ALTER TABLE conversations ADD COLUMN last_seq INTEGER NOT NULL DEFAULT 0 CHECK (last_seq >= 0);
      ALTER TABLE conversations ADD COLUMN floor_seq INTEGER CHECK (floor_seq IS NULL OR floor_seq > 0);
      ALTER TABLE conversations ADD COLUMN cleared_seq INTEGER NOT NULL DEFAULT 0 CHECK (cleared_seq >= 0);
      ALTER TABLE conversations ADD COLUMN history_start INTEGER NOT NULL DEFAULT 1 CHECK (history_start >= 1);
      ALTER TABLE conversations ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1));

      ALTER TABLE outbox ADD COLUMN failed_at INTEGER;
    `);
  },
};
