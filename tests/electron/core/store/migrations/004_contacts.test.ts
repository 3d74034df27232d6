import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migration001Initial } from '../../../../../electron/core/store/migrations/001_initial';
import { migration002MessageState } from '../../../../../electron/core/store/migrations/002_message_state';
import { migration003SyncSocialSettings } from '../../../../../electron/core/store/migrations/003_sync_social_settings';
import { migration004Contacts } from '../../../../../electron/core/store/migrations/004_contacts';

function upTo003(): Database.Database {
  const db = new Database(':memory:');
  for (const m of [migration001Initial, migration002MessageState, migration003SyncSocialSettings]) m.up(db);
  return db;
}

describe('migration 004_contacts', () => {
  it('keeps existing contacts as plain rows (not friends, not blocked) and adds requests and presence', () => {
    const db = upTo003();
    db.prepare(
      "INSERT INTO contacts (user_id, username, display_name, remark, added_at, updated_at) VALUES ('u1', 'bob', 'Bob', 'B', 1, 1)",
    ).run();
    migration004Contacts.up(db);
    expect(
      db.prepare('SELECT user_id, remark, relation, blocked, friends_since, removed_at FROM contacts').all(),
    ).toEqual([
      { user_id: 'u1', remark: 'B', relation: 'none', blocked: 0, friends_since: null, removed_at: null },
    ]);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(expect.arrayContaining(['friend_requests', 'presence']));
  });

  it('refuses unknown relations, directions and flags', () => {
    const db = upTo003();
    migration004Contacts.up(db);
    const insertContact = db.prepare(
      'INSERT INTO contacts (user_id, username, display_name, added_at, updated_at, relation, blocked) VALUES (?, ?, ?, 1, 1, ?, ?)',
    );
    expect(() => insertContact.run('a', 'a', 'A', 'enemy', 0)).toThrow(/CHECK/);
    expect(() => insertContact.run('a', 'a', 'A', 'friend', 2)).toThrow(/CHECK/);
    insertContact.run('a', 'a', 'A', 'friend', 1);
    expect(() =>
      db
        .prepare(
          "INSERT INTO friend_requests (peer_id, direction, message, at) VALUES ('a', 'sideways', '', 1)",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO presence (user_id, online, updated_at) VALUES ('a', 3, 1)").run(),
    ).toThrow(/CHECK/);
  });
});
