import type { Conversation, Message } from '../../../shared/ipc';
import {
  decodePayload,
  directConversationId,
  FrameType,
  helloSchema,
  notifySchema,
  SERVER_ID,
  sendRefusalSchema,
  Typeu,
  type Envelope,
  type Hello,
  type Notify,
} from '../../../shared/protocol';
import type { Clock } from '../deps/clock';
import type { Logger } from '../deps/logger';
import type { CommandClient } from '../net/commandClient';
import { ackFrame } from '../net/frames';
import type { TaskTracker } from '../session/taskTracker';
import type { Store } from '../store/store';
import type { OutboxSender } from './outboxSender';

export type InboundHandlerDeps = Readonly<{
  me: string;
  /** Whether the server is a stock one (basic mode, chosen or detected): peers' frames are plain text. */
  basic(): boolean;
  store: Pick<Store, 'insertPushedText'>;
  outbox: Pick<OutboxSender, 'acknowledge' | 'refuse'>;
  commands: Pick<CommandClient, 'onReply'>;
  /** Writes a frame on the current link; false when there is none (the server will push again). */
  send(frame: string): boolean;
  clock: Clock;
  tasks: TaskTracker;
  logger: Logger;
  onHello(hello: Hello): void;
  onNotify(notify: Notify): void;
  onPushed(message: Message, conversation: Conversation): void;
}>;

/**
 * What the engine does with data (2) and ACK (4) frames after login. Control traffic from the
 * server (hello, notify, command replies, refusals) goes to its owner; messages themselves
 * come by pulling (sync). In basic mode a stock peer's text arrives pushed with QoS: it is
 * stored once by fp and ACKed after it is stored, again for every copy, so the sender stops
 * resending.
 */
export function createInboundHandler(deps: InboundHandlerDeps): (frame: Envelope) => void {
  const { me, logger } = deps;

  const ack = (frame: Envelope): void => {
    if (!frame.QoS) return;
    const reply = ackFrame(me, frame);
    if (reply !== null) deps.send(reply);
  };

  const fromServer = (frame: Envelope): boolean => frame.from === SERVER_ID;

  /** A peer's frame relayed by a stock server: its text is the message. */
  const onStockText = (frame: Envelope): void => {
    const fp = frame.fp;
    if (fp === null || frame.dataContent === null || frame.dataContent === '' || frame.from === me) {
      ack(frame);
      return;
    }
    const conversationId = directConversationId(me, frame.from);
    const sentAt = frame.sm > 0 ? frame.sm : deps.clock.now();
    const text = frame.dataContent;
    deps.tasks.run('inbound.stock-text', async () => {
      const stored = await deps.store.insertPushedText({
        fp,
        conversationId,
        senderId: frame.from,
        sentAt,
        text,
      });
      ack(frame);
      if (stored) deps.onPushed(stored.message, stored.conversation);
      else logger.debug('inbound.duplicate', { fp });
    });
  };

  const onRefusal = (frame: Envelope): void => {
    const decoded = decodePayload(frame.dataContent, sendRefusalSchema);
    ack(frame);
    if (!decoded.ok) {
      logger.warn('inbound.bad-refusal', { reason: decoded.message });
      return;
    }
    logger.warn('inbound.send-refused', { fp: decoded.value.fp, code: decoded.value.code });
    deps.outbox.refuse(decoded.value.fp, { code: decoded.value.code, message: decoded.value.message });
  };

  const onServerData = (frame: Envelope): boolean => {
    switch (frame.typeu) {
      case Typeu.commandReply:
        deps.commands.onReply(frame);
        return true;
      case Typeu.hello: {
        const hello = decodePayload(frame.dataContent, helloSchema);
        if (hello.ok) deps.onHello(hello.value);
        else logger.warn('inbound.bad-hello', { reason: hello.message });
        return true;
      }
      case Typeu.notify: {
        const notify = decodePayload(frame.dataContent, notifySchema);
        if (notify.ok) deps.onNotify(notify.value);
        else logger.warn('inbound.bad-notify', { reason: notify.message });
        return true;
      }
      case Typeu.sendRefused:
        onRefusal(frame);
        return true;
      default:
        return false;
    }
  };

  return (frame: Envelope): void => {
    if (frame.type === FrameType.ack) {
      if (frame.dataContent) deps.outbox.acknowledge(frame.dataContent);
      return;
    }
    if (frame.type !== FrameType.data) return;
    if (fromServer(frame) && onServerData(frame)) return;
    if (deps.basic() && !fromServer(frame)) {
      onStockText(frame);
      return;
    }
    // Not understood: ACK so the sender does not retry forever.
    logger.warn('inbound.unsupported-typeu', { typeu: frame.typeu });
    ack(frame);
  };
}
