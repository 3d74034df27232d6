import type { Database } from 'better-sqlite3';
import { formatId, parseId } from './ids';
import { messageColumns, toStoredMessage, type MessageRow, type StoredMessage } from './messageRows';

export type DeliveryRepository = Readonly<{
  /** Messages `recipientId` has not acknowledged yet, oldest first. */
  listPending(recipientId: string): StoredMessage[];
  /**
   * Marks the message (sender, fp) delivered to `recipientId`. Returns its id, or null when
   * there was nothing pending (unknown fp, someone else's message, or already delivered).
   */
  markDelivered(recipientId: string, senderId: string, fp: string, now: number): string | null;
}>;

export function createDeliveryRepository(db: Database): DeliveryRepository {
  const pending = db.prepare<[number], MessageRow>(
    `SELECT ${messageColumns
      .split(', ')
      .map((c) => `m.${c}`)
      .join(', ')}
     FROM deliveries d JOIN messages m ON m.id = d.message_id
     WHERE d.recipient_id = ? AND d.delivered_at IS NULL
     ORDER BY d.message_id`,
  );
  const mark = db.prepare<[number, number, number, string], { message_id: number }>(
    `UPDATE deliveries SET delivered_at = ?
     WHERE recipient_id = ? AND delivered_at IS NULL
       AND message_id = (SELECT id FROM messages WHERE sender_id = ? AND fp = ?)
     RETURNING message_id`,
  );
  return {
    listPending(recipientId) {
      const key = parseId(recipientId);
      return key === null ? [] : pending.all(key).map(toStoredMessage);
    },
    markDelivered(recipientId, senderId, fp, now) {
      const recipient = parseId(recipientId);
      const sender = parseId(senderId);
      if (recipient === null || sender === null) return null;
      const row = mark.get(now, recipient, sender, fp);
      return row ? formatId(row.message_id) : null;
    },
  };
}
