import { formatId } from './ids';

/** A message as stored; `bodyJson` is the JSON text from the database. */
export type StoredMessage = Readonly<{
  id: string;
  conversationId: string;
  seq: number;
  fp: string;
  senderId: string;
  sentAt: number;
  kind: string;
  bodyJson: string;
  /** When it was recalled (its body is then a tombstone), or null. */
  recalledAt: number | null;
}>;

export type MessageRow = {
  id: number;
  conversation_id: string;
  seq: number;
  fp: string;
  sender_id: number;
  sent_at: number;
  kind: string;
  body: string;
  recalled_at: number | null;
};

/** Columns of `messages` in MessageRow order, for SELECT and RETURNING lists. */
export const messageColumns = 'id, conversation_id, seq, fp, sender_id, sent_at, kind, body, recalled_at';

/** `messageColumns` qualified with a table alias, for joins. */
export function qualifiedMessageColumns(alias: string): string {
  return messageColumns
    .split(', ')
    .map((column) => `${alias}.${column}`)
    .join(', ');
}

export function toStoredMessage(row: MessageRow): StoredMessage {
  return {
    id: formatId(row.id),
    conversationId: row.conversation_id,
    seq: row.seq,
    fp: row.fp,
    senderId: formatId(row.sender_id),
    sentAt: row.sent_at,
    kind: row.kind,
    bodyJson: row.body,
    recalledAt: row.recalled_at,
  };
}
