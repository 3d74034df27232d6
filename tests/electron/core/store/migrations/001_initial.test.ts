import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migration001Initial } from '../../../../../electron/core/store/migrations/001_initial';

function fresh(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migration001Initial.up(db);
  db.prepare(
    "INSERT INTO conversations (id, peer_user_id, created_at, updated_at) VALUES ('d:a:b', 'b', 1, 1)",
  ).run();
  return db;
}

const insertMessage = (db: Database.Database, fp: string, seq: number | null, status = 'received') =>
  db
    .prepare(
      `INSERT INTO messages (fp, conversation_id, seq, sender_id, outgoing, sent_at, kind, body, status)
       VALUES (?, 'd:a:b', ?, 'b', 0, 1, 'text', '{"text":"x"}', ?)`,
    )
    .run(fp, seq, status);

describe('migration 001_initial', () => {
  it('creates the tables', () => {
    const db = fresh();
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(['conversations', 'messages', 'meta', 'outbox']);
  });

  it('keeps a message unique by fp and by (conversation, seq), and allows many without seq', () => {
    const db = fresh();
    insertMessage(db, 'fp1', 1);
    expect(() => insertMessage(db, 'fp1', 2)).toThrow(/UNIQUE/);
    expect(() => insertMessage(db, 'fp2', 1)).toThrow(/UNIQUE/);
    insertMessage(db, 'fp3', null, 'sending');
    insertMessage(db, 'fp4', null, 'sending');
    expect(db.prepare('SELECT COUNT(*) FROM messages').pluck().get()).toBe(3);
  });

  it('rejects unknown statuses, invalid JSON bodies and messages of unknown conversations', () => {
    const db = fresh();
    expect(() => insertMessage(db, 'fp1', 1, 'delivered')).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO messages (fp, conversation_id, seq, sender_id, outgoing, sent_at, kind, body, status)
           VALUES ('fp9', 'd:a:b', 9, 'b', 0, 1, 'text', 'not json', 'received')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO messages (fp, conversation_id, seq, sender_id, outgoing, sent_at, kind, body, status)
           VALUES ('fp8', 'nope', 1, 'b', 0, 1, 'text', '{}', 'received')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('ties outbox rows to their message', () => {
    const db = fresh();
    expect(() =>
      db
        .prepare("INSERT INTO outbox (fp, to_user_id, frame, created_at) VALUES ('ghost', 'b', '{}', 1)")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    insertMessage(db, 'fp1', null, 'sending');
    db.prepare("INSERT INTO outbox (fp, to_user_id, frame, created_at) VALUES ('fp1', 'b', '{}', 1)").run();
    db.prepare("DELETE FROM messages WHERE fp = 'fp1'").run();
    expect(db.prepare('SELECT COUNT(*) FROM outbox').pluck().get()).toBe(0);
  });
});
