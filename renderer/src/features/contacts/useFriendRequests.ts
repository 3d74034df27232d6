import { useEffect, useState } from 'react';
import type { FriendRequest } from '../../../../shared/ipc/channels/contacts';
import { useApi } from '../../api/apiContext';

/** Pending friend requests both ways, newest first, kept live (each event carries the whole list). */
export function useFriendRequests(): readonly FriendRequest[] {
  const api = useApi();
  const [requests, setRequests] = useState<readonly FriendRequest[]>([]);
  useEffect(() => {
    let current = true;
    let heard = false;
    const off = api.friends.onRequestsChanged(({ requests: all }) => {
      heard = true;
      setRequests(all);
    });
    void api.friends.requests({}).then((result) => {
      // An event that arrived meanwhile is newer than this answer.
      if (current && result.ok && !heard) setRequests(result.value);
    });
    return () => {
      current = false;
      off();
    };
  }, [api]);
  return requests;
}
