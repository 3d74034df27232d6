import { directPeer } from '../../shared/protocol';
import type { ConversationRepository } from '../storage/conversationRepository';
import { CommandFailure } from './commandFailure';

/**
 * Whether `userId` may act in `conversationId`: a member may; a one-to-one conversation of
 * theirs that has no message yet is `absent` (not an error to read, nothing to act on);
 * anything else is forbidden, without saying whether it exists.
 */
export function conversationAccess(
  conversations: Pick<ConversationRepository, 'isMember'>,
  conversationId: string,
  userId: string,
): 'member' | 'absent' {
  if (conversations.isMember(conversationId, userId)) return 'member';
  if (directPeer(conversationId, userId) !== null) return 'absent';
  throw new CommandFailure('forbidden');
}
