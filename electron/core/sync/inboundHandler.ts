import type { Conversation, Message } from '../../../shared/ipc';
import {
  decodePayload,
  directPeer,
  FrameType,
  sendRefusalSchema,
  Typeu,
  wireMessageSchema,
  type Envelope,
} from '../../../shared/protocol';
import type { Clock } from '../deps/clock';
import type { Logger } from '../deps/logger';
import { ackFrame } from '../net/frames';
import type { TaskTracker } from '../session/taskTracker';
import type { Store } from '../store/store';
import type { OutboxSender } from './outboxSender';
import type { PeerProfiles } from './peerProfiles';

export type InboundHandlerDeps = Readonly<{
  me: string;
  store: Store;
  outbox: Pick<OutboxSender, 'acknowledge' | 'refuse'>;
  peerProfiles: PeerProfiles;
  /** Writes a frame on the current link; false when there is none (the server will push again). */
  send(frame: string): boolean;
  clock: Clock;
  tasks: TaskTracker;
  logger: Logger;
  onMessages(conversationId: string, messages: readonly Message[]): void;
  onConversations(conversations: readonly Conversation[]): void;
}>;

/**
 * What the engine does with data (2) and ACK (4) frames after login. A pushed message is ACKed
 * only after it is stored, and ACKed again every time it comes back, so the server can stop
 * retrying; it is applied only once.
 */
export function createInboundHandler(deps: InboundHandlerDeps): (frame: Envelope) => void {
  const { me, logger } = deps;

  const ack = (frame: Envelope): void => {
    const reply = ackFrame(me, frame);
    if (reply !== null) deps.send(reply);
  };

  const onPush = (frame: Envelope): void => {
    const decoded = decodePayload(frame.dataContent, wireMessageSchema);
    if (!decoded.ok) {
      // It will never become valid; ACK so the server stops resending it.
      logger.warn('inbound.bad-push', { fp: frame.fp, reason: decoded.message });
      if (frame.QoS) ack(frame);
      return;
    }
    const wire = decoded.value;
    const peer = directPeer(wire.conversationId, me);
    if (peer === null || (wire.senderId !== me && wire.senderId !== peer)) {
      logger.warn('inbound.foreign-conversation', { fp: wire.fp, conversationId: wire.conversationId });
      if (frame.QoS) ack(frame);
      return;
    }
    deps.tasks.run('inbound.apply', async () => {
      const outcome = await deps.store.applyIncoming(wire, me, deps.clock.now());
      if (frame.QoS) ack(frame);
      switch (outcome.kind) {
        case 'inserted':
          deps.onMessages(wire.conversationId, [outcome.message]);
          deps.onConversations([outcome.conversation]);
          if (outcome.peerProfileMissing) deps.peerProfiles.fill(wire.conversationId, peer);
          return;
        case 'updated':
          deps.onMessages(wire.conversationId, [outcome.message]);
          // Our own message came back stored: as good as its ACK, so stop retransmitting it.
          if (outcome.message.outgoing) deps.outbox.acknowledge(wire.fp);
          return;
        case 'duplicate':
          logger.debug('inbound.duplicate', { fp: wire.fp });
          return;
      }
    });
  };

  const onRefusal = (frame: Envelope): void => {
    const decoded = decodePayload(frame.dataContent, sendRefusalSchema);
    if (frame.QoS) ack(frame);
    if (!decoded.ok) {
      logger.warn('inbound.bad-refusal', { reason: decoded.message });
      return;
    }
    logger.warn('inbound.send-refused', { fp: decoded.value.fp, code: decoded.value.code });
    deps.outbox.refuse(decoded.value.fp);
  };

  return (frame: Envelope): void => {
    if (frame.type === FrameType.ack) {
      if (frame.dataContent) deps.outbox.acknowledge(frame.dataContent);
      return;
    }
    if (frame.type !== FrameType.data) return;
    switch (frame.typeu) {
      case Typeu.messagePush:
        onPush(frame);
        return;
      case Typeu.sendRefused:
        onRefusal(frame);
        return;
      default:
        // Not understood (e.g. a stock client's plain text): ACK so the sender does not retry forever.
        logger.warn('inbound.unsupported-typeu', { typeu: frame.typeu });
        if (frame.QoS) ack(frame);
    }
  };
}
