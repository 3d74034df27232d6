import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { IndexableMessage, MessageIndexer } from '../../../../electron/core/store/messageIndexer';
import { CONV, count, event, ME, newApi, outgoing, peer, wire } from './storeFixtures';

/** An indexer that records what it was told, inside the store's transaction, in its own table. */
function recordingIndexer(failOn?: string) {
  const calls: Array<['index', IndexableMessage[]] | ['unindex', number[]]> = [];
  const indexer: MessageIndexer = {
    indexMessages(db: Database.Database, messages) {
      db.exec('CREATE TABLE IF NOT EXISTS idx (row_id INTEGER PRIMARY KEY, text TEXT)');
      for (const m of messages) {
        if (m.text === failOn) throw new Error('index full');
        db.prepare('INSERT INTO idx VALUES (?, ?)').run(m.rowId, m.text);
      }
      calls.push(['index', [...messages]]);
    },
    unindexMessages(db: Database.Database, rowIds) {
      for (const id of rowIds) db.prepare('DELETE FROM idx WHERE row_id = ?').run(id);
      calls.push(['unindex', [...rowIds]]);
    },
  };
  return { indexer, calls };
}

describe('store: the message indexer hook (search)', () => {
  it('indexes inserted messages and unindexes recalled and deleted ones', () => {
    const { indexer, calls } = recordingIndexer();
    const { api, db } = newApi('tidings', [{ name: 'test', indexer }]);
    api.openDirectConversation(CONV, peer, 1);
    api.insertOutgoing(outgoing('o1', 10, 'hello world'));
    api.applySync({
      now: 1,
      messages: [wire('in1', 1, 20, 'bob', 'recall me'), wire('in2', 2, 30, 'bob', 'delete me')],
    });
    expect(calls[0]).toEqual([
      'index',
      [{ rowId: 1, conversationId: CONV, senderId: ME, sentAt: 10, kind: 'text', text: 'hello world' }],
    ]);
    expect(count(db, 'SELECT COUNT(*) FROM idx')).toBe(3);
    api.applySync({ now: 2, events: [event.recall(1)] });
    api.deleteMessagesLocally(['in2'], 3);
    expect(db.prepare('SELECT text FROM idx').pluck().all()).toEqual(['hello world']);
  });

  it('rolls the message write back when the index write fails: they never disagree', () => {
    const { indexer } = recordingIndexer('poison');
    const { api, db } = newApi('tidings', [{ name: 'test', indexer }]);
    expect(() =>
      api.applySync({
        now: 1,
        events: [
          event.message(wire('ok', 1, 10, 'bob', 'fine')),
          event.message(wire('bad', 2, 20, 'bob', 'poison')),
        ],
        inboxCursor: 42,
      }),
    ).toThrow('index full');
    expect(count(db, 'SELECT COUNT(*) FROM messages')).toBe(0);
    expect(api.inboxCursor()).toBeNull();
  });
});
