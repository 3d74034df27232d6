import { randomUUID } from 'node:crypto';
import {
  decodePayload,
  directConversationId,
  outgoingMessageSchema,
  SERVER_ID,
  textBodySchema,
  Typeu,
  type OutgoingMessage,
  type SendRefusal,
} from '../../shared/protocol';
import type { ServerErrorCode } from '../errors';
import { serverErrors } from '../errors';
import type { Logger } from '../log/logger';
import type { ServerMetrics } from '../observability/metrics';
import type { Clock } from '../ports';
import type { ConversationRepository } from '../storage/conversationRepository';
import type { FriendRepository } from '../storage/friendRepository';
import { groupIdOf } from '../storage/groupRepository';
import type { InboxEntry, InboxRepository } from '../storage/inboxRepository';
import type { MessageRepository } from '../storage/messageRepository';
import type { UserRepository } from '../storage/userRepository';
import type { DeliveryService } from './deliveryService';
import type { GroupFanout } from './groupFanout';
import type { GroupSender } from './groupSend';
import { composeMessage, type ComposerDeps } from './messageComposer';
import type { WriteQueue } from './writeQueue';

/** A data frame carrying a message, reduced to what the service needs (the gateway vouches for `senderId`). */
export type SendRequest = Readonly<{
  senderId: string;
  to: string;
  /** Null only for a stock client's message sent without QoS: the server then makes one up. */
  fp: string | null;
  /** `Typeu.message` (JSON) or `Typeu.stockText` (plain text from a stock client). */
  typeu: number;
  dataContent: string | null;
}>;

export type SendOutcome =
  /** Committed (now or by an earlier copy of this fp): ACK it on behalf of `receiverId`. */
  | Readonly<{ status: 'accepted'; receiverId: string }>
  /** Will never be stored: tell the sender (typeu 3) so it stops retrying. */
  | Readonly<{ status: 'refused'; refusal: SendRefusal }>;

export type MessagingService = Readonly<{
  /**
   * Validates, de-duplicates by (sender, fp), stores with the next per-conversation seq and an
   * inbox event for each member, and resolves only after the commit; then notifies the
   * members' devices. Rejects when storing failed: the sender gets no ACK and retransmits.
   */
  send(request: SendRequest): Promise<SendOutcome>;
}>;

export const MAX_FP_LENGTH = 128;

type Written =
  | Readonly<{ status: 'stored'; fanout: ReadonlyMap<string, InboxEntry[]> }>
  | Readonly<{ status: 'group-stored'; fanout: GroupFanout }>
  | Readonly<{ status: 'duplicate' }>
  | Readonly<{ status: 'refused'; code: ServerErrorCode; message: string }>;

