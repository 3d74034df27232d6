import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../../../electron/core/store/migrations';
import { migration007MessageFailure } from '../../../../../electron/core/store/migrations/007_message_failure';

/** A database at version 6 with a failed outgoing message. */
function atVersion6(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of migrations.filter((m) => m.version <= 6)) m.up(db);
  db.exec(`
    INSERT INTO conversations (id, peer_user_id, created_at, updated_at) VALUES ('d:a:b', 'b', 1, 1);
    INSERT INTO messages (fp, conversation_id, seq, sender_id, outgoing, sent_at, kind, body, status)
      VALUES ('fp1', 'd:a:b', NULL, 'a', 1, 6, 'text', '{"text":"yo"}', 'failed');
  `);
  return db;
}

describe('migration 007_message_failure', () => {
  it('adds an empty failure to existing messages and accepts only JSON', () => {
    const db = atVersion6();
    migration007MessageFailure.up(db);
    expect(db.prepare('SELECT fp, failure FROM messages').all()).toEqual([{ fp: 'fp1', failure: null }]);
    db.prepare('UPDATE messages SET failure = ? WHERE fp = ?').run(
      '{"code":"blocked","message":"no"}',
      'fp1',
    );
    expect(() => db.prepare('UPDATE messages SET failure = ? WHERE fp = ?').run('not json', 'fp1')).toThrow(
      /CHECK constraint failed/,
    );
  });
});
