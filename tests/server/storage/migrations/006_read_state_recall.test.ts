import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../server/storage/migrate';
import { migrations } from '../../../../server/storage/migrations';
import { addUser, columnsOf, databaseAt } from './testDb';

describe('006_read_state_recall', () => {
  it('upgrades a version 5 database: members start unread, messages unrecalled', () => {
    const db = databaseAt(5);
    const alice = addUser(db, 'alice');
    db.prepare(
      "INSERT INTO conversations (id, kind, last_seq, created_at) VALUES ('c', 'direct', 1, 1)",
    ).run();
    db.prepare(
      "INSERT INTO conversation_members (conversation_id, user_id, joined_at) VALUES ('c', ?, 1)",
    ).run(alice);
    db.prepare(
      "INSERT INTO messages (conversation_id, seq, fp, sender_id, sent_at, kind, body) VALUES ('c', 1, 'f', ?, 1, 'text', '{}')",
    ).run(alice);
    migrate(db, migrations, 6);
    expect(schemaVersion(db)).toBe(6);
    expect(columnsOf(db, 'conversation_members')).toContain('read_seq');
    expect(columnsOf(db, 'messages')).toContain('recalled_at');
    expect(db.prepare('SELECT read_seq FROM conversation_members').get()).toEqual({ read_seq: 0 });
    expect(db.prepare('SELECT recalled_at FROM messages').get()).toEqual({ recalled_at: null });
  });

  it('refuses a negative read sequence', () => {
    const db = databaseAt(6);
    const alice = addUser(db, 'alice');
    db.prepare("INSERT INTO conversations (id, kind, created_at) VALUES ('c', 'direct', 1)").run();
    db.prepare(
      "INSERT INTO conversation_members (conversation_id, user_id, joined_at) VALUES ('c', ?, 1)",
    ).run(alice);
    expect(() => db.prepare('UPDATE conversation_members SET read_seq = -1').run()).toThrow(/CHECK/);
  });
});
