import { useCallback, useEffect, useState } from 'react';
import type { Contact } from '../../../../shared/ipc/channels/contacts';
import type { GroupMember } from '../../../../shared/ipc/channels/groups';
import type { Conversation } from '../../../../shared/ipc/models';
import { useApi } from '../../api/apiContext';
import { useChatStore } from '../../state/storeContext';
import { contactName } from '../contacts/useContacts';

const NO_MEMBERS: readonly GroupMember[] = [];
const NO_CONTACTS: ReadonlyMap<string, Contact> = new Map();

/**
 * Names for the people in a conversation: the group's members (nickname first), the peer, the
 * user, and contacts (so a notice about someone who has left the group still names a friend).
 * Ids nobody knows fall back to the id.
 */
export function useMemberNames(conversation: Conversation) {
  const api = useApi();
  const account = useChatStore((s) => s.account);
  const [members, setMembers] = useState<readonly GroupMember[]>(NO_MEMBERS);
  const [contacts, setContacts] = useState<ReadonlyMap<string, Contact>>(NO_CONTACTS);
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

  useEffect(() => {
    if (!groupId) return undefined;
    let current = true;
    const merge = (list: readonly Contact[]): void => {
      if (!current) return;
      setContacts((known) => new Map([...known, ...list.map((c): [string, Contact] => [c.userId, c])]));
    };
    // Subscribe before listing so a change in between is not lost; a failed list (basic mode) leaves none.
    const off = api.contacts.onChanged(({ contacts: changed }) => merge(changed));
    void api.contacts.list({}).then((result) => {
      if (result.ok) merge(result.value);
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
      const contact = contacts.get(userId);
      if (contact) return contactName(contact);
      return userId;
    },
    [account, members, contacts, conversation.peer],
  );

  return { members, nameOf };
}
