import {
  decodePayload,
  directConversationId,
  outgoingMessageSchema,
  SERVER_ID,
  type SendRefusal,
} from '../../shared/protocol';
import type { ServerErrorCode } from '../errors';
import { serverErrors } from '../errors';
import type { Logger } from '../log/logger';
import type { Clock } from '../ports';
import type { AppendResult, MessageDraft, MessageRepository } from '../storage/messageRepository';
import type { UserRepository } from '../storage/userRepository';
import { createBatchWriter } from './batchWriter';
import type { DeliveryService } from './deliveryService';
import { toWireMessage } from './wireMessage';

/** A typeu 1 data frame, reduced to what the service needs (the gateway vouches for `senderId`). */
export type SendRequest = Readonly<{ senderId: string; to: string; fp: string; dataContent: string | null }>;

export type SendOutcome =
  /** Committed (now or by an earlier copy of this fp): ACK it on behalf of `receiverId`. */
  | Readonly<{ status: 'accepted'; receiverId: string }>
  /** Will never be stored: tell the sender (typeu 3) so it stops retrying. */
  | Readonly<{ status: 'refused'; refusal: SendRefusal }>;

export type MessagingService = Readonly<{
  /**
   * Validates, de-duplicates by (sender, fp), stores with the next per-conversation seq, and
   * resolves only after the commit. Rejects when storing failed; the sender gets no ACK and
   * will retransmit.
   */
  send(request: SendRequest): Promise<SendOutcome>;
  /** Commits anything queued; later sends reject. */
  close(): void;
}>;

export const MAX_FP_LENGTH = 128;

export function createMessagingService(
  deps: Readonly<{
    users: UserRepository;
    messages: MessageRepository;
    delivery: DeliveryService;
    clock: Clock;
    logger: Logger;
    batchMaxMessages: number;
  }>,
): MessagingService {
  const { users, messages, delivery, clock, logger } = deps;
  const writer = createBatchWriter<MessageDraft, AppendResult>(
    (drafts) => {
      const results = messages.appendBatch(drafts, () => clock.now());
      if (drafts.length > 1) logger.debug('group commit', { messages: drafts.length });
      return results;
    },
    { maxBatch: deps.batchMaxMessages },
  );

  const refuse = (
    fp: string,
    code: ServerErrorCode,
    message: string = serverErrors[code].message,
  ): SendOutcome => ({
    status: 'refused',
    refusal: { fp, code, message },
  });

  return {
    async send({ senderId, to, fp, dataContent }) {
      if (fp.length === 0 || fp.length > MAX_FP_LENGTH)
        return refuse(fp, 'invalid-request', 'The fingerprint is not valid.');
      if (to === SERVER_ID || to === senderId) return refuse(fp, 'invalid-recipient');
      if (!users.exists(to)) return refuse(fp, 'user-not-found');
      const payload = decodePayload(dataContent, outgoingMessageSchema);
      if (!payload.ok) return refuse(fp, 'invalid-request', `The message is not valid: ${payload.message}`);

      const conversationId = directConversationId(senderId, to);
      const result = await writer.submit({
        conversationId,
        conversationKind: 'direct',
        memberIds: [senderId, to],
        senderId,
        recipientIds: [to],
        fp,
        kind: payload.value.kind,
        bodyJson: JSON.stringify(payload.value.body),
      });
      switch (result.status) {
        case 'stored':
          delivery.deliver(to, toWireMessage(result.message));
          return { status: 'accepted', receiverId: to };
        case 'duplicate':
          // Same ACK again, never a second copy or relay; pending delivery retries on its own.
          logger.debug('duplicate message', { senderId, fp });
          return { status: 'accepted', receiverId: to };
        case 'failed':
          throw result.error;
      }
    },
    close() {
      writer.close();
    },
  };
}
