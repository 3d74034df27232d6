import type { Database } from 'better-sqlite3';
import type { MessageIndexer } from '../../../electron/core/store/messageIndexer';
import { messageText } from '../../../electron/core/domain/preview';
import { cutToLength, type CorpusMessage } from '../corpus/generateCorpus';

/**
 * Writes corpus messages into the engine's tables the way a sync batch does: conversations
 * created on first sight, the messages inserted, and the search indexer called inside the same
 * transaction. Pass no indexer to measure the store alone.
 */
export function createCorpusWriter(db: Database, me: string, indexer?: MessageIndexer) {
  const conversation = db.prepare<[string, string, string | null, number, number]>(`
    INSERT INTO conversations (id, kind, peer_user_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (id) DO NOTHING`);
  const message = db.prepare<[string, string, number, string, number, number, string, string]>(`
    INSERT INTO messages (fp, conversation_id, seq, sender_id, outgoing, sent_at, kind, body, status)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'received')`);
  // What the conversation list shows, as the store keeps it (preview, time, newest sequence).
  const noteLast = db.prepare<[string, number, number, number, number, string]>(`
    UPDATE conversations SET last_preview = ?, last_sent_at = ?, last_outgoing = ?, updated_at = ?, last_seq = ?
    WHERE id = ?`);
  const recall = db.prepare<[number, number]>(
    `UPDATE messages SET recalled_at = ?, recalled_by = sender_id, body = '{}' WHERE id = ?`,
  );
  const markDeleted = db.prepare<[number, number]>(
    `UPDATE messages SET deleted_at = ?, body = '{}' WHERE id = ?`,
  );
  const known = new Set<string>();

  const write = db.transaction((batch: readonly CorpusMessage[]): number[] => {
    const rowIds: number[] = [];
    for (const m of batch) {
      if (!known.has(m.conversationId)) {
        const direct = m.conversationId.startsWith('d:');
        const peer = direct ? (m.conversationId.split(':').find((p, i) => i > 0 && p !== me) ?? null) : null;
        conversation.run(m.conversationId, direct ? 'direct' : 'group', peer, m.sentAt, m.sentAt);
        known.add(m.conversationId);
      }
      const info = message.run(
        m.fp,
        m.conversationId,
        m.seq,
        m.senderId,
        m.senderId === me ? 1 : 0,
        m.sentAt,
        m.kind,
        JSON.stringify({ text: m.text }),
      );
      rowIds.push(Number(info.lastInsertRowid));
    }
    const newest = new Map<string, CorpusMessage>();
    for (const m of batch) newest.set(m.conversationId, m);
    for (const [id, m] of newest) {
      noteLast.run(cutToLength(m.text, 120), m.sentAt, m.senderId === me ? 1 : 0, m.sentAt, m.seq, id);
    }
    indexer?.indexMessages(
      db,
      batch.map((m, i) => ({
        rowId: rowIds[i] as number,
        conversationId: m.conversationId,
        senderId: m.senderId,
        sentAt: m.sentAt,
        kind: m.kind,
        // The store's rule: only kinds with text are indexed.
        text: messageText(m.kind, { text: m.text }),
      })),
    );
    return rowIds;
  });

  const tombstone = db.transaction((rowIds: readonly number[], how: 'recall' | 'delete', at: number) => {
    for (const id of rowIds) (how === 'recall' ? recall : markDeleted).run(at, id);
    indexer?.unindexMessages(db, rowIds);
  });

  return {
    /** One sync batch in one transaction; the new row ids in order. */
    write,
    recall: (rowIds: readonly number[], at: number) => tombstone(rowIds, 'recall', at),
    delete: (rowIds: readonly number[], at: number) => tombstone(rowIds, 'delete', at),
  };
}
