import type { Conversation, Message } from '../../../../shared/ipc';
import { toMessage } from '../rows';
import type { StoreContext } from './context';
import {
  conversationRow,
  ensureConversation,
  insertMessage,
  mentionsMe,
  messagesByIds,
  refreshConversation,
  replyToSeq,
  unindexRows,
} from './timeline';

export type NewOutgoing = Readonly<{
  fp: string;
  conversationId: string;
  sentAt: number;
  kind: string;
  body: Record<string, unknown>;
  toUserId: string;
  /** The exact frame to send (and resend) until the server acknowledges it. */
  frame: string;
}>;

export type RemovedMessages = Readonly<{ conversationId: string; ids: string[]; conversation: Conversation }>;

/** Message operations the user starts: listing pages, sending, recalling and deleting locally. */
export function createMessageOps(ctx: StoreContext) {
  const { db, messages, conversations, outbox, me } = ctx;

  return {
    /** A page of the timeline, oldest first. */
    listMessages: (
      conversationId: string,
      page: Readonly<{ beforeSeq?: number; limit: number }>,
    ): Message[] => messages.page(conversationId, page.limit, page.beforeSeq).reverse().map(toMessage),
    /** A message by its id (fp), unless deleted on this device. */
    getMessage: (fp: string): Message | null => {
      const row = messages.byFp(fp);
      return row && row.deleted_at === null ? toMessage(row) : null;
    },
    /**
     * The message, its conversation's new state and its outbox row, all or nothing. In basic
     * mode there is no server sequence, so the message takes the next local one.
     */
    insertOutgoing: db.transaction((input: NewOutgoing): { message: Message; conversation: Conversation } => {
      conversationRow(ctx, input.conversationId);
      conversations.unhide(input.conversationId);
      const row = insertMessage(ctx, {
        fp: input.fp,
        conversation_id: input.conversationId,
        seq: ctx.mode === 'basic' ? messages.topSeq(input.conversationId) + 1 : null,
        server_id: null,
        sender_id: me,
        outgoing: 1,
        sent_at: input.sentAt,
        kind: input.kind,
        body: JSON.stringify(input.body),
        status: 'sending',
        reply_to_seq: replyToSeq(input.body),
        mentions_me: 0,
      });
      outbox.insert({
        fp: input.fp,
        to_user_id: input.toUserId,
        frame: input.frame,
        created_at: input.sentAt,
      });
      // Writing is reading: what the user answered is read.
      if (row.seq !== null) conversations.raiseReadSeq(input.conversationId, row.seq);
      return { message: toMessage(row), conversation: refreshConversation(ctx, input.conversationId) };
    }),
    /**
     * Incoming stock text in basic mode (QoS push): kept once by fp, numbered locally.
     * Null when the fp was seen before.
     */
    insertPushedText: db.transaction(
      (input: {
        fp: string;
        conversationId: string;
        senderId: string;
        sentAt: number;
        text: string;
      }): { message: Message; conversation: Conversation } | null => {
        if (messages.byFp(input.fp)) return null;
        const conversation = ensureConversation(ctx, input.conversationId, input.sentAt);
        conversations.unhide(input.conversationId);
        const body = { text: input.text };
        const row = insertMessage(ctx, {
          fp: input.fp,
          conversation_id: conversation.id,
          seq: messages.topSeq(conversation.id) + 1,
          server_id: null,
          sender_id: input.senderId,
          outgoing: 0,
          sent_at: input.sentAt,
          kind: 'text',
          body: JSON.stringify(body),
          status: 'received',
          reply_to_seq: null,
          mentions_me: mentionsMe(ctx, body) ? 1 : 0,
        });
        return { message: toMessage(row), conversation: refreshConversation(ctx, conversation.id) };
      },
    ),
    /** Turns messages into local-delete tombstones; pending sends among them stop. */
    deleteMessagesLocally: db.transaction((fps: readonly string[], now: number): RemovedMessages[] => {
      const byConversation = new Map<string, { ids: string[]; rowIds: number[] }>();
      for (const fp of fps) {
        const row = messages.byFp(fp);
        if (!row || !messages.markDeleted(row.id, now)) continue;
        outbox.remove(fp);
        const entry = byConversation.get(row.conversation_id) ?? { ids: [], rowIds: [] };
        entry.ids.push(fp);
        entry.rowIds.push(row.id);
        byConversation.set(row.conversation_id, entry);
      }
      return [...byConversation].map(([conversationId, { ids, rowIds }]) => {
        unindexRows(ctx, rowIds);
        return { conversationId, ids, conversation: refreshConversation(ctx, conversationId) };
      });
    }),
    /** Marks a message recalled (the server accepted the recall); null if unknown. */
    recallMessage: db.transaction(
      (fp: string, by: string, at: number): { message: Message; conversation: Conversation } | null => {
        const row = messages.byFp(fp);
        if (!row) return null;
        if (messages.recall(row.id, by, at)) unindexRows(ctx, [row.id]);
        const [message] = messagesByIds(ctx, [row.id]);
        if (!message) return null;
        return { message, conversation: refreshConversation(ctx, row.conversation_id) };
      },
    ),
  };
}
