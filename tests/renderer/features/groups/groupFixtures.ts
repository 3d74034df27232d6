import type { Group, GroupMember } from '../../../../shared/ipc/channels/groups';
import type { Conversation } from '../../../../shared/ipc/models';

export function group(overrides: Partial<Group> & Pick<Group, 'groupId' | 'name'>): Group {
  return {
    conversationId: `g:${overrides.groupId}`,
    notice: '',
    ownerId: 'u1',
    memberCount: 3,
    myRole: 'owner',
    myNickname: '',
    state: 'member',
    ...overrides,
  };
}

export function member(
  overrides: Partial<GroupMember> & Pick<GroupMember, 'userId' | 'displayName'>,
): GroupMember {
  return {
    username: overrides.displayName.toLowerCase(),
    role: 'member',
    nickname: '',
    ...overrides,
  };
}

export function groupConversation(g: Group): Conversation {
  return {
    id: g.conversationId,
    kind: 'group',
    title: g.name,
    group: { groupId: g.groupId, memberCount: g.memberCount, role: g.myRole, state: g.state },
    peer: null,
    lastMessage: null,
    unread: 0,
    updatedAt: 1,
    draft: '',
    pinned: false,
    muted: false,
    mentioned: false,
  };
}
