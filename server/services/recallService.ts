import { NoticeEvent, type CommandValue } from '../../shared/protocol';
import type { Clock } from '../ports';
import type { ConversationRepository } from '../storage/conversationRepository';
import type { InboxEntry, InboxRepository } from '../storage/inboxRepository';
import type { MessageRepository } from '../storage/messageRepository';
import { CommandFailure } from './commandFailure';
import type { CommandContext, ParsedArgs } from './commandService';
import { conversationAccess, type GroupAccess } from './conversationAccess';
import type { DeliveryService } from './deliveryService';
import type { WriteQueue } from './writeQueue';

/**
 * Recall: the sender takes a message back within the window. The stored message becomes a
 * tombstone (a `recall` notice: the words are deleted, not hidden) and every member's inbox gets
 * a `recall` event, so devices that were offline converge when they pull.
 */
export type RecallService = Readonly<{
  recall(
    context: CommandContext,
    args: ParsedArgs<'message.recall'>,
  ): Promise<CommandValue<'message.recall'>>;
}>;

export function createRecallService(
  deps: Readonly<{
    conversations: Pick<ConversationRepository, 'isMember' | 'memberIds'>;
    messages: Pick<MessageRepository, 'findBySeq' | 'recall'>;
    inbox: Pick<InboxRepository, 'append'>;
    queue: WriteQueue;
    delivery: Pick<DeliveryService, 'publish'>;
    clock: Clock;
    windowMs: number;
    groups?: Pick<GroupAccess, 'standing'>;
  }>,
): RecallService {
  const { conversations, messages, inbox, queue, delivery, clock } = deps;

  return {
    async recall({ userId }, { conversationId, seq }) {
      const fanout = await queue.run(() => {
        const standing = deps.groups?.standing(conversationId, userId) ?? null;
        if (standing === 'departed') throw new CommandFailure('not-a-member');
        if (standing === 'read-only') throw new CommandFailure('read-only');
        if (conversationAccess(conversations, conversationId, userId) === 'absent')
          throw new CommandFailure('not-found');
        const message = messages.findBySeq(conversationId, seq);
        if (!message) throw new CommandFailure('not-found');
        // In a group, the owner and admins may recall any message at any time.
        const moderator = standing === 'moderator';
        if (message.senderId !== userId && !moderator)
          throw new CommandFailure('forbidden', 'Only the sender may recall a message.');
        // Recalling twice is not an error: a client re-sends commands it got no reply to.
        if (message.recalledAt !== null) return [];
        const now = clock.now();
        if (!moderator && now - message.sentAt > deps.windowMs)
          throw new CommandFailure('recall-window-passed');
        const tombstone = { event: NoticeEvent.recall, actorId: userId };
        messages.recall(conversationId, seq, { kind: 'notice', bodyJson: JSON.stringify(tombstone) }, now);
        const recalled = messages.findBySeq(conversationId, seq) ?? null;
        return conversations.memberIds(conversationId).map((member): [string, InboxEntry] => [
          member,
          {
            event: inbox.append(member, { type: 'recall', conversationId, messageSeq: seq, by: userId }, now),
            message: recalled,
          },
        ]);
      });
      for (const [member, entry] of fanout) delivery.publish(member, [entry]);
      return {};
    },
  };
}
