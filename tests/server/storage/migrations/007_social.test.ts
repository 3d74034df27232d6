import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../server/storage/migrate';
import { migrations } from '../../../../server/storage/migrations';
import { addUser, columnsOf, databaseAt } from './testDb';

describe('007_social', () => {
  it('upgrades a version 6 database: existing inbox events keep their columns and get no data', () => {
    const db = databaseAt(6);
    const alice = addUser(db, 'alice');
    db.prepare(
      "INSERT INTO inbox_events (user_id, seq, type, at, conversation_id, ref_seq) VALUES (?, 1, 'read', 1, 'c', 1)",
    ).run(alice);
    migrate(db, migrations, 7);
    expect(schemaVersion(db)).toBe(7);
    expect(columnsOf(db, 'inbox_events')).toContain('data');
    expect(db.prepare('SELECT type, data FROM inbox_events').get()).toEqual({ type: 'read', data: null });
    expect(columnsOf(db, 'friendships')).toEqual(['user_id', 'peer_id', 'state', 'message', 'updated_at']);
  });

  it('refuses a friendship with oneself and an unknown state', () => {
    const db = databaseAt(7);
    const alice = addUser(db, 'alice');
    const bob = addUser(db, 'bob');
    const insert = db.prepare(
      'INSERT INTO friendships (user_id, peer_id, state, updated_at) VALUES (?, ?, ?, 1)',
    );
    expect(() => insert.run(alice, alice, 'friend')).toThrow(/CHECK/);
    expect(() => insert.run(alice, bob, 'enemy')).toThrow(/CHECK/);
  });
});
