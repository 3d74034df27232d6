import type { Database } from 'better-sqlite3';
import type { Conversation } from '../../../../shared/ipc';
import type { IndexableMessage } from '../../store/messageIndexer';
import { toConversation, type ConversationRow, type MessageRow } from '../../store/rows';
import { searchableTextOfJson } from './searchableText';

/**
 * The only SQL of the search module on the store's own tables (`messages`, `conversations`):
 * reading hits, the context around a hit, and the rebuild's batches. Read-only; if the store's
 * schema changes, this file is the one to follow it.
 */
export function createMessageSource(db: Database) {
  const byIds = db.prepare<[string], MessageRow>(
    'SELECT * FROM messages WHERE id IN (SELECT value FROM json_each(?))',
  );
  const conversationsByIds = db.prepare<[string], ConversationRow>(
    'SELECT * FROM conversations WHERE id IN (SELECT value FROM json_each(?))',
  );
  const byFp = db.prepare<[string], MessageRow>('SELECT * FROM messages WHERE fp = ?');
  const bySeq = db.prepare<[string, number], MessageRow>(
    'SELECT * FROM messages WHERE conversation_id = ? AND seq = ?',
  );
  // The store's timeline: numbered messages by sequence, then those still being sent by row id.
  const numberedBefore = db.prepare<[string, number, number], MessageRow>(`
    SELECT * FROM messages WHERE conversation_id = ? AND seq < ? AND deleted_at IS NULL
    ORDER BY seq DESC LIMIT ?`);
  const numberedAfter = db.prepare<[string, number, number], MessageRow>(`
    SELECT * FROM messages WHERE conversation_id = ? AND seq > ? AND deleted_at IS NULL
    ORDER BY seq LIMIT ?`);
  const pendingBefore = db.prepare<[string, number, number], MessageRow>(`
    SELECT * FROM messages WHERE conversation_id = ? AND seq IS NULL AND id < ? AND deleted_at IS NULL
    ORDER BY id DESC LIMIT ?`);
  const pendingAfter = db.prepare<[string, number, number], MessageRow>(`
    SELECT * FROM messages WHERE conversation_id = ? AND seq IS NULL AND id > ? AND deleted_at IS NULL
    ORDER BY id LIMIT ?`);
  const batch = db.prepare<
    [number, number],
    Pick<MessageRow, 'id' | 'conversation_id' | 'sender_id' | 'sent_at' | 'kind' | 'body'>
  >(`
    SELECT id, conversation_id, sender_id, sent_at, kind, body FROM messages
    WHERE id > ? ORDER BY id LIMIT ?`);
  const countAfter = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM messages WHERE id > ?');

  return {
    byIds(ids: readonly number[]): Map<number, MessageRow> {
      return new Map(byIds.all(JSON.stringify(ids)).map((row) => [row.id, row]));
    },
    conversations(ids: readonly string[]): Map<string, Conversation> {
      return new Map(conversationsByIds.all(JSON.stringify(ids)).map((row) => [row.id, toConversation(row)]));
    },
    byFp(fp: string): MessageRow | null {
      return byFp.get(fp) ?? null;
    },
    bySeq(conversationId: string, seq: number): MessageRow | null {
      return bySeq.get(conversationId, seq) ?? null;
    },
    /** Up to `count` visible messages just before `anchor` in its timeline, oldest first. */
    before(anchor: MessageRow, count: number): MessageRow[] {
      if (count === 0) return [];
      const c = anchor.conversation_id;
      if (anchor.seq !== null) return numberedBefore.all(c, anchor.seq, count).reverse();
      const pending = pendingBefore.all(c, anchor.id, count);
      const numbered = numberedBefore.all(c, Number.MAX_SAFE_INTEGER, count - pending.length);
      return [...pending, ...numbered].reverse();
    },
    /** Up to `count` visible messages just after `anchor`, oldest first. */
    after(anchor: MessageRow, count: number): MessageRow[] {
      if (count === 0) return [];
      const c = anchor.conversation_id;
      if (anchor.seq === null) return pendingAfter.all(c, anchor.id, count);
      const numbered = numberedAfter.all(c, anchor.seq, count);
      return [...numbered, ...pendingAfter.all(c, 0, count - numbered.length)];
    },
    /** The next messages to (re)index, by row id. */
    batchAfter(rowId: number, limit: number): { lastRowId: number; messages: IndexableMessage[] } {
      const rows = batch.all(rowId, limit);
      const last = rows[rows.length - 1];
      return {
        lastRowId: last?.id ?? rowId,
        messages: rows.map((row) => ({
          rowId: row.id,
          conversationId: row.conversation_id,
          senderId: row.sender_id,
          sentAt: row.sent_at,
          kind: row.kind,
          text: searchableTextOfJson(row.kind, row.body),
        })),
      };
    },
    countAfter(rowId: number): number {
      return countAfter.get(rowId)?.n ?? 0;
    },
  };
}

export type MessageSource = ReturnType<typeof createMessageSource>;
