import type { WireMessage } from '../../shared/protocol';
import type { StoredMessage } from '../storage/messageRows';

/**
 * A stored message's wire form, made once per stored message object: a message just written
 * is published to the sender and to every recipient from the same object, and parsing its
 * body again for each of them was measurable work per message.
 */
const wireForms = new WeakMap<StoredMessage, WireMessage>();

/** The app-layer form of a stored message (recalled ones carry their tombstone as kind and body). */
export function toWireMessage(message: StoredMessage): WireMessage {
  const known = wireForms.get(message);
  if (known) return known;
  const wire: WireMessage = {
    id: message.id,
    conversationId: message.conversationId,
    seq: message.seq,
    fp: message.fp,
    senderId: message.senderId,
    sentAt: message.sentAt,
    kind: message.kind,
    body: JSON.parse(message.bodyJson) as Record<string, unknown>,
  };
  wireForms.set(message, wire);
  return wire;
}

const payloadTexts = new WeakMap<object, string>();

/**
 * The JSON text of a payload the server sends, made once per payload object: a notify is
 * measured against the frame limit before it is sent, and goes to every device of its user.
 * Payloads are not changed after they are built.
 */
export function payloadText(payload: object): string {
  const known = payloadTexts.get(payload);
  if (known !== undefined) return known;
  const text = JSON.stringify(payload);
  payloadTexts.set(payload, text);
  return text;
}
