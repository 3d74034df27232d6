import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migration001Initial } from '../../../../../electron/core/store/migrations/001_initial';
import { migration002MessageState } from '../../../../../electron/core/store/migrations/002_message_state';
import { migration003SyncSocialSettings } from '../../../../../electron/core/store/migrations/003_sync_social_settings';

function fresh(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of [migration001Initial, migration002MessageState, migration003SyncSocialSettings]) m.up(db);
  return db;
}

describe('migration 003_sync_social_settings', () => {
  it('creates the cursor, settings, contact and group tables', () => {
    const tables = fresh()
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual([
      'chat_groups',
      'contacts',
      'conversations',
      'group_members',
      'messages',
      'meta',
      'outbox',
      'settings',
      'sync_cursors',
    ]);
  });

  it('keeps cursors non-negative and settings as JSON', () => {
    const db = fresh();
    expect(() => db.prepare("INSERT INTO sync_cursors VALUES ('inbox', -1, 0)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO settings VALUES ('x', 'not json')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO settings VALUES ('x', '{\"a\":1}')").run();
  });

  it('ties groups to their conversation and members to their group', () => {
    const db = fresh();
    expect(() =>
      db
        .prepare("INSERT INTO chat_groups (id, name, owner_id, updated_at) VALUES ('g:1', 'G', 'a', 1)")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare(
      "INSERT INTO conversations (id, kind, created_at, updated_at) VALUES ('g:1', 'group', 1, 1)",
    ).run();
    db.prepare("INSERT INTO chat_groups (id, name, owner_id, updated_at) VALUES ('g:1', 'G', 'a', 1)").run();
    db.prepare(
      "INSERT INTO group_members (group_id, user_id, role, joined_at) VALUES ('g:1', 'a', 'owner', 1)",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO group_members (group_id, user_id, role, joined_at) VALUES ('g:1', 'b', 'king', 1)",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.prepare("DELETE FROM conversations WHERE id = 'g:1'").run();
    expect(db.prepare('SELECT COUNT(*) FROM group_members').pluck().get()).toBe(0);
  });
});
