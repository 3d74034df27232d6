import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../server/storage/migrate';
import { migrations } from '../../../../server/storage/migrations';
import { addUser, columnsOf, databaseAt } from './testDb';

describe('002_messages', () => {
  it('upgrades a version 1 database with users in it', () => {
    const db = databaseAt(1);
    const alice = addUser(db, 'alice');
    migrate(db, migrations, 2);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT id FROM users').all()).toEqual([{ id: alice }]);
    expect(columnsOf(db, 'conversations')).toEqual(['id', 'kind', 'last_seq', 'created_at']);
    expect(columnsOf(db, 'conversation_members')).toEqual(['conversation_id', 'user_id', 'joined_at']);
    expect(columnsOf(db, 'messages')).toEqual([
      'id',
      'conversation_id',
      'seq',
      'fp',
      'sender_id',
      'sent_at',
      'kind',
      'body',
    ]);
  });

  it('enforces UNIQUE(conversation_id, seq), UNIQUE(sender_id, fp) and the references', () => {
    const db = databaseAt(2);
    const alice = addUser(db, 'alice');
    const bob = addUser(db, 'bob');
    db.prepare("INSERT INTO conversations (id, kind, created_at) VALUES ('d:1:2', 'direct', 1)").run();
    const insert = db.prepare(
      "INSERT INTO messages (conversation_id, seq, fp, sender_id, sent_at, kind, body) VALUES (?, ?, ?, ?, 1, 'text', ?)",
    );
    insert.run('d:1:2', 1, 'fp-1', alice, '{"text":"hi"}');
    expect(() => insert.run('d:1:2', 1, 'fp-2', bob, '{}')).toThrow(/UNIQUE.*seq/);
    expect(() => insert.run('d:1:2', 2, 'fp-1', alice, '{}')).toThrow(/UNIQUE.*fp/);
    insert.run('d:1:2', 2, 'fp-1', bob, '{}'); // the same fp from another sender is a different message
    expect(() => insert.run('d:9:9', 1, 'fp-3', alice, '{}')).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('d:1:2', 3, 'fp-4', 999, '{}')).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('d:1:2', 0, 'fp-5', alice, '{}')).toThrow(/CHECK/);
    expect(() => insert.run('d:1:2', 3, 'fp-6', alice, 'not json')).toThrow(/CHECK/);
  });

  it('starts a conversation at last_seq 0', () => {
    const db = databaseAt(2);
    db.prepare("INSERT INTO conversations (id, kind, created_at) VALUES ('d:1:2', 'direct', 1)").run();
    expect(db.prepare('SELECT last_seq FROM conversations').get()).toEqual({ last_seq: 0 });
  });
});
