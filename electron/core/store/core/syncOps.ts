import type { Conversation, Message } from '../../../../shared/ipc';
import { directPeer, NoticeEvent, type InboxEvent, type WireMessage } from '../../../../shared/protocol';
import { statusesBefore } from '../../domain/messageStatus';
import { createFriendSyncApplier, type FriendChanges } from '../../social/friends/contactOps';
import { applyGroupInboxEvent } from '../../social/groups/groupStoreOps';
import type { StoreContext } from './context';
import {
  ensureConversation,
  insertMessage,
  mentionsMe,
  messagesByIds,
  refreshConversation,
  replyToSeq,
  unindexRows,
} from './timeline';

/** One conversation as `sync.conversations` reports it. */
export type ConversationSummary = Readonly<{
  id: string;
  lastSeq: number;
  readSeq: number;
  peerReadSeq?: number;
}>;

/** What one transaction of sync applies; the caller keeps it to a few hundred items. */
export type SyncBatch = Readonly<{
  now: number;
  conversations?: readonly ConversationSummary[];
  /** Inbox events in inbox order (kinds this version knows). */
  events?: readonly InboxEvent[];
  /** History pages, or messages pushed one by one. */
  messages?: readonly WireMessage[];
  /** The inbox position to store with this batch (the last event handled, known or not). */
  inboxCursor?: number;
}>;

export type SyncOutcome = Readonly<{
  /** Messages inserted or changed, per conversation, in timeline order. */
  changed: ReadonlyArray<Readonly<{ conversationId: string; messages: Message[] }>>;
  conversations: Conversation[];
  /** Our own messages the server has stored: their outbox rows are gone. */
  acknowledged: string[];
  /** Messages stored for the first time. */
  inserted: number;
  /** Touched conversations whose newest messages are not all here. */
  gaps: string[];
  /** One-to-one peers known only by id: the session fetches their profiles. */
  missingProfiles: Array<Readonly<{ conversationId: string; userId: string }>>;
  /** Friends and requests the batch's `friend` events changed (null: none). */
  friends: FriendChanges | null;
}>;

const INBOX = 'inbox';

/**
 * The server keeps a recalled message as a notice `{event: "recall", actorId}` with the
 * message's own id, seq and fp: its tombstone. Who recalled it, or null for any other message.
 */
function recallTombstone(wire: WireMessage): { by: string } | null {
  if (wire.kind !== 'notice' || wire.body.event !== NoticeEvent.recall) return null;
  return { by: typeof wire.body.actorId === 'string' ? wire.body.actorId : wire.senderId };
}
/** A placeholder for a recalled message this device never had; never a real fp (those are UUIDs). */
const recallPlaceholderFp = (conversationId: string, seq: number): string =>
  `recalled:${conversationId}:${seq}`;

