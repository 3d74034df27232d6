import { IpcFailure, type Message } from '../../../shared/ipc';
import { CommandError, directPeer, exceedsFrameLimit, type OutgoingMessage } from '../../../shared/protocol';
import { CommandFailure, LinkDownError } from '../net/commandClient';
import { messageFrame, stockTextFrame } from '../net/frames';
import type { HandlerContext } from './handlerContext';
import type { DomainHandlers } from './handlerTable';

/** What a refused recall means to the user. */
function recallFailure(error: unknown): unknown {
  if (error instanceof LinkDownError) return new IpcFailure('offline');
  if (!(error instanceof CommandFailure)) return error;
  switch (error.code) {
    case CommandError.recallWindowPassed:
      return new IpcFailure('recall-window-passed');
    case CommandError.forbidden:
      return new IpcFailure('recall-forbidden');
    case CommandError.notFound:
      return new IpcFailure('message-not-found');
    case CommandError.rateLimited:
      return new IpcFailure('rate-limited');
    default:
      return new IpcFailure('server-error');
  }
}

export function createMessageHandlers(ctx: HandlerContext): DomainHandlers<'messages'> {
  const { clock } = ctx.deps;
  return {
    'messages:list': async ({ conversationId, beforeSeq, limit }) => {
      const { store } = await ctx.sessions.require();
      if (!(await store.getConversation(conversationId))) throw new IpcFailure('conversation-not-found');
      return store.listMessages(conversationId, beforeSeq === undefined ? { limit } : { beforeSeq, limit });
    },
    'messages:send': async ({ conversationId, text, replyToSeq, mentions }) => {
      const session = await ctx.sessions.require();
      const me = session.account.userId;
      const target = await session.store.getConversation(conversationId);
      // A group message goes to the group's conversation id; the server fans it out.
      const peer = directPeer(conversationId, me) ?? (target?.kind === 'group' ? conversationId : null);
      if (peer === null || !target) throw new IpcFailure('conversation-not-found');
      const basic = session.basic();
      if (target.kind === 'group') {
        if (basic) throw new IpcFailure('unavailable-in-basic-mode');
        if (target.group?.state === 'left') throw new IpcFailure('not-a-group-member');
        if (target.group?.state === 'dissolved') throw new IpcFailure('group-read-only');
      }
      const fp = ctx.deps.generateId();
      const body: Record<string, unknown> = { text };
      if (!basic && mentions && mentions.length > 0) body.mentions = mentions;
      if (!basic && replyToSeq !== undefined) body.replyTo = { seq: replyToSeq };
      const frame = basic
        ? stockTextFrame(me, peer, fp, text)
        : messageFrame(me, peer, fp, { kind: 'text', body } as OutgoingMessage);
      // Text full of characters that JSON escapes twice can pass the length check and still not fit.
      if (exceedsFrameLimit(frame))
        throw new IpcFailure('invalid-request', 'The message is too long to send.');
      const sentAt = clock.now();
      const { message, conversation } = await session.store.insertOutgoing({
        fp,
        conversationId,
        sentAt,
        kind: 'text',
        body,
        toUserId: peer,
        frame,
      });
      session.emitMessages(conversationId, [message]);
      session.emitConversations([conversation]);
      session.outbox.enqueue({ fp, toUserId: peer, frame, attempts: 0, createdAt: sentAt });
      return message;
    },
    'messages:retry': async ({ id }) => {
      const session = await ctx.sessions.require();
      const retried = await session.store.retry(id, clock.now());
      if (!retried) {
        if (!(await session.store.getMessage(id))) throw new IpcFailure('message-not-found');
        throw new IpcFailure('not-failed');
      }
      session.emitMessages(retried.message.conversationId, [retried.message]);
      session.outbox.enqueue(retried.entry);
      return retried.message;
    },
    'messages:recall': async ({ id }) => {
      const session = await ctx.sessions.require();
      if (session.basic()) throw new IpcFailure('unavailable-in-basic-mode');
      const message: Message | null = await session.store.getMessage(id);
      if (!message) throw new IpcFailure('message-not-found');
      // Group owners and admins may recall anyone's message, at any time.
      const group = (await session.store.getConversation(message.conversationId))?.group ?? null;
      const moderator = group?.state === 'member' && (group.role === 'owner' || group.role === 'admin');
      if (!message.outgoing && !moderator) throw new IpcFailure('recall-forbidden');
      if (message.recalled) return message;
      const window = session.recallWindowMs();
      if (!moderator && window !== null && clock.now() - message.sentAt > window)
        throw new IpcFailure('recall-window-passed');
      // Not numbered yet means not yet stored, or its number has not arrived: the server cannot find it.
      if (message.seq === null || !session.synced()) throw new IpcFailure('offline');
      try {
        await session.commands.call('message.recall', {
          conversationId: message.conversationId,
          seq: message.seq,
        });
      } catch (error) {
        throw recallFailure(error);
      }
      const recalled = await session.store.recallMessage(id, session.account.userId, clock.now());
      if (!recalled) throw new IpcFailure('message-not-found');
      session.emitMessages(message.conversationId, [recalled.message]);
      session.emitConversations([recalled.conversation]);
      return recalled.message;
    },
    'messages:deleteLocal': async ({ ids }) => {
      const session = await ctx.sessions.require();
      const removed = await session.store.deleteMessagesLocally(ids, clock.now());
      for (const { conversationId, ids: gone, conversation } of removed) {
        for (const id of gone) session.outbox.forget(id, 'deleted');
        ctx.events.emit({ name: 'messages:removed', payload: { conversationId, ids: gone } });
        session.emitConversations([conversation]);
      }
      return null;
    },
  };
}
