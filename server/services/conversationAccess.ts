import { directPeer } from '../../shared/protocol';
import type { ConversationRepository } from '../storage/conversationRepository';
import { groupIdOf, type GroupRepository } from '../storage/groupRepository';
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

/** How a user stands in a group conversation, for rules that differ by role. */
export type GroupStanding = 'moderator' | 'member' | 'departed' | 'read-only' | null;

/** Reads group standing and departures; null (and no limit) for conversations that are not groups. */
export type GroupAccess = Readonly<{
  /** A departed member's last readable sequence; null for anyone else. */
  departedUntil(conversationId: string, userId: string): number | null;
  standing(conversationId: string, userId: string): GroupStanding;
}>;

export function createGroupAccess(groups: Pick<GroupRepository, 'find' | 'membership'>): GroupAccess {
  const membership = (conversationId: string, userId: string) => {
    const groupId = groupIdOf(conversationId);
    return groupId === null ? undefined : groups.membership(groupId, userId);
  };
  return {
    departedUntil: (conversationId, userId) => membership(conversationId, userId)?.leftSeq ?? null,
    standing(conversationId, userId) {
      const groupId = groupIdOf(conversationId);
      const group = groupId === null ? undefined : groups.find(groupId);
      const member = membership(conversationId, userId);
      if (!group || !member) return null;
      if (member.leftSeq !== null) return 'departed';
      if (group.dissolved) return 'read-only';
      return member.role === 'member' ? 'member' : 'moderator';
    },
  };
}