export function createMessagingService(
  deps: Readonly<{
    users: Pick<UserRepository, 'exists' | 'findById'>;
    messages: MessageRepository;
    conversations: ConversationRepository;
    inbox: Pick<InboxRepository, 'append'>;
    blocks: Pick<FriendRepository, 'isBlocked'>;
    /** Group conversations (`to` = "g:<groupId>"); without it they are unknown recipients. */
    groups?: GroupSender;
    /** Uploaded files, for image and file messages (refused without them). */
    files?: ComposerDeps['files'];
    queue: WriteQueue;
    delivery: Pick<DeliveryService, 'publish'>;
    clock: Clock;
    logger: Logger;
    metrics: Pick<ServerMetrics, 'messagesPersisted'>;
  }>,
): MessagingService {
  const { users, messages, conversations, inbox, queue, delivery, clock, logger, metrics } = deps;

  const refuse = (
    fp: string,
    code: ServerErrorCode,
    message: string = serverErrors[code].message,
  ): SendOutcome => ({
    status: 'refused',
    refusal: { fp, code, message },
  });

  /** The write itself: runs inside the group-commit transaction. */
  const write = (senderId: string, to: string, fp: string, outgoing: OutgoingMessage): Written => {
    if (messages.findByFp(senderId, fp)) return { status: 'duplicate' };
    const groupId = groupIdOf(to);
    if (groupId !== null) {
      const refusal = deps.groups ? deps.groups.refusal(senderId, groupId) : 'invalid-recipient';
      if (refusal !== null)
        return { status: 'refused', code: refusal, message: serverErrors[refusal].message };
    }
    const conversationId = groupId === null ? directConversationId(senderId, to) : to;
    const composed = composeMessage(
      outgoing,
      { senderId, conversationId },
      { messages, conversations, users, ...(deps.files ? { files: deps.files } : {}) },
    );
    if (!composed.ok) return { status: 'refused', code: composed.code, message: composed.message };
    const now = clock.now();
    const draft = {
      conversationId,
      senderId,
      fp,
      sentAt: now,
      kind: composed.kind,
      bodyJson: JSON.stringify(composed.body),
    };
    // A direct conversation is created by its first message; looking for it first on every
    // message was a statement per message spent on what is nearly always there.
    let message = messages.appendIfConversation(draft);
    if (message === undefined) {
      if (groupId !== null) throw new Error('append to a conversation that does not exist');
      conversations.ensure(conversationId, 'direct', [senderId, to], now);
      message = messages.append(draft);
    }
    // Writing in a conversation means having read it: unread = lastSeq - readSeq (docs/PROTOCOL.md).
    conversations.advanceRead(conversationId, senderId, message.seq);
    if (groupId !== null && deps.groups)
      return { status: 'group-stored', fanout: deps.groups.fanOut(groupId, message, composed.body, now) };
    const fanout = new Map<string, InboxEntry[]>();
    for (const member of [to, senderId]) {
      const event = inbox.append(member, { type: 'message', conversationId, messageSeq: message.seq }, now);
      fanout.set(member, [{ event, message }]);
    }
    return { status: 'stored', fanout };
  };

  return {
    async send({ senderId, to, fp: givenFp, typeu, dataContent }) {
      const fp = givenFp ?? `srv-${randomUUID()}`;
      if (fp.length === 0 || fp.length > MAX_FP_LENGTH)
        return refuse(fp, 'invalid-request', 'The fingerprint is not valid.');
      if (to === SERVER_ID || to === senderId) return refuse(fp, 'invalid-recipient');
      const toGroup = groupIdOf(to) !== null;
      if (!toGroup && !users.exists(to)) return refuse(fp, 'user-not-found');
      // One-to-one messages do not need friendship (docs/PROTOCOL.md); a block refuses them.
      if (!toGroup && deps.blocks.isBlocked(to, senderId)) return refuse(fp, 'blocked');
      const outgoing = parseOutgoing(typeu, dataContent);
      if (!outgoing.ok) return refuse(fp, 'invalid-request', `The message is not valid: ${outgoing.message}`);

      // `write` touches nothing but the database: it may run again if its batch is rolled back.
      const result = await queue.run(() => write(senderId, to, fp, outgoing.value), { rerunnable: true });
      switch (result.status) {
        case 'stored':
          metrics.messagesPersisted.inc();
          for (const [userId, entries] of result.fanout) delivery.publish(userId, entries);
          return { status: 'accepted', receiverId: to };
        case 'group-stored':
          metrics.messagesPersisted.inc();
          deps.groups?.publish(result.fanout);
          return { status: 'accepted', receiverId: to };
        case 'duplicate':
          // Same ACK again, never a second copy or relay.
          logger.debug('duplicate message', { senderId, fp });
          return { status: 'accepted', receiverId: to };
        case 'refused':
          return refuse(fp, result.code, result.message);
      }
    },
  };
}

type Parsed = Readonly<{ ok: true; value: OutgoingMessage }> | Readonly<{ ok: false; message: string }>;

/** A stock client's plain text is an ordinary text message. */
function parseOutgoing(typeu: number, dataContent: string | null): Parsed {
  if (typeu === Typeu.stockText) {
    const body = textBodySchema.safeParse({ text: dataContent ?? '' });
    if (!body.success) return { ok: false, message: body.error.issues[0]?.message ?? 'invalid text' };
    return { ok: true, value: { kind: 'text', body: { text: body.data.text } } };
  }
  const decoded = decodePayload(dataContent, outgoingMessageSchema);
  return decoded.ok ? { ok: true, value: decoded.value } : { ok: false, message: decoded.message };
}
