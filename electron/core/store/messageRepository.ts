import type { Database } from 'better-sqlite3';
import type { MessageStatus } from '../../../shared/ipc';
import type { MessageRow } from './rows';

export type NewMessageRow = Readonly<
  Omit<MessageRow, 'id' | 'recalled_at' | 'recalled_by' | 'deleted_at'> &
    Partial<Pick<MessageRow, 'recalled_at' | 'recalled_by'>>
>;

/** The only SQL that touches `messages`. Deleted rows are tombstones: kept, never listed. */
export function createMessageRepository(db: Database) {
  const insert = db.prepare<NewMessageRow & { recalled_at: number | null; recalled_by: string | null }>(`
    INSERT INTO messages (fp, conversation_id, seq, server_id, sender_id, outgoing, sent_at, kind, body, status,
                          recalled_at, recalled_by, reply_to_seq, mentions_me)
    VALUES (@fp, @conversation_id, @seq, @server_id, @sender_id, @outgoing, @sent_at, @kind, @body, @status,
            @recalled_at, @recalled_by, @reply_to_seq, @mentions_me)`);
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
  const setFailure = db.prepare<[string | null, string]>('UPDATE messages SET failure = ? WHERE fp = ?');
  const pending = db.prepare<[string, number], MessageRow>(`
    SELECT * FROM messages WHERE conversation_id = ? AND seq IS NULL AND deleted_at IS NULL
    ORDER BY id DESC LIMIT ?`);
  const newest = db.prepare<[string, number], MessageRow>(`
    SELECT * FROM messages WHERE conversation_id = ? AND seq IS NOT NULL AND deleted_at IS NULL
    ORDER BY seq DESC LIMIT ?`);
  const before = db.prepare<[string, number, number], MessageRow>(`
    SELECT * FROM messages WHERE conversation_id = ? AND seq < ? AND deleted_at IS NULL
    ORDER BY seq DESC LIMIT ?`);
  const maxSeq = db.prepare<[string], { top: number | null }>(
    'SELECT MAX(seq) AS top FROM messages WHERE conversation_id = ?',
  );
  const countRange = db.prepare<[string, number, number], { n: number }>(
    'SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ? AND seq BETWEEN ? AND ?',
  );
  const seqsDown = db.prepare<[string, number], { seq: number }>(
    'SELECT seq FROM messages WHERE conversation_id = ? AND seq <= ? ORDER BY seq DESC',
  );
  const markOwnRead = db.prepare<[string, number]>(`
    UPDATE messages SET status = 'read'
    WHERE conversation_id = ? AND outgoing = 1 AND seq IS NOT NULL AND seq <= ? AND status IN ('sending', 'sent', 'failed')
    RETURNING id`);
  const unread = db.prepare<[string, number], { n: number; mentions: number }>(`
    SELECT COUNT(*) AS n, COALESCE(MAX(mentions_me), 0) AS mentions FROM messages
    WHERE conversation_id = ? AND outgoing = 0 AND seq > ? AND deleted_at IS NULL AND recalled_at IS NULL`);
  const lastPending = db.prepare<[string], MessageRow>(`
    SELECT * FROM messages WHERE conversation_id = ? AND seq IS NULL AND deleted_at IS NULL
    ORDER BY id DESC LIMIT 1`);
  const lastNumbered = db.prepare<[string], MessageRow>(`
    SELECT * FROM messages WHERE conversation_id = ? AND seq IS NOT NULL AND deleted_at IS NULL
    ORDER BY seq DESC LIMIT 1`);
  const recall = db.prepare<[number, string, number]>(`
    UPDATE messages SET recalled_at = ?, recalled_by = ?, body = '{}', mentions_me = 0
    WHERE id = ? AND recalled_at IS NULL`);
  const markDeleted = db.prepare<[number, number]>(`
    UPDATE messages SET deleted_at = ?, body = '{}', mentions_me = 0 WHERE id = ? AND deleted_at IS NULL`);
  const deleteConversation = db.prepare<[number, string], { id: number; fp: string }>(`
    UPDATE messages SET deleted_at = ?, body = '{}', mentions_me = 0
    WHERE conversation_id = ? AND deleted_at IS NULL RETURNING id, fp`);
  const remove = db.prepare<[number]>('DELETE FROM messages WHERE id = ?');
  const byIdsJson = db.prepare<[string], MessageRow>(
    'SELECT * FROM messages WHERE id IN (SELECT value FROM json_each(?)) ORDER BY seq IS NULL, seq, id',
  );

  return {
    /** Inserts and returns the new row's id. */
    insert(row: NewMessageRow): number {
      return Number(
        insert.run({ ...row, recalled_at: row.recalled_at ?? null, recalled_by: row.recalled_by ?? null })
          .lastInsertRowid,
      );
    },
    byFp(fp: string): MessageRow | undefined {
      return byFp.get(fp);
    },
    bySeq(conversationId: string, seq: number): MessageRow | undefined {
      return bySeq.get(conversationId, seq);
    },
    byIds(ids: readonly number[]): MessageRow[] {
      return ids.length === 0 ? [] : byIdsJson.all(JSON.stringify(ids));
    },
    /** Records the server's sequence for a message that had none yet; false if it already had one. */
    setSeq(fp: string, seq: number, serverId: string | null): boolean {
      return setSeq.run(seq, serverId, fp).changes === 1;
    },
    /** Moves `fp` to `to` only from one of `from`; false when the move is not allowed (or no such row). */
    /** Why the server refused the message, or null to clear it (a retry). */
    setFailure(fp: string, failure: Readonly<{ code: string; message: string }> | null): void {
      setFailure.run(failure === null ? null : JSON.stringify(failure), fp);
    },
    setStatus(fp: string, to: MessageStatus, from: readonly MessageStatus[]): boolean {
      return setStatus.run(to, fp, JSON.stringify(from)).changes === 1;
    },
    /**
     * One page of the visible timeline, newest first: messages still without a sequence (being
     * sent) are the newest; `beforeSeq` pages back through numbered ones.
     */
    page(conversationId: string, limit: number, beforeSeq?: number): MessageRow[] {
      if (beforeSeq !== undefined) return before.all(conversationId, beforeSeq, limit);
      const unnumbered = pending.all(conversationId, limit);
      return [...unnumbered, ...newest.all(conversationId, limit - unnumbered.length)];
    },
    /** The highest sequence held (tombstones included), or 0. */
    topSeq(conversationId: string): number {
      return maxSeq.get(conversationId)?.top ?? 0;
    },
    /** How many sequences in [from, to] are held (tombstones included). */
    countRange(conversationId: string, from: number, to: number): number {
      return countRange.get(conversationId, from, to)?.n ?? 0;
    },
    /** The lowest sequence of the gap-free run that ends at `top` (walks down row by row). */
    runBottom(conversationId: string, top: number): number {
      let expected = top;
      for (const { seq } of seqsDown.iterate(conversationId, top)) {
        if (seq !== expected) break;
        expected -= 1;
      }
      return expected + 1;
    },
    /** Our messages up to `seq` were read by the peer; the ids of those that changed. */
    markOwnRead(conversationId: string, seq: number): number[] {
      return (markOwnRead.all(conversationId, seq) as Array<{ id: number }>).map((r) => r.id);
    },
    unread(conversationId: string, readSeq: number): { count: number; mentioned: boolean } {
      const row = unread.get(conversationId, readSeq);
      return { count: row?.n ?? 0, mentioned: (row?.mentions ?? 0) === 1 };
    },
    /** The newest visible message: one being sent, else the highest sequence. */
    last(conversationId: string): MessageRow | undefined {
      return lastPending.get(conversationId) ?? lastNumbered.get(conversationId);
    },
    /** Turns the row into a recall tombstone (the text is erased); false if it already was one. */
    recall(id: number, by: string, at: number): boolean {
      return recall.run(at, by, id).changes === 1;
    },
    /** Turns the row into a local-delete tombstone; false if it already was one. */
    markDeleted(id: number, now: number): boolean {
      return markDeleted.run(now, id).changes === 1;
    },
    /** Tombstones every visible message of the conversation; their ids and fps. */
    deleteConversation(conversationId: string, now: number): Array<{ id: number; fp: string }> {
      return deleteConversation.all(now, conversationId);
    },
    remove(id: number): void {
      remove.run(id);
    },
  };
}

export type MessageRepository = ReturnType<typeof createMessageRepository>;
