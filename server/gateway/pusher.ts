import type { Pusher } from '../services/deliveryService';
import { frames } from './frames';
import type { SessionRegistry } from './sessionRegistry';

/** Implements the delivery service's port: a push goes to the recipient's live session, if any. */
export function createPusher(sessions: SessionRegistry): Pusher {
  return {
    push(recipientId, message) {
      return sessions.get(recipientId)?.sendText(frames.push(message, recipientId)) ?? false;
    },
  };
}
