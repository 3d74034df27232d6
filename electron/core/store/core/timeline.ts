import type { Conversation, Message } from '../../../../shared/ipc';
import { directPeer } from '../../../../shared/protocol';
import { messagePreview, messageText, RECALLED_PREVIEW } from '../../domain/preview';
import type { NewMessageRow } from '../messageRepository';
import { parseBody, toConversation, toMessage, type ConversationRow, type MessageRow } from '../rows';
import type { StoreContext } from './context';

/**
 * Writes shared by every operation: a message row together with its index entries, and the
 * conversation's derived state (last message, unread count, mention flag) recomputed from the
 * messages, so recalls and local deletes can never leave it stale.
 */

export function conversationRow(ctx: StoreContext, id: string): ConversationRow {
  const row = ctx.conversations.byId(id);
  if (!row) throw new Error(`conversation ${id} vanished inside its own transaction`);
  return row;
}

export function messageRowById(ctx: StoreContext, id: number): MessageRow {
  const [row] = ctx.messages.byIds([id]);
  if (!row) throw new Error(`message ${id} vanished inside its own transaction`);
  return row;
}

/**
 * Creates the conversation if needed; one-to-one ids know their peer. Its activity time starts
 * at 0 and follows its messages, so a device that learns a hundred conversations at once lists
 * them by their last message, not by the moment it learned them.
 */
export function ensureConversation(ctx: StoreContext, id: string, now: number): ConversationRow {
  const peer = directPeer(id, ctx.me);
  ctx.conversations.insertIfMissing(id, id.startsWith('d:') ? 'direct' : 'group', peer, now, 0);
  return conversationRow(ctx, id);
}

/** Inserts a message and mirrors it into every index, in the caller's transaction. */
export function insertMessage(ctx: StoreContext, row: NewMessageRow): MessageRow {
  const id = ctx.messages.insert(row);
  const stored = messageRowById(ctx, id);
  if (stored.recalled_at === null) indexRows(ctx, [stored]);
  return stored;
}

export function indexRows(ctx: StoreContext, rows: readonly MessageRow[]): void {
  if (ctx.indexers.length === 0 || rows.length === 0) return;
  const entries = rows.map((row) => {
    const body = parseBody(row.body);
    return {
      rowId: row.id,
      conversationId: row.conversation_id,
      senderId: row.sender_id,
      sentAt: row.sent_at,
      kind: row.kind,
      text: messageText(row.kind, body),
    };
  });
  for (const indexer of ctx.indexers) indexer.indexMessages(ctx.db, entries);
}

export function unindexRows(ctx: StoreContext, ids: readonly number[]): void {
  if (ctx.indexers.length === 0 || ids.length === 0) return;
  for (const indexer of ctx.indexers) indexer.unindexMessages(ctx.db, ids);
}

/** Whether a message body mentions the user (by id, or "all"). */
export function mentionsMe(ctx: StoreContext, body: Readonly<Record<string, unknown>>): boolean {
  const mentions = body.mentions;
  return Array.isArray(mentions) && mentions.some((m) => m === ctx.me || m === 'all');
}

export function replyToSeq(body: Readonly<Record<string, unknown>>): number | null {
  const reply = body.replyTo;
  if (typeof reply !== 'object' || reply === null) return null;
  const seq = (reply as { seq?: unknown }).seq;
  return typeof seq === 'number' && Number.isInteger(seq) && seq > 0 ? seq : null;
}

/** Recomputes what the list shows about a conversation from its messages. */
export function refreshConversation(ctx: StoreContext, id: string): Conversation {
  const row = conversationRow(ctx, id);
  const last = ctx.messages.last(id);
  ctx.conversations.setLastMessage(
    id,
    last === undefined
      ? null
      : {
          preview:
            last.recalled_at !== null ? RECALLED_PREVIEW : messagePreview(last.kind, parseBody(last.body)),
          sentAt: last.sent_at,
          outgoing: last.outgoing === 1,
        },
  );
  const unread = ctx.messages.unread(id, row.read_seq);
  ctx.conversations.setUnread(id, unread.count, unread.mentioned);
  return toConversation(conversationRow(ctx, id));
}

/** Messages by row id, in timeline order, for events. */
export function messagesByIds(ctx: StoreContext, ids: readonly number[]): Message[] {
  return ctx.messages.byIds([...new Set(ids)]).map(toMessage);
}
