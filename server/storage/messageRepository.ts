import type { Database } from 'better-sqlite3';
import { parseId } from './ids';
import { messageColumns, toStoredMessage, type MessageRow, type StoredMessage } from './messageRows';

/** A message to append. Ids are wire ids (decimal strings); `bodyJson` is already validated. */
export type MessageDraft = Readonly<{
  conversationId: string;
  conversationKind: string;
  /** Everyone in the conversation, for a conversation created by this message. */
  memberIds: readonly string[];
  senderId: string;
  /** Who must receive it (a delivery row each). */
  recipientIds: readonly string[];
  fp: string;
  kind: string;
  bodyJson: string;
}>;

export type AppendResult =
  | Readonly<{ status: 'stored'; message: StoredMessage }>
  /** The sender already sent this fp: the first copy, untouched. */
  | Readonly<{ status: 'duplicate'; message: StoredMessage }>
  | Readonly<{ status: 'failed'; error: unknown }>;

export type MessageRepository = Readonly<{
  /**
   * Appends drafts in ONE transaction (one fsync for the batch) and returns once it has
   * committed. Each draft runs in its own savepoint, so one bad draft fails alone. Throws only
   * if the commit itself fails, in which case nothing was stored.
   */
  appendBatch(drafts: readonly MessageDraft[], now: () => number): AppendResult[];
}>;

export function createMessageRepository(db: Database): MessageRepository {
  const findByFp = db.prepare<[number, string], MessageRow>(
    `SELECT ${messageColumns} FROM messages WHERE sender_id = ? AND fp = ?`,
  );
  const createConversation = db.prepare<[string, string, number]>(
    'INSERT INTO conversations (id, kind, last_seq, created_at) VALUES (?, ?, 0, ?) ON CONFLICT (id) DO NOTHING',
  );
  const addMember = db.prepare<[string, number, number]>(
    'INSERT INTO conversation_members (conversation_id, user_id, joined_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const nextSeq = db.prepare<[string], { last_seq: number }>(
    'UPDATE conversations SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq',
  );
  const insertMessage = db.prepare<[string, number, string, number, number, string, string], MessageRow>(
    `INSERT INTO messages (conversation_id, seq, fp, sender_id, sent_at, kind, body)
     VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING ${messageColumns}`,
  );
  const insertDelivery = db.prepare<[number, number]>(
    'INSERT INTO deliveries (recipient_id, message_id, delivered_at) VALUES (?, ?, NULL)',
  );

  const dbId = (id: string): number => {
    const key = parseId(id);
    if (key === null) throw new Error(`malformed id ${JSON.stringify(id)}`);
    return key;
  };

  // Called inside `appendAll`, better-sqlite3 turns this transaction into a savepoint.
  const appendOne = db.transaction((draft: MessageDraft, now: number): AppendResult => {
    const senderId = dbId(draft.senderId);
    const existing = findByFp.get(senderId, draft.fp);
    if (existing) return { status: 'duplicate', message: toStoredMessage(existing) };

    if (createConversation.run(draft.conversationId, draft.conversationKind, now).changes === 1) {
      for (const member of draft.memberIds) addMember.run(draft.conversationId, dbId(member), now);
    }
    const seq = nextSeq.get(draft.conversationId)?.last_seq;
    if (seq === undefined) throw new Error('conversation vanished during append');
    const row = insertMessage.get(
      draft.conversationId,
      seq,
      draft.fp,
      senderId,
      now,
      draft.kind,
      draft.bodyJson,
    );
    if (!row) throw new Error('INSERT … RETURNING returned no row');
    for (const recipient of draft.recipientIds) insertDelivery.run(dbId(recipient), row.id);
    return { status: 'stored', message: toStoredMessage(row) };
  });

  const appendAll = db.transaction((drafts: readonly MessageDraft[], now: () => number): AppendResult[] =>
    drafts.map((draft) => {
      try {
        return appendOne(draft, now());
      } catch (error) {
        return { status: 'failed', error };
      }
    }),
  );

  return { appendBatch: (drafts, now) => appendAll(drafts, now) };
}
