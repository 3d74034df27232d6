import { IpcFailure, type Message } from '../../../shared/ipc';
import { CommandError, directPeer, exceedsFrameLimit, type OutgoingMessage } from '../../../shared/protocol';
import { CommandFailure, LinkDownError } from '../net/commandClient';
import { messageFrame, stockTextFrame } from '../net/frames';
import type { Session } from '../session/session';
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

/** Kinds the server refuses to forward, or that belong to this device only. */
const UNFORWARDABLE = new Set(['notice', 'broadcast']);

export function createMessageHandlers(ctx: HandlerContext): DomainHandlers<'messages'> {
  const { clock } = ctx.deps;

  /** Where a new message to `conversationId` goes (a user id, or the group's conversation id). */
  const recipientOf = async (session: Session, conversationId: string): Promise<string> => {
    const me = session.account.userId;
    const target = await session.store.getConversation(conversationId);
    // A group message goes to the group's conversation id; the server fans it out.
    const peer = directPeer(conversationId, me) ?? (target?.kind === 'group' ? conversationId : null);
    if (peer === null || !target) throw new IpcFailure('conversation-not-found');
    if (target.kind === 'group') {
      if (session.basic()) throw new IpcFailure('unavailable-in-basic-mode');
      if (target.group?.state === 'left') throw new IpcFailure('not-a-group-member');
      if (target.group?.state === 'dissolved') throw new IpcFailure('group-read-only');
    }
    return peer;
  };

  /** Stores the outgoing message with its frame, tells the page, and queues it. */
  const sendStored = async (
    session: Session,
    input: Readonly<{
      conversationId: string;
      peer: string;
      fp: string;
      kind: string;
      body: Record<string, unknown>;
    }>,
    frame: string,
  ): Promise<Message> => {
    const sentAt = clock.now();
    const { message, conversation } = await session.store.insertOutgoing({
      fp: input.fp,
      conversationId: input.conversationId,
      sentAt,
      kind: input.kind,
      body: input.body,
      toUserId: input.peer,
      frame,
    });
    session.emitMessages(input.conversationId, [message]);
    session.emitConversations([conversation]);
    session.outbox.enqueue({ fp: input.fp, toUserId: input.peer, frame, attempts: 0, createdAt: sentAt });
    return message;
  };

  return {
    'messages:list': async ({ conversationId, beforeSeq, limit }) => {
      const { store } = await ctx.sessions.require();
      if (!(await store.getConversation(conversationId))) throw new IpcFailure('conversation-not-found');
      return store.listMessages(conversationId, beforeSeq === undefined ? { limit } : { beforeSeq, limit });
    },
    'messages:send': async ({ conversationId, text, replyToSeq, mentions }) => {
      const session = await ctx.sessions.require();
      const me = session.account.userId;
      const peer = await recipientOf(session, conversationId);
      const basic = session.basic();
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
      return sendStored(session, { conversationId, peer, fp, kind: 'text', body }, frame);
    },
    'messages:forward': async ({ id, conversationId }) => {
      const session = await ctx.sessions.require();
      const me = session.account.userId;
      const original = await session.store.getMessage(id);
      if (!original || original.recalled || UNFORWARDABLE.has(original.kind))
        throw new IpcFailure('message-not-found');
      const peer = await recipientOf(session, conversationId);
      const fp = ctx.deps.generateId();
      if (session.basic()) {
        const text = original.body['text'];
        if (original.kind !== 'text' || typeof text !== 'string')
          throw new IpcFailure('unavailable-in-basic-mode');
        return sendStored(
          session,
          { conversationId, peer, fp, kind: 'text', body: { text } },
          stockTextFrame(me, peer, fp, text),
        );
      }
      // The server copies what it stored under that number; a message it has not numbered yet
      // (still being sent) cannot be named.
      if (original.seq === null) throw new IpcFailure('offline');
      const frame = messageFrame(me, peer, fp, {
        kind: 'forward',
        body: { conversationId: original.conversationId, seq: original.seq },
      });
      // The local copy is what the server will store: the same kind and body, naming the first author.
      const { replyTo: _reply, mentions: _mentions, forwarded, ...rest } = original.body;
      const origin = isForwardInfo(forwarded)
        ? forwarded
        : { senderId: original.senderId, sentAt: original.sentAt };
      return sendStored(
        session,
        { conversationId, peer, fp, kind: original.kind, body: { ...rest, forwarded: origin } },
        frame,
      );
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

function isForwardInfo(value: unknown): value is { senderId: string; sentAt: number } {
  if (typeof value !== 'object' || value === null) return false;
  const info = value as Record<string, unknown>;
  return typeof info['senderId'] === 'string' && typeof info['sentAt'] === 'number';
}
