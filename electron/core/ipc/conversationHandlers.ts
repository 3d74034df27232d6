import { IpcFailure, type Conversation } from '../../../shared/ipc';
import { directConversationId } from '../../../shared/protocol';
import type { Session } from '../session/session';
import type { HandlerContext } from './handlerContext';
import type { DomainHandlers } from './handlerTable';

/**
 * The server refuses read marks from a user who left a group, so such a read stays on this
 * device: recorded as settled, it is never sent (and never retried by every sync).
 */
async function settleUnreportable(
  session: Session,
  marked: Readonly<{ conversation: Conversation; readSeq: number | null }>,
): Promise<void> {
  if (marked.readSeq !== null && marked.conversation.group?.state === 'left')
    await session.store.readSynced(marked.conversation.id, marked.readSeq);
}

export function createConversationHandlers(ctx: HandlerContext): DomainHandlers<'conversations'> {
  const emit = (session: Session, conversation: Conversation): Conversation => {
    session.emitConversations([conversation]);
    return conversation;
  };
  const found = (conversation: Conversation | null): Conversation => {
    if (!conversation) throw new IpcFailure('conversation-not-found');
    return conversation;
  };

  return {
    'conversations:list': async () => (await ctx.sessions.require()).store.listConversations(),
    'conversations:open': async ({ username }) => {
      const session = await ctx.sessions.require();
      const me = session.account.userId;
      // A stock server has no directory: the name is the peer's user id.
      const api = session.api;
      const profile =
        session.account.mode === 'basic' || api === null
          ? { userId: username, username, displayName: username }
          : await session.authed((token) => api.userByUsername(token, username));
      const id = directConversationId(me, profile.userId);
      const { conversation, changed } = await session.store.openDirectConversation(
        id,
        profile,
        ctx.deps.clock.now(),
      );
      if (changed) session.emitConversations([conversation]);
      return conversation;
    },
    'conversations:markRead': async ({ conversationId }) => {
      const session = await ctx.sessions.require();
      const marked = await session.store.markRead(conversationId);
      if (!marked) throw new IpcFailure('conversation-not-found');
      await settleUnreportable(session, marked);
      if (marked.readSeq !== null && !session.basic()) session.sync.flushReads();
      return emit(session, marked.conversation);
    },
    'conversations:markAllRead': async () => {
      const session = await ctx.sessions.require();
      const changed: Conversation[] = [];
      for (const conversation of await session.store.listConversations()) {
        if (conversation.unread === 0 && !conversation.mentioned) continue;
        const marked = await session.store.markRead(conversation.id);
        if (!marked) continue;
        await settleUnreportable(session, marked);
        changed.push(marked.conversation);
      }
      if (changed.length > 0 && !session.basic()) session.sync.flushReads();
      session.emitConversations(changed);
      return changed;
    },
    'conversations:pin': async ({ conversationId, pinned }) => {
      const session = await ctx.sessions.require();
      return emit(session, found(await session.store.setPinned(conversationId, pinned)));
    },
    'conversations:mute': async ({ conversationId, muted }) => {
      const session = await ctx.sessions.require();
      return emit(session, found(await session.store.setMuted(conversationId, muted)));
    },
    'conversations:setDraft': async ({ conversationId, draft }) => {
      const session = await ctx.sessions.require();
      return emit(session, found(await session.store.setDraft(conversationId, draft)));
    },
    'conversations:deleteLocal': async ({ conversationId }) => {
      const session = await ctx.sessions.require();
      const removed = await session.store.deleteConversationLocally(conversationId, ctx.deps.clock.now());
      if (!removed) throw new IpcFailure('conversation-not-found');
      for (const fp of removed.fps) session.outbox.forget(fp, 'deleted');
      ctx.events.emit({ name: 'conversations:removed', payload: { conversationIds: [conversationId] } });
      // A group the user is no longer in goes with its conversation (a member's stays listed).
      if (await session.store.removeGroupLocally(conversationId, ctx.deps.clock.now()))
        ctx.events.emit({ name: 'groups:removed', payload: { groupIds: [conversationId.slice(2)] } });
      return null;
    },
  };
}
