import type { Database } from 'better-sqlite3';
import { parseId } from './ids';
import { messageColumns, toStoredMessage, type MessageRow, type StoredMessage } from './messageRows';

/** A message to append. Ids are wire ids (decimal strings); `bodyJson` is already validated. */
export type NewMessage = Readonly<{
  conversationId: string;
  senderId: string;
  fp: string;
  sentAt: number;
  kind: string;
  bodyJson: string;
}>;

/**
 * Messages of every conversation. Methods that write expect to run inside a transaction
 * (`Transactor`), so that the sequence bump, the row and the inbox events commit together.
 */
export type MessageRepository = Readonly<{
  findByFp(senderId: string, fp: string): StoredMessage | undefined;
  /**
   * Stores `message` with its conversation's next sequence (which must exist). Throws on a
   * repeated (sender, fp): callers look for the first copy with `findByFp` before.
   */
  append(message: NewMessage): StoredMessage;
  /** As `append`, but writes nothing and returns undefined when the conversation does not exist. */
  appendIfConversation(message: NewMessage): StoredMessage | undefined;
  findBySeq(conversationId: string, seq: number): StoredMessage | undefined;
  /** Up to `limit` messages with seq < `before`, the newest of them, in ascending order. */
  pageBefore(conversationId: string, before: number, limit: number): StoredMessage[];
  /** Up to `limit` messages with seq > `after`, ascending. */
  pageAfter(conversationId: string, after: number, limit: number): StoredMessage[];
  /** Replaces the body with a tombstone and flags it; false if it is missing or already recalled. */
  recall(
    conversationId: string,
    seq: number,
    tombstone: Readonly<{ kind: string; bodyJson: string }>,
    at: number,
  ): boolean;
}>;

export function createMessageRepository(db: Database): MessageRepository {
  const byFp = db.prepare<[number, string], MessageRow>(
    `SELECT ${messageColumns} FROM messages WHERE sender_id = ? AND fp = ?`,
  );
  const nextSeq = db.prepare<[string], { last_seq: number }>(
    'UPDATE conversations SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq',
  );
  const insert = db.prepare<[string, number, string, number, number, string, string], MessageRow>(
    `INSERT INTO messages (conversation_id, seq, fp, sender_id, sent_at, kind, body)
     VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING ${messageColumns}`,
  );
  const bySeq = db.prepare<[string, number], MessageRow>(
    `SELECT ${messageColumns} FROM messages WHERE conversation_id = ? AND seq = ?`,
  );
  const before = db.prepare<[string, number, number], MessageRow>(
    `SELECT ${messageColumns} FROM messages WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?`,
  );
  const after = db.prepare<[string, number, number], MessageRow>(
    `SELECT ${messageColumns} FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
  );
  const recall = db.prepare<[string, string, number, string, number]>(
    `UPDATE messages SET kind = ?, body = ?, recalled_at = ?
     WHERE conversation_id = ? AND seq = ? AND recalled_at IS NULL`,
  );

  const userKey = (id: string): number => {
    const key = parseId(id);
    if (key === null) throw new Error('malformed user id');
    return key;
  };

  const appendIfConversation = (message: NewMessage): StoredMessage | undefined => {
    const seq = nextSeq.get(message.conversationId)?.last_seq;
    if (seq === undefined) return undefined;
    const row = insert.get(
      message.conversationId,
      seq,
      message.fp,
      userKey(message.senderId),
      message.sentAt,
      message.kind,
      message.bodyJson,
    );
    if (!row) throw new Error('INSERT … RETURNING returned no row');
    return toStoredMessage(row);
  };

  return {
    findByFp(senderId, fp) {
      const key = parseId(senderId);
      if (key === null) return undefined;
      const row = byFp.get(key, fp);
      return row ? toStoredMessage(row) : undefined;
    },
    append(message) {
      const stored = appendIfConversation(message);
      if (stored === undefined) throw new Error('append to a conversation that does not exist');
      return stored;
    },
    appendIfConversation,
    findBySeq(conversationId, seq) {
      const row = bySeq.get(conversationId, seq);
      return row ? toStoredMessage(row) : undefined;
    },
    pageBefore: (conversationId, seq, limit) =>
      before.all(conversationId, seq, limit).reverse().map(toStoredMessage),
    pageAfter: (conversationId, seq, limit) => after.all(conversationId, seq, limit).map(toStoredMessage),
    recall: (conversationId, seq, tombstone, at) =>
      recall.run(tombstone.kind, tombstone.bodyJson, at, conversationId, seq).changes === 1,
  };
}
