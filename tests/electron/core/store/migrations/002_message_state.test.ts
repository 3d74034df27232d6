import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migration001Initial } from '../../../../../electron/core/store/migrations/001_initial';
import { migration002MessageState } from '../../../../../electron/core/store/migrations/002_message_state';

/** A database as the walking skeleton left it (version 1), with a message and an outbox row. */
function skeleton(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migration001Initial.up(db);
  db.exec(`
    INSERT INTO conversations (id, peer_user_id, last_preview, last_sent_at, last_outgoing, unread, created_at, updated_at)
      VALUES ('d:a:b', 'b', 'hi', 5, 0, 1, 1, 5);
    INSERT INTO messages (fp, conversation_id, seq, sender_id, outgoing, sent_at, kind, body, status)
      VALUES ('fp1', 'd:a:b', 1, 'b', 0, 5, 'text', '{"text":"hi"}', 'received');
    INSERT INTO messages (fp, conversation_id, seq, sender_id, outgoing, sent_at, kind, body, status)
      VALUES ('fp2', 'd:a:b', NULL, 'a', 1, 6, 'text', '{"text":"yo"}', 'sending');
    INSERT INTO outbox (fp, to_user_id, frame, created_at) VALUES ('fp2', 'b', '{}', 6);
  `);
  return db;
}

describe('migration 002_message_state', () => {
  it('keeps the skeleton’s rows and gives them the new columns’ defaults', () => {
    const db = skeleton();
    migration002MessageState.up(db);
    expect(
      db
        .prepare('SELECT fp, recalled_at, deleted_at, reply_to_seq, mentions_me FROM messages ORDER BY id')
        .all(),
    ).toEqual([
      { fp: 'fp1', recalled_at: null, deleted_at: null, reply_to_seq: null, mentions_me: 0 },
      { fp: 'fp2', recalled_at: null, deleted_at: null, reply_to_seq: null, mentions_me: 0 },
    ]);
    expect(
      db
        .prepare(
          'SELECT kind, draft, pinned, muted, mentioned, read_seq, read_seq_synced, peer_read_seq, last_seq, floor_seq, cleared_seq, history_start, hidden FROM conversations',
        )
        .get(),
    ).toEqual({
      kind: 'direct',
      draft: '',
      pinned: 0,
      muted: 0,
      mentioned: 0,
      read_seq: 0,
      read_seq_synced: 0,
      peer_read_seq: 0,
      last_seq: 0,
      floor_seq: null,
      cleared_seq: 0,
      history_start: 1,
      hidden: 0,
    });
    expect(db.prepare('SELECT fp, failed_at FROM outbox').all()).toEqual([{ fp: 'fp2', failed_at: null }]);
  });

  it('rejects values outside the new columns’ ranges', () => {
    const db = skeleton();
    migration002MessageState.up(db);
    expect(() => db.prepare("UPDATE conversations SET pinned = 2 WHERE id = 'd:a:b'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE conversations SET kind = 'channel'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE messages SET reply_to_seq = 0 WHERE fp = 'fp1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE conversations SET floor_seq = 0').run()).toThrow(/CHECK/);
  });

  it('drops the sent-time index: the timeline is ordered by sequence now', () => {
    const db = skeleton();
    migration002MessageState.up(db);
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'messages'")
      .pluck()
      .all();
    expect(indexes).not.toContain('messages_timeline');
  });
});
