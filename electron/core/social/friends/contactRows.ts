import type { Contact, FriendRequest, Presence } from '../../../../shared/ipc';

/** A `contacts` row joined with the contact's presence, as better-sqlite3 returns it. */
export type ContactRow = Readonly<{
  user_id: string;
  username: string;
  display_name: string;
  remark: string | null;
  relation: 'none' | 'friend';
  blocked: number;
  friends_since: number | null;
  removed_at: number | null;
  online: number | null;
  last_seen: number | null;
}>;

export type FriendRequestRow = Readonly<{
  peer_id: string;
  direction: 'incoming' | 'outgoing';
  message: string;
  at: number;
  username: string | null;
  display_name: string | null;
}>;

export type PresenceRow = Readonly<{ user_id: string; online: number; last_seen: number | null }>;

/** Listed contacts are friends and blocked users; any other row is a profile cache or a tombstone. */
export const isListed = (row: Pick<ContactRow, 'relation' | 'blocked'>): boolean =>
  row.relation === 'friend' || row.blocked === 1;

export function toPresence(row: PresenceRow): Presence {
  return { userId: row.user_id, online: row.online === 1, lastSeen: row.online === 1 ? null : row.last_seen };
}

/** A profile not fetched yet shows the user id as the name until it arrives. */
export function toContact(row: ContactRow): Contact {
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name === '' ? row.user_id : row.display_name,
    remark: row.remark ?? '',
    relation: row.relation,
    blocked: row.blocked === 1,
    friendsSince: row.relation === 'friend' ? row.friends_since : null,
    presence:
      row.online === null
        ? null
        : toPresence({ user_id: row.user_id, online: row.online, last_seen: row.last_seen }),
  };
}

export function toFriendRequest(row: FriendRequestRow): FriendRequest {
  return {
    userId: row.peer_id,
    username: row.username ?? '',
    displayName: row.display_name === null || row.display_name === '' ? row.peer_id : row.display_name,
    direction: row.direction,
    message: row.message,
    at: row.at,
  };
}
