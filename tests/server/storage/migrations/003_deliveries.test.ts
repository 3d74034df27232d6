import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../server/storage/migrate';
import { migrations } from '../../../../server/storage/migrations';
import { addUser, columnsOf, databaseAt } from './testDb';

describe('003_deliveries', () => {
  it('upgrades a version 2 database with messages in it', () => {
    const db = databaseAt(2);
    const alice = addUser(db, 'alice');
    db.prepare("INSERT INTO conversations (id, kind, created_at) VALUES ('c', 'direct', 1)").run();
    db.prepare(
      "INSERT INTO messages (conversation_id, seq, fp, sender_id, sent_at, kind, body) VALUES ('c', 1, 'f', ?, 1, 'text', '{}')",
    ).run(alice);
    migrate(db, migrations, 3);
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 1 });
    expect(columnsOf(db, 'deliveries')).toEqual(['message_id', 'recipient_id', 'delivered_at']);
  });

  it('keys a delivery by (recipient, message) and serves pending ones from the partial index', () => {
    const db = databaseAt(3);
    const alice = addUser(db, 'alice');
    const bob = addUser(db, 'bob');
    db.prepare("INSERT INTO conversations (id, kind, created_at) VALUES ('c', 'direct', 1)").run();
    const message = db
      .prepare(
        "INSERT INTO messages (conversation_id, seq, fp, sender_id, sent_at, kind, body) VALUES ('c', 1, 'f', ?, 1, 'text', '{}') RETURNING id",
      )
      .get(alice) as { id: number };
    const insert = db.prepare('INSERT INTO deliveries (recipient_id, message_id) VALUES (?, ?)');
    insert.run(alice, message.id);
    insert.run(bob, message.id);
    expect(() => insert.run(bob, message.id)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run(bob, message.id + 1)).toThrow(/FOREIGN KEY/);
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT message_id FROM deliveries WHERE recipient_id = ? AND delivered_at IS NULL ORDER BY message_id',
      )
      .all(bob) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('deliveries_pending');
    db.prepare('UPDATE deliveries SET delivered_at = 5 WHERE recipient_id = ?').run(alice);
    expect(db.prepare('SELECT recipient_id FROM deliveries WHERE delivered_at IS NULL').all()).toEqual([
      { recipient_id: bob },
    ]);
  });
});
