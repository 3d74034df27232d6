import type { InboxEvent } from '../../shared/protocol';
import type { InboxEntry } from '../storage/inboxRepository';
import { toWireMessage } from './wireMessage';

/** The wire form of an inbox event; a `message` event carries its message when it is known. */
export function toWireInboxEvent(entry: InboxEntry): InboxEvent {
  const { event, message } = entry;
  switch (event.type) {
    case 'message':
      return {
        seq: event.seq,
        at: event.at,
        type: 'message',
        conversationId: event.conversationId,
        messageSeq: event.messageSeq,
        ...(message ? { message: toWireMessage(message) } : {}),
      };
    case 'recall':
      return {
        seq: event.seq,
        at: event.at,
        type: 'recall',
        conversationId: event.conversationId,
        messageSeq: event.messageSeq,
        by: event.by,
      };
    case 'read':
      return {
        seq: event.seq,
        at: event.at,
        type: 'read',
        conversationId: event.conversationId,
        readSeq: event.readSeq,
      };
    case 'receipt':
      return {
        seq: event.seq,
        at: event.at,
        type: 'receipt',
        conversationId: event.conversationId,
        readSeq: event.readSeq,
        by: event.by,
      };
  }
}
