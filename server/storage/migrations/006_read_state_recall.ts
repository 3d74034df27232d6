import type { Migration } from '../migrate';

/**
 * Read state and recall. `conversation_members.read_seq` is how far a member has read (it
 * never moves backwards; sending a message moves it to that message). `messages.recalled_at`
 * flags a recalled message, whose body has been replaced by a tombstone: what the user wrote
 * is gone from the database, not merely hidden.
 */
export const migration006: Migration = {
  version: 6,
  name: '006_read_state_recall',
  up(db) {
    db.exec(`
      ALTER TABLE conversation_members ADD COLUMN read_seq INTEGER NOT NULL DEFAULT 0 CHECK (read_seq >= 0);
      ALTER TABLE messages ADD COLUMN recalled_at INTEGER;
    `);
  },
};
