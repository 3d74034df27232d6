import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migration001Initial } from '../../../../../electron/core/store/migrations/001_initial';
import { migration002MessageState } from '../../../../../electron/core/store/migrations/002_message_state';
import { migration003SyncSocialSettings } from '../../../../../electron/core/store/migrations/003_sync_social_settings';
import { migration005Groups } from '../../../../../electron/core/store/migrations/005_groups';

/** A database at 003 holding a group, then migrated: existing rows keep working. */
function migrated(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of [migration001Initial, migration002MessageState, migration003SyncSocialSettings]) m.up(db);
  db.prepare(
    "INSERT INTO conversations (id, kind, created_at, updated_at) VALUES ('g:1', 'group', 1, 1)",
  ).run();
  db.prepare("INSERT INTO chat_groups (id, name, owner_id, updated_at) VALUES ('g:1', 'Old', 'u1', 1)").run();
  db.prepare("INSERT INTO group_members (group_id, user_id, joined_at) VALUES ('g:1', 'u1', 1)").run();
  migration005Groups.up(db);
  return db;
}

describe('migration 005_groups', () => {
  it('gives existing groups a current membership and members an empty nickname', () => {
    const db = migrated();
    expect(
      db
        .prepare('SELECT state, notice, my_role, exit_seq, membership_seq, removed_at FROM chat_groups')
        .get(),
    ).toEqual({
      state: 'member',
      notice: '',
      my_role: null,
      exit_seq: null,
      membership_seq: 0,
      removed_at: null,
    });
    expect(db.prepare('SELECT nickname, username FROM group_members').get()).toEqual({
      nickname: '',
      username: null,
    });
    expect(db.prepare('SELECT group_state, group_name FROM conversations').get()).toEqual({
      group_state: null,
      group_name: null,
    });
  });

  it('refuses unknown states and roles, and exit points that are not positive', () => {
    const db = migrated();
    expect(() => db.prepare("UPDATE chat_groups SET state = 'banned'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE chat_groups SET my_role = 'king'").run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE chat_groups SET exit_seq = 0').run()).toThrow(/CHECK/);
    db.prepare("UPDATE chat_groups SET state = 'left', exit_seq = 5").run();
  });
});