/** Applies what the server's sync commands and pushes return, idempotently by fp and (conversation, seq). */
export function createSyncOps(ctx: StoreContext) {
  const { db, me, messages, conversations, outbox, meta } = ctx;
  const friendEvents = createFriendSyncApplier(ctx);

  /** The sender of a one-to-one message must be one of its two members. */
  const belongsToUs = (wire: WireMessage): boolean => {
    if (!wire.conversationId.startsWith('d:')) return true;
    const peer = directPeer(wire.conversationId, me);
    return peer !== null && (wire.senderId === me || wire.senderId === peer);
  };

  const applyBatch = db.transaction((batch: SyncBatch): SyncOutcome => {
    const touched = new Set<string>();
    const changedIds: number[] = [];
    const acknowledged: string[] = [];
    let inserted = 0;

    const receipt = (conversationId: string, readSeq: number): void => {
      if (conversations.raisePeerReadSeq(conversationId, readSeq))
        changedIds.push(...messages.markOwnRead(conversationId, readSeq));
    };

    /** Recalls the row once; true if it changed. */
    const recallRow = (id: number, by: string, at: number): boolean => {
      if (!messages.recall(id, by, at)) return false;
      unindexRows(ctx, [id]);
      changedIds.push(id);
      return true;
    };

    const applyWire = (wire: WireMessage): void => {
      if (!belongsToUs(wire)) return;
      const conversation = ensureConversation(ctx, wire.conversationId, batch.now);
      touched.add(conversation.id);
      conversations.raiseLastSeq(conversation.id, wire.seq);
      const ownStatus = conversation.peer_read_seq >= wire.seq ? 'read' : 'sent';
      const tombstone = recallTombstone(wire);
      const known = messages.byFp(wire.fp);
      if (known) {
        if (known.conversation_id !== wire.conversationId) return;
        if (tombstone) recallRow(known.id, tombstone.by, batch.now);
        let changed = false;
        if (known.seq === null) {
          const occupant = messages.bySeq(wire.conversationId, wire.seq);
          if (occupant?.fp === recallPlaceholderFp(wire.conversationId, wire.seq)) {
            // The recall arrived before we learned our own message's number: it is this one.
            messages.remove(occupant.id);
            if (
              messages.recall(
                known.id,
                occupant.recalled_by ?? wire.senderId,
                occupant.recalled_at ?? batch.now,
              )
            )
              unindexRows(ctx, [known.id]);
          }
          if (!messages.bySeq(wire.conversationId, wire.seq))
            changed = messages.setSeq(wire.fp, wire.seq, wire.id) || changed;
        }
        if (known.outgoing === 1) {
          // The server returns only what it stored, so our own message is at least sent.
          changed = messages.setStatus(wire.fp, ownStatus, statusesBefore(ownStatus)) || changed;
          if (outbox.remove(wire.fp)) acknowledged.push(wire.fp);
        }
        if (changed) changedIds.push(known.id);
        return;
      }
      if (wire.seq <= conversation.cleared_seq) return; // deleted here
      const held = messages.bySeq(wire.conversationId, wire.seq);
      if (held) {
        // A duplicate, or the placeholder of a recalled message; a tombstone recalls what we hold.
        if (tombstone) recallRow(held.id, tombstone.by, batch.now);
        return;
      }
      const outgoing = wire.senderId === me;
      const row = insertMessage(ctx, {
        fp: wire.fp,
        conversation_id: wire.conversationId,
        seq: wire.seq,
        server_id: wire.id,
        sender_id: wire.senderId,
        outgoing: outgoing ? 1 : 0,
        sent_at: wire.sentAt,
        kind: wire.kind,
        body: JSON.stringify(wire.body),
        status: outgoing ? ownStatus : 'received',
        reply_to_seq: replyToSeq(wire.body),
        mentions_me: !outgoing && !tombstone && mentionsMe(ctx, wire.body) ? 1 : 0,
        ...(tombstone ? { body: '{}', recalled_at: wire.sentAt, recalled_by: tombstone.by } : {}),
      });
      conversations.unhide(wire.conversationId);
      changedIds.push(row.id);
      inserted += 1;
    };

    const applyRecall = (conversationId: string, seq: number, by: string, at: number): void => {
      const conversation = ensureConversation(ctx, conversationId, batch.now);
      touched.add(conversationId);
      const row = messages.bySeq(conversationId, seq);
      if (row) {
        recallRow(row.id, by, at);
        return;
      }
      if (seq <= conversation.cleared_seq) return;
      // Remember the recall so the message can never appear if history brings it later.
      const placeholder = insertMessage(ctx, {
        fp: recallPlaceholderFp(conversationId, seq),
        conversation_id: conversationId,
        seq,
        server_id: null,
        sender_id: by,
        outgoing: by === me ? 1 : 0,
        sent_at: at,
        kind: 'text',
        body: '{}',
        status: by === me ? 'sent' : 'received',
        reply_to_seq: null,
        mentions_me: 0,
        recalled_at: at,
        recalled_by: by,
      });
      changedIds.push(placeholder.id);
    };

    for (const summary of batch.conversations ?? []) {
      ensureConversation(ctx, summary.id, batch.now);
      touched.add(summary.id);
      conversations.raiseLastSeq(summary.id, summary.lastSeq);
      conversations.raiseReadSeq(summary.id, summary.readSeq);
      conversations.raiseReadSynced(summary.id, summary.readSeq);
      if (summary.peerReadSeq !== undefined) receipt(summary.id, summary.peerReadSeq);
    }
    for (const event of batch.events ?? []) {
      switch (event.type) {
        case 'message':
          ensureConversation(ctx, event.conversationId, batch.now);
          touched.add(event.conversationId);
          conversations.raiseLastSeq(event.conversationId, event.messageSeq);
          if (
            event.message &&
            event.message.conversationId === event.conversationId &&
            event.message.seq === event.messageSeq
          )
            applyWire(event.message);
          break;
        case 'recall':
          applyRecall(event.conversationId, event.messageSeq, event.by, event.at);
          break;
        case 'read':
          if (!conversations.byId(event.conversationId)) break;
          touched.add(event.conversationId);
          conversations.raiseReadSeq(event.conversationId, event.readSeq);
          conversations.raiseReadSynced(event.conversationId, event.readSeq);
          break;
        case 'receipt':
          if (!conversations.byId(event.conversationId)) break;
          touched.add(event.conversationId);
          receipt(event.conversationId, event.readSeq);
          break;
        case 'friend':
          friendEvents.apply(event, batch.now);
          break;
        case 'group':
        case 'mention':
          touched.add(applyGroupInboxEvent(ctx, event, batch.now));
          break;
      }
    }
    for (const wire of batch.messages ?? []) applyWire(wire);

    const gaps: string[] = [];
    const missingProfiles: Array<{ conversationId: string; userId: string }> = [];
    const changedConversations: Conversation[] = [];
    for (const id of touched) {
      const top = updateFloor(id);
      const row = conversations.byId(id);
      if (row && row.last_seq > top) gaps.push(id);
      if (row?.peer_user_id && row.peer_username === null)
        missingProfiles.push({ conversationId: id, userId: row.peer_user_id });
      changedConversations.push(refreshConversation(ctx, id));
    }
    if (batch.inboxCursor !== undefined) meta.setCursor(INBOX, batch.inboxCursor, batch.now);

    const byConversation = new Map<string, Message[]>();
    for (const message of messagesByIds(ctx, changedIds)) {
      const list = byConversation.get(message.conversationId) ?? [];
      list.push(message);
      byConversation.set(message.conversationId, list);
    }
    return {
      changed: [...byConversation].map(([conversationId, list]) => ({ conversationId, messages: list })),
      conversations: changedConversations.filter((c) => !conversations.byId(c.id)?.hidden),
      acknowledged,
      inserted,
      gaps,
      missingProfiles,
      friends: friendEvents.take(),
    };
  });

  /**
   * Recomputes the bottom of the gap-free run of sequences that ends at the newest one held,
   * walking only rows it has not walked before. Returns the newest sequence held.
   */
  const updateFloor = (id: string): number => {
    const top = messages.topSeq(id);
    const row = conversations.byId(id);
    if (!row) return top;
    if (top === 0) {
      if (row.floor_seq !== null) conversations.setFloor(id, null);
      return 0;
    }
    const known = row.floor_seq;
    const stillWhole =
      known !== null && known <= top && messages.countRange(id, known, top) === top - known + 1;
    const floor = stillWhole ? messages.runBottom(id, known) : messages.runBottom(id, top);
    if (floor !== known) conversations.setFloor(id, floor);
    return top;
  };

  /** Where older history is still missing: below the floor and above what was deleted here. */
  const backfillTargets = (limit: number): Array<{ conversationId: string; before: number }> => {
    const out: Array<{ conversationId: string; before: number }> = [];
    for (const row of conversations.all()) {
      if (row.floor_seq === null && messages.topSeq(row.id) > 0) updateFloor(row.id);
      const floor = conversations.byId(row.id)?.floor_seq ?? null;
      if (floor !== null && floor > Math.max(row.history_start, row.cleared_seq + 1)) {
        out.push({ conversationId: row.id, before: floor });
        if (out.length >= limit) break;
      }
    }
    return out;
  };

  return {
    applySync: applyBatch,
    /** The inbox position applied so far; null before the first sync of this device. */
    inboxCursor: (): number | null => meta.cursor(INBOX),
    setInboxCursor: (value: number, now: number): void => meta.setCursor(INBOX, value, now),
    /** Conversations whose newest messages are not all here: [held, known] sequences. */
    catchUpTargets: (): Array<{ conversationId: string; top: number; lastSeq: number }> =>
      conversations
        .all()
        .map((row) => ({ conversationId: row.id, top: messages.topSeq(row.id), lastSeq: row.last_seq }))
        .filter((t) => t.lastSeq > t.top),
    backfillTargets: db.transaction(backfillTargets),
    /** How many conversations still miss older history. */
    backfillRemaining: db.transaction((): number => backfillTargets(Number.MAX_SAFE_INTEGER).length),
    /**
     * A history page said nothing older exists: what is below the floor is gone on the server
     * too (or never existed), so backfill is done here.
     */
    historyComplete: db.transaction((id: string): void => {
      updateFloor(id);
      const floor = conversations.byId(id)?.floor_seq;
      if (floor !== null && floor !== undefined) conversations.setHistoryStart(id, floor);
    }),
  };
}
