import type { Conversation, Peer } from '../../../../shared/ipc';
import { toConversation } from '../rows';
import type { StoreContext } from './context';
import { conversationRow, ensureConversation, refreshConversation, unindexRows } from './timeline';

export type OpenedConversation = Readonly<{ conversation: Conversation; changed: boolean }>;

/** Conversation operations: what the list shows and what the user sets on a conversation. */
export function createConversationOps(ctx: StoreContext) {
  const { db, conversations, messages, outbox } = ctx;

  const get = (id: string): Conversation | null => {
    const row = conversations.byId(id);
    return row ? toConversation(row) : null;
  };

  /** Applies a setter; null when the conversation does not exist. */
  const update = (id: string, apply: () => boolean): Conversation | null =>
    db.transaction(() => (apply() ? toConversation(conversationRow(ctx, id)) : get(id)))();

  return {
    listConversations: (): Conversation[] => conversations.visible().map(toConversation),
    getConversation: get,
    /** Creates (or shows again) the one-to-one conversation and records the peer's profile. */
    openDirectConversation: db.transaction((id: string, peer: Peer, now: number): OpenedConversation => {
      const created = conversations.insertIfMissing(id, 'direct', peer.userId, now);
      const peerChanged = conversations.setPeer(id, peer);
      const shown = conversations.unhide(id);
      return {
        conversation: toConversation(conversationRow(ctx, id)),
        changed: created || peerChanged || shown,
      };
    }),
    /** The conversation when the profile changed anything, else null. */
    updatePeer: db.transaction((id: string, peer: Peer): Conversation | null =>
      conversations.setPeer(id, peer) ? toConversation(conversationRow(ctx, id)) : null,
    ),
    setPinned: (id: string, pinned: boolean) => update(id, () => conversations.setPinned(id, pinned)),
    setMuted: (id: string, muted: boolean) => update(id, () => conversations.setMuted(id, muted)),
    setDraft: (id: string, draft: string) => update(id, () => conversations.setDraft(id, draft)),
    /**
     * Everything up to the newest message is read. Answers the sequence the server should
     * learn (null when there is nothing numbered to report).
     */
    markRead: db.transaction((id: string): { conversation: Conversation; readSeq: number | null } | null => {
      const row = conversations.byId(id);
      if (!row) return null;
      const top = messages.topSeq(id);
      conversations.raiseReadSeq(id, top);
      const conversation = refreshConversation(ctx, id);
      const after = conversationRow(ctx, id);
      return { conversation, readSeq: after.read_seq > after.read_seq_synced ? after.read_seq : null };
    }),
    /** Read positions the server has not confirmed yet (sent again after every reconnect). */
    unsyncedReads: () =>
      conversations.unsyncedReads().map((r) => ({ conversationId: r.id, seq: r.read_seq })),
    readSynced: db.transaction((id: string, seq: number): void => {
      if (!conversations.byId(id)) return;
      conversations.raiseReadSynced(id, seq);
      conversations.raiseReadSeq(id, seq);
    }),
    /**
     * Deletes the conversation on this device: every message becomes a tombstone, pending
     * sends stop, and sync keeps nothing up to the newest sequence from coming back.
     */
    deleteConversationLocally: db.transaction((id: string, now: number): { fps: string[] } | null => {
      if (!conversations.byId(id)) return null;
      const removed = messages.deleteConversation(id, now);
      for (const { fp } of removed) outbox.remove(fp);
      unindexRows(
        ctx,
        removed.map((r) => r.id),
      );
      conversations.hide(id, messages.topSeq(id));
      return { fps: removed.map((r) => r.fp) };
    }),
    /** Used by sync for a conversation it learns about. */
    ensureConversation: (id: string, now: number): Conversation =>
      db.transaction(() => toConversation(ensureConversation(ctx, id, now)))(),
  };
}
