import type { Migration } from '../migrate';

/**
 * Groups as the user stands in them. `chat_groups` gains the announcement, the user's own state
 * (member, left, dissolved), role and nickname, where history ends after leaving (`exit_seq`),
 * the newest membership event applied (`membership_seq`, so an older event never undoes a
 * newer one) and a tombstone for a group deleted here after leaving. Members keep their group
 * nickname and profile. The conversation row mirrors what its list entry shows (name, member
 * count, role, state), so every conversation query reads it without a join.
 */
export const migration005Groups: Migration = {
  version: 5,
  name: '005_groups',
  up(db) {
    db.exec(`
      ALTER TABLE chat_groups ADD COLUMN notice TEXT NOT NULL DEFAULT '';
      ALTER TABLE chat_groups ADD COLUMN state TEXT NOT NULL DEFAULT 'member'
        CHECK (state IN ('member', 'left', 'dissolved'));
      ALTER TABLE chat_groups ADD COLUMN my_role TEXT CHECK (my_role IN ('owner', 'admin', 'member'));
      ALTER TABLE chat_groups ADD COLUMN my_nickname TEXT NOT NULL DEFAULT '';
      ALTER TABLE chat_groups ADD COLUMN exit_seq INTEGER CHECK (exit_seq > 0);
      ALTER TABLE chat_groups ADD COLUMN membership_seq INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE chat_groups ADD COLUMN removed_at INTEGER;

      ALTER TABLE group_members ADD COLUMN nickname TEXT NOT NULL DEFAULT '';
      ALTER TABLE group_members ADD COLUMN username TEXT;

      ALTER TABLE conversations ADD COLUMN group_name TEXT;
      ALTER TABLE conversations ADD COLUMN group_member_count INTEGER;
      ALTER TABLE conversations ADD COLUMN group_role TEXT;
      ALTER TABLE conversations ADD COLUMN group_state TEXT;
    `);
  },
};
