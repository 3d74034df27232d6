import { directPeer, type CommandValue } from '../../shared/protocol';
import type { Clock } from '../ports';
import type { ConversationRepository } from '../storage/conversationRepository';
import type { InboxEntry, InboxRepository } from '../storage/inboxRepository';
import { CommandFailure } from './commandFailure';
import type { CommandContext, ParsedArgs } from './commandService';
import { conversationAccess } from './conversationAccess';
import type { DeliveryService } from './deliveryService';
import type { WriteQueue } from './writeQueue';

/**
 * Read state: how far each member has read each conversation. Marking read writes a `read`
 * event to the reader's own inbox (their other devices follow) and, one-to-one, a `receipt`
 * event to the peer's (their ticks turn to "read").
 */
export type ReadService = Readonly<{
  mark(context: CommandContext, args: ParsedArgs<'read.mark'>): Promise<CommandValue<'read.mark'>>;
}>;

export function createReadService(
  deps: Readonly<{
    conversations: Pick<ConversationRepository, 'isMember' | 'lastSeq' | 'advanceRead'>;
    inbox: Pick<InboxRepository, 'append'>;
    queue: WriteQueue;
    delivery: Pick<DeliveryService, 'publish'>;
    clock: Clock;
  }>,
): ReadService {
  const { conversations, inbox, queue, delivery, clock } = deps;

  return {
    async mark({ userId }, { conversationId, seq }) {
      const outcome = await queue.run(() => {
        if (conversationAccess(conversations, conversationId, userId) === 'absent')
          throw new CommandFailure('not-found');
        // Never past the last message: a read mark is a claim about messages that exist.
        const target = Math.min(seq, conversations.lastSeq(conversationId) ?? 0);
        const read = conversations.advanceRead(conversationId, userId, target);
        if (!read) throw new CommandFailure('not-found');
        const fanout: [string, InboxEntry][] = [];
        if (read.moved) {
          const now = clock.now();
          const own = inbox.append(userId, { type: 'read', conversationId, readSeq: read.readSeq }, now);
          fanout.push([userId, { event: own, message: null }]);
          const peer = directPeer(conversationId, userId);
          if (peer !== null) {
            const receipt = inbox.append(
              peer,
              { type: 'receipt', conversationId, readSeq: read.readSeq, by: userId },
              now,
            );
            fanout.push([peer, { event: receipt, message: null }]);
          }
        }
        return { readSeq: read.readSeq, fanout };
      });
      for (const [user, entry] of outcome.fanout) delivery.publish(user, [entry]);
      return { readSeq: outcome.readSeq };
    },
  };
}
