import type { Database } from 'better-sqlite3';
import type { MessageStatus } from '../../../shared/ipc';
import type { MessageRow } from './rows';

export type NewMessageRow = Readonly<Omit<MessageRow, 'id'>>;

/** The only SQL that touches `messages`. */
export function createMessageRepository(db: Database) {
  const insert = db.prepare<NewMessageRow>(`
    INSERT INTO messages (fp, conversation_id, seq, server_id, sender_id, outgoing, sent_at, kind, body, status)
    VALUES (@fp, @conversation_id, @seq, @server_id, @sender_id, @outgoing, @sent_at, @kind, @body, @status)`);
  const byFp = db.prepare<[string], MessageRow>('SELECT * FROM messages WHERE fp = ?');
  const bySeq = db.prepare<[string, number], MessageRow>(
    'SELECT * FROM messages WHERE conversation_id = ? AND seq = ?',
  );
  const setSeq = db.prepare<[number, string | null, string]>(
    'UPDATE messages SET seq = ?, server_id = ? WHERE fp = ? AND seq IS NULL',
  );
  // The allowed previous statuses come as a JSON array so one prepared statement serves every move.
  const setStatus = db.prepare<[MessageStatus, string, string]>(
    'UPDATE messages SET status = ? WHERE fp = ? AND status IN (SELECT value FROM json_each(?))',
  );
  const newest = db.prepare<[string, number], MessageRow>(`
    SELECT * FROM messages WHERE conversation_id = ?
    ORDER BY sent_at DESC, id DESC LIMIT ?`);
  const beforeAnchor = db.prepare<[string, number, number, number, number], MessageRow>(`
    SELECT * FROM messages
    WHERE conversation_id = ? AND (sent_at < ? OR (sent_at = ? AND id < ?))
    ORDER BY sent_at DESC, id DESC LIMIT ?`);
  const beforeSeq = db.prepare<[string, number, number], MessageRow>(`
    SELECT * FROM messages WHERE conversation_id = ? AND seq < ?
    ORDER BY sent_at DESC, id DESC LIMIT ?`);

  return {
    insert(row: NewMessageRow): void {
      insert.run(row);
    },
    byFp(fp: string): MessageRow | undefined {
      return byFp.get(fp);
    },
    bySeq(conversationId: string, seq: number): MessageRow | undefined {
      return bySeq.get(conversationId, seq);
    },
    /** Records the server's sequence for a message that had none yet; false if it already had one. */
    setSeq(fp: string, seq: number, serverId: string | null): boolean {
      return setSeq.run(seq, serverId, fp).changes === 1;
    },
    /** Moves `fp` to `to` only from one of `from`; false when the move is not allowed (or no such row). */
    setStatus(fp: string, to: MessageStatus, from: readonly MessageStatus[]): boolean {
      return setStatus.run(to, fp, JSON.stringify(from)).changes === 1;
    },
    /**
     * One page of the timeline, newest first. `beforeSeq` pages back from that message; when this
     * device never saw it, from the messages with a smaller sequence.
     */
    page(conversationId: string, limit: number, beforeSeqValue?: number): MessageRow[] {
      if (beforeSeqValue === undefined) return newest.all(conversationId, limit);
      const anchor = bySeq.get(conversationId, beforeSeqValue);
      if (!anchor) return beforeSeq.all(conversationId, beforeSeqValue, limit);
      return beforeAnchor.all(conversationId, anchor.sent_at, anchor.sent_at, anchor.id, limit);
    },
  };
}

export type MessageRepository = ReturnType<typeof createMessageRepository>;
