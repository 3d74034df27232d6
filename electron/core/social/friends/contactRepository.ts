import type { Database } from 'better-sqlite3';
import type { ContactRow, FriendRequestRow, PresenceRow } from './contactRows';

const CONTACT_COLUMNS = `
  c.user_id, c.username, c.display_name, c.remark, c.relation, c.blocked, c.friends_since,
  c.removed_at, p.online, p.last_seen`;

/**
 * The only SQL that touches `contacts`, `friend_requests` and `presence`. A contact row with an
 * empty username is a user known only by id: its profile is still to be fetched.
 */
export function createContactRepository(db: Database) {
  const byId = db.prepare<[string], ContactRow>(
    `SELECT ${CONTACT_COLUMNS} FROM contacts c LEFT JOIN presence p ON p.user_id = c.user_id WHERE c.user_id = ?`,
  );
  const listed = db.prepare<[], ContactRow>(
    `SELECT ${CONTACT_COLUMNS} FROM contacts c LEFT JOIN presence p ON p.user_id = c.user_id
     WHERE c.relation = 'friend' OR c.blocked = 1
     ORDER BY lower(COALESCE(NULLIF(c.remark, ''), NULLIF(c.display_name, ''), c.user_id)), c.user_id`,
  );
  // A profile already known from a one-to-one conversation saves a fetch (the aggregate always
  // yields one row: empty names when no conversation knows the user).
  const insert = db.prepare<[{ id: string; now: number }]>(`
    INSERT INTO contacts (user_id, username, display_name, added_at, updated_at)
    SELECT @id, COALESCE(MAX(peer_username), ''), COALESCE(MAX(peer_display_name), ''), @now, @now
      FROM conversations WHERE peer_user_id = @id AND peer_username IS NOT NULL
    ON CONFLICT (user_id) DO NOTHING`);
  const setFriend = db.prepare<[number, number, string]>(
    `UPDATE contacts SET relation = 'friend', friends_since = ?, removed_at = NULL, updated_at = ?
     WHERE user_id = ? AND relation != 'friend'`,
  );
  const unfriend = db.prepare<[number, number, string]>(
    `UPDATE contacts SET relation = 'none', friends_since = NULL, removed_at = ?, updated_at = ?
     WHERE user_id = ? AND relation = 'friend'`,
  );
  const setBlocked = db.prepare<[number, number, number | null, string, number]>(
    `UPDATE contacts SET blocked = ?, updated_at = ?,
       removed_at = CASE WHEN relation = 'none' THEN ? ELSE removed_at END
     WHERE user_id = ? AND blocked != ?`,
  );
  const setRemark = db.prepare<[string | null, number, string]>(
    'UPDATE contacts SET remark = ?, updated_at = ? WHERE user_id = ?',
  );
  const setProfile = db.prepare<[string, string, number, string, string, string]>(
    `UPDATE contacts SET username = ?, display_name = ?, updated_at = ?
     WHERE user_id = ? AND (username != ? OR display_name != ?)`,
  );
  const missingProfiles = db.prepare<[], { user_id: string }>(
    "SELECT user_id FROM contacts WHERE username = '' ORDER BY user_id",
  );
  const friendIds = db.prepare<[], { user_id: string }>(
    "SELECT user_id FROM contacts WHERE relation = 'friend' ORDER BY user_id",
  );
  const blockedIds = db.prepare<[], { user_id: string }>('SELECT user_id FROM contacts WHERE blocked = 1');

  const requests = db.prepare<[], FriendRequestRow>(
    `SELECT r.peer_id, r.direction, r.message, r.at, c.username, c.display_name
     FROM friend_requests r LEFT JOIN contacts c ON c.user_id = r.peer_id
     ORDER BY r.at DESC, r.peer_id`,
  );
  const requestOf = db.prepare<[string], { direction: string; message: string; at: number }>(
    'SELECT direction, message, at FROM friend_requests WHERE peer_id = ?',
  );
  const putRequest = db.prepare<[string, string, string, number]>(`
    INSERT INTO friend_requests (peer_id, direction, message, at) VALUES (?, ?, ?, ?)
    ON CONFLICT (peer_id) DO UPDATE SET direction = excluded.direction, message = excluded.message, at = excluded.at
    WHERE direction != excluded.direction OR message != excluded.message OR at != excluded.at`);
  const dropRequest = db.prepare<[string]>('DELETE FROM friend_requests WHERE peer_id = ?');
  const requestPeers = db.prepare<[], { peer_id: string }>('SELECT peer_id FROM friend_requests');

  const presenceOf = db.prepare<[string], PresenceRow>(
    'SELECT user_id, online, last_seen FROM presence WHERE user_id = ?',
  );
  const putPresence = db.prepare<[string, number, number | null, number]>(`
    INSERT INTO presence (user_id, online, last_seen, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (user_id) DO UPDATE SET online = excluded.online, last_seen = excluded.last_seen,
      updated_at = excluded.updated_at`);

  return {
    byId: (userId: string): ContactRow | null => byId.get(userId) ?? null,
    listed: (): ContactRow[] => listed.all(),
    /** Makes sure a row exists (profile unknown unless a conversation knows it); true if created. */
    ensure: (userId: string, now: number): boolean => insert.run({ id: userId, now }).changes > 0,
    setFriend: (userId: string, since: number, now: number): boolean =>
      setFriend.run(since, now, userId).changes > 0,
    unfriend: (userId: string, at: number, now: number): boolean => unfriend.run(at, now, userId).changes > 0,
    setBlocked: (userId: string, blocked: boolean, at: number, now: number): boolean =>
      setBlocked.run(blocked ? 1 : 0, now, blocked ? null : at, userId, blocked ? 1 : 0).changes > 0,
    setRemark: (userId: string, remark: string, now: number): boolean =>
      setRemark.run(remark === '' ? null : remark, now, userId).changes > 0,
    setProfile: (userId: string, username: string, displayName: string, now: number): boolean =>
      setProfile.run(username, displayName, now, userId, username, displayName).changes > 0,
    missingProfiles: (): string[] => missingProfiles.all().map((r) => r.user_id),
    friendIds: (): string[] => friendIds.all().map((r) => r.user_id),
    blockedIds: (): string[] => blockedIds.all().map((r) => r.user_id),

    requests: (): FriendRequestRow[] => requests.all(),
    hasRequest: (peerId: string): boolean => requestOf.get(peerId) !== undefined,
    putRequest: (peerId: string, direction: 'incoming' | 'outgoing', message: string, at: number): boolean =>
      putRequest.run(peerId, direction, message, at).changes > 0,
    dropRequest: (peerId: string): boolean => dropRequest.run(peerId).changes > 0,
    requestPeers: (): string[] => requestPeers.all().map((r) => r.peer_id),

    presenceOf: (userId: string): PresenceRow | null => presenceOf.get(userId) ?? null,
    putPresence: (userId: string, online: boolean, lastSeen: number | null, now: number): void => {
      putPresence.run(userId, online ? 1 : 0, lastSeen, now);
    },
  };
}

export type ContactRepository = ReturnType<typeof createContactRepository>;
