import type { Migration } from '../migrate';

/**
 * Sync cursors (the private inbox, later the public one), per-account settings, and the
 * contact and group tables the social issue fills in.
 */
export const migration003SyncSocialSettings: Migration = {
  version: 3,
  name: '003_sync_social_settings',
  up(db) {
    db.exec(`
      CREATE TABLE sync_cursors (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL CHECK (value >= 0),
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;

      CREATE TABLE contacts (
        user_id TEXT PRIMARY KEY,
        username TEXT NOT NULL,
        display_name TEXT NOT NULL,
        remark TEXT,
        added_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE chat_groups (
        id TEXT PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        owner_id TEXT NOT NULL,
        avatar TEXT,
        member_count INTEGER NOT NULL DEFAULT 0 CHECK (member_count >= 0),
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE group_members (
        group_id TEXT NOT NULL REFERENCES chat_groups (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'admin', 'member')),
        display_name TEXT,
        joined_at INTEGER NOT NULL,
        PRIMARY KEY (group_id, user_id)
      ) STRICT;
      CREATE INDEX group_members_by_user ON group_members (user_id);
    `);
  },
};
