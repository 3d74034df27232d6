import type { WireMessage } from '../../shared/protocol';
import type { StoredMessage } from '../storage/messageRows';

/** The app-layer form of a stored message (recalled ones carry their tombstone as kind and body). */
export function toWireMessage(message: StoredMessage): WireMessage {
  return {
    id: message.id,
    conversationId: message.conversationId,
    seq: message.seq,
    fp: message.fp,
    senderId: message.senderId,
    sentAt: message.sentAt,
    kind: message.kind,
    body: JSON.parse(message.bodyJson) as Record<string, unknown>,
  };
}
