import { useCallback, useEffect, useState } from 'react';
import type { GroupMember } from '../../../../shared/ipc/channels/groups';
import type { IpcError } from '../../../../shared/ipc/errors';
import { useApi } from '../../api/apiContext';

export type GroupMembers = Readonly<{
  members: readonly GroupMember[];
  error: IpcError | null;
  /** Asks again (after an action that changes who is in or their roles). */
  reload(): void;
}>;

/** The members of a group (owner first, then admins, then by name), kept live from the members event. */
export function useGroupMembers(groupId: string): GroupMembers {
  const api = useApi();
  const [members, setMembers] = useState<readonly GroupMember[]>([]);
  const [error, setError] = useState<IpcError | null>(null);
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    let current = true;
    const off = api.groups.onMembersChanged((event) => {
      if (event.groupId === groupId) setMembers(event.members);
    });
    void api.groups.members({ groupId }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setMembers(result.value);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      current = false;
      off();
    };
  }, [api, groupId, asked]);

  const reload = useCallback(() => setAsked((n) => n + 1), []);
  return { members, error, reload };
}
