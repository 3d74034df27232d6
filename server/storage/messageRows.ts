import { formatId } from './ids';

/** A message as stored; `body` is the JSON text from the database. */
export type StoredMessage = Readonly<{
  id: string;
  conversationId: string;
  seq: number;
  fp: string;
  senderId: string;
  sentAt: number;
  kind: string;
  bodyJson: string;
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
};

/** Columns of `messages` in MessageRow order, for SELECT and RETURNING lists. */
export const messageColumns = 'id, conversation_id, seq, fp, sender_id, sent_at, kind, body';

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
  };
}
