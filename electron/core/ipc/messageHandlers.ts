import { IpcFailure, type Message } from '../../../shared/ipc';
import { directPeer, encodeFrame, exceedsFrameLimit, FrameType, Typeu } from '../../../shared/protocol';
import type { HandlerContext } from './handlerContext';
import type { DomainHandlers } from './handlerTable';

export function createMessageHandlers(ctx: HandlerContext): DomainHandlers<'messages'> {
  return {
    'messages:list': async ({ conversationId, beforeSeq, limit }) => {
      const { store } = ctx.sessions.require();
      if (!(await store.getConversation(conversationId))) throw new IpcFailure('conversation-not-found');
      return store.listMessages(conversationId, beforeSeq === undefined ? { limit } : { beforeSeq, limit });
    },
    'messages:send': async ({ conversationId, text }) => {
      const session = ctx.sessions.require();
      const me = session.account.userId;
      const peer = directPeer(conversationId, me);
      if (peer === null || !(await session.store.getConversation(conversationId))) {
        throw new IpcFailure('conversation-not-found');
      }
      const fp = ctx.deps.generateId();
      const sentAt = ctx.deps.clock.now();
      const body = { text };
      const frame = encodeFrame({
        type: FrameType.data,
        from: me,
        to: peer,
        fp,
        QoS: true,
        typeu: Typeu.message,
        dataContent: JSON.stringify({ kind: 'text', body }),
      });
      // Text full of characters that JSON escapes twice can pass the length check and still not fit.
      if (exceedsFrameLimit(frame))
        throw new IpcFailure('invalid-request', 'The message is too long to send.');
      const message: Message = {
        id: fp,
        conversationId,
        seq: null,
        senderId: me,
        outgoing: true,
        sentAt,
        kind: 'text',
        body,
        status: 'sending',
      };
      const conversation = await session.store.insertOutgoing(message, { toUserId: peer, frame });
      session.emitMessages(conversationId, [message]);
      session.emitConversations([conversation]);
      session.outbox.enqueue({ fp, toUserId: peer, frame, attempts: 0, createdAt: sentAt });
      return message;
    },
  };
}
