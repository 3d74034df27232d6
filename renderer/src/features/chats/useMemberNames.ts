import { useCallback, useEffect, useState } from 'react';
import type { GroupMember } from '../../../../shared/ipc/channels/groups';
import type { Conversation } from '../../../../shared/ipc/models';
import { useApi } from '../../api/apiContext';
import { useChatStore } from '../../state/storeContext';

const NO_MEMBERS: readonly GroupMember[] = [];

/**
 * Names for the people in a conversation: the group's members (nickname first), the peer, and
 * the user. Unknown ids (people who left) fall back to the id.
 */
export function useMemberNames(conversation: Conversation) {
  const api = useApi();
  const account = useChatStore((s) => s.account);
  const [members, setMembers] = useState<readonly GroupMember[]>(NO_MEMBERS);
  const groupId = conversation.group?.groupId ?? null;

  useEffect(() => {
    setMembers(NO_MEMBERS);
    if (!groupId) return undefined;
    let current = true;
    void api.groups.members({ groupId }).then((result) => {
      if (current && result.ok) setMembers(result.value);
    });
    const off = api.groups.onMembersChanged((payload) => {
      if (payload.groupId === groupId && current) setMembers(payload.members);
    });
    return () => {
      current = false;
      off();
    };
  }, [api, groupId]);

  const nameOf = useCallback(
    (userId: string): string => {
      if (account && userId === account.userId) return account.displayName;
      const member = members.find((m) => m.userId === userId);
      if (member) return member.nickname || member.displayName;
      if (conversation.peer?.userId === userId) return conversation.peer.displayName;
      return userId;
    },
    [account, members, conversation.peer],
  );

  return { members, nameOf };
}
