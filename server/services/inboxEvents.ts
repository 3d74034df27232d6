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
    case 'group':
      return {
        seq: event.seq,
        at: event.at,
        type: 'group',
        action: event.action,
        conversationId: event.conversationId,
        messageSeq: event.messageSeq,
        by: event.by,
      };
    case 'mention':
      return {
        seq: event.seq,
        at: event.at,
        type: 'mention',
        conversationId: event.conversationId,
        messageSeq: event.messageSeq,
        by: event.by,
      };
    case 'friend':
      return {
        seq: event.seq,
        at: event.at,
        type: 'friend',
        action: event.action,
        peerId: event.peerId,
        ...(event.message === undefined ? {} : { message: event.message }),
      };
  }
}
