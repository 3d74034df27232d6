import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../server/storage/migrate';
import { migrations } from '../../../../server/storage/migrations';
import { addUser, columnsOf, databaseAt } from './testDb';

describe('005_devices_inbox', () => {
  it('upgrades a version 4 database: devices and inbox tables appear, deliveries go', () => {
    const db = databaseAt(4);
    const alice = addUser(db, 'alice');
    db.prepare("INSERT INTO conversations (id, kind, created_at) VALUES ('c', 'direct', 1)").run();
    const message = db
      .prepare(
        "INSERT INTO messages (conversation_id, seq, fp, sender_id, sent_at, kind, body) VALUES ('c', 1, 'f', ?, 1, 'text', '{}') RETURNING id",
      )
      .get(alice) as { id: number };
    db.prepare('INSERT INTO deliveries (recipient_id, message_id) VALUES (?, ?)').run(alice, message.id);
    migrate(db, migrations, 5);
    expect(schemaVersion(db)).toBe(5);
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 1 });
    expect(columnsOf(db, 'devices')).toEqual([
      'user_id',
      'device_id',
      'kind',
      'created_at',
      'last_seen_at',
      'inbox_ack',
    ]);
    expect(columnsOf(db, 'inboxes')).toEqual(['user_id', 'last_seq', 'floor_seq']);
    expect(columnsOf(db, 'inbox_events')).toEqual([
      'user_id',
      'seq',
      'type',
      'at',
      'conversation_id',
      'ref_seq',
      'actor_id',
    ]);
    expect(() => db.prepare('SELECT * FROM deliveries').all()).toThrow(/no such table/);
  });

  it('keys devices by (user, device), checks their kind and cascades with the user', () => {
    const db = databaseAt(5);
    const alice = addUser(db, 'alice');
    const insert = db.prepare(
      'INSERT INTO devices (user_id, device_id, kind, created_at, last_seen_at) VALUES (?, ?, ?, 1, 1)',
    );
    insert.run(alice, 'stock', 'stock');
    insert.run(alice, 'laptop', 'tidings');
    expect(() => insert.run(alice, 'laptop', 'tidings')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run(alice, 'phone', 'fax')).toThrow(/CHECK/);
    expect(() => insert.run(alice + 1, 'x', 'stock')).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT inbox_ack FROM devices WHERE device_id = ?').get('laptop')).toEqual({
      inbox_ack: 0,
    });
    db.prepare('DELETE FROM users WHERE id = ?').run(alice);
    expect(db.prepare('SELECT count(*) AS n FROM devices').get()).toEqual({ n: 0 });
  });

  it('keeps one event per (user, seq), a floor never above the head, and an index on time', () => {
    const db = databaseAt(5);
    const alice = addUser(db, 'alice');
    const event = db.prepare(
      "INSERT INTO inbox_events (user_id, seq, type, at, conversation_id, ref_seq) VALUES (?, ?, 'message', ?, 'c', 1)",
    );
    event.run(alice, 1, 10);
    expect(() => event.run(alice, 1, 11)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => event.run(alice, 0, 11)).toThrow(/CHECK/);
    db.prepare('INSERT INTO inboxes (user_id, last_seq) VALUES (?, 1)').run(alice);
    expect(() => db.prepare('UPDATE inboxes SET floor_seq = 2').run()).toThrow(/CHECK/);
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT user_id, seq FROM inbox_events WHERE at < ? ORDER BY at LIMIT 10')
      .all(5) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('inbox_events_by_time');
  });
});
